import type { CheckResult, DeviceDiagnosis } from './model';

export interface Alert {
  deviceId: string;
  /** What the alert is about; the same key is never notified twice in a row. */
  key: string;
  kind: 'turned-red' | 'cert-expiring';
  device: DeviceDiagnosis;
  days?: number;
}

const DAY = 86_400_000;

/**
 * What deserves a notification after a check: a device that turned red, or a certificate
 * (box or printer, where its end is known) ending within 14 days. `notified` holds the last
 * key notified per device, so the same state is never notified again.
 */
export function alertsFor(result: CheckResult, notified: Record<string, string>, now: Date, warnDays = 14): Alert[] {
  const alerts: Alert[] = [];
  for (const d of result.devices) {
    let alert: Alert | undefined;
    if (d.severity === 'error') alert = { deviceId: d.deviceId, key: `red:${d.code}`, kind: 'turned-red', device: d };
    else if (d.cert?.notAfter) {
      const days = Math.floor((Date.parse(d.cert.notAfter) - now.getTime()) / DAY);
      if (days < warnDays) alert = { deviceId: d.deviceId, key: `expiring:${d.cert.notAfter.slice(0, 10)}`, kind: 'cert-expiring', device: d, days: Math.max(0, days) };
    }
    if (alert && notified[d.deviceId] !== alert.key) alerts.push(alert);
  }
  return alerts;
}

/** The per-device keys to remember after notifying (a device back to normal is forgotten). */
export function nextNotified(result: CheckResult, notified: Record<string, string>, sent: Alert[]): Record<string, string> {
  const next: Record<string, string> = {};
  for (const d of result.devices) {
    const s = sent.find((a) => a.deviceId === d.deviceId);
    if (s) next[d.deviceId] = s.key;
    else if (d.severity !== 'ok' && notified[d.deviceId]) next[d.deviceId] = notified[d.deviceId]!;
  }
  return next;
}
