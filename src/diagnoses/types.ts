import type { FailureKind, Severity } from '../model';

/** Keys of the fix guides in src/guides/. */
export type GuideKey =
  | 'dns-rebinding'
  | 'box-name'
  | 'box-certificate'
  | 'box-stale-name'
  | 'box-unreachable'
  | 'printer-certificate'
  | 'printer-status'
  | 'printer-unreachable'
  | 'computer-offline'
  | 'computer-clock'
  | 'permission'
  | 'support'
  | 'pos-access'
  | 'pos-https'
  | 'pos-certificates'
  | 'pos-printer-address'
  | 'pos-box-address'
  | 'pos-missing'
  | 'cert-imported'
  | 'pos-lna';

/**
 * One diagnosis: a code, how bad it is, where its fix is explained and the lab case that
 * reproduces it. Its texts are the locale keys `dx_<code>_verdict` (one line for a cashier),
 * `dx_<code>_explain` (what is going on) and `dx_<code>_action` (the one thing to do).
 */
export interface DiagnosisDef {
  code: string;
  severity: Severity;
  guide: GuideKey | null;
  /** The browser failures that lead here (documentation for support and the meta-tests). */
  from: FailureKind[];
  /** Names of the facts its texts substitute, in order ($1, $2...). */
  facts: string[];
  /** The lab scenario (test/lab/scenarios.ts) that reproduces it in both browsers. */
  lab: string;
}

export const define = (defs: DiagnosisDef[]): DiagnosisDef[] => defs;
