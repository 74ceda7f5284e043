/**
 * Text lookup for the views. A missing text shows its key name, never a blank: a blank row
 * hides a bug from everyone, a visible `dx_FOO_verdict` gets reported.
 */
import { api } from '../platform/api';

export type Translate = (key: string, subs?: ReadonlyArray<string | number>) => string;
type GetMessage = (key: string, subs?: Array<string | number>) => string | undefined;

/** Builds a `t()` over any getMessage (the browser's by default; tests pass their own). */
export function makeT(getMessage: GetMessage | undefined = api?.i18n?.getMessage?.bind(api.i18n)): Translate {
  return (key, subs) => {
    let text: string | undefined;
    try {
      // getMessage takes at most 9 substitutions and answers undefined past that.
      text = getMessage?.(key, subs ? subs.slice(0, 9).map(String) : undefined);
    } catch {
      text = undefined;
    }
    return text ? text : key;
  };
}

export const t: Translate = makeT();

/** The browser's UI language, for Intl formatters; falls back to the page's. */
export function uiLanguage(): string {
  try {
    return api?.i18n?.getUILanguage?.() || navigator.language || 'en';
  } catch {
    return 'en';
  }
}
