/**
 * What the Odoo database says about the POS's devices, from the records the POS tab's own
 * session read (the same JSON-RPC reading as discovery, src/discovery/read-in-page.ts, with a
 * few more fields). Pure: records in, plain lists out.
 */
import { WANTED_FIELDS, type ModelRead, type OdooModel, type OdooRecord, type RawDiscovery } from '../discovery/types';
import { isIPv4, ipFromIotHostname, isIotHostname } from '../net/ipv4';

/** Discovery's fields plus what the POS checks need: the box's LNA mode, the POS's "ePos printer" switch. */
export const POS_FIELDS = {
  ...WANTED_FIELDS,
  'iot.box': [...WANTED_FIELDS['iot.box'], 'use_lna'],
  'pos.config': [...WANTED_FIELDS['pos.config'], 'other_devices'],
} as const satisfies Record<OdooModel, readonly string[]>;

/** An Epson printer the POS talks to directly: a POS's receipt printer or a preparation printer. */
export interface OdooPrinter {
  model: 'pos.config' | 'pos.printer';
  name: string;
  /** The "Epson Printer IP Address" as stored; undefined when empty. */
  address?: string;
  /** Odoo's Local Network Access mode (plain http to the IP) for this printer. */
  useLna: boolean;
}

export interface OdooBox {
  name: string;
  /** Every IPv4 Odoo holds for this box (its address field, its home page URL, its devices' box address). */
  ips: string[];
  /** Its odoo-iot.com names. */
  hostnames: string[];
  useLna: boolean;
}

/** Odoo's char fields are `false` when empty; a many2one is `[id, name]`. */
function text(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() ? v.trim().slice(0, 300) : undefined;
  if (Array.isArray(v) && typeof v[1] === 'string') return v[1].trim().slice(0, 120) || undefined;
  return undefined;
}
const flag = (v: unknown): boolean => v === true;

function read(raw: RawDiscovery | undefined, model: OdooModel): Extract<ModelRead, { ok: true }> | undefined {
  if (!raw?.ok) return undefined;
  const r = raw.models[model];
  return r?.ok && Array.isArray(r.records) ? r : undefined;
}
const records = (raw: RawDiscovery | undefined, model: OdooModel): OdooRecord[] =>
  (read(raw, model)?.records ?? []).filter((r): r is OdooRecord => typeof r === 'object' && r !== null);

/**
 * The POS's Epson printers. A POS's receipt printer counts when it has an address or when its
 * "ePos printer" switch (`other_devices`) is on. A preparation printer has its own LNA switch
 * from Odoo 19.2 on; before that the POS's switch applies to it.
 */
export function odooPrinters(raw: RawDiscovery | undefined): OdooPrinter[] {
  const out: OdooPrinter[] = [];
  const configs = records(raw, 'pos.config');
  const anyConfigLna = configs.some((r) => flag(r.use_lna));
  for (const r of configs) {
    const address = text(r.epson_printer_ip);
    if (!address && !flag(r.other_devices)) continue;
    out.push({ model: 'pos.config', name: text(r.name) ?? '', ...(address ? { address } : {}), useLna: flag(r.use_lna) });
  }
  const ownLna = read(raw, 'pos.printer')?.fields.includes('use_lna') ?? false;
  for (const r of records(raw, 'pos.printer')) {
    const type = text(r.printer_type);
    if (type !== undefined && type !== 'epson_epos') continue;
    const address = text(r.epson_printer_ip);
    out.push({ model: 'pos.printer', name: text(r.name) ?? '', ...(address ? { address } : {}), useLna: ownLna ? flag(r.use_lna) : anyConfigLna });
  }
  return out;
}

function hostOf(value: string): string | undefined {
  const v = value.trim();
  try {
    return new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(v) ? v : `http://${v}`).hostname.toLowerCase() || undefined;
  } catch {
    return undefined;
  }
}

/** The IoT boxes, each with every address Odoo holds for it. */
export function odooBoxes(raw: RawDiscovery | undefined): OdooBox[] {
  const boxes: OdooBox[] = [];
  const add = (box: OdooBox, value: string | undefined): void => {
    const host = value ? hostOf(value) : undefined;
    if (!host) return;
    if (isIPv4(host)) box.ips.includes(host) || box.ips.push(host);
    else if (isIotHostname(host)) box.hostnames.includes(host) || box.hostnames.push(host);
  };
  for (const r of records(raw, 'iot.box')) {
    const box: OdooBox = { name: text(r.name) ?? text(r.identifier) ?? '', ips: [], hostnames: [], useLna: flag(r.use_lna) };
    add(box, text(r.ip));
    add(box, text(r.ip_url));
    boxes.push(box);
  }
  // A device record carries the address of its box, as the box last reported it.
  for (const r of records(raw, 'iot.device')) {
    const box = boxes.find((b) => b.name && b.name === text(r.iot_id));
    if (box) add(box, text(r.iot_ip));
  }
  return boxes;
}

/** Every IP of a box, its names' embedded IPs included. */
export const boxIps = (b: Pick<OdooBox, 'ips' | 'hostnames'>): string[] => [...new Set([...b.ips, ...b.hostnames.map(ipFromIotHostname).filter((ip): ip is string => !!ip)])];
