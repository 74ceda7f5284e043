/**
 * Which rows the popup lists. The worker decides every verdict; this only lines them up
 * with the configured devices so a row exists (as "checking" / "not checked yet") before
 * its verdict does.
 */
import type { Config, DeviceDiagnosis, DeviceKind } from '../model';
import type { PopupState } from '../messages';

export type RowState = 'done' | 'checking' | 'unchecked';

export interface Row {
  id: string;
  kind: DeviceKind;
  label: string;
  state: RowState;
  diagnosis?: DeviceDiagnosis;
}

function configured(config: Config): Row[] {
  return [
    ...config.boxes.map((b): Row => ({ id: b.id, kind: 'box', label: b.name || b.hostname || b.ip || b.id, state: 'unchecked' })),
    ...config.printers.map((p): Row => ({ id: p.id, kind: 'printer', label: p.name || p.ip, state: 'unchecked' })),
  ];
}

/**
 * `fresh`: `state.last` is the partial result of the check running now (a progress event
 * came), not the previous check's: only then do its verdicts count as done while running.
 */
export function rowsOf(state: PopupState, fresh: boolean): Row[] {
  const devices = state.running && !fresh ? [] : (state.last?.devices ?? []);
  const byId = new Map(devices.map((d) => [d.deviceId, d]));
  const pending: RowState = state.running ? 'checking' : 'unchecked';
  const done = (d: DeviceDiagnosis): Row => ({ id: d.deviceId, kind: d.kind, label: d.label, state: 'done', diagnosis: d });
  const waiting = configured(state.config).filter((r) => !byId.has(r.id)).map((r) => ({ ...r, state: pending }));
  if (state.running) {
    // Keep the configured order so rows do not jump as devices finish.
    const order = configured(state.config).map((r) => r.id);
    const rows = order.map((id) => (byId.has(id) ? done(byId.get(id)!) : waiting.find((r) => r.id === id)!));
    return [...rows, ...devices.filter((d) => !order.includes(d.deviceId)).map(done)];
  }
  return [...devices.map(done), ...waiting];
}

export function hasDevices(config: Config): boolean {
  return config.boxes.length + config.printers.length > 0;
}

/** Where a guide step's "open" button leads, from the device's own configuration. */
export function deviceUrl(action: string, row: Row, config: Config): string | undefined {
  const port = (p: number | undefined, dflt: number) => (p && p !== dflt ? `:${p}` : '');
  if (action === 'open-printer') {
    const p = config.printers.find((x) => x.id === row.id);
    const ip = p?.ip ?? (row.kind === 'printer' ? row.diagnosis?.ip : undefined);
    return ip ? `https://${ip}${port(p?.httpsPort, 443)}/` : undefined;
  }
  const b = config.boxes.find((x) => x.id === row.id);
  if (!b && row.kind !== 'box') return undefined;
  if (action === 'open-box-name') {
    const host = b?.hostname ?? row.diagnosis?.hostname;
    return host ? `https://${host}${port(b?.httpsPort, 443)}/` : undefined;
  }
  if (action === 'open-box-ip') {
    const ip = b?.ip ?? row.diagnosis?.ip;
    return ip ? `http://${ip}:${b?.httpPort ?? 8069}/` : undefined;
  }
  return undefined;
}
