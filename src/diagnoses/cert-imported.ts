import type { CheckResult } from '../model';
import type { Verdict } from './decide-box';
import { padlockOf } from './padlock';
import { define } from './types';

/**
 * "I imported the certificate, and it still fails": once the user marks that guide step done, a
 * check that still finds the printer untrusted says why that happens (the browser keeps its old
 * verdict until it restarts; on Windows the certificate went to the wrong store) instead of
 * repeating "not trusted".
 */
export default define([
  { code: 'PRINTER_CERT_IMPORTED_UNTRUSTED', severity: 'error', guide: 'cert-imported', from: ['cert-authority'], facts: ['ip', 'importedAt'], lab: 'cert-imported-untrusted' },
]);

/** Verdicts that mean "this browser still does not trust the printer's certificate". */
const STILL_UNTRUSTED = new Set(['PRINTER_CERT_UNTRUSTED', 'PRINTER_CERT_TEMPORARY', 'PRINTER_CERT_CHANGED']);
/** A mark older than this is forgotten: by then the browser has restarted many times. */
export const IMPORT_MARK_DAYS = 14;
const DAY = 86_400_000;

const fresh = (markedAt: string | undefined, now: Date): markedAt is string =>
  !!markedAt && Number.isFinite(Date.parse(markedAt)) && now.getTime() - Date.parse(markedAt) < IMPORT_MARK_DAYS * DAY;

export function withCertImported(v: Verdict, markedAt: string | undefined, now: Date): Verdict {
  if (!STILL_UNTRUSTED.has(v.code) || !fresh(markedAt, now)) return v;
  return { ...v, code: 'PRINTER_CERT_IMPORTED_UNTRUSTED', facts: { ip: v.facts.ip ?? '', importedAt: markedAt.slice(0, 10) } };
}

/**
 * The marks to keep after a check: a printer whose certificate the browser now accepts (or that
 * is no longer checked) is done; a printer off for now keeps its mark for when it answers again.
 */
export function keptImportMarks(result: CheckResult, marks: Record<string, string>, now: Date): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of result.devices) {
    const at = marks[d.deviceId];
    const accepted = ['trusted', 'exception'].includes(padlockOf(d));
    if (d.kind === 'printer' && !accepted && fresh(at, now)) out[d.deviceId] = at;
  }
  return out;
}
