import type { BoxConfig, Config, PrinterConfig } from '../model';
import { boxKeys, printerKey, validateConfig, type ValidationError } from './validate';

/**
 * The device list as a file: to set up a second till, or to send to support. Addresses and
 * names only; settings stay with each browser.
 */
export const EXPORT_FORMAT = 'iot-doctor-devices';
export const EXPORT_VERSION = 1;
export const MAX_IMPORT_BYTES = 1_000_000;

export interface DeviceFile {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  boxes: BoxConfig[];
  printers: PrinterConfig[];
}

export function exportDevices(config: Pick<Config, 'boxes' | 'printers'>, now: Date = new Date()): string {
  const file: DeviceFile = { format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), boxes: config.boxes, printers: config.printers };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function exportFileName(now: Date = new Date()): string {
  return `iot-doctor-devices-${now.toISOString().slice(0, 10)}.json`;
}

/** What `checkConfig` answers: the configuration as it would be saved, and what is wrong with it. */
export interface ConfigCheck {
  ok: boolean;
  config: Config;
  errors: ValidationError[];
  warnings: ValidationError[];
}

export type ImportResult =
  | { ok: true; config: Config; added: number; updated: number; warnings: ValidationError[] }
  /** `field` is relative to the FILE (`printers.2.ip` = the third printer in the file), or `file`. */
  | { ok: false; errors: ValidationError[] };

const fail = (error: string, args?: string[]): ImportResult => ({ ok: false, errors: [{ field: 'file', error, ...(args ? { args } : {}) }] });

/**
 * Adds the devices of an exported file to the current configuration: a device already in the
 * list (same address) is updated in place, keeping its id. Any wrong entry refuses the whole file.
 * Also accepts a bare `{boxes, printers}` or a whole configuration (its settings are ignored).
 */
export function planImport(json: string, current: Config & { managed?: { boxes?: string[]; printers?: string[] } }): ImportResult {
  if (json.length > MAX_IMPORT_BYTES) return fail('import-too-big');
  let data: unknown;
  try {
    data = JSON.parse(json.replace(/^\uFEFF/, ''));
  } catch {
    return fail('import-not-json');
  }
  const d = data as Partial<DeviceFile> | null;
  if (typeof d !== 'object' || d === null || Array.isArray(d) || (!Array.isArray(d.boxes) && !Array.isArray(d.printers))) return fail('import-bad-shape');
  if (d.format !== undefined && d.format !== EXPORT_FORMAT) return fail('import-bad-shape');
  if (typeof d.version === 'number' && d.version > EXPORT_VERSION) return fail('import-newer', [String(d.version)]);
  const boxesIn = Array.isArray(d.boxes) ? d.boxes : [];
  const printersIn = Array.isArray(d.printers) ? d.printers : [];
  if (!boxesIn.length && !printersIn.length) return fail('import-empty');

  const incoming = validateConfig({ boxes: boxesIn, printers: printersIn }, current.settings);
  if (incoming.errors.length) return { ok: false, errors: incoming.errors };

  const boxes = current.boxes.map((b) => ({ ...b }));
  const printers = current.printers.map((p) => ({ ...p }));
  let added = 0;
  let updated = 0;
  // A device the administrator's policy sets stays as the policy says: the file does not change it.
  const managed = new Set([...(current.managed?.boxes ?? []), ...(current.managed?.printers ?? [])]);
  for (const b of incoming.config.boxes) {
    const keys = boxKeys(b);
    const i = boxes.findIndex((x) => boxKeys(x).some((k) => keys.includes(k)));
    if (i >= 0 && managed.has(boxes[i]!.id)) continue;
    if (i >= 0) {
      boxes[i] = { ...b, id: boxes[i]!.id };
      updated++;
    } else {
      boxes.push({ ...b, id: '' });
      added++;
    }
  }
  for (const p of incoming.config.printers) {
    const i = printers.findIndex((x) => printerKey(x) === printerKey(p));
    if (i >= 0 && managed.has(printers[i]!.id)) continue;
    if (i >= 0) {
      printers[i] = { ...p, id: printers[i]!.id };
      updated++;
    } else {
      printers.push({ ...p, id: '' });
      added++;
    }
  }
  const merged = validateConfig({ boxes, printers, settings: current.settings }, current.settings);
  // The file is fine on its own but clashes with the list (a printer on a box's address...).
  if (merged.errors.length) return { ok: false, errors: merged.errors.map((e) => ({ ...e, field: `list.${e.field}` })) };
  return { ok: true, config: merged.config, added, updated, warnings: incoming.warnings };
}
