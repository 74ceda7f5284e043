/**
 * What is typed in a device form, and how it maps to the configuration and back. The worker
 * validates; these only place a draft in the list and sort the worker's answer by input.
 */
import type { BoxConfig, Config, PrinterConfig, Settings } from '../src/model';
import type { ConfigCheck } from '../src/config/transfer';
import type { ValidationError } from '../src/config/validate';

export type DeviceKind = 'box' | 'printer';

export interface BoxDraft {
  name: string;
  /** IP, odoo-iot name or pasted link: sent as `hostname`, the worker routes it by what it is. */
  address: string;
  /** Optional second address (the IP when the first is a name). */
  ip: string;
}
export interface PrinterDraft {
  name: string;
  ip: string;
  deviceId: string;
}
export type DraftValues = BoxDraft | PrinterDraft;

export interface SettingsDraft {
  dohUrl: string;
  intervalMinutes: string;
  notifications: boolean;
}

const withPort = (host: string, port?: number): string => (port ? `${host}:${port}` : host);

export function boxDraftOf(b?: BoxConfig): BoxDraft {
  if (!b) return { name: '', address: '', ip: '' };
  const ip = b.ip ? withPort(b.ip, b.httpPort) : '';
  return b.hostname ? { name: b.name ?? '', address: withPort(b.hostname, b.httpsPort), ip } : { name: b.name ?? '', address: ip, ip: '' };
}

export function printerDraftOf(p?: PrinterConfig): PrinterDraft {
  if (!p) return { name: '', ip: '', deviceId: 'local_printer' };
  const ip = p.httpPort ? `http://${p.ip}:${p.httpPort}` : withPort(p.ip, p.httpsPort);
  return { name: p.name ?? '', ip, deviceId: p.deviceId ?? 'local_printer' };
}

export function settingsDraftOf(s: Settings): SettingsDraft {
  return { dohUrl: s.dohUrl || 'off', intervalMinutes: String(s.intervalMinutes), notifications: s.notifications };
}

export function settingsOf(d: SettingsDraft): Settings {
  // The worker checks the number; a non-number goes through as is so that it can say so.
  const n = d.intervalMinutes.trim() === '' ? NaN : Number(d.intervalMinutes);
  return { dohUrl: d.dohUrl, intervalMinutes: (Number.isFinite(n) ? n : d.intervalMinutes) as number, notifications: d.notifications };
}

const listOf = (kind: DeviceKind): 'boxes' | 'printers' => (kind === 'box' ? 'boxes' : 'printers');

/** The saved configuration with the draft in place of device `index` (or added at the end). */
export function configWithDraft(saved: Config, kind: DeviceKind, index: number | null, values: DraftValues): { config: Config; at: string } {
  const list = listOf(kind);
  const current = index === null ? undefined : saved[list][index];
  const raw =
    kind === 'box'
      ? ({ id: current?.id ?? '', name: values.name, hostname: (values as BoxDraft).address, ip: (values as BoxDraft).ip } as unknown as BoxConfig)
      : ({ id: current?.id ?? '', name: values.name, ip: (values as PrinterDraft).ip, deviceId: (values as PrinterDraft).deviceId } as PrinterConfig);
  const items = [...saved[list]] as Array<BoxConfig | PrinterConfig>;
  const i = index === null ? items.length : index;
  items[i] = raw;
  return { config: { ...saved, [list]: items }, at: `${list}.${i}` };
}

export function configWithout(saved: Config, kind: DeviceKind, index: number): Config {
  const list = listOf(kind);
  return { ...saved, [list]: saved[list].filter((_, i) => i !== index) };
}

export interface DraftProblems {
  /** By input: `address`, `ip`, `name`, `deviceId`; `form` for the rest. */
  errors: Record<string, ValidationError[]>;
  warnings: Record<string, ValidationError[]>;
  /** The device as it would be saved, when it has no error. */
  preview: BoxConfig | PrinterConfig | null;
}

const INPUT_OF: Record<string, string> = { hostname: 'address', ip: 'ip', deviceId: 'deviceId', name: 'name' };

/** Sorts the worker's answer by input of the form that edits `at` (`printers.2`). */
export function problemsAt(check: ConfigCheck, at: string): DraftProblems {
  const sort = (list: ValidationError[]): Record<string, ValidationError[]> => {
    const out: Record<string, ValidationError[]> = {};
    for (const e of list) {
      if (e.field !== at && !e.field.startsWith(`${at}.`)) continue;
      const input = INPUT_OF[e.field.slice(at.length + 1)] ?? 'form';
      (out[input] ??= []).push(e);
    }
    return out;
  };
  const errors = sort(check.errors);
  const [list, i] = at.split('.') as ['boxes' | 'printers', string];
  const preview = Object.keys(errors).length ? null : ((check.config[list][Number(i)] as BoxConfig | PrinterConfig | undefined) ?? null);
  return { errors, warnings: sort(check.warnings), preview };
}

export const hasErrors = (p: DraftProblems | null | undefined): boolean => !!p && Object.values(p.errors).some((l) => l.length > 0);

/** A device's address as the list shows it. */
export function addressText(kind: DeviceKind, d: BoxConfig | PrinterConfig): string {
  if (kind === 'box') {
    const b = d as BoxConfig;
    return [b.hostname ? withPort(b.hostname, b.httpsPort) : '', b.ip ? withPort(b.ip, b.httpPort) : ''].filter(Boolean).join(' · ');
  }
  const p = d as PrinterConfig;
  return p.httpPort ? `http://${p.ip}:${p.httpPort}` : withPort(p.ip, p.httpsPort);
}

/** Warnings of the saved configuration, by device id (a public IP saved anyway...). */
export function warningsById(check: ConfigCheck, saved: Config): Record<string, ValidationError[]> {
  const out: Record<string, ValidationError[]> = {};
  for (const w of check.warnings) {
    const m = /^(boxes|printers)\.(\d+)/.exec(w.field);
    const d = m ? saved[m[1] as 'boxes' | 'printers'][Number(m[2])] : undefined;
    if (d) (out[d.id] ??= []).push(w);
  }
  return out;
}
