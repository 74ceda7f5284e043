/**
 * The fake Odoo (odoo.ts) as a point of sale: a certificate for its https variant, signed by the
 * lab CA the browsers trust, and shapes of its POS configuration (Odoo's LNA mode on or off, the
 * Epson printer addresses, the IoT box's addresses). Everything names 127.x only.
 */
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateCerts } from './ca';
import { boxHostname } from './names';
import type { Model } from './odoo';

/** The name a POS is opened by when it must count as public (a name, not a loopback IP). */
export const POS_HOST = 'pos.lab.iot-doctor.test';

/**
 * A certificate for the POS, signed by the lab's CA. The CA is copied to a directory of its own
 * so that the lab's certificate cache (`<lab dir>/certs.json`) stays untouched.
 */
export async function posCertificate(labDir: string, ip: string, host = POS_HOST): Promise<{ key: string; cert: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'iot-doctor-pos-cert-'));
  for (const f of ['ca.crt', 'ca.key']) cpSync(join(labDir, f), join(dir, f));
  const store = await loadOrCreateCerts(dir, { pos: { cn: host, dns: [host], ips: [ip], from: -1, to: 30 } });
  return { key: store.leaves.pos!.key, cert: store.leaves.pos!.cert };
}

export interface PosPrinterSpec {
  name: string;
  /** false: the field is empty. */
  address: string | false;
  useLna?: boolean;
}

export interface PosShape {
  /** The POS "Shop"'s receipt printer (pos.config.epson_printer_ip) and its LNA switch (Odoo 19). */
  receipt?: { address: string | false; useLna?: boolean };
  /** Replaces the Epson preparation printers (pos.printer). */
  printers?: PosPrinterSpec[];
  /** The IoT box record: its IP, its odoo-iot name's IP (another one = a stale name), its LNA mode (Odoo 19). */
  box?: { ip: string; nameIp?: string; useLna?: boolean };
}

/** A `shape` for startFakeOdoo: the POS configuration as a test needs it. */
export function posShape(s: PosShape): (data: Record<string, Model>) => void {
  return (data) => {
    const config = data['pos.config'];
    const printer = data['pos.printer'];
    const box = data['iot.box'];
    const devices = data['iot.device'];
    const lnaField = { type: 'boolean', string: 'Use Local Network Access' };
    // Odoo's LNA switches exist from 19 on: a shape that sets one adds the field, as 19 has it.
    if (s.receipt && config) {
      if (s.receipt.useLna !== undefined) config.fields.use_lna ??= lnaField;
      const shop = config.records.find((r) => r.name === 'Shop')!;
      Object.assign(shop, { epson_printer_ip: s.receipt.address, other_devices: true, ...(s.receipt.useLna !== undefined ? { use_lna: s.receipt.useLna } : {}) });
    }
    if (s.printers && printer) {
      if (s.printers.some((p) => p.useLna !== undefined)) printer.fields.use_lna ??= lnaField;
      printer.records = s.printers.map((p, i) => ({ id: i + 1, name: p.name, printer_type: 'epson_epos', epson_printer_ip: p.address, use_lna: p.useLna ?? false }));
    }
    if (s.box && box) {
      if (s.box.useLna !== undefined) box.fields.use_lna ??= lnaField;
      box.fields.ip_url ??= { type: 'char', string: 'IoT Box Home Page' };
      const host = boxHostname(s.box.nameIp ?? s.box.ip);
      Object.assign(box.records[0]!, { ip: s.box.ip, ip_url: `https://${host}`, ...(s.box.useLna !== undefined ? { use_lna: s.box.useLna } : {}) });
      // The box's devices carry its address as it last reported it.
      for (const d of devices?.records ?? []) d.iot_ip = s.box.ip;
    }
  };
}

/** Where the lab's POS variants listen (not a device address; the options tests use 127.0.0.60 for their own fake Odoo). */
export const POS_IPS = { https: '127.0.0.62', http: '127.0.0.63' } as const;
