import type { ComponentChildren } from 'preact';
import type { ValidationError } from '../src/config/validate';
import { t } from '../src/view/i18n';
import { problemText } from './problems';

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onInput(value: string): void;
  onBlur?(): void;
  errors?: ValidationError[] | undefined;
  warnings?: ValidationError[] | undefined;
  /** Show the problems (after the input was left, or after a save attempt). */
  show: boolean;
  placeholder?: string;
  type?: 'text' | 'number' | 'url';
  inputMode?: 'text' | 'decimal' | 'numeric' | 'url';
  min?: number;
  max?: number;
  required?: boolean;
  autoFocus?: boolean;
  mono?: boolean;
  testid?: string;
  /** Read-only (set by the administrator); `badge` says so inside the label, so screen readers hear it with the name. */
  disabled?: boolean;
  badge?: ComponentChildren;
}

/** A labelled input whose hint and problems are tied to it for screen readers. */
export function Field(p: FieldProps) {
  const errors = p.show ? (p.errors ?? []) : [];
  const warnings = p.show ? (p.warnings ?? []) : [];
  const hintId = `${p.id}-hint`;
  const msgId = `${p.id}-msg`;
  return (
    <div class={`field${errors.length ? ' field-error' : warnings.length ? ' field-warn' : ''}`}>
      <label for={p.id}>
        {p.label}
        {p.required && <span class="sr-only"> {t('opt_required')}</span>}
        {p.badge && <> {p.badge}</>}
      </label>
      <input
        id={p.id}
        name={p.id}
        class={p.mono ? 'mono' : undefined}
        type={(p.type ?? 'text') as 'text'}
        inputMode={p.inputMode}
        min={p.min}
        max={p.max}
        value={p.value}
        placeholder={p.placeholder}
        spellcheck={false}
        autoComplete="off"
        autoCapitalize="off"
        autoFocus={p.autoFocus}
        disabled={p.disabled}
        aria-required={p.required || undefined}
        aria-invalid={errors.length ? true : undefined}
        aria-describedby={`${msgId}${p.hint ? ` ${hintId}` : ''}`}
        data-testid={p.testid}
        onInput={(e) => p.onInput((e.currentTarget as HTMLInputElement).value)}
        onBlur={p.onBlur}
      />
      <div id={msgId} class="field-msgs" aria-live="polite">
        {errors.map((e) => (
          <p class="msg msg-error" data-code={e.error}>
            <span class="msg-icon" aria-hidden="true">✕</span>
            <span>{problemText(e, t)}</span>
          </p>
        ))}
        {warnings.map((w) => (
          <p class="msg msg-warn" data-code={w.error}>
            <span class="msg-icon" aria-hidden="true">!</span>
            <span>{problemText(w, t)}</span>
          </p>
        ))}
      </div>
      {p.hint && (
        <p id={hintId} class="hint">
          {p.hint}
        </p>
      )}
    </div>
  );
}
