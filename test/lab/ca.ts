/**
 * The lab's test CA and every leaf certificate, ECDSA P-256 (a few ms each), cached under
 * the lab directory. The CA is kept while it has more than 30 days left, so a browser profile
 * that trusts it keeps working; leaves are remade when older than a day (their dates are
 * relative to "now"), when their specs change, or when the CA changed.
 */
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { createHash, webcrypto } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const ALG = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;
const DAY = 86_400_000;
const CA_DAYS = 365;
const CA_SUBJECT = 'CN=IoT Doctor Lab CA, O=IoT Doctor test lab';

export interface CertSpec {
  /** Subject CN. */
  cn: string;
  o?: string;
  dns?: string[];
  ips?: string[];
  /** notBefore, in days from now (negative = past). */
  from: number;
  /** notAfter, in days from now. */
  to: number;
  /** Signed by its own key (like a printer's factory certificate) instead of the lab CA. */
  selfSigned?: boolean;
}

export interface Pem {
  cert: string;
  key: string;
}

export interface CertStore {
  caCertPath: string;
  caCertPem: string;
  leaves: Record<string, Pem & { notBefore: Date; notAfter: Date }>;
}

interface LeafCache {
  createdAt: number;
  specHash: string;
  caSha256: string;
  leaves: Record<string, Pem>;
}

const wrap64 = (b64: string): string => b64.replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
const keyToPem = async (key: CryptoKey): Promise<string> =>
  `-----BEGIN PRIVATE KEY-----\n${wrap64(Buffer.from(await webcrypto.subtle.exportKey('pkcs8', key as webcrypto.CryptoKey)).toString('base64'))}\n-----END PRIVATE KEY-----\n`;
const pemToDer = (pem: string): Uint8Array<ArrayBuffer> => new Uint8Array(Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64'));
const newKeys = async (): Promise<CryptoKeyPair> => (await webcrypto.subtle.generateKey(ALG, true, ['sign', 'verify'])) as CryptoKeyPair;
const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');
const serial = (): string => `01${Buffer.from(webcrypto.getRandomValues(new Uint8Array(15))).toString('hex')}`;

async function writeAtomic(path: string, data: string, mode = 0o600): Promise<void> {
  const tmp = `${path}.${process.pid}.${Date.now()}.tmp`;
  await writeFile(tmp, data, { mode });
  await rename(tmp, path);
}

async function readOr<T>(fn: () => Promise<T>): Promise<T | undefined> {
  try {
    return await fn();
  } catch {
    return undefined;
  }
}

async function createCa(): Promise<Pem> {
  const keys = await newKeys();
  const now = Date.now();
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: CA_SUBJECT,
    notBefore: new Date(now - DAY),
    notAfter: new Date(now + CA_DAYS * DAY),
    signingAlgorithm: ALG,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { cert: cert.toString('pem') + '\n', key: await keyToPem(keys.privateKey) };
}

async function loadCa(dir: string): Promise<Pem & { signer: CryptoKey; x: x509.X509Certificate }> {
  const certPath = join(dir, 'ca.crt');
  const keyPath = join(dir, 'ca.key');
  const cached = await readOr(async () => {
    const pem = { cert: await readFile(certPath, 'utf8'), key: await readFile(keyPath, 'utf8') };
    const x = new x509.X509Certificate(pem.cert);
    if (x.notAfter.getTime() - Date.now() < 30 * DAY) return undefined;
    return pem;
  });
  const pem = cached ?? (await createCa());
  if (!cached) {
    await writeAtomic(keyPath, pem.key);
    await writeAtomic(certPath, pem.cert, 0o644);
  }
  const signer = (await webcrypto.subtle.importKey('pkcs8', pemToDer(pem.key), ALG, false, ['sign'])) as CryptoKey;
  return { ...pem, signer, x: new x509.X509Certificate(pem.cert) };
}

async function createLeaf(spec: CertSpec, ca: { signer: CryptoKey; x: x509.X509Certificate }, now: number): Promise<Pem> {
  const keys = await newKeys();
  const san = [...(spec.dns ?? []).map((value) => ({ type: 'dns' as const, value })), ...(spec.ips ?? []).map((value) => ({ type: 'ip' as const, value }))];
  const subject = `CN=${spec.cn}${spec.o ? `, O=${spec.o}` : ''}`;
  const extensions: x509.Extension[] = [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
    new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
    await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
  ];
  if (san.length) extensions.push(new x509.SubjectAlternativeNameExtension(san));
  const dates = { notBefore: new Date(now + spec.from * DAY), notAfter: new Date(now + spec.to * DAY) };
  const cert = spec.selfSigned
    ? await x509.X509CertificateGenerator.createSelfSigned({ serialNumber: serial(), name: subject, ...dates, signingAlgorithm: ALG, keys, extensions })
    : await x509.X509CertificateGenerator.create({
        serialNumber: serial(),
        subject,
        issuer: ca.x.subject,
        ...dates,
        signingAlgorithm: ALG,
        publicKey: keys.publicKey,
        signingKey: ca.signer,
        extensions: [...extensions, await x509.AuthorityKeyIdentifierExtension.create(ca.x.publicKey)],
      });
  return { cert: cert.toString('pem') + '\n', key: await keyToPem(keys.privateKey) };
}

/** Loads the CA and leaves from `dir`, creating whatever is missing, stale or changed. */
export async function loadOrCreateCerts(dir: string, specs: Record<string, CertSpec>): Promise<CertStore> {
  await mkdir(dir, { recursive: true });
  const ca = await loadCa(dir);
  const specHash = sha256(JSON.stringify(specs));
  const caSha256 = sha256(ca.cert);
  const cachePath = join(dir, 'certs.json');
  const cached = await readOr(async () => JSON.parse(await readFile(cachePath, 'utf8')) as LeafCache);
  let leaves: Record<string, Pem>;
  if (cached && cached.specHash === specHash && cached.caSha256 === caSha256 && Date.now() - cached.createdAt < DAY) {
    leaves = cached.leaves;
  } else {
    const now = Date.now();
    const made = await Promise.all(Object.entries(specs).map(async ([name, spec]) => [name, await createLeaf(spec, ca, now)] as const));
    leaves = Object.fromEntries(made);
    await writeAtomic(cachePath, JSON.stringify({ createdAt: now, specHash, caSha256, leaves } satisfies LeafCache));
  }
  const withDates = Object.fromEntries(
    Object.entries(leaves).map(([name, pem]) => {
      const x = new x509.X509Certificate(pem.cert);
      return [name, { ...pem, notBefore: x.notBefore, notAfter: x.notAfter }];
    }),
  );
  return { caCertPath: join(dir, 'ca.crt'), caCertPem: ca.cert, leaves: withDates };
}
