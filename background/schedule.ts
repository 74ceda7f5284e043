import { api } from '../src/platform/api';

export const ALARM = 'periodic-check';

/** Periodic checks with alarms (they survive the worker being stopped). 0 minutes = off. */
export async function scheduleChecks(minutes: number): Promise<void> {
  await api.alarms.clear(ALARM);
  if (minutes > 0) await api.alarms.create(ALARM, { periodInMinutes: minutes, delayInMinutes: Math.min(minutes, 1) });
}
