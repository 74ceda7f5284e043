/**
 * The plain-data shapes shared by the probes, the diagnosis table, the worker and the views.
 * Everything here is JSON-serializable: results are stored and sent between contexts as is.
 */

/** A box as the user (or discovery, or policy) configured it. */
export interface BoxConfig {
  id: string;
  name?: string;
  /** LAN IP (v4) of the box, if known. */
  ip?: string;
  /** The box's `*.odoo-iot.com` hostname, if known. */
  hostname?: string;
  /** Port of the box's plain-HTTP Odoo service (8069 on every real box). */
  httpPort?: number;
  /** Port of the box's HTTPS service (443 on every real box). */
  httpsPort?: number;
}

/** An Epson ePOS printer reached directly by the POS. */
export interface PrinterConfig {
  id: string;
  name?: string;
  /** IPv4 address of the printer. */
  ip: string;
  /** ePOS device id configured in the printer (default `local_printer`). */
  deviceId?: string;
  /** HTTPS port (443 on every real printer). */
  httpsPort?: number;
  /** Plain HTTP port (80 on every real printer). */
  httpPort?: number;
}

export interface Settings {
  /** RFC 8484 DNS-over-HTTPS endpoint asked when the box name does not resolve; '' = never ask. */
  dohUrl: string;
  /** Minutes between background checks; 0 = off. */
  intervalMinutes: number;
  notifications: boolean;
}

export interface Config {
  boxes: BoxConfig[];
  printers: PrinterConfig[];
  settings: Settings;
}

export const DEFAULT_SETTINGS: Settings = {
  dohUrl: 'https://dns.google/dns-query',
  intervalMinutes: 15,
  notifications: true,
};

export type Severity = 'ok' | 'warn' | 'error';

/** `pos`: the Odoo point of sale page and its configuration (src/pos/), read from its open tab. */
export type DeviceKind = 'box' | 'printer' | 'computer' | 'pos';

/** What the browser said about one request, reduced to a kind (see src/net/browser-errors.ts). */
export type FailureKind =
  | 'dns'
  | 'refused'
  | 'timeout'
  | 'unreachable'
  | 'offline'
  | 'cert-authority'
  | 'cert-name'
  | 'cert-date'
  | 'cert-other'
  | 'lna-blocked'
  | 'no-permission'
  | 'unknown';

/** One request as the diagnosis sees it. `raw` is the browser's own error string, kept for support. */
export type Attempt =
  | { url: string; ok: true; status: number; ms: number }
  | { url: string; ok: false; failure: FailureKind; raw: string; ms: number };

/** What a certificate is known to be, from wherever it could be read. */
export interface CertInfo {
  /** ISO date of notAfter, when known. */
  notAfter?: string;
  notBefore?: string;
  subject?: string;
  issuer?: string;
  /** SHA-256 fingerprint, colon-separated hex as browsers show it. */
  sha256?: string;
  /** Firefox: the connection worked only through the user's exception, not real trust. */
  exception?: boolean;
  /** Firefox: the server certificate itself (DER, base64), for a one-click .crt download. */
  derBase64?: string;
  source: 'box-status' | 'browser';
}

/** One device's verdict. `code` keys the texts, the severity and the guide in the diagnosis registry. */
export interface DeviceDiagnosis {
  deviceId: string;
  kind: DeviceKind;
  /** Name shown to the user: configured name, else the address. */
  label: string;
  ip?: string;
  hostname?: string;
  code: string;
  severity: Severity;
  /** Values the texts quote (error code, dates, addresses). Never secrets. */
  facts: Record<string, string>;
  /** The browser's raw error string that led here, if any. */
  raw?: string;
  attempts: Attempt[];
  cert?: CertInfo;
  /** Box software version, when the box says it. */
  version?: string;
  checkedAt: string;
}

export interface Environment {
  browser: string;
  os: string;
  extensionVersion: string;
  /** Local clock minus the servers' clock, in ms, when measurable. */
  clockSkewMs?: number;
  timeZone: string;
}

export const RESULT_VERSION = 1;

export interface CheckResult {
  version: typeof RESULT_VERSION;
  startedAt: string;
  finishedAt: string;
  environment: Environment;
  /** One entry per configured device, plus at most one for the computer itself. */
  devices: DeviceDiagnosis[];
  /** The worst severity over all devices. */
  worst: Severity;
  /** The point of sale page (scheme, LNA states, path per device), when the user let IoT Doctor read it. */
  pos?: import('./pos/types').PosSummary;
}
