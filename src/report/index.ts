export { reportText, type ReportT } from './text';
export { reportJson, REPORT_FORMAT, REPORT_VERSION } from './json';
export { factValues, safeFacts, safeResult, safeUrl, isSecretName } from './sanitize';
export { formatDateTime, formatLocal, formatDay, formatSkew, zoneOrUtc } from './format';

/** `iot-doctor-report-2026-11-26T10-28-21` (+ `.txt` / `.json`): sortable, safe on every OS. */
export function reportFileStem(isoDate: string): string {
  return `iot-doctor-report-${isoDate.slice(0, 19).replace(/:/g, '-')}`;
}
