import type { PrinterFindings } from '../probes/printer';
import { printerState } from '../probes/epos';
import { CLOCK_SKEW_LIMIT_MS, skewDays, type Verdict } from './decide-box';

const STATE_CODE = {
  ok: 'PRINTER_OK',
  'paper-out': 'PRINTER_PAPER_OUT',
  'paper-low': 'PRINTER_PAPER_LOW',
  'cover-open': 'PRINTER_COVER_OPEN',
  offline: 'PRINTER_OFFLINE',
  'wrong-devid': 'PRINTER_WRONG_DEVID',
  error: 'PRINTER_ERROR',
} as const;

/** From what the printer probes found to one verdict. */
export function decidePrinter(f: PrinterFindings, clockSkewMs?: number): Verdict {
  const facts: Record<string, string> = { ip: f.ip };
  const h = f.https;
  if (h.ok) {
    const e = f.epos;
    if (!e || !e.valid) return { code: 'UNEXPECTED_ANSWER', facts: { detail: e && !e.valid ? e.reason : 'no answer' } };
    const { state, code } = printerState(e);
    return { code: STATE_CODE[state], facts: { ...facts, deviceId: f.deviceId, eposCode: code || `status 0x${e.status.toString(16)}` }, ...(h.cert ? { cert: h.cert } : {}) };
  }
  const raw = h.raw;
  switch (h.failure) {
    case 'cert-authority':
      if (f.page?.ok) return { code: 'PRINTER_CERT_TEMPORARY', facts, raw };
      return { code: 'PRINTER_CERT_UNTRUSTED', facts, raw };
    case 'cert-date':
      if (clockSkewMs !== undefined && Math.abs(clockSkewMs) > CLOCK_SKEW_LIMIT_MS) return { code: 'PC_CLOCK_WRONG', facts: { skewDays: skewDays(clockSkewMs) }, raw };
      return { code: 'PRINTER_CERT_EXPIRED', facts, raw };
    case 'cert-name':
      return { code: 'PRINTER_CERT_NAME', facts, raw };
    case 'cert-other':
      return { code: 'PRINTER_CERT_OTHER', facts, raw };
    case 'offline':
      return { code: 'PC_OFFLINE', facts, raw };
    case 'no-permission':
      return { code: 'NEEDS_PERMISSION', facts: { origin: new URL(h.url).origin }, raw };
    case 'lna-blocked':
      return { code: 'LNA_BLOCKED', facts, raw };
    case 'refused':
      return { code: f.plain?.ok ? 'PRINTER_NOT_RESPONDING' : 'PRINTER_REFUSED', facts, raw };
    case 'timeout':
      return { code: f.plain?.ok ? 'PRINTER_NOT_RESPONDING' : 'PRINTER_UNREACHABLE', facts, raw };
    case 'unreachable':
    case 'dns':
      return { code: 'PRINTER_UNREACHABLE', facts, raw };
    default:
      return { code: 'UNKNOWN_ERROR', facts: { raw }, raw };
  }
}
