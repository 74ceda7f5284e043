/**
 * Epson ePOS-Print status: the SOAP request that prints nothing, and a parser for the answer
 * that never throws (a Chromium service worker has no DOMParser; devices send garbage).
 */
export const EPOS_STATUS_BODY =
  '<?xml version="1.0" encoding="utf-8"?>' +
  '<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>' +
  '<epos-print xmlns="http://www.epson-pos.com/schemas/2011/03/epos-print"/>' +
  '</s:Body></s:Envelope>';

export const EPOS_HEADERS = {
  'Content-Type': 'text/xml; charset=utf-8',
  'If-Modified-Since': 'Thu, 01 Jan 1970 00:00:00 GMT',
  SOAPAction: '""',
};

export const STATUS = {
  NO_RESPONSE: 0x1,
  PRINT_SUCCESS: 0x2,
  DRAWER_KICK: 0x4,
  OFF_LINE: 0x8,
  COVER_OPEN: 0x20,
  PAPER_FEED: 0x40,
  WAIT_ON_LINE: 0x100,
  PANEL_SWITCH: 0x200,
  MECHANICAL_ERR: 0x400,
  AUTOCUTTER_ERR: 0x800,
  UNRECOVER_ERR: 0x2000,
  AUTORECOVER_ERR: 0x4000,
  RECEIPT_NEAR_END: 0x20000,
  RECEIPT_END: 0x80000,
  SPOOLER_IS_STOPPED: 0x80000000,
} as const;

export type EposReading =
  | { valid: true; success: boolean; code: string; status: number }
  | { valid: false; reason: string };

const attr = (tag: string, name: string): string | undefined => {
  const m = new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`).exec(tag) ?? new RegExp(`\\s${name}\\s*=\\s*'([^']*)'`).exec(tag);
  return m?.[1];
};

export function parseEposResponse(body: string): EposReading {
  if (body.length === 0) return { valid: false, reason: 'empty answer' };
  const m = /<(?:[A-Za-z_][\w.-]*:)?response\b([^>]*)\/?>/.exec(body);
  if (!m) return { valid: false, reason: /<html/i.test(body) ? 'an HTML page instead of an ePOS answer' : 'no ePOS <response> element' };
  const tag = ` ${m[1] ?? ''}`;
  const success = attr(tag, 'success');
  if (success !== 'true' && success !== 'false') return { valid: false, reason: 'ePOS answer without success="true|false"' };
  const statusText = attr(tag, 'status') ?? '0';
  if (!/^\d{1,10}$/.test(statusText)) return { valid: false, reason: `ePOS status "${statusText.slice(0, 20)}" is not a number` };
  const status = Number(statusText);
  if (status > 0xffffffff) return { valid: false, reason: 'ePOS status out of range' };
  return { valid: true, success: success === 'true', code: (attr(tag, 'code') ?? '').slice(0, 40), status };
}

export type PrinterState = 'ok' | 'paper-out' | 'paper-low' | 'cover-open' | 'offline' | 'wrong-devid' | 'error';

/** Reduces an ePOS answer to the one state the cashier must act on, worst first. */
export function printerState(r: { success: boolean; code: string; status: number }): { state: PrinterState; code: string } {
  const has = (bit: number): boolean => (r.status & bit) !== 0;
  if (!r.success && r.code === 'DeviceNotFound') return { state: 'wrong-devid', code: r.code };
  if (r.code === 'EPTR_REC_EMPTY' || has(STATUS.RECEIPT_END)) return { state: 'paper-out', code: r.code };
  if (r.code === 'EPTR_COVER_OPEN' || has(STATUS.COVER_OPEN)) return { state: 'cover-open', code: r.code };
  if (!r.success && r.code) {
    if (r.code === 'EX_BADPORT' || r.code === 'EX_TIMEOUT') return { state: 'offline', code: r.code };
    return { state: 'error', code: r.code };
  }
  if (has(STATUS.MECHANICAL_ERR)) return { state: 'error', code: 'MECHANICAL_ERR' };
  if (has(STATUS.AUTOCUTTER_ERR)) return { state: 'error', code: 'AUTOCUTTER_ERR' };
  if (has(STATUS.UNRECOVER_ERR)) return { state: 'error', code: 'UNRECOVER_ERR' };
  if (has(STATUS.OFF_LINE) || has(STATUS.NO_RESPONSE)) return { state: 'offline', code: r.code };
  if (has(STATUS.RECEIPT_NEAR_END)) return { state: 'paper-low', code: r.code };
  return { state: 'ok', code: r.code };
}
