import type { BoxConfig, Config, PrinterConfig } from '../model';
import { boxKeys, normalizeBox, normalizePrinter, printerKey, WARNING_CODES, type ValidationError } from '../config/validate';
import type { BoxProposal, DiscoveryNote, DiscoveryResult, DiscoverySource, ModelRead, OdooModel, OdooRecord, PrinterProposal, RawDiscovery } from './types';
import { WANTED_FIELDS } from './types';

/**
 * Turns what the Odoo database says into proposed boxes and printers: normalized by the same
 * validation as typed input, one entry per device (deduplicated by address), each saying where
 * Odoo has it, what is wrong with it and whether it is already configured. Pure.
 */

/** Odoo's char fields are `false` when empty; a many2one is `[id, name]`. */
function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() ? v.trim().slice(0, 300) : undefined;
  if (Array.isArray(v) && typeof v[1] === 'string') return v[1].trim().slice(0, 120) || undefined;
  return undefined;
}
const flag = (v: unknown): boolean => v === true;

function records(read: ModelRead | undefined, model: OdooModel): OdooRecord[] {
  if (!read?.ok || !Array.isArray(read.records)) return [];
  const allowed = new Set<string>(WANTED_FIELDS[model]);
  return read.records
    .filter((r): r is OdooRecord => typeof r === 'object' && r !== null)
    .map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => allowed.has(k))));
}

const problemsOf = (errors: ValidationError[]): ValidationError[] => errors.map(({ error, args }) => ({ field: 'address', error, ...(args ? { args } : {}) }));
const blocking = (problems: ValidationError[]): boolean => problems.some((p) => !WARNING_CODES.has(p.error));

interface BoxAcc {
  address: string;
  ip?: string;
  hostname?: string;
  name?: string;
  sources: DiscoverySource[];
  problems: ValidationError[];
  version?: string;
  certificateEnd?: string;
  devices: number;
}

interface PrinterAcc {
  key: string;
  address: string;
  config: PrinterConfig | null;
  name?: string;
  sources: DiscoverySource[];
  problems: ValidationError[];
  useLna: boolean;
}

function addSource(list: DiscoverySource[], s: DiscoverySource): void {
  if (!list.some((x) => x.model === s.model && x.name === s.name)) list.push(s);
}

export function mapDiscovery(raw: RawDiscovery, origin: string, existing: Pick<Config, 'boxes' | 'printers'>): DiscoveryResult {
  if (!raw.ok) return raw;
  const models = raw.models ?? {};
  const notes: DiscoveryNote[] = [];
  for (const model of Object.keys(WANTED_FIELDS) as OdooModel[]) {
    const read = models[model];
    if (read && !read.ok && read.error === 'denied') notes.push({ code: 'denied', args: [model] });
    if (read && !read.ok && read.error === 'failed') notes.push({ code: 'failed', args: [model] });
  }
  const missing = (m: OdooModel): boolean => !models[m] || (!models[m]!.ok && models[m]!.error === 'missing');
  if (missing('iot.box') && missing('iot.device')) notes.push({ code: 'no-iot', args: [] });
  if (missing('pos.config') && missing('pos.printer')) notes.push({ code: 'no-pos', args: [] });

  // Boxes: iot.box (ip = odoo-iot name or IP; ip_url up to 18), then the box address of each iot.device.
  const boxes: BoxAcc[] = [];
  const addBox = (address: string | undefined, source: DiscoverySource, info: Partial<BoxAcc> = {}): BoxAcc | undefined => {
    if (!address) return undefined;
    const errors: ValidationError[] = [];
    const b = normalizeBox({ hostname: address }, errors, 'x');
    if (!b || blocking(errors)) {
      const key = address.toLowerCase();
      let acc = boxes.find((x) => !x.ip && !x.hostname && x.address.toLowerCase() === key);
      if (!acc) boxes.push((acc = { address, sources: [], problems: problemsOf(errors), devices: 0 }));
      addSource(acc.sources, source);
      return acc;
    }
    const keys = boxKeys(b);
    let acc = boxes.find((x) => (x.ip || x.hostname) && boxKeys(x).some((k) => keys.includes(k)));
    if (!acc) boxes.push((acc = { address, sources: [], problems: [], devices: 0 }));
    acc.ip ??= b.ip;
    acc.hostname ??= b.hostname;
    if (info.name) acc.name ??= info.name;
    if (info.version) acc.version ??= info.version;
    if (info.certificateEnd) acc.certificateEnd ??= info.certificateEnd;
    addSource(acc.sources, source);
    return acc;
  };
  for (const r of records(models['iot.box'], 'iot.box')) {
    const name = text(r.name) ?? text(r.identifier) ?? '';
    const info = { ...(text(r.name) ? { name: text(r.name)! } : {}), ...(text(r.version) ? { version: text(r.version)! } : {}), ...(text(r.ssl_certificate_end_date) ? { certificateEnd: text(r.ssl_certificate_end_date)! } : {}) };
    const a = addBox(text(r.ip), { model: 'iot.box', name }, info);
    const b = addBox(text(r.ip_url), { model: 'iot.box', name }, info);
    if (a && b && a !== b && !a.ip && !a.hostname) boxes.splice(boxes.indexOf(a), 1); // ip_url made sense of a bad ip
  }
  let boxDevices = 0;
  for (const r of records(models['iot.device'], 'iot.device')) {
    boxDevices++;
    const acc = addBox(text(r.iot_ip), { model: 'iot.device', name: text(r.iot_id) ?? '' });
    if (acc) acc.devices++;
  }
  if (boxDevices) notes.push({ code: 'box-devices', args: [String(boxDevices)] });

  // Printers: the POS's receipt printer (pos.config) and the printers of type epson_epos (pos.printer).
  const printers: PrinterAcc[] = [];
  const lnaPos = new Set<string>();
  const addPrinter = (address: string | undefined, source: DiscoverySource, name: string | undefined, useLna: boolean): void => {
    if (!address) return;
    const errors: ValidationError[] = [];
    const p = normalizePrinter({ ip: address }, errors, 'x');
    const ok = p && !blocking(errors);
    const key = ok ? `p:${printerKey(p)}` : `bad:${address.toLowerCase()}`;
    let acc = printers.find((x) => x.key === key);
    if (!acc) printers.push((acc = { key, address, config: ok ? p : null, sources: [], problems: problemsOf(errors), useLna: false }));
    if (name) acc.name ??= name;
    acc.useLna ||= useLna;
    addSource(acc.sources, source);
  };
  for (const r of records(models['pos.printer'], 'pos.printer')) {
    const type = text(r.printer_type);
    if (type !== undefined && type !== 'epson_epos') continue;
    addPrinter(text(r.epson_printer_ip), { model: 'pos.printer', name: text(r.name) ?? '' }, text(r.name), flag(r.use_lna));
  }
  for (const r of records(models['pos.config'], 'pos.config')) {
    const pos = text(r.name) ?? '';
    if (flag(r.use_lna) && pos) lnaPos.add(pos);
    addPrinter(text(r.epson_printer_ip), { model: 'pos.config', name: pos }, undefined, flag(r.use_lna));
  }
  for (const pos of lnaPos) notes.push({ code: 'lna', args: [pos] });

  const label = (d: { name?: string; hostname?: string; ip?: string }): string => d.name || d.hostname || d.ip || '';
  const boxOut: BoxProposal[] = boxes.map((acc, i) => {
    let config: BoxConfig | null = null;
    const problems = [...acc.problems];
    if (acc.ip || acc.hostname) {
      const errors: ValidationError[] = [];
      config = normalizeBox({ id: '', ip: acc.ip, hostname: acc.hostname, name: acc.name }, errors, 'x');
      problems.push(...problemsOf(errors));
    }
    const keys = config ? boxKeys(config) : [];
    const same = existing.boxes.find((b) => boxKeys(b).some((k) => keys.includes(k)));
    return {
      key: `box-${i}`,
      address: acc.hostname ?? acc.ip ?? acc.address,
      sources: acc.sources,
      problems,
      ...(same ? { existing: label(same) } : {}),
      addable: !!config && !blocking(problems) && !same,
      config,
      ...(acc.version ? { version: acc.version } : {}),
      ...(acc.certificateEnd ? { certificateEnd: acc.certificateEnd } : {}),
      devices: acc.devices,
    };
  });
  const printerOut: PrinterProposal[] = printers.map((acc, i) => {
    const config = acc.config ? { ...acc.config, ...(acc.name ? { name: acc.name.slice(0, 60) } : {}) } : null;
    const same = config ? existing.printers.find((p) => printerKey(p) === printerKey(config)) : undefined;
    return {
      key: `printer-${i}`,
      address: config?.ip ?? acc.address,
      sources: acc.sources,
      problems: acc.problems,
      ...(same ? { existing: label(same) } : {}),
      addable: !!config && !blocking(acc.problems) && !same,
      config,
      useLna: acc.useLna,
    };
  });
  return { ok: true, origin, ...(raw.version ? { version: raw.version } : {}), boxes: boxOut, printers: printerOut, notes };
}
