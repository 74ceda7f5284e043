import type { CheckResult } from '../model';
import { safeResult } from './sanitize';

export const REPORT_FORMAT = 'iot-doctor-report';
export const REPORT_VERSION = 1;

/** The machine-readable report: the check result as the model defines it, versioned, secrets dropped. */
export function reportJson(result: CheckResult): string {
  return JSON.stringify({ format: REPORT_FORMAT, version: REPORT_VERSION, result: safeResult(result) }, null, 2) + '\n';
}
