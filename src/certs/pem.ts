/**
 * A certificate as a `.crt` file every OS import dialog accepts: PEM ("Base64-encoded ASCII,
 * single certificate"), lines of 64 characters, named after the device.
 */
export function derBase64ToPem(derBase64: string): string {
  const clean = derBase64.replace(/[^A-Za-z0-9+/=]/g, '');
  if (!clean) throw new Error('empty certificate');
  const lines = clean.match(/.{1,64}/g) ?? [];
  return `-----BEGIN CERTIFICATE-----\n${lines.join('\n')}\n-----END CERTIFICATE-----\n`;
}

/** `Kitchen printer (192.168.1.50).crt` -> a name safe on Windows, macOS, Linux, Android, iOS. */
export function certFileName(label: string, ip?: string): string {
  const base = `${label}${ip && !label.includes(ip) ? ` ${ip}` : ''}`
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._ -]+/g, '-')
    .replace(/\s+/g, '-')
    .replace(/-+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 60);
  return `${base || 'printer'}.crt`;
}

/** SHA-256 of the DER, as browsers and OS dialogs show it: `AB:CD:...`. */
export async function sha256Fingerprint(derBase64: string, subtle: SubtleCrypto = crypto.subtle): Promise<string> {
  const bin = atob(derBase64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0').toUpperCase()).join(':');
}
