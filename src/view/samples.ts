/**
 * Sample states for looking at the views without a worker: the popup screenshot script
 * (popup/dev/shoot.ts) and the report tests use them. Never imported by shipped code.
 */
import type { CheckResult, Config, DeviceDiagnosis } from '../model';
import { DEFAULT_SETTINGS } from '../model';
import type { PopupState } from '../messages';

const AT = '2026-11-26T10:28:21.000Z';
const env = { browser: 'Chrome 142.0.7444.59', os: 'Windows 11', extensionVersion: '0.1.0', timeZone: 'Europe/Brussels' };
const HOST = '192-168-1-143.d73e7513.odoo-iot.com';

const config: Config = {
  boxes: [{ id: 'box1', name: 'Shop IoT box', ip: '192.168.1.143', hostname: HOST }],
  printers: [
    { id: 'prn1', name: 'Kitchen printer', ip: '192.168.1.50' },
    { id: 'prn2', name: 'Counter printer', ip: '192.168.1.51' },
  ],
  settings: DEFAULT_SETTINGS,
};

const dev = (d: Partial<DeviceDiagnosis> & Pick<DeviceDiagnosis, 'deviceId' | 'kind' | 'label' | 'code' | 'severity'>): DeviceDiagnosis => ({
  facts: {},
  attempts: [],
  checkedAt: AT,
  ...d,
});

const boxOk = dev({
  deviceId: 'box1', kind: 'box', label: 'Shop IoT box', code: 'BOX_OK', severity: 'ok', ip: '192.168.1.143', hostname: HOST,
  facts: { hostname: HOST }, version: '18.0.1.3', cert: { notAfter: '2027-01-20T23:59:59Z', source: 'box-status' },
  attempts: [{ url: `https://${HOST}/hw_proxy/hello`, ok: true, status: 200, ms: 42 }],
});
const printerOk = (id: string, label: string, ip: string) =>
  dev({ deviceId: id, kind: 'printer', label, code: 'PRINTER_OK', severity: 'ok', ip, facts: { ip },
    attempts: [{ url: `https://${ip}/cgi-bin/epos/service.cgi?devid=local_printer&timeout=10000`, ok: true, status: 200, ms: 85 }] });

const result = (devices: DeviceDiagnosis[], worst: CheckResult['worst']): CheckResult => ({
  version: 1, startedAt: '2026-11-26T10:28:15.000Z', finishedAt: AT, environment: env, devices, worst,
});

const mixedDevices: DeviceDiagnosis[] = [
  dev({
    deviceId: 'box1', kind: 'box', label: 'Shop IoT box', code: 'BOX_DNS_BLOCKED', severity: 'error', ip: '192.168.1.143', hostname: HOST,
    facts: { hostname: HOST, publicAnswer: '192.168.1.143' }, raw: 'net::ERR_NAME_NOT_RESOLVED', version: '18.0.1.3',
    cert: { notAfter: '2026-12-05T23:59:59Z', source: 'box-status' },
    attempts: [
      { url: `https://${HOST}/hw_proxy/hello`, ok: false, failure: 'dns', raw: 'net::ERR_NAME_NOT_RESOLVED', ms: 12 },
      { url: 'http://192.168.1.143:8069/hw_proxy/hello', ok: true, status: 200, ms: 9 },
    ],
  }),
  dev({
    deviceId: 'prn1', kind: 'printer', label: 'Kitchen printer', code: 'PRINTER_CERT_UNTRUSTED', severity: 'error', ip: '192.168.1.50',
    facts: { ip: '192.168.1.50' }, raw: 'net::ERR_CERT_AUTHORITY_INVALID',
    attempts: [{ url: 'https://192.168.1.50/cgi-bin/epos/service.cgi?devid=local_printer&timeout=10000', ok: false, failure: 'cert-authority', raw: 'net::ERR_CERT_AUTHORITY_INVALID', ms: 31 }],
  }),
  dev({
    deviceId: 'prn2', kind: 'printer', label: 'Counter printer', code: 'PRINTER_PAPER_LOW', severity: 'warn', ip: '192.168.1.51',
    attempts: [{ url: 'https://192.168.1.51/cgi-bin/epos/service.cgi?devid=local_printer&timeout=10000', ok: true, status: 200, ms: 77 }],
  }),
  dev({ deviceId: 'computer', kind: 'computer', label: 'This computer', code: 'PC_CLOCK_WRONG', severity: 'error', facts: { skewDays: '2' } }),
];

const platform = { os: 'win', browser: 'chrome' };

export const SAMPLES: Record<string, PopupState> = {
  ok: { config, last: result([boxOk, printerOk('prn1', 'Kitchen printer', '192.168.1.50'), printerOk('prn2', 'Counter printer', '192.168.1.51')], 'ok'), running: false, platform },
  mixed: { config, last: { ...result(mixedDevices, 'error'), environment: { ...env, clockSkewMs: -(2 * 86_400_000 + 3_723_000) } }, running: false, platform },
  empty: { config: { boxes: [], printers: [], settings: DEFAULT_SETTINGS }, last: null, running: false, platform },
  never: { config, last: null, running: false, platform },
  running: { config, last: result([boxOk], 'ok'), running: true, platform: { os: 'mac', browser: 'firefox' } },
};

/** The mixed sample's result, for report tests. */
export const SAMPLE_RESULT: CheckResult = SAMPLES.mixed!.last!;
