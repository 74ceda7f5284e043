/**
 * A node `lookup` function that resolves lab names as the shop ROUTER (or a PUBLIC
 * resolver) would, for node-side tests: `https.get({ host, lookup: labLookup() })`.
 * Anything else is ENOTFOUND: a test can never reach a real name.
 */
import type { LookupFunction } from 'node:net';
import { publicAnswer, routerAnswer } from './names';

export function labLookup(view: 'router' | 'public' = 'router'): LookupFunction {
  const answer = view === 'router' ? routerAnswer : publicAnswer;
  return ((hostname: string, options: { all?: boolean } | number | undefined, callback: (...args: unknown[]) => void) => {
    const cb = typeof options === 'function' ? (options as typeof callback) : callback;
    const all = typeof options === 'object' && options !== null && options.all === true;
    const ip = /^127\.\d+\.\d+\.\d+$/.test(hostname) ? hostname : answer(hostname);
    process.nextTick(() => {
      if (!ip) {
        const err = Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND', hostname });
        return cb(err);
      }
      if (all) cb(null, [{ address: ip, family: 4 }]);
      else cb(null, ip, 4);
    });
  }) as unknown as LookupFunction;
}
