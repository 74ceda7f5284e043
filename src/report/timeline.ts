import type { HistoryEntry } from '../store/schema';

export interface Change {
  code: string;
  severity: string;
  /** First check that gave this code. */
  since: string;
  /** Last check that gave it (the next change starts after). */
  until: string;
}

/**
 * A device's history reduced to its changes, newest first: "certificate untrusted since today
 * 10:02; before: works until yesterday 18:02". `entries` oldest first, as the store gives them.
 */
export function timeline(entries: HistoryEntry[], max = 3): Change[] {
  const changes: Change[] = [];
  for (const e of entries) {
    const last = changes[changes.length - 1];
    if (last && last.code === e.code) last.until = e.at;
    else changes.push({ code: e.code, severity: e.severity, since: e.at, until: e.at });
  }
  return changes.reverse().slice(0, max);
}
