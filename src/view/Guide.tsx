/**
 * A fix guide, inline. Sections for the detected OS and browser come first; the others wait
 * under "Other systems". A warn step is loud; a step with an action gets a real button.
 */
import type { Guide, GuideSection, GuideStep, StepAction } from '../guides/types';
import { sectionsFor } from '../guides';
import { Disclosure } from './Disclosure';
import { t } from './i18n';

export interface Platform {
  os: string;
  browser: string;
}

export interface GuideProps {
  guide: Guide;
  platform: Platform;
  /** The device's address, `$1` of every guide text. */
  address: string;
  /** The label of a step's button, or undefined when that action cannot be done here. */
  actionLabel(action: StepAction): string | undefined;
  onAction(action: StepAction): void;
}

export function GuideView({ guide, platform, address, actionLabel, onAction }: GuideProps) {
  const { shown, other } = sectionsFor(guide, platform.os, platform.browser);
  const subs = [address];
  const section = (s: GuideSection) => (
    <section class="guide-section" key={s.key}>
      <h3>{t(s.key, subs)}</h3>
      <ol>
        {s.steps.map((step) => (
          <Step key={step.key} step={step} subs={subs} actionLabel={actionLabel} onAction={onAction} />
        ))}
      </ol>
    </section>
  );
  return (
    <div class="guide" data-testid={`guide-${guide.key}`}>
      <h2>{t(guide.title, subs)}</h2>
      <p class="guide-intro">{t(guide.intro, subs)}</p>
      {shown.map(section)}
      {other.length > 0 && (
        <Disclosure label={t('ui_other_systems')} class="other-systems">
          {other.map(section)}
        </Disclosure>
      )}
    </div>
  );
}

function Step({ step, subs, actionLabel, onAction }: { step: GuideStep; subs: string[]; actionLabel: GuideProps['actionLabel']; onAction: GuideProps['onAction'] }) {
  const action = step.action;
  const label = action ? actionLabel(action) : undefined;
  return (
    <li class={step.warn ? 'step step-warn' : 'step'}>
      {step.warn && (
        <strong class="warn-tag">
          <span aria-hidden="true">⚠ </span>
          {t('ui_warning')}
        </strong>
      )}
      <span class="step-text">{t(step.key, subs)}</span>
      {action && label && (
        <button type="button" class="step-action" data-action={action} onClick={() => onAction(action)}>
          {label}
        </button>
      )}
    </li>
  );
}
