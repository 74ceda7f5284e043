import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throwaway copy of a built extension whose manifest already holds host access to the lab
 * devices, as if the user had granted it for each device (the runtime grant itself has its
 * own test). dist/ is never modified.
 */
export function extensionCopy(distDir: string, hosts: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'iot-doctor-ext-'));
  cpSync(distDir, dir, { recursive: true });
  const manifestPath = join(dir, 'manifest.json');
  const m = JSON.parse(readFileSync(manifestPath, 'utf8')) as { host_permissions?: string[] };
  m.host_permissions = [...new Set([...(m.host_permissions ?? []), ...hosts.map((h) => `*://${h}/*`)])];
  writeFileSync(manifestPath, JSON.stringify(m, null, 2));
  return dir;
}
