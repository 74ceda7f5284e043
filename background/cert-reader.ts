import type { CertInfo } from '../src/model';

/**
 * Firefox only: the server certificate of the extension's own HTTPS requests, read with
 * webRequest.getSecurityInfo in a blocking onHeadersReceived listener (rawDER gives the
 * certificate itself; `certificateChain` is NOT asked: under a user exception the verified
 * chain is empty). `overridableErrorCategory` marks a connection allowed by an exception.
 * Chromium has no such API: there the certificate stays a guided manual export.
 */
interface SecurityInfo {
  state: string;
  overridableErrorCategory?: string;
  certificates: { subject: string; issuer: string; validity: { start: number; end: number }; fingerprint: { sha256: string }; rawDER?: number[] }[];
}
interface FirefoxWebRequest {
  getSecurityInfo(requestId: string, opts: { rawDER?: boolean }): Promise<SecurityInfo>;
  onHeadersReceived: { addListener(cb: (d: { requestId: string; url: string; tabId: number }) => Promise<object> | object, filter: { urls: string[] }, extra: string[]): void };
}

export interface CertReader {
  /** The certificate seen for this URL's most recent answer, taken (read once). */
  take(url: string): CertInfo | undefined;
}

export function toBase64(bytes: ArrayLike<number>): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i]!);
  return btoa(s);
}

export function certFromSecurityInfo(info: SecurityInfo): CertInfo | undefined {
  const c = info.certificates[0];
  if (!c) return undefined;
  return {
    subject: c.subject,
    issuer: c.issuer,
    notBefore: new Date(c.validity.start).toISOString(),
    notAfter: new Date(c.validity.end).toISOString(),
    sha256: c.fingerprint.sha256,
    exception: !!info.overridableErrorCategory,
    ...(c.rawDER ? { derBase64: toBase64(c.rawDER) } : {}),
    source: 'browser',
  };
}

export function createCertReader(): CertReader | undefined {
  const wr = (globalThis as { browser?: { webRequest?: Partial<FirefoxWebRequest> } }).browser?.webRequest;
  if (!wr?.getSecurityInfo || !wr.onHeadersReceived) return undefined;
  const seen = new Map<string, CertInfo>();
  wr.onHeadersReceived.addListener(
    async (d) => {
      if (d.tabId !== -1 || !d.url.startsWith('https:')) return {};
      try {
        const cert = certFromSecurityInfo(await wr.getSecurityInfo!(d.requestId, { rawDER: true }));
        if (cert) {
          seen.set(d.url, cert);
          if (seen.size > 200) seen.delete(seen.keys().next().value!);
        }
      } catch {
        /* the request may be gone already */
      }
      return {};
    },
    { urls: ['https://*/*'] },
    ['blocking'],
  );
  return {
    take(url) {
      const c = seen.get(url);
      seen.delete(url);
      return c;
    },
  };
}
