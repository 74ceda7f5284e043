/**
 * One manifest.json serves both browsers; these are the few keys one browser does not know.
 * crxjs itself turns `background` into `service_worker` (Chromium) or `scripts` (Firefox).
 */
export type Target = 'chrome' | 'firefox';

type Manifest = { permissions?: string[]; [k: string]: unknown };

const ONLY: Record<string, Target> = {
  offscreen: 'chrome', // Firefox applies certificate exceptions to background requests: no second path needed
  dns: 'firefox', // browser.dns.resolve
  webRequestBlocking: 'firefox', // read certificates with webRequest.getSecurityInfo (Chromium MV3 has neither)
};

export function manifestFor<M extends Manifest>(m: M, target: Target): M {
  return { ...m, permissions: (m.permissions ?? []).filter((p) => (ONLY[p] ?? target) === target) };
}
