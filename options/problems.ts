/**
 * The worker's validation codes (src/config/validate.ts, src/config/transfer.ts) as sentences.
 * Each code has one text, `opt_err_<code>`, that quotes the offending value (`args`).
 */
import type { ValidationError } from '../src/config/validate';
import type { Translate } from '../src/view/i18n';

export const PROBLEM_CODES = [
  'empty',
  'too-long',
  'wrong-scheme',
  'ipv6-unsupported',
  'not-an-address',
  'bad-port',
  'ip-parts',
  'ip-octet-range',
  'bad-ip',
  'reserved-ip',
  'two-ips',
  'two-names',
  'public-ip',
  'not-odoo-iot-name',
  'name-without-ip',
  'epson-serial',
  'epson-certified-name',
  'printer-needs-ip',
  'bad-device-id',
  'not-a-url',
  'doh-needs-https',
  'bad-interval',
  'too-many',
  'duplicate',
  'import-too-big',
  'import-not-json',
  'import-bad-shape',
  'import-newer',
  'import-empty',
  // src/policy/merge.ts policyErrors: the administrator locks the list (saveConfig, checkConfig, import).
  'locked-by-policy',
] as const;

export const problemKey = (code: string): string => `opt_err_${code.replace(/-/g, '_')}`;

export function problemText(p: Pick<ValidationError, 'error' | 'args'>, t: Translate): string {
  if (!(PROBLEM_CODES as readonly string[]).includes(p.error)) return t('opt_err_unknown', [p.error]);
  return t(problemKey(p.error), p.args ?? []);
}

/** An import problem, prefixed with where it is in the file: "Printer 3 in the file: …". */
export function importProblemText(p: ValidationError, t: Translate): string {
  const text = problemText(p, t);
  const m = /^(boxes|printers)\.(\d+)/.exec(p.field);
  if (m) return t('opt_import_at', [t(m[1] === 'boxes' ? 'opt_import_box_n' : 'opt_import_printer_n', [String(Number(m[2]) + 1)]), text]);
  if (p.field.startsWith('list.')) return t('opt_import_clash', [text]);
  return text;
}
