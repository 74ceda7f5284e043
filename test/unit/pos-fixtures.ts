/** POS contexts for the unit tests: a POS page reading, and Odoo records as the POS tab reads them. */
import type { RawDiscovery } from '../../src/discovery/types';
import { POS_FIELDS } from '../../src/pos/odoo-config';
import type { LnaState, PosContext, PosPageReading } from '../../src/pos/types';
import { odooData, type OdooVersion } from '../lab/odoo';
import { posShape, type PosShape } from '../lab/odoo-pos';

export const ORIGIN = 'https://shop.odoo.com';

/** Chromium 156 reads all three names; Firefox ESR 153 has no `local-network-access`. */
export function page(states: Partial<Record<'local-network-access' | 'local-network' | 'loopback-network', LnaState>> = {}, origin = ORIGIN): PosPageReading {
  return {
    url: `${origin}/pos/ui`,
    secure: origin.startsWith('https:'),
    lna: { 'local-network-access': 'granted', 'local-network': 'granted', 'loopback-network': 'granted', ...states },
  };
}
export const FIREFOX = { 'local-network-access': 'unsupported', 'local-network': 'prompt', 'loopback-network': 'prompt' } as const;

/** What readOdooInPage answers for the lab's fake Odoo database, shaped. */
export function odoo(version: OdooVersion = 19, shape: PosShape = {}): RawDiscovery {
  const data = odooData(version);
  posShape(shape)(data);
  const models = Object.fromEntries(
    Object.entries(POS_FIELDS).map(([model, wanted]) => {
      const m = data[model]!;
      const present = wanted.filter((f) => f in m.fields);
      return [model, { ok: true, fields: present, records: m.records.map((r) => Object.fromEntries(present.filter((f) => f in r).map((f) => [f, r[f]]))) }];
    }),
  );
  return { ok: true, version: `${version}.0`, models };
}

export function ctx(over: Partial<PosContext> = {}): PosContext {
  return { origin: ORIGIN, watched: true, access: true, live: true, seenAt: '2026-11-26T10:00:00.000Z', page: page({}, over.origin ?? ORIGIN), ...over };
}
