import { describe, expect, it } from 'vitest';
import { X509Certificate, createHash } from 'node:crypto';
import { join } from 'node:path';
import { certFileName, derBase64ToPem, sha256Fingerprint } from '../../src/certs/pem';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { loadOrCreateCerts } from '../lab/ca';

describe('certificate files', () => {
  it('writes a PEM that node reads back to the same certificate and fingerprint', async () => {
    const store = await loadOrCreateCerts(mkdtempSync(join(tmpdir(), 'pem-test-')), { printer: { cn: '192.168.1.50', ips: ['192.168.1.50'], from: -1, to: 365, selfSigned: true } });
    {
      const original = new X509Certificate(store.leaves.printer!.cert);
      const der = original.raw.toString('base64');
      const pem = derBase64ToPem(der);
      expect(pem).toMatch(/^-----BEGIN CERTIFICATE-----\n/);
      expect(pem.split('\n').every((l) => l.length <= 64)).toBe(true);
      const back = new X509Certificate(pem);
      expect(back.fingerprint256).toBe(original.fingerprint256);
      expect(await sha256Fingerprint(der)).toBe(original.fingerprint256);
      expect(createHash('sha256').update(back.raw).digest('hex').toUpperCase()).toBe(original.fingerprint256.replace(/:/g, ''));
    }
  });
  it('refuses an empty certificate', () => expect(() => derBase64ToPem('')).toThrow());
  it('names the file after the printer, safely', () => {
    expect(certFileName('Kitchen printer', '192.168.1.50')).toBe('Kitchen-printer-192.168.1.50.crt');
    expect(certFileName('192.168.1.50', '192.168.1.50')).toBe('192.168.1.50.crt');
    expect(certFileName('Imprimante caisse n°2 / bar', '10.0.0.9')).toBe('Imprimante-caisse-n-2-bar-10.0.0.9.crt');
    expect(certFileName('', undefined)).toBe('printer.crt');
    expect(certFileName('../../etc/passwd')).not.toMatch(/\//);
  });
});
