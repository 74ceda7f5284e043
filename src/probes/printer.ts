import type { PrinterConfig } from '../model';
import type { Http, HttpOutcome } from '../net/http';
import { isCertFailure } from '../net/browser-errors';
import { EPOS_HEADERS, EPOS_STATUS_BODY, parseEposResponse, type EposReading } from './epos';
import type { HostQueue } from './host-queue';

export interface PrinterFindings {
  ip: string;
  deviceId: string;
  https: HttpOutcome;
  epos?: EposReading;
  /** Plain HTTP on the printer's web port, asked only when HTTPS gave no answer. */
  plain?: HttpOutcome;
  /** Chromium only: the same request from an extension page, which honours "Proceed anyway". */
  page?: HttpOutcome;
  requests: HttpOutcome[];
}

export interface PrinterProbeDeps {
  http: Http;
  /** A second network path that sees the user's certificate exceptions (Chromium offscreen page). */
  pageHttp?: Http;
  queue: HostQueue;
  timeoutMs?: number;
}

export const DEFAULT_DEVICE_ID = 'local_printer';
const MAX_EPOS_BYTES = 64 * 1024;

export function eposUrl(p: PrinterConfig): string {
  const host = p.httpsPort && p.httpsPort !== 443 ? `${p.ip}:${p.httpsPort}` : p.ip;
  const devid = encodeURIComponent(p.deviceId || DEFAULT_DEVICE_ID);
  return `https://${host}/cgi-bin/epos/service.cgi?devid=${devid}&timeout=3000`;
}

/**
 * The ePOS status query (an empty <epos-print/>: prints nothing), one request at a time per
 * printer. When HTTPS fails, tells "certificate" from "nothing answers" with plain HTTP, and
 * (Chromium) "accepted only temporarily" from "never accepted" with the page path.
 */
export async function probePrinter(p: PrinterConfig, deps: PrinterProbeDeps): Promise<PrinterFindings> {
  const timeoutMs = deps.timeoutMs ?? 6000;
  const requests: HttpOutcome[] = [];
  const ask = (http: Http, url: string, method: 'GET' | 'POST'): Promise<HttpOutcome> =>
    deps.queue.run(p.ip, async () => {
      const res = await http.request(
        method === 'POST'
          ? { url, method, headers: EPOS_HEADERS, body: EPOS_STATUS_BODY, timeoutMs, maxBytes: MAX_EPOS_BYTES }
          : { url, timeoutMs: Math.min(timeoutMs, 4000), maxBytes: 16 * 1024 },
      );
      requests.push(res);
      return res;
    });
  const url = eposUrl(p);
  const https = await ask(deps.http, url, 'POST');
  const f: PrinterFindings = { ip: p.ip, deviceId: p.deviceId || DEFAULT_DEVICE_ID, https, requests };
  if (https.ok) {
    f.epos = https.tooLarge ? { valid: false, reason: `answer larger than ${MAX_EPOS_BYTES / 1024} KiB` } : https.status !== 200 ? { valid: false, reason: `HTTP ${https.status}` } : parseEposResponse(https.text);
    return f;
  }
  if (isCertFailure(https.failure)) {
    if (deps.pageHttp && https.failure === 'cert-authority') f.page = await ask(deps.pageHttp, url, 'POST');
    return f;
  }
  if (['timeout', 'refused', 'unreachable'].includes(https.failure)) {
    const port = p.httpPort && p.httpPort !== 80 ? `:${p.httpPort}` : '';
    f.plain = await ask(deps.http, `http://${p.ip}${port}/`, 'GET');
  }
  return f;
}
