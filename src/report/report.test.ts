import { describe, expect, it } from 'vitest';
import type { CheckResult } from '../model';
import { SAMPLE_RESULT } from '../view/samples';
import { reportJson, reportText, formatDateTime, formatSkew, safeUrl, reportFileStem } from './index';

const t = (key: string, subs: string[] = []) => `<${key}${subs.length ? `|${subs.join('|')}` : ''}>`;

const SECRETS = {
  db_uuid: 'f81d4fae-7dec-11d0-a765-00a0c91e6bf6',
  enterprise_code: 'M2104170001234',
  token: 'tok_live_SEKRIT',
  password: 'hunter2-pw',
  api_key: 'AKIA-LEAKED',
  clientSecret: 'shh-client',
  ErpEnterpriseCode: 'M9999SECRET',
};

function withSecrets(): CheckResult {
  const r = structuredClone(SAMPLE_RESULT);
  r.devices[0]!.facts = { ...r.devices[0]!.facts, ...SECRETS };
  r.devices[1]!.facts = { ...SECRETS };
  // Fields the model does not declare must not ride along either.
  (r.devices[0] as unknown as Record<string, unknown>).db_uuid = SECRETS.db_uuid;
  (r.environment as unknown as Record<string, unknown>).enterprise_code = SECRETS.enterprise_code;
  r.devices[0]!.attempts.push({ url: 'https://user:hunter2-pw@192.168.1.143/data?token=tok_live_SEKRIT&n=1', ok: true, status: 200, ms: 3 });
  return r;
}

describe('report secrets', () => {
  const result = withSecrets();
  const outputs = { text: reportText(result, t), json: reportJson(result) };
  for (const [name, out] of Object.entries(outputs)) {
    it(`${name} never holds secret keys or values`, () => {
      for (const [key, value] of Object.entries(SECRETS)) {
        expect(out).not.toContain(key);
        expect(out).not.toContain(value);
      }
      expect(out).not.toMatch(/db_uuid|enterprise_code|password|token=tok/i);
    });
  }
  it('keeps the innocent facts', () => {
    expect(outputs.text).toContain(`publicAnswer=192.168.1.143`);
    expect(JSON.parse(outputs.json).result.devices[0].facts).toEqual({ hostname: SAMPLE_RESULT.devices[0]!.hostname, publicAnswer: '192.168.1.143' });
  });
  it('does not change the input', () => {
    expect(result.devices[1]!.facts).toEqual(SECRETS);
  });
});

describe('reportText', () => {
  const text = reportText(SAMPLE_RESULT, t);
  it('starts with when, where and which version', () => {
    expect(text).toMatch(/^IoT Doctor report\n/);
    expect(text).toContain('Checked:    2026-11-26 11:28:21 GMT+1 (Europe/Brussels)  [2026-11-26T10:28:21.000Z]');
    expect(text).toContain('Extension:  0.1.0');
    expect(text).toContain('Browser:    Chrome 142.0.7444.59');
    expect(text).toContain('OS:         Windows 11');
    expect(text).toContain('Clock skew: -2 d 1 h 2 min');
  });
  it('has one block per device with its texts, facts in declared order', () => {
    expect(text).toContain('== 1. Shop IoT box (box) ==');
    expect(text).toContain('Code:       BOX_DNS_BLOCKED');
    expect(text).toContain('Severity:   error');
    expect(text).toContain('Verdict:    <dx_BOX_DNS_BLOCKED_verdict|192-168-1-143.d73e7513.odoo-iot.com|192.168.1.143>');
    expect(text).toContain('Raw error:  net::ERR_NAME_NOT_RESOLVED');
    expect(text).toContain('Cert until: 2026-12-05 (box-status)');
    expect(text).toContain('Version:    18.0.1.3');
    expect(text).toContain('== 4. This computer (computer) ==');
  });
  it('lists the URLs tried with their outcome', () => {
    expect(text).toContain('FAIL https://192-168-1-143.d73e7513.odoo-iot.com/hw_proxy/hello -> dns: net::ERR_NAME_NOT_RESOLVED (12 ms)');
    expect(text).toContain('OK   http://192.168.1.143:8069/hw_proxy/hello -> HTTP 200 (9 ms)');
  });
  it('says so when there is no device', () => {
    expect(reportText({ ...SAMPLE_RESULT, devices: [] }, t)).toContain('No device checked.');
  });
});

describe('reportJson', () => {
  it('is versioned and round-trips the result', () => {
    const parsed = JSON.parse(reportJson(SAMPLE_RESULT));
    expect(parsed.format).toBe('iot-doctor-report');
    expect(parsed.version).toBe(1);
    expect(parsed.result).toEqual(SAMPLE_RESULT);
  });
});

describe('formatting', () => {
  it('formats date, zone and skew', () => {
    expect(formatDateTime('2026-07-01T12:00:00Z', 'America/New_York')).toBe('2026-07-01 08:00:00 GMT-4 (America/New_York)');
    expect(formatDateTime('2026-07-01T12:00:00Z', 'Not/AZone')).toMatch(/^2026-07-01 12:00:00 (UTC|GMT|GMT\+0) \(UTC\)$/);
    expect(formatDateTime('garbage', 'UTC')).toBe('garbage');
    expect(formatSkew(2500)).toBe('+2.5 s');
    expect(formatSkew(-3_725_000)).toBe('-1 h 2 min 5 s');
    expect(formatSkew(125_000)).toBe('+2 min 5 s');
  });
  it('strips credentials from URLs', () => {
    expect(safeUrl('https://a:b@h/x?token=1&n=2')).toBe('https://h/x?n=2');
    expect(safeUrl('not a url')).toBe('not a url');
  });
  it('names report files by date', () => {
    expect(reportFileStem('2026-11-26T10:28:21.000Z')).toBe('iot-doctor-report-2026-11-26T10-28-21');
  });
});
