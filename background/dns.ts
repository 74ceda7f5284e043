/**
 * Firefox lets an extension ask the browser's own resolver (`dns.resolve`, permission "dns"):
 * what the name resolves to here, compared with the IP inside it. Chromium has no such API.
 */
type DnsApi = { resolve(host: string, flags?: string[]): Promise<{ addresses: string[] }> };

export function firefoxResolver(): ((hostname: string) => Promise<string[] | 'nxdomain'>) | undefined {
  const dns = (globalThis as { browser?: { dns?: DnsApi } }).browser?.dns;
  if (!dns?.resolve) return undefined;
  return async (hostname) => {
    try {
      const r = await dns.resolve(hostname, ['disable_ipv6']);
      return r.addresses.filter((a) => !a.includes(':'));
    } catch (e) {
      if (/NS_ERROR_UNKNOWN_HOST/.test(String((e as Error).message))) return 'nxdomain';
      throw e;
    }
  };
}
