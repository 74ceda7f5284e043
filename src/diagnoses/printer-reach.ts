import { define } from './types';

/** Whether anything answers at the printer's address, and how. */
export default define([
  { code: 'PRINTER_UNREACHABLE', severity: 'error', guide: 'printer-unreachable', from: ['timeout', 'unreachable', 'dns'], facts: ['ip'], lab: 'printer-off' },
  { code: 'PRINTER_NOT_RESPONDING', severity: 'error', guide: 'printer-unreachable', from: ['timeout'], facts: ['ip'], lab: 'printer-hangs' },
  { code: 'PRINTER_REFUSED', severity: 'error', guide: 'printer-unreachable', from: ['refused'], facts: ['ip'], lab: 'printer-refused' },
]);
