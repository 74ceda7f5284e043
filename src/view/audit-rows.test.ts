import { describe, expect, it } from 'vitest';
import type { CheckResult, Config, DeviceDiagnosis } from '../model';
import { DEFAULT_SETTINGS } from '../model';
import type { HistoryEntry } from '../store/db';
import { parseCsv } from '../report/csv';
import { makeT } from './i18n';
import { auditCsv, auditRows, certNote, csvFileName, eposOf, filterRows, lastChange, NO_FILTER, sortRows, type AuditInput } from './audit-rows';

const AT = '2026-11-26T10:28:21.000Z';
const config: Config = {
  boxes: [{ id: 'box1', name: 'Shop box', ip: '192.168.1.143', hostname: '192-168-1-143.d73e7513.odoo-iot.com' }],
  printers: [
    { id: 'p10', name: 'Bar, "upstairs"', ip: '192.168.1.10' },
    { id: 'p9', name: 'Kitchen', ip: '192.168.1.9' },
    { id: 'p100', ip: '192.168.1.100' },
  ],
  settings: DEFAULT_SETTINGS,
};
const dev = (d: Partial<DeviceDiagnosis> & Pick<DeviceDiagnosis, 'deviceId' | 'kind' | 'code'>): DeviceDiagnosis => ({
  label: d.deviceId, severity: 'error', facts: {}, attempts: [], checkedAt: AT, ...d,
});
const firefoxCert = { subject: 'CN=192.168.1.10', issuer: 'CN=Shop CA, O=Shop', notBefore: '2026-01-01T00:00:00.000Z', notAfter: '2027-01-01T00:00:00.000Z', sha256: 'AA:BB', source: 'browser' as const };
const result = (devices: DeviceDiagnosis[]): CheckResult => ({
  version: 1, startedAt: AT, finishedAt: AT, environment: { browser: 'Firefox 140', os: 'Linux', extensionVersion: '0.1.0', timeZone: 'UTC' }, devices, worst: 'error',
});
const last = result([
  dev({ deviceId: 'box1', kind: 'box', code: 'BOX_OK', severity: 'ok', cert: { notAfter: '2027-01-20T23:59:59Z', source: 'box-status' } }),
  dev({ deviceId: 'p10', kind: 'printer', code: 'PRINTER_PAPER_LOW', severity: 'warn', cert: firefoxCert }),
  dev({ deviceId: 'p9', kind: 'printer', code: 'PRINTER_CERT_UNTRUSTED', raw: 'net::ERR_CERT_AUTHORITY_INVALID' }),
  dev({ deviceId: 'p100', kind: 'printer', code: 'PRINTER_WRONG_DEVID', facts: { deviceId: 'local_printer' } }),
  dev({ deviceId: 'computer', kind: 'computer', code: 'PC_CLOCK_WRONG' }),
]);
const input = (over: Partial<AuditInput> = {}): AuditInput => ({ config, last, partial: null, running: false, history: {}, ...over });
const h = (code: string, at: string, id?: number): HistoryEntry => ({ deviceId: 'p', code, at, severity: 'error', ...(id ? { id } : {}) });
const echo = makeT((key, subs) => `${key}${subs?.length ? `(${subs.join('|')})` : ''}`);

describe('lastChange', () => {
  it('finds where the current verdict began, and what came before', () => {
    expect(lastChange([])).toBeUndefined();
    expect(lastChange([h('PRINTER_OK', '2026-11-01T00:00:00Z')])).toEqual({ at: '2026-11-01T00:00:00Z' });
    const entries = [
      h('PRINTER_OK', '2026-11-01T00:00:00Z'),
      h('PRINTER_CERT_UNTRUSTED', '2026-11-02T00:00:00Z'),
      h('PRINTER_OK', '2026-11-03T00:00:00Z'),
      h('PRINTER_CERT_CHANGED', '2026-11-04T00:00:00Z'),
      h('PRINTER_CERT_CHANGED', '2026-11-05T00:00:00Z'),
    ];
    expect(lastChange(entries)).toEqual({ at: '2026-11-04T00:00:00Z', from: 'PRINTER_OK' });
    expect(lastChange([...entries].reverse())).toEqual({ at: '2026-11-04T00:00:00Z', from: 'PRINTER_OK' });
    expect(lastChange(entries.slice(0, 3).map((e) => ({ ...e, code: 'PRINTER_OK' })))).toEqual({ at: '2026-11-01T00:00:00Z' });
  });
});

describe('auditRows', () => {
  it('lists every configured box and printer, never the computer, with padlock, certificate and ePOS', () => {
    const rows = auditRows(input({ history: { p9: [h('PRINTER_OK', '2026-11-20T00:00:00Z'), h('PRINTER_CERT_UNTRUSTED', AT)] } }));
    expect(rows.map((r) => [r.id, r.kind, r.state, r.padlock, r.epos ?? null])).toEqual([
      ['box1', 'box', 'done', 'trusted', null],
      ['p10', 'printer', 'done', 'trusted', 'paper-low'],
      ['p9', 'printer', 'done', 'untrusted', 'no-answer'],
      ['p100', 'printer', 'done', 'trusted', 'wrong-devid'],
    ]);
    expect(rows[2]!.lastChange).toEqual({ at: AT, from: 'PRINTER_OK' });
    expect(rows[3]!.name).toBe('192.168.1.100');
    expect(rows[0]!.hostname).toBe('192-168-1-143.d73e7513.odoo-iot.com');
  });
  it('says why a certificate is not shown', () => {
    const rows = auditRows(input());
    expect(rows.map((r) => certNote(r, 'chrome'))).toEqual(['audit_cert_from_box', undefined, 'audit_cert_na_browser', 'audit_cert_na_browser']);
    expect(certNote(rows[2]!, 'firefox')).toBe('audit_cert_na_answer');
    expect(certNote(auditRows(input({ last: null }))[0]!, 'chrome')).toBeUndefined();
  });
  it('while a check runs, keeps the old verdict on the rows still waiting and marks them', () => {
    const partial = result([dev({ deviceId: 'p9', kind: 'printer', code: 'PRINTER_OK', severity: 'ok' })]);
    const rows = auditRows(input({ running: true, partial }));
    expect(rows.map((r) => [r.id, r.state, r.padlock])).toEqual([
      ['box1', 'checking', 'trusted'], ['p10', 'checking', 'trusted'], ['p9', 'done', 'trusted'], ['p100', 'checking', 'trusted'],
    ]);
    expect(auditRows(input({ last: null })).map((r) => r.state)).toEqual(['unchecked', 'unchecked', 'unchecked', 'unchecked']);
  });
  it('reads ePOS only from printers', () => {
    expect(eposOf({ kind: 'box', code: 'UNEXPECTED_ANSWER' })).toBeUndefined();
    expect(eposOf({ kind: 'printer', code: 'UNEXPECTED_ANSWER' })).toBe('unexpected');
    expect(eposOf({ kind: 'printer', code: 'PRINTER_REFUSED' })).toBe('no-answer');
  });
});

describe('sort and filter', () => {
  const rows = auditRows(input({ history: { p9: [h('PRINTER_CERT_UNTRUSTED', '2026-10-01T00:00:00Z')], p10: [h('PRINTER_OK', '2026-11-01T00:00:00Z')] } }));
  it('sorts addresses as numbers, padlocks worst first, empty values last both ways', () => {
    expect(sortRows(rows, 'ip', 'asc').map((r) => r.id)).toEqual(['p9', 'p10', 'p100', 'box1']);
    expect(sortRows(rows, 'ip', 'desc').map((r) => r.id)).toEqual(['box1', 'p100', 'p10', 'p9']);
    expect(sortRows(rows, 'padlock', 'asc').map((r) => r.id)).toEqual(['p9', 'box1', 'p10', 'p100']);
    expect(sortRows(rows, 'subject', 'desc').map((r) => r.id)).toEqual(['p10', 'box1', 'p9', 'p100']);
    expect(sortRows(rows, 'lastChange', 'asc').map((r) => r.id)).toEqual(['p9', 'p10', 'box1', 'p100']);
    expect(sortRows(rows, 'lastChange', 'desc').map((r) => r.id)).toEqual(['p10', 'p9', 'box1', 'p100']);
    expect(sortRows(rows, 'name', 'asc').map((r) => r.name)).toEqual(['192.168.1.100', 'Bar, "upstairs"', 'Kitchen', 'Shop box']);
    expect(sortRows(rows, 'epos', 'asc').map((r) => r.id)).toEqual(['p100', 'p9', 'p10', 'box1']);
  });
  it('filters by words, padlock and kind', () => {
    expect(filterRows(rows, NO_FILTER)).toHaveLength(4);
    expect(filterRows(rows, { ...NO_FILTER, text: 'shop ca' }).map((r) => r.id)).toEqual(['p10']);
    expect(filterRows(rows, { ...NO_FILTER, text: '1.9' }).map((r) => r.id)).toEqual(['p9']);
    expect(filterRows(rows, { ...NO_FILTER, text: 'untrusted' }).map((r) => r.id)).toEqual(['p9']);
    expect(filterRows(rows, { ...NO_FILTER, padlock: 'untrusted' }).map((r) => r.id)).toEqual(['p9']);
    expect(filterRows(rows, { ...NO_FILTER, kind: 'box' }).map((r) => r.id)).toEqual(['box1']);
  });
});

describe('auditCsv', () => {
  it('one line per row as shown, quotes and commas kept, ISO dates', () => {
    const csv = auditCsv(sortRows(rows(), 'ip', 'asc'), echo);
    expect(csv.startsWith('\uFEFFaudit_col_name,')).toBe(true);
    const table = parseCsv(csv);
    expect(table).toHaveLength(5);
    expect(table.every((r) => r.length === 15)).toBe(true);
    expect(table[2]).toEqual([
      'Bar, "upstairs"', 'kind_printer', '192.168.1.10', '', 'audit_padlock_trusted', 'PRINTER_PAPER_LOW',
      'CN=192.168.1.10', 'CN=Shop CA, O=Shop', '2026-01-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z', 'AA:BB',
      'audit_epos_paper_low()', '', '', AT,
    ]);
    expect(table[3]![11]).toBe('audit_epos_wrong_devid(local_printer)');
    expect(table[4]![4]).toBe('audit_padlock_trusted');
    expect(csv).toContain('"Bar, ""upstairs"""');
  });
  it('names the file after the local time', () => {
    expect(csvFileName(new Date(2026, 10, 26, 9, 5))).toBe('iot-doctor-padlocks-2026-11-26-0905.csv');
  });
  function rows() {
    return auditRows(input());
  }
});
