import type { Translate } from './i18n';

/** "Checked 3 minutes ago": plural rules come from Intl in the browser's own language. */
export function ageText(iso: string, now: number, t: Translate, lang: string): string {
  const seconds = Math.round((now - Date.parse(iso)) / 1000);
  if (!Number.isFinite(seconds)) return '';
  if (seconds < 45) return t('ui_checked_just_now');
  const [value, unit]: [number, Intl.RelativeTimeFormatUnit] =
    seconds < 3600 ? [Math.max(1, Math.round(seconds / 60)), 'minute'] : seconds < 86_400 ? [Math.round(seconds / 3600), 'hour'] : [Math.round(seconds / 86_400), 'day'];
  let rel: string;
  try {
    rel = new Intl.RelativeTimeFormat(lang, { numeric: 'always' }).format(-value, unit);
  } catch {
    rel = new Intl.RelativeTimeFormat('en', { numeric: 'always' }).format(-value, unit);
  }
  return t('ui_checked_ago', [rel]);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

/** A fact as a cashier reads it: ISO dates become the local calendar date, the rest stays. */
export function displayFact(value: string, lang: string): string {
  if (!ISO_DATE.test(value)) return value;
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  try {
    return date.toLocaleDateString(lang, { year: 'numeric', month: 'long', day: 'numeric' });
  } catch {
    return value;
  }
}
