import { describe, expect, it } from 'vitest';
import { makeT } from './i18n';
import { ageText, displayFact } from './format';
import { deviceUrl, rowsOf } from './rows';
import { diagnosisTexts, guideKeyOf } from './diagnosis-text';
import { SAMPLES, SAMPLE_RESULT } from './samples';

const echo = makeT((key, subs) => (key.startsWith('missing') ? '' : `${key}(${(subs ?? []).join(',')})`));

describe('t', () => {
  it('shows the key when a text is missing or the lookup throws, never a blank', () => {
    expect(echo('missing_text')).toBe('missing_text');
    expect(makeT(() => { throw new Error('x'); })('k')).toBe('k');
    expect(makeT(undefined)('k')).toBe('k');
    expect(echo('a', ['1', 2])).toBe('a(1,2)');
  });
});

describe('ageText', () => {
  const at = '2026-11-26T10:00:00Z';
  const t = makeT((key, subs) => (key === 'ui_checked_ago' ? `Checked ${subs?.[0]}` : key === 'ui_checked_just_now' ? 'Checked just now' : ''));
  const after = (s: number) => ageText(at, Date.parse(at) + s * 1000, t, 'en');
  it('reads like a person', () => {
    expect(after(10)).toBe('Checked just now');
    expect(after(-30)).toBe('Checked just now');
    expect(after(180)).toBe('Checked 3 minutes ago');
    expect(after(60)).toBe('Checked 1 minute ago');
    expect(after(7200)).toBe('Checked 2 hours ago');
    expect(after(3 * 86400)).toBe('Checked 3 days ago');
    expect(ageText('nonsense', 0, t, 'en')).toBe('');
  });
});

describe('diagnosis texts', () => {
  it('quotes the declared facts in order, secrets blanked, dates made readable', () => {
    const d = { code: 'BOX_CERT_EXPIRED', facts: { notAfter: '2026-12-05T23:59:59Z', hostname: 'h.odoo-iot.com', db_uuid: 'x' } };
    expect(diagnosisTexts(d, echo, 'en').verdict).toBe('dx_BOX_CERT_EXPIRED_verdict(h.odoo-iot.com,December 5, 2026)');
    expect(displayFact('192.168.1.5', 'en')).toBe('192.168.1.5');
  });
  it('finds the guide, or support for a code it does not know', () => {
    expect(guideKeyOf({ code: 'PRINTER_CERT_UNTRUSTED', severity: 'error' })).toBe('printer-certificate');
    expect(guideKeyOf({ code: 'BOX_OK', severity: 'ok' })).toBeNull();
    expect(guideKeyOf({ code: 'FROM_THE_FUTURE', severity: 'error' })).toBe('support');
  });
});

describe('rows', () => {
  it('lists the result when idle, the configured devices as unchecked before the first check', () => {
    expect(rowsOf(SAMPLES.mixed!, false).map((r) => [r.id, r.state])).toEqual([
      ['box1', 'done'], ['prn1', 'done'], ['prn2', 'done'], ['computer', 'done'],
    ]);
    expect(rowsOf(SAMPLES.never!, false).map((r) => r.state)).toEqual(['unchecked', 'unchecked', 'unchecked']);
  });
  it('while running, ignores the previous result until progress comes, keeps the configured order', () => {
    const running = { ...SAMPLES.mixed!, running: true };
    expect(rowsOf(running, false).map((r) => r.state)).toEqual(['checking', 'checking', 'checking']);
    const partial = { ...running, last: { ...SAMPLE_RESULT, devices: [SAMPLE_RESULT.devices[1]!] } };
    expect(rowsOf(partial, true).map((r) => [r.id, r.state])).toEqual([['box1', 'checking'], ['prn1', 'done'], ['prn2', 'checking']]);
  });
  it('opens devices at their configured addresses and ports', () => {
    const config = { ...SAMPLES.mixed!.config, boxes: [{ id: 'box1', ip: '10.0.0.2', hostname: '10-0-0-2.abcd1234.odoo-iot.com', httpPort: 8070 }], printers: [{ id: 'prn1', ip: '10.0.0.9', httpsPort: 8443 }] };
    const [box, prn] = rowsOf({ ...SAMPLES.never!, config }, false);
    expect(deviceUrl('open-box-name', box!, config)).toBe('https://10-0-0-2.abcd1234.odoo-iot.com/');
    expect(deviceUrl('open-box-ip', box!, config)).toBe('http://10.0.0.2:8070/');
    expect(deviceUrl('open-printer', prn!, config)).toBe('https://10.0.0.9:8443/');
    expect(deviceUrl('open-printer', box!, config)).toBeUndefined();
  });
});
