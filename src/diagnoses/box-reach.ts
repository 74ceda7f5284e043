import { define } from './types';

/** The box itself: does it answer at all, and on which of its two addresses. */
export default define([
  { code: 'BOX_OK', severity: 'ok', guide: null, from: [], facts: ['hostname'], lab: 'box-19-ok' },
  { code: 'BOX_UNREACHABLE', severity: 'error', guide: 'box-unreachable', from: ['refused', 'timeout', 'unreachable'], facts: ['ip'], lab: 'box-off' },
  { code: 'BOX_HTTPS_DOWN', severity: 'error', guide: 'box-certificate', from: ['refused', 'timeout'], facts: ['hostname'], lab: 'box-https-down' },
  { code: 'BOX_HOSTNAME_MISSING', severity: 'warn', guide: 'box-name', from: [], facts: ['ip'], lab: 'box-ip-only' },
]);
