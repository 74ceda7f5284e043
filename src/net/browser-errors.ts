import type { FailureKind } from '../model';

/**
 * THE table from what the browser reports (webRequest `details.error`) to a failure kind.
 * Chromium gives `net::ERR_*` codes; Firefox gives `NS_ERROR_*` codes for network errors and
 * localized sentences for TLS errors. Strings measured in Chromium 156 / Firefox ESR 153 are
 * the unit-test fixtures (test/unit/fixtures/browser-errors.json).
 */
const CHROMIUM: Record<string, FailureKind> = {
  'net::ERR_NAME_NOT_RESOLVED': 'dns',
  'net::ERR_NAME_RESOLUTION_FAILED': 'dns',
  'net::ERR_DNS_TIMED_OUT': 'dns',
  'net::ERR_CONNECTION_REFUSED': 'refused',
  'net::ERR_CONNECTION_RESET': 'refused',
  'net::ERR_CONNECTION_CLOSED': 'refused',
  'net::ERR_EMPTY_RESPONSE': 'refused',
  'net::ERR_CONNECTION_TIMED_OUT': 'timeout',
  'net::ERR_TIMED_OUT': 'timeout',
  'net::ERR_ADDRESS_UNREACHABLE': 'unreachable',
  'net::ERR_NETWORK_UNREACHABLE': 'unreachable',
  'net::ERR_CONNECTION_FAILED': 'unreachable',
  'net::ERR_INTERNET_DISCONNECTED': 'offline',
  'net::ERR_NETWORK_CHANGED': 'offline',
  'net::ERR_CERT_AUTHORITY_INVALID': 'cert-authority',
  'net::ERR_CERT_COMMON_NAME_INVALID': 'cert-name',
  'net::ERR_CERT_DATE_INVALID': 'cert-date',
  'net::ERR_CERT_INVALID': 'cert-other',
  'net::ERR_CERT_WEAK_KEY': 'cert-other',
  'net::ERR_CERT_WEAK_SIGNATURE_ALGORITHM': 'cert-other',
  'net::ERR_CERT_REVOKED': 'cert-other',
  'net::ERR_CERT_VALIDITY_TOO_LONG': 'cert-other',
  'net::ERR_CERT_NON_UNIQUE_NAME': 'cert-name',
  'net::ERR_SSL_PROTOCOL_ERROR': 'cert-other',
  'net::ERR_SSL_VERSION_OR_CIPHER_MISMATCH': 'cert-other',
  'net::ERR_BAD_SSL_CLIENT_AUTH_CERT': 'cert-other',
  'net::ERR_BLOCKED_BY_LOCAL_NETWORK_ACCESS_CHECKS': 'lna-blocked',
  'net::ERR_BLOCKED_BY_PRIVATE_NETWORK_ACCESS_CHECKS': 'lna-blocked',
};

const FIREFOX: Record<string, FailureKind> = {
  NS_ERROR_UNKNOWN_HOST: 'dns',
  NS_ERROR_UNKNOWN_PROXY_HOST: 'dns',
  NS_ERROR_CONNECTION_REFUSED: 'refused',
  NS_ERROR_NET_RESET: 'refused',
  NS_ERROR_NET_INTERRUPT: 'refused',
  NS_ERROR_NET_EMPTY_RESPONSE: 'refused',
  NS_ERROR_NET_TIMEOUT: 'timeout',
  NS_ERROR_NET_TIMEOUT_EXTERNAL: 'timeout',
  NS_ERROR_OFFLINE: 'offline',
  NS_ERROR_NET_UNREACHABLE: 'unreachable',
  NS_ERROR_HOST_UNREACHABLE: 'unreachable',
  // NSS / mozilla::pkix codes, as Firefox names TLS failures on its warning page.
  SEC_ERROR_UNKNOWN_ISSUER: 'cert-authority',
  MOZILLA_PKIX_ERROR_SELF_SIGNED_CERT: 'cert-authority',
  SEC_ERROR_UNTRUSTED_ISSUER: 'cert-authority',
  SEC_ERROR_CA_CERT_INVALID: 'cert-authority',
  SEC_ERROR_EXPIRED_CERTIFICATE: 'cert-date',
  SEC_ERROR_EXPIRED_ISSUER_CERTIFICATE: 'cert-date',
  MOZILLA_PKIX_ERROR_NOT_YET_VALID_CERTIFICATE: 'cert-date',
  MOZILLA_PKIX_ERROR_NOT_YET_VALID_ISSUER_CERTIFICATE: 'cert-date',
  SSL_ERROR_BAD_CERT_DOMAIN: 'cert-name',
};

/**
 * Firefox TLS failures come as sentences in the browser's language. We match the English ones
 * we measured; any other sentence without an NS_ prefix is still a certificate problem.
 */
const FIREFOX_TLS: [RegExp, FailureKind][] = [
  [/self-signed/i, 'cert-authority'],
  [/issuer is not recognized|issuer certificate is unknown|not trusted|unknown issuer/i, 'cert-authority'],
  [/domain name does not match|not valid for|requested domain name/i, 'cert-name'],
  [/has expired|not yet valid|expired/i, 'cert-date'],
];

/** Our own marks for failures the browser does not name (see background/http.ts). */
export const TIMEOUT_MARK = 'timeout';
export const NO_EVENT_MARK = 'no-error-event';

export function classifyBrowserError(raw: string): FailureKind {
  const s = raw.trim();
  if (s === TIMEOUT_MARK) return 'timeout';
  if (s === NO_EVENT_MARK) return 'unknown';
  const chromium = CHROMIUM[s];
  if (chromium) return chromium;
  if (s.startsWith('net::ERR_CERT_')) return 'cert-other';
  if (s.startsWith('net::ERR_SSL_')) return 'cert-other';
  if (s.startsWith('net::')) return 'unknown';
  const firefox = FIREFOX[s];
  if (firefox) return firefox;
  if (/^NS_ERROR_|^NS_BINDING_/.test(s)) return 'unknown';
  if (/^(SEC_ERROR_|SSL_ERROR_|MOZILLA_PKIX_ERROR_)/.test(s)) return 'cert-other';
  // Firefox TLS errors: a localized sentence, never an NS_ code.
  for (const [re, kind] of FIREFOX_TLS) if (re.test(s)) return kind;
  if (s.length > 0 && !/^[A-Z0-9_:]+$/.test(s)) return 'cert-other';
  return 'unknown';
}

export const isCertFailure = (k: FailureKind): boolean => k.startsWith('cert-');
