import { define } from './types';

/** The printer's own HTTPS certificate, the usual reason a POS cannot print. */
export default define([
  { code: 'PRINTER_CERT_UNTRUSTED', severity: 'error', guide: 'printer-certificate', from: ['cert-authority'], facts: ['ip'], lab: 'printer-self-signed' },
  { code: 'PRINTER_CERT_TEMPORARY', severity: 'warn', guide: 'printer-certificate', from: ['cert-authority'], facts: ['ip'], lab: 'printer-proceed-anyway' },
  { code: 'PRINTER_CERT_EXPIRED', severity: 'error', guide: 'printer-certificate', from: ['cert-date'], facts: ['ip'], lab: 'printer-expired' },
  { code: 'PRINTER_CERT_NAME', severity: 'error', guide: 'printer-certificate', from: ['cert-name'], facts: ['ip'], lab: 'printer-wrong-name' },
  { code: 'PRINTER_CERT_CHANGED', severity: 'error', guide: 'printer-certificate', from: ['cert-authority', 'cert-name'], facts: ['ip', 'since'], lab: 'printer-cert-changed' },
  { code: 'PRINTER_CERT_OTHER', severity: 'error', guide: 'printer-certificate', from: ['cert-other'], facts: ['ip'], lab: 'printer-cert-other' },
]);
