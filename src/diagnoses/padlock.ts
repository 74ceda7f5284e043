import type { CertInfo, DeviceDiagnosis } from '../model';

/**
 * What the browser's padlock says of a device's HTTPS, as IT reads it in the padlock audit.
 * `exception`: Firefox reached it only through the user's certificate exception.
 * `unknown`: the browser never got as far as the certificate (DNS, permission, offline...).
 */
export type Padlock = 'trusted' | 'exception' | 'temporary' | 'untrusted' | 'expired' | 'wrong-name' | 'changed' | 'missing' | 'unreachable' | 'unknown';

/** Worst first: the order of the audit's padlock filter and of a sort by padlock. */
export const PADLOCKS: readonly Padlock[] = ['changed', 'expired', 'wrong-name', 'untrusted', 'missing', 'temporary', 'exception', 'unreachable', 'unknown', 'trusted'];

/**
 * Every diagnosis code (src/diagnoses/*.ts), decided on purpose: the unit test fails when a
 * new code is missing here. Printer status codes mean the ePOS answer came over trusted HTTPS.
 */
export const PADLOCK_OF_CODE: Readonly<Record<string, Padlock>> = {
  BOX_OK: 'trusted',
  BOX_CERT_EXPIRING: 'trusted',
  BOX_CERT_EXPIRED: 'expired',
  BOX_CERT_INVALID: 'untrusted',
  BOX_CERT_ERROR: 'missing',
  BOX_UNREACHABLE: 'unreachable',
  BOX_HTTPS_DOWN: 'unreachable',
  BOX_HOSTNAME_MISSING: 'unknown',
  BOX_DNS_BLOCKED: 'unknown',
  BOX_NAME_UNKNOWN: 'unknown',
  BOX_DNS_UNVERIFIED: 'unknown',
  BOX_NAME_STALE: 'unknown',
  PRINTER_OK: 'trusted',
  PRINTER_PAPER_LOW: 'trusted',
  PRINTER_PAPER_OUT: 'trusted',
  PRINTER_COVER_OPEN: 'trusted',
  PRINTER_OFFLINE: 'trusted',
  PRINTER_WRONG_DEVID: 'trusted',
  PRINTER_ERROR: 'trusted',
  PRINTER_CERT_UNTRUSTED: 'untrusted',
  PRINTER_CERT_OTHER: 'untrusted',
  PRINTER_CERT_TEMPORARY: 'temporary',
  PRINTER_CERT_EXPIRED: 'expired',
  PRINTER_CERT_NAME: 'wrong-name',
  PRINTER_CERT_CHANGED: 'changed',
  PRINTER_UNREACHABLE: 'unreachable',
  PRINTER_NOT_RESPONDING: 'unreachable',
  PRINTER_REFUSED: 'unreachable',
  PC_OFFLINE: 'unknown',
  PC_CLOCK_WRONG: 'unknown',
  NEEDS_PERMISSION: 'unknown',
  LNA_BLOCKED: 'unknown',
  UNKNOWN_ERROR: 'unknown',
  UNEXPECTED_ANSWER: 'unknown',
  // The point of sale (pos.ts): the page and its Odoo settings have no padlock of their own.
  POS_OK: 'unknown',
  POS_NO_ACCESS: 'unknown',
  POS_TAB_CLOSED: 'unknown',
  POS_HTTP_BLOCKED: 'unknown',
  POS_HTTP_INSECURE: 'unknown',
  POS_LNA_PROMPT: 'unknown',
  POS_LNA_UNSUPPORTED: 'unknown',
  POS_EPSON_ADDRESS: 'unknown',
  POS_PRINTER_NO_IP: 'unknown',
  POS_PRINTER_IS_BOX: 'unknown',
  POS_BOX_IP_MISMATCH: 'unknown',
  POS_DEVICES_MISSING: 'unknown',
  // Reached over plain http (Odoo's LNA mode): its certificate was not what the POS uses.
  BOX_OK_HTTP: 'unknown',
  PRINTER_CERT_IMPORTED_UNTRUSTED: 'untrusted',
};

/** The padlock of one diagnosed device, from its code (and Firefox's exception mark). */
export function padlockOf(d: Pick<DeviceDiagnosis, 'code' | 'kind'> & { cert?: Pick<CertInfo, 'exception'> | undefined }): Padlock {
  // A printer's unexpected answer still came over HTTPS the browser accepted.
  const p = d.code === 'UNEXPECTED_ANSWER' && d.kind === 'printer' ? 'trusted' : (PADLOCK_OF_CODE[d.code] ?? 'unknown');
  return p === 'trusted' && d.cert?.exception ? 'exception' : p;
}

/** How the audit colors a padlock. */
export function padlockSeverity(p: Padlock): 'ok' | 'warn' | 'error' {
  if (p === 'trusted') return 'ok';
  if (p === 'temporary' || p === 'exception' || p === 'unknown') return 'warn';
  return 'error';
}
