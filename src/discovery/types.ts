import type { BoxConfig, PrinterConfig } from '../model';
import type { ValidationError } from '../config/validate';

/**
 * Discovery reads what a logged-in Odoo tab's database knows about IoT boxes and Epson
 * printers. Only these fields are ever asked for, and only those that `fields_get` says exist
 * (they differ between Odoo 16, 17, 18 and 19). Nothing secret is among them: no token, no
 * credential, no customer data.
 */
export const WANTED_FIELDS = {
  'iot.box': ['name', 'identifier', 'ip', 'ip_url', 'version', 'ssl_certificate_end_date'],
  'iot.device': ['name', 'type', 'iot_id', 'iot_ip', 'connection', 'connected'],
  'pos.config': ['name', 'epson_printer_ip', 'use_lna'],
  'pos.printer': ['name', 'printer_type', 'epson_printer_ip', 'use_lna'],
} as const satisfies Record<string, readonly string[]>;

export type OdooModel = keyof typeof WANTED_FIELDS;
export const ODOO_MODELS = Object.keys(WANTED_FIELDS) as OdooModel[];

/** One record as `search_read` returns it: field -> value (`false` for empty, `[id, name]` for a many2one). */
export type OdooRecord = Record<string, unknown>;

export type ModelRead = { ok: true; fields: string[]; records: OdooRecord[] } | { ok: false; error: 'missing' | 'denied' | 'failed'; detail?: string };

/** What the function run inside the Odoo tab answers. */
export type RawDiscovery =
  | { ok: true; version?: string; models: Partial<Record<OdooModel, ModelRead>> }
  | { ok: false; error: 'session-expired' | 'not-odoo' | 'failed'; detail?: string };

/** An open tab that looks like an Odoo web client. */
export interface OdooTab {
  tabId: number;
  /** `https://shop.odoo.com`: what the user is asked to let us read once. */
  origin: string;
  title: string;
}

export interface DiscoverySource {
  model: OdooModel;
  /** The record's name in Odoo (box, POS or printer name). */
  name: string;
}

interface ProposalBase {
  /** Stable within one result: the checkbox's key. */
  key: string;
  /** The address as Odoo has it. */
  address: string;
  sources: DiscoverySource[];
  /** Errors make the entry impossible to add; warnings (a public IP) do not. */
  problems: ValidationError[];
  /** Name of the configured device at the same address, if any. */
  existing?: string;
  /** Valid and not configured yet: ticked by default. */
  addable: boolean;
}

export interface BoxProposal extends ProposalBase {
  /** Normalized, ready to save (id ''), or null when the address is unusable. */
  config: BoxConfig | null;
  version?: string;
  /** ISO date, Odoo 18.3+. */
  certificateEnd?: string;
  /** Devices Odoo lists on this box (printers, scales...): the POS reaches them through the box. */
  devices: number;
}

export interface PrinterProposal extends ProposalBase {
  config: PrinterConfig | null;
  /** Some POS or printer record uses Local Network Access mode (plain http to the IP). */
  useLna: boolean;
}

export type DiscoveryNote =
  | { code: 'lna'; args: [string] }
  | { code: 'denied'; args: [OdooModel] }
  | { code: 'failed'; args: [OdooModel] }
  | { code: 'no-iot'; args: [] }
  | { code: 'no-pos'; args: [] }
  | { code: 'box-devices'; args: [string] };

export type DiscoveryResult =
  | { ok: true; origin: string; version?: string; boxes: BoxProposal[]; printers: PrinterProposal[]; notes: DiscoveryNote[] }
  | { ok: false; error: 'session-expired' | 'not-odoo' | 'no-access' | 'tab-gone' | 'failed'; detail?: string };
