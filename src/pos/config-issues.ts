/**
 * Mistakes in the POS's Odoo configuration that make a device unreachable whatever the network
 * does, and devices the POS uses that IoT Doctor does not check yet. Pure.
 */
import type { BoxConfig, Config, PrinterConfig } from '../model';
import type { RawDiscovery } from '../discovery/types';
import { mapDiscovery } from '../discovery/map';
import { isEpsonCertifiedName } from '../config/epson';
import { parseAddress } from '../config/validate';
import { deviceIps } from '../config/permissions';
import { ipFromIotHostname } from '../net/ipv4';
import { boxIps, odooBoxes, odooPrinters, type OdooBox } from './odoo-config';

export type PosIssueCode = 'POS_EPSON_ADDRESS' | 'POS_PRINTER_NO_IP' | 'POS_PRINTER_IS_BOX' | 'POS_BOX_IP_MISMATCH' | 'POS_DEVICES_MISSING';

export interface PosIssue {
  code: PosIssueCode;
  /** The Odoo record it is about (printer, POS or box name), shown as the row's name. */
  label: string;
  facts: Record<string, string>;
}

/**
 * What Odoo would call for an address typed in "Epson Printer IP Address": an IP as is; a value
 * without a dot is taken for the printer's serial number and hashed into Epson's certified name
 * (Odoo 18+, src/config/epson.ts); a certified name is that hash already. Anything else (a
 * hostname, a typo) is neither: `bad`.
 */
export function epsonAddressKind(address: string): 'ip' | 'serial' | 'certified' | 'bad' {
  const p = parseAddress(address);
  if (p.ok && p.isIp) return 'ip';
  if (p.ok && isEpsonCertifiedName(p.host)) return 'certified';
  // Epson serial numbers are letters and digits, e.g. X4ABC12345.
  if (/^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9]{6,20}$/.test(address.trim())) return 'serial';
  return 'bad';
}

/** A box whose addresses disagree: which one is right is for the user to settle first (POS_BOX_IP_MISMATCH). */
const mismatched = (b: OdooBox): boolean => b.hostnames.some((h) => b.ips.some((ip) => ipFromIotHostname(h) && ip !== ipFromIotHostname(h)));

/**
 * The devices the POS uses that IoT Doctor's list lacks, ready to save (validated like typed
 * input). Left out: a box whose addresses disagree, and a "printer" at a box's address: both are
 * configuration mistakes of their own, which adding would only copy.
 */
export function missingDevices(raw: RawDiscovery | undefined, origin: string, config: Pick<Config, 'boxes' | 'printers'>): { boxes: BoxConfig[]; printers: PrinterConfig[]; addresses: string[] } {
  const none = { boxes: [], printers: [], addresses: [] };
  if (!raw?.ok) return none;
  const found = mapDiscovery(raw, origin, config);
  if (!found.ok) return none;
  const odoo = odooBoxes(raw);
  const unsure = new Set(odoo.filter(mismatched).flatMap((b) => [...boxIps(b), ...b.hostnames]));
  const boxAddresses = new Set([...odoo.flatMap(boxIps), ...config.boxes.flatMap((b) => deviceIps(b))]);
  const boxes = found.boxes.filter((b) => b.addable && b.config && ![b.config.ip, b.config.hostname, ...deviceIps(b.config)].some((a) => a && unsure.has(a)));
  const printers = found.printers.filter((p) => p.addable && p.config && !boxAddresses.has(p.config.ip));
  return {
    boxes: boxes.map((b) => b.config!),
    printers: printers.map((p) => p.config!),
    addresses: [...boxes, ...printers].map((d) => d.address),
  };
}

export function configIssues(raw: RawDiscovery | undefined, origin: string, config: Pick<Config, 'boxes' | 'printers'>): PosIssue[] {
  if (!raw?.ok) return [];
  const issues: PosIssue[] = [];
  const push = (issue: PosIssue): void => {
    const key = JSON.stringify([issue.code, issue.label, issue.facts]);
    if (!issues.some((i) => JSON.stringify([i.code, i.label, i.facts]) === key)) issues.push(issue);
  };
  const boxes = odooBoxes(raw);
  const boxAddresses = new Set([...boxes.flatMap(boxIps), ...config.boxes.flatMap((b) => deviceIps(b))]);

  for (const p of odooPrinters(raw)) {
    const label = p.name || p.model;
    if (!p.address) {
      push({ code: 'POS_PRINTER_NO_IP', label, facts: { name: label } });
      continue;
    }
    const kind = epsonAddressKind(p.address);
    if (kind === 'bad') push({ code: 'POS_EPSON_ADDRESS', label, facts: { name: label, address: p.address } });
    else if (kind === 'ip') {
      const ip = (parseAddress(p.address) as { host: string }).host;
      if (boxAddresses.has(ip)) push({ code: 'POS_PRINTER_IS_BOX', label, facts: { name: label, address: ip } });
    }
  }

  for (const b of boxes.filter(mismatched)) {
    for (const hostname of b.hostnames) {
      const nameIp = ipFromIotHostname(hostname);
      const other = b.ips.find((ip) => nameIp && ip !== nameIp);
      if (nameIp && other) push({ code: 'POS_BOX_IP_MISMATCH', label: b.name || hostname, facts: { name: b.name || hostname, ip: other, nameIp } });
    }
  }

  const missing = missingDevices(raw, origin, config);
  if (missing.addresses.length) {
    push({ code: 'POS_DEVICES_MISSING', label: new URL(origin).host, facts: { count: String(missing.addresses.length), addresses: missing.addresses.join(', ') } });
  }
  return issues;
}
