/**
 * The ePOS status query over plain http (port 80): what the POS calls in Odoo's Local Network
 * Access mode, or from a POS page served over http. No certificate is involved, so none can be
 * blamed. Same care as the https probe: one request at a time per printer, nothing printed.
 */
import type { PrinterConfig } from '../model';
import type { Http, HttpOutcome } from '../net/http';
import { EPOS_HEADERS, EPOS_STATUS_BODY, parseEposResponse } from '../probes/epos';
import { DEFAULT_DEVICE_ID, type PrinterFindings, type PrinterProbeDeps } from '../probes/printer';

const MAX_EPOS_BYTES = 64 * 1024;

export function plainEposUrl(p: PrinterConfig): string {
  const host = p.httpPort && p.httpPort !== 80 ? `${p.ip}:${p.httpPort}` : p.ip;
  return `http://${host}/cgi-bin/epos/service.cgi?devid=${encodeURIComponent(p.deviceId || DEFAULT_DEVICE_ID)}&timeout=3000`;
}

/**
 * Findings shaped like the https probe's, so the same decision applies: `https` holds the ePOS
 * answer of the path the POS uses (here plain http; the field keeps its name for decidePrinter).
 */
export async function probePrinterPlain(p: PrinterConfig, deps: Pick<PrinterProbeDeps, 'http' | 'queue' | 'timeoutMs'>): Promise<PrinterFindings> {
  const requests: HttpOutcome[] = [];
  const outcome = await deps.queue.run(p.ip, async () => {
    const res = await deps.http.request({ url: plainEposUrl(p), method: 'POST', headers: EPOS_HEADERS, body: EPOS_STATUS_BODY, timeoutMs: deps.timeoutMs ?? 6000, maxBytes: MAX_EPOS_BYTES });
    requests.push(res);
    return res;
  });
  const f: PrinterFindings = { ip: p.ip, deviceId: p.deviceId || DEFAULT_DEVICE_ID, https: outcome, requests };
  if (outcome.ok) {
    f.epos = outcome.tooLarge
      ? { valid: false, reason: `answer larger than ${MAX_EPOS_BYTES / 1024} KiB` }
      : outcome.status !== 200
        ? { valid: false, reason: `HTTP ${outcome.status}` }
        : parseEposResponse(outcome.text);
  }
  return f;
}
