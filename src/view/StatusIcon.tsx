import type { Severity } from '../model';
import { t } from './i18n';

export type Status = Severity | 'checking' | 'unchecked';

const GLYPH: Record<Status, string> = { ok: '✓', warn: '!', error: '✕', checking: '', unchecked: '?' };
const LABEL: Record<Status, string> = { ok: 'sev_ok', warn: 'sev_warn', error: 'sev_error', checking: 'ui_checking', unchecked: 'ui_unchecked' };

/** A colored dot whose shape also tells the state, with its name for screen readers. */
export function StatusIcon({ status, large }: { status: Status; large?: boolean }) {
  return (
    <span class={`dot dot-${status}${large ? ' dot-large' : ''}`}>
      <span aria-hidden="true">{GLYPH[status]}</span>
      <span class="sr-only">{t(LABEL[status])}</span>
    </span>
  );
}
