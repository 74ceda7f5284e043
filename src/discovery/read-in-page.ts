import type { ModelRead, OdooModel, RawDiscovery } from './types';

/**
 * Runs INSIDE the Odoo tab (scripting.executeScript, main world), so its requests are the
 * logged-in web client's own: same origin, same session cookie. It must stay self-contained
 * (the browser serializes its source): no imports, no outer variables.
 *
 * For each model: `fields_get` first (fields differ between versions and asking for a missing
 * one fails the whole call), then `search_read` of the wanted fields that exist. Errors are
 * reduced to a kind and Odoo's exception class name; messages and tracebacks stay in the tab.
 */
export async function readOdooInPage(base: string, wanted: Record<string, readonly string[]>, fetchImpl: typeof fetch = fetch): Promise<RawDiscovery> {
  type RpcError = { code?: number; message?: string; data?: { name?: string; message?: string } };
  type Rpc = { result?: unknown; error?: RpcError };
  let id = 0;

  const post = async (path: string, params: unknown): Promise<Rpc | null> => {
    const res = await fetchImpl(new URL(path, base).href, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', method: 'call', id: ++id, params }),
      credentials: 'same-origin',
      signal: AbortSignal.timeout(15_000),
    });
    if (!/json/i.test(res.headers.get('content-type') ?? '')) return null;
    try {
      const body = (await res.json()) as Rpc;
      return typeof body === 'object' && body !== null && ('result' in body || 'error' in body) ? body : null;
    } catch {
      return null;
    }
  };
  const kindOf = (e: RpcError): 'session-expired' | 'missing' | 'denied' | 'failed' => {
    const name = String(e.data?.name ?? '');
    const text = `${String(e.data?.message ?? '')} ${String(e.message ?? '')}`;
    if (e.code === 100 || /SessionExpired/i.test(name) || /session expired/i.test(text)) return 'session-expired';
    if (/AccessError|AccessDenied/.test(name)) return 'denied';
    if (/KeyError/.test(name) || /doesn't exist|does not exist|unknown model/i.test(text)) return 'missing';
    return 'failed';
  };
  const className = (e: RpcError): string => String(e.data?.name ?? e.message ?? '').slice(0, 80);

  try {
    const info = await post('/web/webclient/version_info', {});
    if (!info) return { ok: false, error: 'not-odoo' };
    const v = (info.result as { server_version?: unknown } | undefined)?.server_version;
    const models: Partial<Record<OdooModel, ModelRead>> = {};
    for (const [model, fields] of Object.entries(wanted)) {
      const call = (method: string, args: unknown[], kwargs: Record<string, unknown>) =>
        post(`/web/dataset/call_kw/${model}/${method}`, { model, method, args, kwargs });
      const fg = await call('fields_get', [], { attributes: ['type'] });
      if (!fg) return { ok: false, error: 'not-odoo' };
      if (fg.error) {
        const kind = kindOf(fg.error);
        if (kind === 'session-expired') return { ok: false, error: 'session-expired' };
        models[model as OdooModel] = { ok: false, error: kind, detail: className(fg.error) };
        continue;
      }
      const known = typeof fg.result === 'object' && fg.result !== null ? (fg.result as Record<string, unknown>) : {};
      const present = fields.filter((f) => f in known);
      const sr = await call('search_read', [], { domain: [], fields: present, limit: 200 });
      if (!sr) return { ok: false, error: 'not-odoo' };
      if (sr.error) {
        const kind = kindOf(sr.error);
        if (kind === 'session-expired') return { ok: false, error: 'session-expired' };
        models[model as OdooModel] = { ok: false, error: kind, detail: className(sr.error) };
        continue;
      }
      const rows = Array.isArray(sr.result) ? (sr.result as Array<Record<string, unknown>>) : [];
      // Keep only what was asked for, whatever else the server sent.
      const records = rows.slice(0, 200).map((r) => Object.fromEntries(present.filter((f) => f in r).map((f) => [f, r[f]])));
      models[model as OdooModel] = { ok: true, fields: present, records };
    }
    return { ok: true, ...(typeof v === 'string' ? { version: v.slice(0, 40) } : {}), models };
  } catch (e) {
    return { ok: false, error: 'failed', detail: String((e as Error)?.name ?? e).slice(0, 80) };
  }
}
