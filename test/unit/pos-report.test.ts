import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../../src/model';
import { reportJson, reportText } from '../../src/report';
import { SAMPLE_RESULT } from '../../src/view/samples';
import type { PosSummary } from '../../src/pos/types';

const t = (key: string) => `<${key}>`;
const pos: PosSummary = {
  origin: 'https://shop.odoo.com',
  access: true,
  live: true,
  seenAt: '2026-11-26T10:28:20.000Z',
  scheme: 'https',
  secure: true,
  pageSpace: 'public',
  lna: { 'local-network-access': 'granted', 'local-network': 'denied', 'loopback-network': 'prompt' },
  odooVersion: '19.0',
  paths: [
    { deviceId: 'prn1', path: 'lna-http', url: 'http://192.168.1.50/cgi-bin/epos/service.cgi?devid=local_printer&timeout=3000', useLna: true, lna: { name: 'local-network', state: 'denied' } },
    { deviceId: 'box1', path: 'https-name', url: 'https://192-168-1-143.d73e7513.odoo-iot.com/hw_proxy/hello?token=leak', useLna: false },
  ],
};
const withPos = (): CheckResult => ({ ...structuredClone(SAMPLE_RESULT), pos: structuredClone(pos) });

describe('the POS in the report', () => {
  it('text: the site, the scheme, each LNA name (and the one Odoo reads), the path per device', () => {
    const text = reportText(withPos(), t);
    expect(text).toContain('== Point of sale ==');
    expect(text).toContain('Site:       https://shop.odoo.com');
    expect(text).toContain('Read:       now, from its open tab');
    expect(text).toContain('Scheme:     https, secure context, page counts as public');
    expect(text).toContain('LNA:        local-network-access=granted, local-network=denied, loopback-network=prompt (Odoo checks local-network-access only)');
    expect(text).toContain('  prn1: lna-http http://192.168.1.50/cgi-bin/epos/service.cgi?devid=local_printer&timeout=3000 (Odoo LNA mode) [local-network=denied]');
    expect(text).toContain('  box1: https-name https://192-168-1-143.d73e7513.odoo-iot.com/hw_proxy/hello');
    expect(text).not.toContain('token');
    expect(text.indexOf('== Point of sale ==')).toBeLessThan(text.indexOf('== 1.'));
  });
  it('JSON: the same summary, declared fields only', () => {
    const dirty = withPos();
    (dirty.pos as unknown as Record<string, unknown>).cookie = 'session_id=abc';
    (dirty.pos!.lna as Record<string, string>)['local-network'] = 'something else';
    const json = JSON.parse(reportJson(dirty));
    expect(json.result.pos.cookie).toBeUndefined();
    expect(json.result.pos.lna['local-network']).toBe('unsupported');
    expect(json.result.pos.paths[1].url).toBe('https://192-168-1-143.d73e7513.odoo-iot.com/hw_proxy/hello');
    expect(reportJson(dirty)).not.toContain('session_id');
  });
  it('says so when the tab was not read now, and leaves the block out without a POS', () => {
    const text = reportText({ ...withPos(), pos: { ...pos, live: false, access: false, scheme: undefined, lna: undefined, paths: [] } }, t);
    expect(text).toContain('Site:       https://shop.odoo.com (IoT Doctor may not read it)');
    expect(text).toContain('Read:       2026-11-26T10:28:20.000Z (tab closed since)');
    expect(reportText(SAMPLE_RESULT, t)).not.toContain('Point of sale');
  });
});
