/**
 * The lab's scenarios: one per diagnosis to reproduce, with what the user would configure
 * and the diagnosis the extension must reach. Devices live in devices.ts.
 */
import type { BoxConfig, PrinterConfig } from '../../src/model';
import { DEAD_DOH_URL, DOH_IP, UNKNOWN_DB_HEX, boxHostname } from './names';
import { DOH_PATHS } from './doh';
import { type Ports, REAL_PORTS } from './net';
import type { Scenario } from './types';

export function buildScenarios(ports: Ports = REAL_PORTS): Scenario[] {
  const portsOf = (p: Ports): Pick<BoxConfig, 'httpPort' | 'httpsPort'> =>
    p.https === REAL_PORTS.https && p.boxHttp === REAL_PORTS.boxHttp ? {} : { httpPort: p.boxHttp, httpsPort: p.https };
  const printerPorts = (p: Ports): Pick<PrinterConfig, 'httpPort' | 'httpsPort'> =>
    p.https === REAL_PORTS.https && p.printerHttp === REAL_PORTS.printerHttp ? {} : { httpPort: p.printerHttp, httpsPort: p.https };

  const box = (id: string, ip: string, hostname: string | null = boxHostname(ip)): BoxConfig => ({
    id,
    name: `Lab box ${ip}`,
    ip,
    ...(hostname ? { hostname } : {}),
    ...portsOf(ports),
  });
  const printer = (id: string, ip: string, deviceId?: string): PrinterConfig => ({
    id,
    name: `Lab printer ${ip}`,
    ip,
    ...(deviceId ? { deviceId } : {}),
    ...printerPorts(ports),
  });
  const b = (id: string, title: string, ip: string, expect: string, extra: Partial<Scenario> & { hostname?: string | null } = {}): Scenario => {
    const { hostname, ...rest } = extra;
    return { id, title, box: box(id, ip, hostname === undefined ? boxHostname(ip) : hostname), expect, ...rest };
  };
  const p = (id: string, title: string, ip: string, expect: string, extra: Partial<Scenario> = {}): Scenario => ({
    id,
    title,
    printer: printer(id, ip),
    expect,
    ...extra,
  });

  return [
    b('box-19-ok', 'Odoo 19 box, trusted certificate valid 60 days', '127.0.0.10', 'BOX_OK'),
    b('box-18-ok', 'Odoo 18 box, trusted certificate', '127.0.0.11', 'BOX_OK'),
    b('box-16-cert-error', 'Odoo 16 box whose homepage shows ERR_IOT_HTTPS_LOAD_REQUEST_STATUS 403, nothing on 443', '127.0.0.12', 'BOX_CERT_ERROR'),
    b('box-cert-expired', 'Box serving an expired certificate', '127.0.0.13', 'BOX_CERT_EXPIRED'),
    b('box-dns-blocked', 'Router drops the box name (DNS rebinding protection), public DNS answers', '127.0.0.14', 'BOX_DNS_BLOCKED'),
    b('box-name-unknown', 'Configured name belongs to a database that exists nowhere', '127.0.0.15', 'BOX_NAME_UNKNOWN', {
      hostname: boxHostname('127.0.0.15', UNKNOWN_DB_HEX),
    }),
    b('box-name-stale', 'Box moved to 127.0.0.16, saved name still points at 127.0.0.17', '127.0.0.16', 'BOX_NAME_STALE', {
      hostname: boxHostname('127.0.0.17'),
    }),
    b('box-https-down', 'Box answers on 8069, 443 refused', '127.0.0.18', 'BOX_HTTPS_DOWN'),
    b('box-cert-expiring', 'Box certificate expires in 5 days', '127.0.0.19', 'BOX_CERT_EXPIRING'),
    b('box-off', 'Nothing answers at the box address', '127.0.0.9', 'BOX_UNREACHABLE'),
    b('box-dns-unverified', 'Router drops the box name and the DoH server to check with is dead', '127.0.0.8', 'BOX_DNS_UNVERIFIED', {
      settings: { dohUrl: DEAD_DOH_URL },
    }),
    b('box-ip-only', 'Odoo 18 box configured by IP only', '127.0.0.11', 'BOX_HOSTNAME_MISSING', { hostname: null }),
    b('box-cert-invalid', 'Box serving a lab-CA certificate for another name', '127.0.0.7', 'BOX_CERT_INVALID'),

    p('printer-ok', 'Printer with a trusted certificate for its IP, healthy', '127.0.0.20', 'PRINTER_OK'),
    p('printer-self-signed', 'Printer with its self-signed factory certificate (CN EPSON3C1A2B)', '127.0.0.21', 'PRINTER_CERT_UNTRUSTED'),
    p('printer-expired', 'Printer certificate expired', '127.0.0.22', 'PRINTER_CERT_EXPIRED'),
    p('printer-wrong-name', 'Printer certificate made for 127.0.0.99', '127.0.0.23', 'PRINTER_CERT_NAME'),
    p('printer-paper-out', 'Printer out of paper', '127.0.0.24', 'PRINTER_PAPER_OUT'),
    p('printer-cover-open', 'Printer cover open', '127.0.0.25', 'PRINTER_COVER_OPEN'),
    {
      id: 'printer-wrong-devid',
      title: "Printer's device id is printer_1, configured local_printer",
      printer: printer('printer-wrong-devid', '127.0.0.26', 'local_printer'),
      expect: 'PRINTER_WRONG_DEVID',
    },
    p('printer-refused', 'Nothing listens at the printer address', '127.0.0.27', 'PRINTER_REFUSED'),
    p('printer-hangs', 'TLS completes, the ePOS service never answers (port 80 does)', '127.0.0.28', 'PRINTER_NOT_RESPONDING'),
    p('printer-off', 'TCP accepted on 443 and 80, nothing ever sent back', '127.0.0.29', 'PRINTER_UNREACHABLE'),
    p('printer-paper-low', 'Printer paper near end', '127.0.0.30', 'PRINTER_PAPER_LOW'),
    p('printer-garbage', 'Something else answers: an HTML page instead of ePOS XML', '127.0.0.31', 'UNEXPECTED_ANSWER'),
    p('printer-huge', 'A 5 MB answer', '127.0.0.32', 'UNEXPECTED_ANSWER'),
    p('printer-proceed-anyway', 'Self-signed printer the user clicked "Proceed" for', '127.0.0.33', 'PRINTER_CERT_TEMPORARY', {
      expectFirefox: 'PRINTER_CERT_UNTRUSTED',
      needs: 'proceed-anyway',
    }),
    p('printer-offline', 'Printer reports OFF_LINE only', '127.0.0.34', 'PRINTER_OFFLINE'),
    p('printer-mechanical', 'Printer reports EPTR_MECHANICAL', '127.0.0.35', 'PRINTER_ERROR'),
    p('printer-cert-other', 'Printer whose HTTPS port answers in plain HTTP (no TLS at all)', '127.0.0.38', 'PRINTER_CERT_OTHER'),
    p('unknown-error', 'Printer sending a malformed HTTP body: an error no table names', '127.0.0.39', 'UNKNOWN_ERROR'),
    p('printer-cert-changed', 'Trusted printer whose certificate is then generated again (Web Config > Create)', '127.0.0.37', 'PRINTER_CERT_CHANGED', {
      needs: 'regenerate-cert',
    }),
    // The extension asks its DNS-over-HTTPS server for the time: here one whose clock is 400 days ahead of this till's.
    p('computer-clock', 'Till clock 400 days behind: certificate not yet valid, Date headers 400 days ahead', '127.0.0.36', 'PC_CLOCK_WRONG', {
      settings: { dohUrl: `https://${DOH_IP}${ports.https === REAL_PORTS.https ? '' : `:${ports.https}`}${DOH_PATHS.clockAhead}` },
    }),
  ];
}
