import type { CertInfo, FailureKind } from '../model';

/** One request the probes ask for. The worker's implementation reports the browser's reason. */
export interface HttpRequest {
  url: string;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** Read at most this many bytes of the body (default 256 KiB); more marks the answer `tooLarge`. */
  maxBytes?: number;
  /** Read the body as bytes instead of text. */
  binary?: boolean;
}

export type HttpOutcome =
  | { ok: true; url: string; status: number; text: string; bytes?: Uint8Array; tooLarge: boolean; date?: string; cert?: CertInfo; ms: number }
  | { ok: false; url: string; failure: FailureKind; raw: string; ms: number };

/** The network as the core sees it: passed in, so unit tests give a fake and the worker the real one. */
export interface Http {
  request(req: HttpRequest): Promise<HttpOutcome>;
}
