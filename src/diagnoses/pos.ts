import { define } from './types';

/**
 * The point of sale page itself (its scheme, the browser's Local Network Access permission for
 * it) and its Odoo configuration, read from the open POS tab with the user's consent (src/pos/).
 * LNA_BLOCKED, the "denied" verdict, lives with the computer's permissions (computer.ts).
 */
export default define([
  { code: 'POS_OK', severity: 'ok', guide: null, from: [], facts: ['origin'], lab: 'pos-ok' },
  { code: 'POS_NO_ACCESS', severity: 'ok', guide: 'pos-access', from: [], facts: ['origin'], lab: 'pos-no-access' },
  { code: 'POS_TAB_CLOSED', severity: 'warn', guide: 'pos-access', from: [], facts: ['origin'], lab: 'pos-tab-closed' },
  { code: 'POS_HTTP_BLOCKED', severity: 'error', guide: 'pos-https', from: ['lna-blocked'], facts: ['origin'], lab: 'pos-http-blocked' },
  { code: 'POS_HTTP_INSECURE', severity: 'warn', guide: 'pos-https', from: [], facts: ['origin'], lab: 'pos-http-insecure' },
  { code: 'POS_LNA_PROMPT', severity: 'warn', guide: 'pos-lna', from: [], facts: ['origin'], lab: 'pos-lna-prompt' },
  { code: 'POS_LNA_UNSUPPORTED', severity: 'warn', guide: 'pos-certificates', from: [], facts: ['origin'], lab: 'pos-lna-unsupported' },
  { code: 'BOX_OK_HTTP', severity: 'ok', guide: null, from: [], facts: ['ip'], lab: 'pos-box-ok-http' },
  { code: 'POS_EPSON_ADDRESS', severity: 'error', guide: 'pos-printer-address', from: [], facts: ['name', 'address'], lab: 'pos-epson-address' },
  { code: 'POS_PRINTER_NO_IP', severity: 'error', guide: 'pos-printer-address', from: [], facts: ['name'], lab: 'pos-printer-no-ip' },
  { code: 'POS_PRINTER_IS_BOX', severity: 'error', guide: 'pos-printer-address', from: [], facts: ['name', 'address'], lab: 'pos-printer-is-box' },
  { code: 'POS_BOX_IP_MISMATCH', severity: 'error', guide: 'pos-box-address', from: [], facts: ['name', 'ip', 'nameIp'], lab: 'pos-box-ip-mismatch' },
  { code: 'POS_DEVICES_MISSING', severity: 'warn', guide: 'pos-missing', from: [], facts: ['count', 'addresses'], lab: 'pos-devices-missing' },
]);
