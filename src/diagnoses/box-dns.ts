import { define } from './types';

/** The box's odoo-iot.com name: resolves, blocked by the router, unknown, or pointing at an old IP. */
export default define([
  { code: 'BOX_DNS_BLOCKED', severity: 'error', guide: 'dns-rebinding', from: ['dns'], facts: ['hostname', 'publicAnswer'], lab: 'box-dns-blocked' },
  { code: 'BOX_NAME_UNKNOWN', severity: 'error', guide: 'box-name', from: ['dns'], facts: ['hostname'], lab: 'box-name-unknown' },
  { code: 'BOX_DNS_UNVERIFIED', severity: 'error', guide: 'dns-rebinding', from: ['dns'], facts: ['hostname', 'dohError'], lab: 'box-dns-unverified' },
  { code: 'BOX_NAME_STALE', severity: 'error', guide: 'box-stale-name', from: [], facts: ['hostname', 'nameIp', 'ip'], lab: 'box-name-stale' },
]);
