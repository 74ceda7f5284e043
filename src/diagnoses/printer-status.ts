import { define } from './types';

/** What the printer says about itself in its ePOS status answer. */
export default define([
  { code: 'PRINTER_OK', severity: 'ok', guide: null, from: [], facts: ['ip'], lab: 'printer-ok' },
  { code: 'PRINTER_PAPER_LOW', severity: 'warn', guide: 'printer-status', from: [], facts: [], lab: 'printer-paper-low' },
  { code: 'PRINTER_PAPER_OUT', severity: 'error', guide: 'printer-status', from: [], facts: [], lab: 'printer-paper-out' },
  { code: 'PRINTER_COVER_OPEN', severity: 'error', guide: 'printer-status', from: [], facts: [], lab: 'printer-cover-open' },
  { code: 'PRINTER_OFFLINE', severity: 'error', guide: 'printer-status', from: [], facts: [], lab: 'printer-offline' },
  { code: 'PRINTER_WRONG_DEVID', severity: 'error', guide: 'printer-status', from: [], facts: ['deviceId'], lab: 'printer-wrong-devid' },
  { code: 'PRINTER_ERROR', severity: 'error', guide: 'printer-status', from: [], facts: ['eposCode'], lab: 'printer-mechanical' },
]);
