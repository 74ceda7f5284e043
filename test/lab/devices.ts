/**
 * Every simulated device of the lab, one loopback address each, and the certificates they
 * serve. Scenarios (scenarios.ts) point at these addresses.
 */
import type { CertSpec } from './ca';
import { BOX_DOMAIN, DOH_HOST, DOH_IP } from './names';

export type BoxVersion = 16 | 18 | 19;

export interface BoxDevice {
  kind: 'box';
  ip: string;
  version: BoxVersion;
  /** Certificate served on 443; null = nothing listens on 443. */
  https: string | null;
  /** Odoo 16/18: the certificate check the box reports (homepage row / data). */
  certCheck?: { ok: true } | { ok: false; details: string };
}

/** What the ePOS service answers to a status request. */
export type EposBehaviour =
  | { answer: 'status'; success: boolean; code: string; status: number }
  | { answer: 'hang' }
  | { answer: 'garbage' }
  | { answer: 'huge' };

export interface PrinterDevice {
  kind: 'printer';
  ip: string;
  https: string;
  /** The ePOS device id configured in the printer. */
  devid: string;
  epos: EposBehaviour;
  /** The printer's own clock, in days from the real now (sent as the `Date` header). */
  clockDays?: number;
}

/** Accepts TCP on 443 and 80 and never sends a byte: the closest loopback gets to a powered-off host. */
export interface SilentDevice {
  kind: 'silent';
  ip: string;
}

export type Device = BoxDevice | PrinterDevice | SilentDevice;

/** ePOS status bits (Epson ePOS-Print), see test/lab/README.md. */
export const BIT = { PRINT_SUCCESS: 0x2, OFF_LINE: 0x8, COVER_OPEN: 0x20, MECHANICAL_ERR: 0x400, RECEIPT_NEAR_END: 0x20000, RECEIPT_END: 0x80000 } as const;
/** 0x0F000016: a healthy, idle TM printer. */
export const HEALTHY = 251658262;
/** 0x0F030016: paper near end. */
export const PAPER_LOW = 251854870;
const failed = (bits: number): number => ((HEALTHY & ~BIT.PRINT_SUCCESS) | BIT.OFF_LINE | bits) >>> 0;

const ok = (status = HEALTHY): EposBehaviour => ({ answer: 'status', success: true, code: '', status });
const err = (code: string, status: number): EposBehaviour => ({ answer: 'status', success: false, code, status });

const trustedPrinter = (ip: string, epos: EposBehaviour = ok(), extra: Partial<PrinterDevice> = {}): PrinterDevice => ({
  kind: 'printer',
  ip,
  https: `printer-${ip}`,
  devid: 'local_printer',
  epos,
  ...extra,
});

export const DEVICES: Device[] = [
  { kind: 'box', ip: '127.0.0.7', version: 19, https: 'box-other-name' },
  { kind: 'box', ip: '127.0.0.8', version: 19, https: 'box-wildcard' },
  { kind: 'box', ip: '127.0.0.10', version: 19, https: 'box-wildcard' },
  { kind: 'box', ip: '127.0.0.11', version: 18, https: 'box-wildcard', certCheck: { ok: true } },
  {
    kind: 'box',
    ip: '127.0.0.12',
    version: 16,
    https: null,
    certCheck: { ok: false, details: 'ERR_IOT_HTTPS_LOAD_REQUEST_STATUS 403\n\nForbidden' },
  },
  { kind: 'box', ip: '127.0.0.13', version: 19, https: 'box-expired' },
  { kind: 'box', ip: '127.0.0.14', version: 19, https: 'box-wildcard' },
  { kind: 'box', ip: '127.0.0.15', version: 19, https: 'box-wildcard' },
  { kind: 'box', ip: '127.0.0.16', version: 19, https: 'box-wildcard' },
  { kind: 'box', ip: '127.0.0.18', version: 18, https: null, certCheck: { ok: true } },
  { kind: 'box', ip: '127.0.0.19', version: 19, https: 'box-expiring' },

  trustedPrinter('127.0.0.20'),
  { kind: 'printer', ip: '127.0.0.21', https: 'epson-factory', devid: 'local_printer', epos: ok() },
  { ...trustedPrinter('127.0.0.22'), https: 'printer-expired' },
  { ...trustedPrinter('127.0.0.23'), https: 'printer-wrong-name' },
  trustedPrinter('127.0.0.24', err('EPTR_REC_EMPTY', failed(BIT.RECEIPT_NEAR_END | 0x10000 | BIT.RECEIPT_END))),
  trustedPrinter('127.0.0.25', err('EPTR_COVER_OPEN', failed(BIT.COVER_OPEN))),
  trustedPrinter('127.0.0.26', ok(), { devid: 'printer_1' }),
  trustedPrinter('127.0.0.28', { answer: 'hang' }),
  { kind: 'silent', ip: '127.0.0.29' },
  trustedPrinter('127.0.0.30', ok(PAPER_LOW)),
  trustedPrinter('127.0.0.31', { answer: 'garbage' }),
  trustedPrinter('127.0.0.32', { answer: 'huge' }),
  { kind: 'printer', ip: '127.0.0.33', https: 'self-signed-ip', devid: 'local_printer', epos: ok() },
  trustedPrinter('127.0.0.34', ok((HEALTHY | BIT.OFF_LINE) >>> 0)),
  trustedPrinter('127.0.0.35', err('EPTR_MECHANICAL', failed(BIT.MECHANICAL_ERR))),
  { ...trustedPrinter('127.0.0.36'), https: 'clock-ahead', clockDays: 400 },
];

const WILDCARD = `*.${BOX_DOMAIN}`;
const printerCert = (ip: string): CertSpec => ({ cn: ip, ips: [ip], from: -30, to: 365 });

/** Certificate name -> spec. Dates are days relative to the moment they are made. */
export const CERT_SPECS: Record<string, CertSpec> = {
  doh: { cn: DOH_HOST, dns: [DOH_HOST], ips: [DOH_IP], from: -1, to: 90 },
  'box-wildcard': { cn: WILDCARD, dns: [WILDCARD], from: -30, to: 60 },
  'box-expired': { cn: WILDCARD, dns: [WILDCARD], from: -100, to: -10 },
  'box-expiring': { cn: WILDCARD, dns: [WILDCARD], from: -85, to: 5 },
  'box-other-name': { cn: '*.feedface.odoo-iot.com', dns: ['*.feedface.odoo-iot.com'], from: -30, to: 60 },
  'printer-expired': { cn: '127.0.0.22', ips: ['127.0.0.22'], from: -400, to: -30 },
  'printer-wrong-name': { cn: '127.0.0.99', ips: ['127.0.0.99'], from: -30, to: 365 },
  // A factory certificate: self-signed, named after the printer, SAN = the factory IP (never contacted).
  'epson-factory': {
    cn: 'EPSON3C1A2B',
    o: 'SEIKO EPSON CORPORATION',
    dns: ['EPSON3C1A2B', 'EPSON3C1A2B.local'],
    ips: ['192.168.192.128'],
    from: -1000,
    to: 2650,
    selfSigned: true,
  },
  // What Web Config's "Create self-signed certificate, Common Name = the printer's IP" makes.
  'self-signed-ip': { cn: '127.0.0.33', ips: ['127.0.0.33'], from: -1, to: 3650, selfSigned: true },
  'clock-ahead': { cn: '127.0.0.36', ips: ['127.0.0.36'], from: 400, to: 800 },
  ...Object.fromEntries(
    DEVICES.filter((d): d is PrinterDevice => d.kind === 'printer' && d.https.startsWith('printer-127.')).map((d) => [d.https, printerCert(d.ip)]),
  ),
};
