/**
 * The point of sale's part of a check: one verdict for the POS page (scheme, Local Network
 * Access), one per mistake in its Odoo configuration, the path each configured device is reached
 * by, and how the page changes a device's verdict (a printer that works is still out of the
 * POS's reach when the browser blocks the page). Pure: the worker passes the reading in.
 */
import type { Config } from '../model';
import type { BoxFindings } from '../probes/box';
import type { Verdict } from '../diagnoses/decide-box';
import { diagnosis } from '../diagnoses/registry';
import { pageSpace, gatingName } from './address-space';
import { configIssues, type PosIssue } from './config-issues';
import { odooBoxes, odooPrinters } from './odoo-config';
import { odooCanUseLna, planPaths, schemeOf } from './paths';
import type { PosContext, PosDevicePath, PosSummary } from './types';

export interface PosRow {
  id: string;
  label: string;
  verdict: Verdict;
}

/**
 * A row id that stays the same from one check to the next (history and notifications are kept
 * per id): `pos-epson-address-bar` for POS_EPSON_ADDRESS on the printer "Bar".
 */
function issueId(issue: PosIssue, taken: PosRow[]): string {
  const slug = issue.label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 30) || 'odoo';
  const base = `pos-${issue.code.slice(4).toLowerCase().replace(/_/g, '-')}-${slug}`;
  let id = base;
  for (let n = 2; taken.some((r) => r.id === id); n++) id = `${base}-${n}`;
  return id;
}

export interface PosJudgement {
  plans: Map<string, PosDevicePath>;
  rows: PosRow[];
  summary: PosSummary;
  /** Chromium family (Chrome, Edge): blocks an http page on a public address from local devices. */
  chromium: boolean;
  ctx: PosContext;
}

const isChromium = (browser: string): boolean => /^(Chrome|Chromium|Edge)\b/.test(browser);

function pageVerdict(ctx: PosContext, plans: Map<string, PosDevicePath>, chromium: boolean): Verdict {
  const facts = { origin: ctx.origin };
  if (!ctx.watched || !ctx.access) return { code: 'POS_NO_ACCESS', facts };
  const page = ctx.page;
  if (!page) return { code: 'POS_TAB_CLOSED', facts };
  const space = pageSpace(ctx.origin);
  if (schemeOf(ctx.origin) === 'http' && space === 'public') return { code: chromium ? 'POS_HTTP_BLOCKED' : 'POS_HTTP_INSECURE', facts };
  if (!odooCanUseLna(page)) {
    // Firefox, Safari, every iOS browser: Odoo's LNA mode does not apply, certificates are needed.
    const lnaWanted = odooPrinters(ctx.odoo).some((p) => p.useLna) || odooBoxes(ctx.odoo).some((b) => b.useLna);
    return { code: lnaWanted ? 'POS_LNA_UNSUPPORTED' : 'POS_OK', facts };
  }
  if (space === 'public') {
    const states = [...plans.values()].flatMap((p) => (p.lna ? [p.lna.state] : []));
    if (!states.length) {
      const name = gatingName('192.168.0.1', page.lna); // no device configured yet: a LAN device
      if (name) states.push(page.lna[name]);
    }
    if (states.includes('denied')) return { code: 'LNA_BLOCKED', facts };
    if (states.includes('prompt')) return { code: 'POS_LNA_PROMPT', facts };
  }
  return { code: 'POS_OK', facts };
}

/** undefined without a watched or suggested POS site. */
export function judgePos(config: Pick<Config, 'boxes' | 'printers'>, ctx: PosContext | null | undefined, browser: string): PosJudgement | undefined {
  if (!ctx) return undefined;
  const chromium = isChromium(browser);
  const plans = planPaths(config, ctx);
  const host = new URL(ctx.origin).host;
  const rows: PosRow[] = [{ id: 'pos', label: host, verdict: pageVerdict(ctx, plans, chromium) }];
  if (ctx.watched && ctx.access) {
    for (const issue of configIssues(ctx.odoo, ctx.origin, config)) rows.push({ id: issueId(issue, rows), label: issue.label, verdict: { code: issue.code, facts: issue.facts } });
  }
  const summary: PosSummary = {
    origin: ctx.origin,
    access: ctx.access && ctx.watched,
    live: ctx.live,
    ...(ctx.seenAt ? { seenAt: ctx.seenAt } : {}),
    ...(ctx.page
      ? { scheme: schemeOf(ctx.origin), secure: ctx.page.secure, pageSpace: pageSpace(ctx.origin), lna: { ...ctx.page.lna } }
      : {}),
    ...(ctx.odoo?.ok && ctx.odoo.version ? { odooVersion: ctx.odoo.version } : {}),
    paths: [...plans.values()],
  };
  return { plans, rows, summary, chromium, ctx };
}

/**
 * A device that works on its path but that the page may not reach: the page's block is the
 * verdict. A device with a problem of its own keeps it (the POS row names the block anyway).
 */
export function onPosPath(v: Verdict, plan: PosDevicePath | undefined, pos: PosJudgement | undefined): Verdict {
  if (!plan || !pos?.ctx.page || diagnosis(v.code).severity === 'error') return v;
  const facts = { origin: pos.ctx.origin };
  if (schemeOf(pos.ctx.origin) === 'http') {
    return pos.chromium && pageSpace(pos.ctx.origin) === 'public' ? { ...v, code: 'POS_HTTP_BLOCKED', facts } : v;
  }
  return plan.lna?.state === 'denied' ? { ...v, code: 'LNA_BLOCKED', facts } : v;
}

/**
 * The box on a plain-http path (Odoo's LNA mode, or an http POS): its name and certificate are
 * not used, so only its answer by IP counts. Otherwise the usual decision.
 */
export function boxOnPosPath(f: BoxFindings, plan: PosDevicePath | undefined, usual: () => Verdict): Verdict {
  if ((plan?.path === 'lna-http' || plan?.path === 'http-ip') && f.byIpPing && f.ip) {
    return { code: 'BOX_OK_HTTP', facts: { ip: f.ip }, ...(f.status?.version ? { version: f.status.version } : {}) };
  }
  return usual();
}
