/**
 * Plumbing shared by every simulated device: which ports to use, listening, recording each
 * HTTP request and the number in flight, and closing everything (hung requests included).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Http2ServerRequest, Http2ServerResponse } from 'node:http2';
import net from 'node:net';
import type { CertStore } from './ca';

export interface Ports {
  /** HTTPS of boxes, printers and the DoH server (443 on real devices). */
  https: number;
  /** The box's plain Odoo port (8069 on real boxes). */
  boxHttp: number;
  /** The printer's plain HTTP port (80 on real printers). */
  printerHttp: number;
}

/** What every device starter gets. */
export interface DeviceContext {
  recorder: Recorder;
  ports: Ports;
  certs: CertStore;
  servers: ServerSet;
  /** When the lab started (uptimes). */
  startedAt: number;
  /** Each printer's HTTPS server by IP, so a test can swap its certificate (regenerateCert). */
  tls?: Map<string, import('node:tls').Server>;
}

export const REAL_PORTS: Ports = { https: 443, boxHttp: 8069, printerHttp: 80 };
export const FALLBACK_PORTS: Ports = { https: 8443, boxHttp: 8069, printerHttp: 8080 };

export interface RequestLog {
  method: string;
  /** Path and query string, as sent. */
  path: string;
  port: number;
  at: number;
}

type Req = IncomingMessage | Http2ServerRequest;
type Res = ServerResponse | Http2ServerResponse;
export type Handler<Q extends Req = IncomingMessage, S extends Res = ServerResponse> = (req: Q, res: S) => void;

/** Per-device request log and in-flight counter (a device = one loopback IP, all its ports). */
export class Recorder {
  private readonly logs = new Map<string, RequestLog[]>();
  private readonly inFlight = new Map<string, number>();
  private readonly max = new Map<string, number>();

  wrap<Q extends Req, S extends Res>(ip: string, port: number, handler: Handler<Q, S>): Handler<Q, S> {
    return (req, res) => {
      const log = this.logs.get(ip) ?? [];
      log.push({ method: req.method ?? '', path: req.url ?? '', port, at: Date.now() });
      this.logs.set(ip, log);
      const now = (this.inFlight.get(ip) ?? 0) + 1;
      this.inFlight.set(ip, now);
      this.max.set(ip, Math.max(now, this.max.get(ip) ?? 0));
      let done = false;
      res.once('close', () => {
        if (done) return;
        done = true;
        this.inFlight.set(ip, (this.inFlight.get(ip) ?? 1) - 1);
      });
      handler(req, res);
    };
  }

  requests(ip: string): RequestLog[] {
    return [...(this.logs.get(ip) ?? [])];
  }

  maxConcurrent(ip: string): number {
    return this.max.get(ip) ?? 0;
  }
}

export class PortInUseError extends Error {}

/** Listens on ip:port; a clear error when the address is taken (another lab running?). */
export function listen(server: net.Server, port: number, ip: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const onError = (e: NodeJS.ErrnoException): void => {
      server.off('listening', onListening);
      if (e.code === 'EADDRINUSE') reject(new PortInUseError(`${ip}:${port} is already in use: is another lab running (npm run lab)?`));
      else reject(e);
    };
    const onListening = (): void => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen({ port, host: ip, exclusive: true });
  });
}

/** Listens on all, waiting for every one to settle before reporting the first failure. */
export async function listenAll(items: [net.Server, number, string][]): Promise<void> {
  const results = await Promise.allSettled(items.map(([server, port, ip]) => listen(server, port, ip)));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

/** Real ports when we may bind below 1024 (root), else the fallback set. */
export async function choosePorts(): Promise<Ports> {
  const probe = net.createServer();
  try {
    await listen(probe, 443, '127.0.0.2');
    return REAL_PORTS;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') return FALLBACK_PORTS;
    return REAL_PORTS; // in use by someone else: real ports are allowed, let the device listen fail loudly
  } finally {
    await new Promise<void>((r) => (probe.listening ? probe.close(() => r()) : r()));
  }
}

/** Closes a server now: open connections (keep-alive, hung requests, silent sockets) are destroyed. */
export function closeNow(server: net.Server, sockets?: Set<net.Socket>): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    server.close(() => resolve());
    const s = server as net.Server & { closeAllConnections?: () => void };
    s.closeAllConnections?.();
    for (const socket of sockets ?? []) socket.destroy();
  });
}

/** Every server of the lab, so that a failed start or stop() closes them all. */
export class ServerSet {
  private readonly servers: { server: net.Server; sockets: Set<net.Socket> }[] = [];

  add<S extends net.Server>(server: S): S {
    this.servers.push({ server, sockets: trackSockets(server) });
    return server;
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.servers.splice(0).map(({ server, sockets }) => closeNow(server, sockets)));
  }
}

/** Keeps every socket of a server so that closeNow can destroy them. */
export function trackSockets(server: net.Server): Set<net.Socket> {
  const sockets = new Set<net.Socket>();
  server.on('connection', (s: net.Socket) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  server.on('secureConnection', (s: net.Socket) => {
    sockets.add(s);
    s.once('close', () => sockets.delete(s));
  });
  return sockets;
}

/** Reads a request body up to `limit` bytes (the rest is drained and dropped). */
export function readBody(req: Req, limit = 1 << 20): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      if (size < limit) chunks.push(c.subarray(0, limit - size));
      size += c.length;
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
