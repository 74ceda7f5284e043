import type { BoxConfig, PrinterConfig, Settings } from '../../src/model';
import type { RequestLog } from './net';

export type { RequestLog };

export interface Scenario {
  /** Equals the `lab` field of a diagnosis in src/diagnoses/*.ts. */
  id: string;
  title: string;
  /** What the user would configure. */
  box?: BoxConfig;
  printer?: PrinterConfig;
  /** Overrides of the extension's settings (the lab default DoH is Lab.dohPublicUrl). */
  settings?: Partial<Settings>;
  /** Expected diagnosis code (both browsers). */
  expect: string;
  /** Only where Firefox legitimately differs. */
  expectFirefox?: string;
  /** The test must first click "Proceed" on the browser warning page (Chromium). */
  needs?: 'proceed-anyway' | 'regenerate-cert';
}

/** Everything about a running lab that can be written to JSON (`.lab/lab.json`). */
export interface LabDescription {
  dir: string;
  /** PEM of the test CA, to be trusted in throwaway browser profiles only. */
  caCertPath: string;
  caCertPem: string;
  /** 127.0.0.53 */
  dohIp: string;
  /** 'doh.lab.iot-doctor.test' */
  dohHost: string;
  /** https://doh.lab.iot-doctor.test/dns-query : the shop ROUTER's DNS (Firefox TRR). */
  dohRouterUrl: string;
  /** https://127.0.0.53/public/dns-query : a PUBLIC resolver (the extension's DoH setting). */
  dohPublicUrl: string;
  /** Value for Chromium's --host-resolver-rules. */
  chromiumHostRules: string;
  /** TRR prefs pointing Firefox at dohRouterUrl. */
  firefoxPrefs: Record<string, string | number | boolean>;
  /** The ports every device uses (443/8069/80 unless binding them was not allowed). */
  ports: { https: number; boxHttp: number; printerHttp: number };
  scenarios: Scenario[];
}

export interface Lab extends LabDescription {
  /** Every HTTP request a device (one loopback IP, all its ports) got, oldest first. */
  requests(ip: string): RequestLog[];
  /** The most simultaneous in-flight HTTP requests that device saw. */
  maxConcurrent(ip: string): number;
  stop(): Promise<void>;
  /** Gives a printer a new self-signed certificate, as regenerating it in Web Config does (issue: certificate changed). */
  regenerateCert(ip: string): Promise<{ certPem: string }>;
}
