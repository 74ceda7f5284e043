/**
 * Readers for what a box says about itself. Never throw: a box (or something that is not a
 * box) may answer anything. Secrets such as db_uuid / enterprise_code are never copied out.
 */
export interface BoxStatus {
  version?: string;
  /** ISO date of the certificate's end, when the box tells it. */
  certEnd?: string;
  /** ERR_IOT_HTTPS_* code shown on the homepage, with its detail (e.g. the HTTP status). */
  certError?: { code: string; detail: string };
  certOk?: boolean;
  /** The IP the box believes it has. */
  ip?: string;
}

const clean = (v: unknown, max = 64): string | undefined =>
  typeof v === 'string' || typeof v === 'number' ? String(v).replace(/[^\x20-\x7e]/g, '').slice(0, max) || undefined : undefined;

function isoDate(v: unknown): string | undefined {
  const s = clean(v);
  if (!s) return undefined;
  const d = new Date(/^\d{4}-\d{2}-\d{2}[ T]\d/.test(s) && !/[zZ]|[+-]\d{2}:?\d{2}$/.test(s) ? `${s.replace(' ', 'T')}Z` : s);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** Odoo 19 `/iot_drivers/data`: JSON with version, ip, certificate_end_date... */
export function parseDriversData(text: string): BoxStatus | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
  const o = (('result' in data && typeof (data as { result: unknown }).result === 'object' ? (data as { result: object }).result : data) ?? {}) as Record<string, unknown>;
  const status: BoxStatus = {};
  const version = clean(o.version);
  if (version) status.version = version;
  const ip = clean(o.ip);
  if (ip) status.ip = ip;
  const end = isoDate(o.certificate_end_date);
  if (end) status.certEnd = end;
  if (!version && !ip && !('certificate_end_date' in o)) return undefined;
  return status;
}

const ERR_RE = /(ERR_IOT_HTTPS_[A-Z_]+)(?:[\s:]+(\d{3}))?/;

/** Odoo 16 (and older) homepage HTML: the "HTTPS certificate" row reads OK or `Error code: ERR_IOT_HTTPS_...`. */
export function parseHomepage(html: string): BoxStatus | undefined {
  const text = html.slice(0, 200_000);
  const at = text.search(/HTTPS certificate/i);
  const err = ERR_RE.exec(text);
  if (at < 0 && !err) return undefined;
  const status: BoxStatus = {};
  const version = /(?:Odoo|IoT Box|Version)[^<\d]{0,40}(\d{2}\.\d)/i.exec(text);
  if (version?.[1]) status.version = version[1];
  if (err?.[1]) status.certError = { code: err[1], detail: err[2] ?? '' };
  else if (at >= 0) {
    const row = text.slice(at, at + 600).replace(/<[^>]*>/g, ' ');
    if (/\bOK\b/.test(row)) status.certOk = true;
    const end = /(\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?)/.exec(row);
    if (end?.[1]) {
      const iso = isoDate(end[1]);
      if (iso) status.certEnd = iso;
    }
  }
  return status;
}
