/**
 * The padlock audit's table as plain data: one row per configured box and printer, what its
 * last verdict says of its certificate and ePOS service, when that verdict last changed,
 * sorting, filtering and the CSV export. The worker decides every verdict; this only lines
 * them up (audit/ renders them).
 */
import type { CertInfo, CheckResult, Config, DeviceDiagnosis } from '../model';
import type { HistoryEntry } from '../store/db';
import { PADLOCKS, padlockOf, type Padlock } from '../diagnoses/padlock';
import { toCsv } from '../report/csv';
import type { Translate } from './i18n';

export type EposStatus = 'ready' | 'paper-low' | 'paper-out' | 'cover-open' | 'offline' | 'wrong-devid' | 'error' | 'unexpected' | 'no-answer';

export interface LastChange {
  /** First check of the current verdict's streak (as far back as the kept history goes). */
  at: string;
  /** The verdict before it; absent when every kept check said the same. */
  from?: string;
}

export interface AuditRow {
  id: string;
  kind: 'box' | 'printer';
  name: string;
  ip: string;
  hostname: string;
  /** `checking`: a check runs and this device's new verdict has not come yet (the old one still shows). */
  state: 'done' | 'checking' | 'unchecked';
  diagnosis?: DeviceDiagnosis;
  padlock?: Padlock;
  cert?: CertInfo;
  epos?: EposStatus;
  lastChange?: LastChange;
}

export interface AuditInput {
  config: Config;
  /** The last complete check. */
  last: CheckResult | null;
  /** The running check's partial result (progress events), if one runs. */
  partial: CheckResult | null;
  running: boolean;
  history: Record<string, HistoryEntry[]>;
}

const EPOS_OF_CODE: Record<string, EposStatus> = {
  PRINTER_OK: 'ready',
  PRINTER_PAPER_LOW: 'paper-low',
  PRINTER_PAPER_OUT: 'paper-out',
  PRINTER_COVER_OPEN: 'cover-open',
  PRINTER_OFFLINE: 'offline',
  PRINTER_WRONG_DEVID: 'wrong-devid',
  PRINTER_ERROR: 'error',
  UNEXPECTED_ANSWER: 'unexpected',
};

/** What the printer's ePOS service answered, from its verdict. Boxes have none. */
export function eposOf(d: Pick<DeviceDiagnosis, 'code' | 'kind'>): EposStatus | undefined {
  if (d.kind !== 'printer') return undefined;
  return EPOS_OF_CODE[d.code] ?? 'no-answer';
}

/** When the current verdict began, from the stored history (any order). */
export function lastChange(entries: readonly HistoryEntry[]): LastChange | undefined {
  const list = [...entries].sort((a, b) => a.at.localeCompare(b.at) || (a.id ?? 0) - (b.id ?? 0));
  const newest = list.at(-1);
  if (!newest) return undefined;
  let i = list.length - 1;
  while (i > 0 && list[i - 1]!.code === newest.code) i--;
  return i > 0 ? { at: list[i]!.at, from: list[i - 1]!.code } : { at: list[0]!.at };
}

export function auditRows(input: AuditInput): AuditRow[] {
  const { config, last, partial, running, history } = input;
  const find = (r: CheckResult | null, id: string) => r?.devices.find((d) => d.deviceId === id);
  const row = (id: string, kind: 'box' | 'printer', name: string, ip: string, hostname: string): AuditRow => {
    const fresh = running ? find(partial, id) : undefined;
    const d = fresh ?? find(last, id);
    const state: AuditRow['state'] = fresh ? 'done' : running ? 'checking' : d ? 'done' : 'unchecked';
    const change = lastChange(history[id] ?? []);
    return {
      id,
      kind,
      name,
      ip: ip || d?.ip || '',
      hostname: hostname || d?.hostname || '',
      state,
      ...(d ? { diagnosis: d, padlock: padlockOf(d) } : {}),
      ...(d?.cert ? { cert: d.cert } : {}),
      ...(d && eposOf(d) ? { epos: eposOf(d) } : {}),
      ...(change ? { lastChange: change } : {}),
    };
  };
  return [
    ...config.boxes.map((b) => row(b.id, 'box', b.name || b.hostname || b.ip || b.id, b.ip ?? '', b.hostname ?? '')),
    ...config.printers.map((p) => row(p.id, 'printer', p.name || p.ip, p.ip, '')),
  ];
}

/** Why a row shows no certificate details: Chromium never gives them to extensions; Firefox only for an answer. */
export function certNote(row: AuditRow, browser: string): 'audit_cert_na_browser' | 'audit_cert_na_answer' | 'audit_cert_from_box' | undefined {
  if (!row.diagnosis) return undefined;
  if (row.cert?.source === 'box-status') return 'audit_cert_from_box';
  if (row.cert?.subject || row.cert?.sha256) return undefined;
  return browser === 'firefox' ? 'audit_cert_na_answer' : 'audit_cert_na_browser';
}

export type SortKey = 'name' | 'ip' | 'hostname' | 'padlock' | 'subject' | 'notAfter' | 'epos' | 'lastChange';
export type SortDir = 'asc' | 'desc';

const ipNumber = (ip: string): number | undefined => {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(ip);
  return m ? m.slice(1).reduce((n, o) => n * 256 + Number(o), 0) : undefined;
};
const EPOS_ORDER: EposStatus[] = ['error', 'paper-out', 'cover-open', 'offline', 'wrong-devid', 'unexpected', 'no-answer', 'paper-low', 'ready'];

/** The value a column sorts by; undefined sorts last in both directions. */
function sortValue(row: AuditRow, key: SortKey): string | number | undefined {
  switch (key) {
    case 'name':
      return row.name;
    case 'ip':
      return ipNumber(row.ip);
    case 'hostname':
      return row.hostname || undefined;
    case 'padlock':
      return row.padlock ? PADLOCKS.indexOf(row.padlock) : undefined;
    case 'subject':
      return row.cert?.subject || undefined;
    case 'notAfter':
      return row.cert?.notAfter ? Date.parse(row.cert.notAfter) : undefined;
    case 'epos':
      return row.epos ? EPOS_ORDER.indexOf(row.epos) : undefined;
    case 'lastChange':
      return row.lastChange ? Date.parse(row.lastChange.at) : undefined;
  }
}

/** A stable sort; rows without a value for the column stay at the bottom either way. */
export function sortRows(rows: readonly AuditRow[], key: SortKey, dir: SortDir): AuditRow[] {
  const sign = dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? 1 : -1;
    const c = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), undefined, { numeric: true, sensitivity: 'base' });
    return c * sign;
  });
}

export interface AuditFilter {
  text: string;
  padlock: Padlock | 'all';
  kind: 'box' | 'printer' | 'all';
}

export const NO_FILTER: AuditFilter = { text: '', padlock: 'all', kind: 'all' };

export function filterRows(rows: readonly AuditRow[], f: AuditFilter): AuditRow[] {
  const words = f.text.toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter((r) => {
    if (f.kind !== 'all' && r.kind !== f.kind) return false;
    if (f.padlock !== 'all' && r.padlock !== f.padlock) return false;
    const hay = [r.name, r.ip, r.hostname, r.cert?.subject, r.cert?.issuer, r.cert?.sha256, r.diagnosis?.code].filter(Boolean).join(' ').toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}

export const padlockKey = (p: Padlock): string => `audit_padlock_${p.replaceAll('-', '_')}`;
export const eposKey = (e: EposStatus): string => `audit_epos_${e.replaceAll('-', '_')}`;

/** The ePOS cell's text, with the code or device id the printer named. */
export function eposText(row: AuditRow, t: Translate): string {
  if (!row.epos) return '';
  const facts = row.diagnosis?.facts ?? {};
  return t(eposKey(row.epos), [row.epos === 'wrong-devid' ? (facts.deviceId ?? '') : (facts.eposCode ?? '')]);
}

/** The export: the rows as shown (filtered, sorted), dates in ISO 8601, texts in the UI language. */
export function auditCsv(rows: readonly AuditRow[], t: Translate): string {
  const header = [
    'audit_col_name', 'audit_col_kind', 'audit_col_ip', 'audit_col_hostname', 'audit_col_padlock', 'audit_col_code',
    'audit_col_subject', 'audit_col_issuer', 'audit_col_not_before', 'audit_col_not_after', 'audit_col_sha256',
    'audit_col_epos', 'audit_col_last_change', 'audit_col_previous', 'audit_col_checked_at',
  ].map((k) => t(k));
  return toCsv([
    header,
    ...rows.map((r) => [
      r.name,
      t(`kind_${r.kind}`),
      r.ip,
      r.hostname,
      r.padlock ? t(padlockKey(r.padlock)) : t('audit_not_checked'),
      r.diagnosis?.code,
      r.cert?.subject,
      r.cert?.issuer,
      r.cert?.notBefore,
      r.cert?.notAfter,
      r.cert?.sha256,
      eposText(r, t),
      r.lastChange?.at,
      r.lastChange?.from,
      r.diagnosis?.checkedAt,
    ]),
  ]);
}

/** File name of an export: iot-doctor-padlocks-2026-11-26-1028.csv (local time). */
export function csvFileName(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `iot-doctor-padlocks-${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}.csv`;
}
