import { define } from './types';

/** The box's HTTPS certificate, as the box reports it and as the browser judges it. */
export default define([
  { code: 'BOX_CERT_ERROR', severity: 'error', guide: 'box-certificate', from: [], facts: ['errorCode', 'detail'], lab: 'box-16-cert-error' },
  { code: 'BOX_CERT_EXPIRED', severity: 'error', guide: 'box-certificate', from: ['cert-date'], facts: ['hostname', 'notAfter'], lab: 'box-cert-expired' },
  { code: 'BOX_CERT_INVALID', severity: 'error', guide: 'box-certificate', from: ['cert-authority', 'cert-name', 'cert-other'], facts: ['hostname'], lab: 'box-cert-invalid' },
  { code: 'BOX_CERT_EXPIRING', severity: 'warn', guide: 'box-certificate', from: [], facts: ['notAfter', 'days'], lab: 'box-cert-expiring' },
]);
