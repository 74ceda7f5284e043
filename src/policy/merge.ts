/**
 * The administrator's policy (managed storage) merged with what the user configured.
 * Pure: the worker passes what `storage.managed.get()` answered and what the store holds.
 *
 * Rules:
 * - managed wins: a device the policy sets is checked as the policy says, a setting it sets
 *   replaces the user's; the user's own copy of such a device is hidden, not deleted;
 * - every managed entry goes through src/config/validate.ts like a typed one; an entry that
 *   fails is left out with its reason (never a crash, never the whole list for one typo);
 * - `allowUserDevices: false` locks the list: only the policy's devices are checked, the
 *   user's are hidden (kept in storage for the day the lock goes);
 * - ids are stable: the administrator's `id`, else one made from the device's address, so
 *   history and notifications follow a device across policy edits and restarts.
 */
import type { BoxConfig, Config, PrinterConfig, Settings } from '../model';
import { DEFAULT_SETTINGS } from '../model';
import { validateConfig, type ValidationError } from '../config/validate';
import { deviceOrigins } from '../config/permissions';
import { MANAGED_SETTINGS, POLICY_KEYS, type HiddenDevice, type ManagedConfig, type ManagedInfo, type ManagedSetting, type PolicyIssue } from './types';

/** What validateConfig keeps of a list (src/config/validate.ts); the rest is reported, not read. */
export const POLICY_MAX_BOXES = 20;
export const POLICY_MAX_PRINTERS = 200;

const ID_PREFIX = 'policy-';
const ADMIN_ID = /^[A-Za-z0-9_.-]{1,40}$/;

/** The keys each device entry may have, with their JSON type (managed_schema.json says the same; a test holds them together). */
export const BOX_FIELDS: Record<string, 'string' | 'integer'> = { id: 'string', name: 'string', ip: 'string', hostname: 'string', httpPort: 'integer', httpsPort: 'integer' };
export const PRINTER_FIELDS: Record<string, 'string' | 'integer'> = { id: 'string', name: 'string', ip: 'string', deviceId: 'string', httpsPort: 'integer', httpPort: 'integer' };
export const SETTING_TYPES: Record<ManagedSetting | 'allowUserDevices', 'integer' | 'string' | 'boolean'> = { intervalMinutes: 'integer', dohUrl: 'string', notifications: 'boolean', allowUserDevices: 'boolean' };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasType = (v: unknown, t: 'string' | 'integer' | 'boolean'): boolean => (t === 'integer' ? Number.isInteger(v) : typeof v === t);
const labelOf = (d: { name?: string; hostname?: string; ip?: string }): string => d.name || d.hostname || d.ip || '?';
const slug = (s: string): string => s.toLowerCase().replace(/[^a-z0-9_]+/g, '-').replace(/^-|-$/g, '');

/** The id a managed device gets when the administrator gives none: made from what identifies it. */
export function derivedId(kind: 'box', d: Pick<BoxConfig, 'ip' | 'hostname'>): string;
export function derivedId(kind: 'printer', d: Pick<PrinterConfig, 'ip' | 'deviceId' | 'httpsPort'>): string;
export function derivedId(kind: 'box' | 'printer', d: { ip?: string; hostname?: string; deviceId?: string; httpsPort?: number }): string {
  if (kind === 'box') return `${ID_PREFIX}box-${slug(d.ip ?? d.hostname ?? '')}`;
  return `${ID_PREFIX}printer-${slug([d.ip, d.deviceId, d.httpsPort].filter((x) => x !== undefined).join('-'))}`;
}

/** validate.ts names fields by index in what it was given; the policy's reader wants them by index in the policy. */
const at = (e: ValidationError, from: string, to: string): ValidationError => ({ ...e, field: e.field.startsWith(from) ? to + e.field.slice(from.length) : e.field });

type Kind = 'boxes' | 'printers';
interface Accepted {
  boxes: BoxConfig[];
  printers: PrinterConfig[];
}

/** True when validate.ts calls the last device of `kind` in `devices` a duplicate of another. */
function isDuplicate(devices: Accepted, kind: Kind): string | undefined {
  const last = `${kind}.${devices[kind].length - 1}.`;
  const { errors } = validateConfig({ ...devices, settings: {} }, DEFAULT_SETTINGS);
  const dup = errors.find((e) => e.error === 'duplicate' && `${e.field}.`.startsWith(last));
  return dup ? (dup.args?.[0] ?? '?') : undefined;
}

/** One list of the policy, entry by entry. */
function readDevices(kind: Kind, raw: unknown, accepted: Accepted, issues: PolicyIssue[]): void {
  if (raw === undefined) return;
  if (!Array.isArray(raw)) {
    issues.push({ field: kind, error: 'not-a-list', ignored: true });
    return;
  }
  const max = kind === 'boxes' ? POLICY_MAX_BOXES : POLICY_MAX_PRINTERS;
  if (raw.length > max) issues.push({ field: kind, error: 'too-many', args: [String(max)], ignored: true });
  const fields = kind === 'boxes' ? BOX_FIELDS : PRINTER_FIELDS;
  const ids = new Set([...accepted.boxes, ...accepted.printers].map((d) => d.id));
  raw.slice(0, max).forEach((entry: unknown, i) => {
    const field = `${kind}.${i}`;
    if (!isObject(entry)) {
      issues.push({ field, error: 'not-an-object', ignored: true });
      return;
    }
    const wrong = Object.keys(fields).filter((k) => entry[k] !== undefined && entry[k] !== null && !hasType(entry[k], fields[k]!));
    if (wrong.length) {
      for (const k of wrong) issues.push({ field: `${field}.${k}`, error: 'wrong-type', args: [fields[k]!], ignored: true });
      return;
    }
    for (const k of Object.keys(entry).filter((k) => !(k in fields))) issues.push({ field: `${field}.${k}`, error: 'unknown-key', ignored: false });

    const { config, errors, warnings } = validateConfig({ [kind]: [{ ...entry, id: undefined }], settings: {} }, DEFAULT_SETTINGS);
    const device = config[kind][0];
    if (errors.length || !device) {
      for (const e of errors.length ? errors : [{ field: `${kind}.0`, error: 'empty' }]) issues.push({ ...at(e, `${kind}.0`, field), ignored: true });
      return;
    }
    for (const w of warnings) issues.push({ ...at(w, `${kind}.0`, field), ignored: false });

    const adminId = typeof entry.id === 'string' ? entry.id.trim() : '';
    if (adminId && !ADMIN_ID.test(adminId)) issues.push({ field: `${field}.id`, error: 'bad-id', args: [adminId.slice(0, 60)], ignored: false });
    let id = adminId && ADMIN_ID.test(adminId) ? `${ID_PREFIX}${adminId}` : kind === 'boxes' ? derivedId('box', device) : derivedId('printer', device as PrinterConfig);
    if (ids.has(id)) {
      if (adminId) issues.push({ field: `${field}.id`, error: 'duplicate-id', args: [adminId], ignored: false });
      const base = kind === 'boxes' ? derivedId('box', device) : derivedId('printer', device as PrinterConfig);
      id = base;
      for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    }
    const list = accepted[kind] as Array<BoxConfig | PrinterConfig>;
    list.push({ ...device, id });
    const dupOf = isDuplicate(accepted, kind);
    if (dupOf !== undefined) {
      list.pop();
      issues.push({ field, error: 'duplicate', args: [dupOf], ignored: true });
      return;
    }
    ids.add(id);
  });
}

/** The policy as the extension applies it: its devices, its settings, the lock, and what was wrong. */
export interface ReadPolicy {
  boxes: BoxConfig[];
  printers: PrinterConfig[];
  settings: Partial<Pick<Settings, ManagedSetting>>;
  locked: boolean;
  issues: PolicyIssue[];
}

/** Reads what `storage.managed.get()` answered. `null` when there is no policy at all. */
export function readPolicy(raw: unknown): ReadPolicy | null {
  if (!isObject(raw) || Object.keys(raw).length === 0) return null;
  const issues: PolicyIssue[] = [];
  const accepted: Accepted = { boxes: [], printers: [] };
  readDevices('boxes', raw.boxes, accepted, issues);
  readDevices('printers', raw.printers, accepted, issues);

  const settings: ReadPolicy['settings'] = {};
  for (const key of MANAGED_SETTINGS) {
    const v = raw[key];
    if (v === undefined || v === null) continue;
    if (!hasType(v, SETTING_TYPES[key])) {
      issues.push({ field: key, error: 'wrong-type', args: [SETTING_TYPES[key]], ignored: true });
      continue;
    }
    const { config, errors } = validateConfig({ settings: { [key]: v } }, DEFAULT_SETTINGS);
    if (errors.length) for (const e of errors) issues.push({ ...e, ignored: true });
    else (settings as Record<string, unknown>)[key] = config.settings[key];
  }

  let locked = false;
  if (raw.allowUserDevices !== undefined && raw.allowUserDevices !== null) {
    if (typeof raw.allowUserDevices === 'boolean') locked = !raw.allowUserDevices;
    else issues.push({ field: 'allowUserDevices', error: 'wrong-type', args: ['boolean'], ignored: true });
  }
  for (const k of Object.keys(raw).filter((k) => !(POLICY_KEYS as readonly string[]).includes(k))) issues.push({ field: k, error: 'unknown-key', ignored: true });
  return { ...accepted, settings, locked, issues };
}

/** The configuration the extension works with: the policy's part first, then what the user may keep. */
export function mergePolicy(local: Config, raw: unknown): ManagedConfig {
  const policy = readPolicy(raw);
  if (!policy) return local;
  const hidden: HiddenDevice[] = [];
  const merged: Accepted = { boxes: [...policy.boxes], printers: [...policy.printers] };
  const managedIds = new Set([...policy.boxes, ...policy.printers].map((d) => d.id));
  const ids = new Set(managedIds);
  const own = (kind: Kind, d: BoxConfig | PrinterConfig): void => {
    if (policy.locked) {
      hidden.push({ id: d.id, label: labelOf(d), reason: 'locked' });
      return;
    }
    // The same device as a managed one: the administrator's copy is checked, the user's waits.
    const probe: Accepted = { boxes: [...policy.boxes], printers: [...policy.printers] };
    (probe[kind] as Array<BoxConfig | PrinterConfig>).push(d);
    if (isDuplicate(probe, kind) !== undefined) {
      hidden.push({ id: d.id, label: labelOf(d), reason: 'same-as-managed' });
      return;
    }
    let id = d.id;
    if (ids.has(id)) for (let n = 1; ids.has(id); n++) id = `${d.id}-local${n > 1 ? `-${n}` : ''}`;
    ids.add(id);
    (merged[kind] as Array<BoxConfig | PrinterConfig>).push({ ...d, id });
  };
  for (const b of local.boxes) own('boxes', b);
  for (const p of local.printers) own('printers', p);

  const managed: ManagedInfo = {
    boxes: policy.boxes.map((b) => b.id),
    printers: policy.printers.map((p) => p.id),
    settings: MANAGED_SETTINGS.filter((k) => k in policy.settings),
    locked: policy.locked,
    hidden,
    origins: [...new Set([...policy.boxes, ...policy.printers].flatMap(deviceOrigins))],
    issues: policy.issues,
  };
  return { ...merged, settings: { ...local.settings, ...policy.settings }, managed };
}

/**
 * What to store when the user saves `next` (the merged configuration as the options page sent
 * it back): the policy's devices and settings are not the user's to keep, and the user's devices
 * hidden by the policy stay as they were. `stored` is the user's configuration before the save.
 */
export function localPart(next: Config, stored: Config, managed: ManagedInfo | undefined): Config {
  if (!managed) return { boxes: next.boxes, printers: next.printers, settings: next.settings };
  const managedIds = new Set([...managed.boxes, ...managed.printers]);
  const hiddenIds = new Set(managed.hidden.map((h) => h.id));
  const taken = new Set([...next.boxes, ...next.printers, ...stored.boxes, ...stored.printers].map((d) => d.id));
  // validateConfig gave new devices ids free in what the page showed; a hidden device may hold one.
  const fresh = <T extends { id: string }>(d: T): T => {
    if (!hiddenIds.has(d.id)) return d;
    let id = d.id;
    for (let n = 2; taken.has(id); n++) id = `${d.id}-${n}`;
    taken.add(id);
    return { ...d, id };
  };
  const keep = <T extends { id: string }>(fromNext: T[], fromStored: T[]): T[] =>
    managed.locked ? fromStored : [...fromNext.filter((d) => !managedIds.has(d.id)).map(fresh), ...fromStored.filter((d) => hiddenIds.has(d.id))];
  const settings = { ...next.settings };
  for (const k of managed.settings) (settings as Record<string, unknown>)[k] = stored.settings[k];
  return { boxes: keep(next.boxes, stored.boxes), printers: keep(next.printers, stored.printers), settings };
}

/** Reasons to refuse a save: devices added or changed by the user while the administrator locks the list. */
export function policyErrors(next: Config, current: ManagedConfig): ValidationError[] {
  const managed = current.managed;
  if (!managed?.locked) return [];
  const managedIds = new Set([...managed.boxes, ...managed.printers]);
  const errors: ValidationError[] = [];
  next.boxes.forEach((b, i) => {
    if (!managedIds.has(b.id)) errors.push({ field: `boxes.${i}.hostname`, error: 'locked-by-policy', args: [labelOf(b)] });
  });
  next.printers.forEach((p, i) => {
    if (!managedIds.has(p.id)) errors.push({ field: `printers.${i}.ip`, error: 'locked-by-policy', args: [labelOf(p)] });
  });
  return errors;
}
