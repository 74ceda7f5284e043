/**
 * The point of sale in a report: the site, when its tab was read, its scheme, every Local Network
 * Access name's state (Odoo reads only one) and the path the POS uses for each device. Built
 * from named fields only; URLs go through the same filter as the attempts.
 */
import type { PosSummary } from '../pos/types';
import { LNA_NAMES, ODOO_LNA_NAME } from '../pos/types';
import { safeUrl } from './sanitize';

const STATE = /^(granted|prompt|denied|unsupported)$/;

/** A copy holding only the declared fields. */
export function safePos(p: PosSummary): PosSummary {
  const out: PosSummary = { origin: safeUrl(p.origin).replace(/\/$/, ''), access: p.access === true, live: p.live === true, paths: [] };
  if (p.seenAt !== undefined) out.seenAt = String(p.seenAt);
  if (p.scheme === 'http' || p.scheme === 'https') out.scheme = p.scheme;
  if (p.secure !== undefined) out.secure = p.secure === true;
  if (p.pageSpace === 'public' || p.pageSpace === 'local') out.pageSpace = p.pageSpace;
  if (p.lna) out.lna = Object.fromEntries(LNA_NAMES.map((n) => [n, STATE.test(String(p.lna![n])) ? p.lna![n] : 'unsupported'])) as PosSummary['lna'];
  if (p.odooVersion !== undefined) out.odooVersion = String(p.odooVersion).slice(0, 40);
  out.paths = (p.paths ?? []).map((d) => ({
    deviceId: String(d.deviceId),
    path: d.path,
    url: safeUrl(d.url),
    useLna: d.useLna === true,
    ...(d.lna ? { lna: { name: d.lna.name, state: d.lna.state } } : {}),
  }));
  return out;
}

export function posBlock(p: PosSummary): string[] {
  const out = ['== Point of sale ==', `Site:       ${p.origin}${p.access ? '' : ' (IoT Doctor may not read it)'}`];
  out.push(`Read:       ${p.live ? 'now, from its open tab' : p.seenAt ? `${p.seenAt} (tab closed since)` : 'never'}`);
  if (p.scheme) out.push(`Scheme:     ${p.scheme}, ${p.secure ? 'secure context' : 'NOT a secure context'}, page counts as ${p.pageSpace ?? '?'}`);
  if (p.lna) out.push(`LNA:        ${LNA_NAMES.map((n) => `${n}=${p.lna![n]}`).join(', ')} (Odoo checks ${ODOO_LNA_NAME} only)`);
  if (p.odooVersion) out.push(`Odoo:       ${p.odooVersion}`);
  if (p.paths.length) {
    out.push('Paths (how the POS reaches each device):');
    for (const d of p.paths) out.push(`  ${d.deviceId}: ${d.path} ${d.url}${d.useLna ? ' (Odoo LNA mode)' : ''}${d.lna ? ` [${d.lna.name}=${d.lna.state}]` : ''}`);
  }
  return out;
}
