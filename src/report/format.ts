/** Formatting shared by the report and the support view: stable, locale-independent, for support. */

/** `2026-11-26 11:28:21 GMT+1 (Europe/Brussels)`: the local wall time where the check ran. */
export function formatDateTime(iso: string, timeZone: string): string {
  const local = formatLocal(iso, timeZone);
  return local === iso ? iso : `${local} (${zoneOrUtc(timeZone)})`;
}

export const zoneOrUtc = (timeZone: string): string => (validZone(timeZone) ? timeZone : 'UTC');

/** `2026-11-26 11:28:21 GMT+1`: as formatDateTime, without the zone's name. */
export function formatLocal(iso: string, timeZone: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const zone = zoneOrUtc(timeZone);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'shortOffset',
    })
      .formatToParts(date)
      .map((p) => [p.type, p.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second} ${parts.timeZoneName}`;
}

/** `2026-02-01`: the calendar date of an ISO timestamp, in UTC (certificates are UTC). */
export function formatDay(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toISOString().slice(0, 10);
}

/** `+2.5 s`, `-3 min 4 s`, `-2 d 1 h 2 min`: the computer's clock minus the servers'. */
export function formatSkew(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  const abs = Math.abs(ms);
  if (abs < 60_000) return `${sign}${Math.round(abs / 100) / 10} s`;
  const total = Math.round(abs / 1000);
  const d = Math.floor(total / 86_400);
  const h = Math.floor((total % 86_400) / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (d) return `${sign}${d} d ${h} h ${m} min`;
  return `${sign}${h ? `${h} h ` : ''}${m} min ${s} s`;
}

function validZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return Boolean(zone);
  } catch {
    return false;
  }
}
