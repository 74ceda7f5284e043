import { describe, expect, it } from 'vitest';
import type { Config } from '../../src/model';
import { DEFAULT_SETTINGS } from '../../src/model';
import { validateConfig } from '../../src/config/validate';
import { derivedId, localPart, mergePolicy, policyErrors, readPolicy } from '../../src/policy/merge';

const local = (over: Partial<Config> = {}): Config => ({ boxes: [], printers: [], settings: { ...DEFAULT_SETTINGS }, ...over });
const issue = (m: ReturnType<typeof mergePolicy>, field: string) => m.managed?.issues.find((i) => i.field === field);

describe('no policy', () => {
  it.each([undefined, null, {}, [], 'text', 42, true])('%j changes nothing and marks nothing', (raw) => {
    const l = local({ printers: [{ id: 'printer-1', ip: '192.168.1.60' }] });
    const m = mergePolicy(l, raw);
    expect(m).toEqual(l);
    expect(m.managed).toBeUndefined();
  });
});

describe('managed devices', () => {
  const raw = {
    boxes: [{ name: 'Shop box', ip: '192.168.1.50', hostname: '192-168-1-50.d73e7513.odoo-iot.com' }],
    printers: [{ ip: '192.168.1.60', name: 'Kitchen' }, { ip: '192.168.1.61', deviceId: 'bar' }],
  };

  it('come first, validated like typed ones, and are marked by id', () => {
    const m = mergePolicy(local({ printers: [{ id: 'printer-1', ip: '192.168.1.70', name: 'Mine' }] }), raw);
    expect(m.boxes).toEqual([{ id: 'policy-box-192-168-1-50', name: 'Shop box', ip: '192.168.1.50', hostname: '192-168-1-50.d73e7513.odoo-iot.com' }]);
    expect(m.printers.map((p) => p.id)).toEqual(['policy-printer-192-168-1-60', 'policy-printer-192-168-1-61-bar', 'printer-1']);
    expect(m.managed).toMatchObject({ boxes: ['policy-box-192-168-1-50'], printers: ['policy-printer-192-168-1-60', 'policy-printer-192-168-1-61-bar'], settings: [], locked: false, hidden: [], issues: [] });
    expect(m.managed?.origins).toEqual(['http://192.168.1.50/*', 'https://192.168.1.50/*', 'http://192.168.1.60/*', 'https://192.168.1.60/*', 'http://192.168.1.61/*', 'https://192.168.1.61/*']);
  });

  it('normalize what the administrator typed as the options page would (pasted URL, devid in the URL)', () => {
    const m = mergePolicy(local(), { printers: [{ ip: ' https://192.168.1.60/cgi-bin/epos/service.cgi?devid=kitchen&timeout=6000 ' }] });
    expect(m.printers).toEqual([{ id: 'policy-printer-192-168-1-60-kitchen', ip: '192.168.1.60', deviceId: 'kitchen' }]);
  });

  it('keep their ids whatever the order of the policy, and across reads', () => {
    const a = mergePolicy(local(), raw);
    const b = mergePolicy(local(), { ...raw, printers: [...raw.printers].reverse() });
    expect(new Set(b.printers.map((p) => p.id))).toEqual(new Set(a.printers.map((p) => p.id)));
    expect(mergePolicy(local(), raw)).toEqual(a);
    expect(derivedId('printer', { ip: '10.0.0.5', httpsPort: 8443 })).toBe('policy-printer-10-0-0-5-8443');
    expect(derivedId('box', { hostname: '10-0-0-5.abcdef12.odoo-iot.com' })).toBe('policy-box-10-0-0-5-abcdef12-odoo-iot-com');
  });

  it("use the administrator's id, prefixed so that it never takes a user's", () => {
    const m = mergePolicy(local({ printers: [{ id: 'policy-kitchen', ip: '192.168.1.70' }] }), { printers: [{ id: 'kitchen', ip: '192.168.1.60' }] });
    expect(m.printers.map((p) => p.id)).toEqual(['policy-kitchen', 'policy-kitchen-local']);
  });

  it('replace a bad or repeated id by the address one, and say so', () => {
    const m = mergePolicy(local(), { printers: [{ id: 'a b/c', ip: '192.168.1.60' }, { id: 'x', ip: '192.168.1.61' }, { id: 'x', ip: '192.168.1.62' }] });
    expect(m.printers.map((p) => p.id)).toEqual(['policy-printer-192-168-1-60', 'policy-x', 'policy-printer-192-168-1-62']);
    expect(issue(m, 'printers.0.id')).toMatchObject({ error: 'bad-id', ignored: false });
    expect(issue(m, 'printers.2.id')).toMatchObject({ error: 'duplicate-id', args: ['x'], ignored: false });
  });
});

describe('invalid managed entries are left out one by one, with the reason', () => {
  it('addresses validate.ts refuses', () => {
    const m = mergePolicy(local(), {
      boxes: [{ ip: '192.168.1.300' }, { hostname: 'example.com' }, {}, { ip: '192.168.1.50' }],
      printers: [{ ip: 'printer.shop.lan' }, { ip: '0.0.0.0' }, { ip: '192.168.1.60', deviceId: 'bad id!' }, { ip: '192.168.1.61' }],
    });
    expect(m.boxes.map((b) => b.ip)).toEqual(['192.168.1.50']);
    expect(m.printers.map((p) => p.ip)).toEqual(['192.168.1.61']);
    expect(m.managed?.issues.filter((i) => i.ignored).map((i) => `${i.field} ${i.error}`)).toEqual([
      'boxes.0.ip ip-octet-range',
      'boxes.1.hostname not-odoo-iot-name',
      'boxes.2.hostname empty',
      'printers.0.ip printer-needs-ip',
      'printers.1.ip reserved-ip',
      'printers.2.deviceId bad-device-id',
    ]);
  });

  it('wrong JSON types (Firefox does not check policies against the schema)', () => {
    const m = mergePolicy(local(), { boxes: 'not a list', printers: [null, 'x', 5, [], { ip: 5 }, { ip: '192.168.1.60', httpsPort: '443' }, { ip: '192.168.1.61', name: 'ok' }] });
    expect(m.printers.map((p) => p.ip)).toEqual(['192.168.1.61']);
    expect(m.managed?.issues.map((i) => `${i.field} ${i.error}`)).toEqual([
      'boxes not-a-list',
      'printers.0 not-an-object',
      'printers.1 not-an-object',
      'printers.2 not-an-object',
      'printers.3 not-an-object',
      'printers.4.ip wrong-type',
      'printers.5.httpsPort wrong-type',
    ]);
  });

  it('the same device twice: the first one counts', () => {
    const m = mergePolicy(local(), { boxes: [{ ip: '192.168.1.50', name: 'A' }], printers: [{ ip: '192.168.1.60', name: 'P1' }, { ip: '192.168.1.60', name: 'P2' }, { ip: '192.168.1.50', name: 'On the box IP' }] });
    expect(m.printers.map((p) => p.name)).toEqual(['P1']);
    expect(issue(m, 'printers.1')).toMatchObject({ error: 'duplicate', args: ['P1'], ignored: true });
    expect(issue(m, 'printers.2')).toMatchObject({ error: 'duplicate', ignored: true });
  });

  it('more than the options page allows', () => {
    const m = mergePolicy(local(), { boxes: Array.from({ length: 25 }, (_, i) => ({ ip: `10.0.0.${i + 1}` })) });
    expect(m.boxes).toHaveLength(20);
    expect(issue(m, 'boxes')).toMatchObject({ error: 'too-many', args: ['20'], ignored: true });
  });

  it('warnings do not leave an entry out', () => {
    const m = mergePolicy(local(), { printers: [{ ip: '8.8.8.8' }] });
    expect(m.printers.map((p) => p.ip)).toEqual(['8.8.8.8']);
    expect(issue(m, 'printers.0.ip')).toMatchObject({ error: 'public-ip', ignored: false });
  });

  it('unknown keys are reported; an unknown key in an entry does not drop it', () => {
    const m = mergePolicy(local(), { printers: [{ ip: '192.168.1.60', colour: 'red' }], interval: 5 });
    expect(m.printers).toHaveLength(1);
    expect(issue(m, 'printers.0.colour')).toMatchObject({ error: 'unknown-key', ignored: false });
    expect(issue(m, 'interval')).toMatchObject({ error: 'unknown-key', ignored: true });
  });

  it('never crash, and always give a configuration that validates', () => {
    let seed = 7;
    const rnd = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]!;
    const junk = (depth: number): unknown =>
      depth > 2
        ? pick<unknown>([null, 0, -1, 1.5, 1e9, '', 'off', '192.168.1.60', '10.0.0.1:8443', 'https://dns.example/q', 'x'.repeat(400), true, false])
        : pick<() => unknown>([
            () => junk(3),
            () => Array.from({ length: Math.floor(rnd() * 4) }, () => junk(depth + 1)),
            () => Object.fromEntries(['ip', 'hostname', 'name', 'id', 'deviceId', 'httpPort', 'httpsPort', '__proto__', 'constructor'].filter(() => rnd() < 0.5).map((k) => [k, junk(depth + 1)])),
          ])();
    const keys = ['boxes', 'printers', 'intervalMinutes', 'dohUrl', 'notifications', 'allowUserDevices', 'other'];
    const mine = local({ boxes: [{ id: 'box-1', ip: '192.168.1.50' }], printers: [{ id: 'printer-1', ip: '192.168.1.60' }] });
    for (let n = 0; n < 400; n++) {
      const raw = JSON.parse(JSON.stringify(Object.fromEntries(keys.filter(() => rnd() < 0.6).map((k) => [k, junk(k === 'boxes' || k === 'printers' ? 1 : 2)]))));
      const m = mergePolicy(mine, raw);
      const { errors } = validateConfig(m, DEFAULT_SETTINGS);
      expect(errors, JSON.stringify(raw)).toEqual([]);
      expect(new Set([...m.boxes, ...m.printers].map((d) => d.id)).size).toBe(m.boxes.length + m.printers.length);
    }
  });
});

describe('managed wins over local', () => {
  it("the user's copy of a managed device is hidden, not checked twice", () => {
    const mine = local({
      boxes: [{ id: 'box-1', ip: '192.168.1.50', name: 'My box' }],
      printers: [{ id: 'printer-1', ip: '192.168.1.60', name: 'My kitchen' }, { id: 'printer-2', ip: '192.168.1.51', name: 'On the box' }, { id: 'printer-3', ip: '192.168.1.62' }],
    });
    const m = mergePolicy(mine, { boxes: [{ hostname: '192-168-1-50.d73e7513.odoo-iot.com' }, { ip: '192.168.1.51' }], printers: [{ ip: '192.168.1.60' }] });
    expect(m.boxes.map((b) => b.id)).toEqual(['policy-box-192-168-1-50-d73e7513-odoo-iot-com', 'policy-box-192-168-1-51']);
    expect(m.printers.map((p) => p.id)).toEqual(['policy-printer-192-168-1-60', 'printer-3']);
    expect(m.managed?.hidden).toEqual([
      { id: 'box-1', label: 'My box', reason: 'same-as-managed' },
      { id: 'printer-1', label: 'My kitchen', reason: 'same-as-managed' },
      { id: 'printer-2', label: 'On the box', reason: 'same-as-managed' },
    ]);
  });

  it('settings the policy sets replace the user\'s and are listed; the others stay the user\'s', () => {
    const m = mergePolicy(local({ settings: { dohUrl: 'https://dns.example/q', intervalMinutes: 30, notifications: true } }), { intervalMinutes: 5, notifications: false });
    expect(m.settings).toEqual({ dohUrl: 'https://dns.example/q', intervalMinutes: 5, notifications: false });
    expect(m.managed?.settings).toEqual(['intervalMinutes', 'notifications']);
  });

  it('DoH off by policy', () => {
    expect(mergePolicy(local(), { dohUrl: '' }).settings.dohUrl).toBe('');
  });

  it.each([
    [{ intervalMinutes: -5 }, 'intervalMinutes', 'bad-interval'],
    [{ intervalMinutes: 2000 }, 'intervalMinutes', 'bad-interval'],
    [{ intervalMinutes: 1.5 }, 'intervalMinutes', 'wrong-type'],
    [{ intervalMinutes: '15' }, 'intervalMinutes', 'wrong-type'],
    [{ dohUrl: 'http://dns.example/q' }, 'dohUrl', 'doh-needs-https'],
    [{ dohUrl: 42 }, 'dohUrl', 'wrong-type'],
    [{ notifications: 'yes' }, 'notifications', 'wrong-type'],
    [{ allowUserDevices: 'no' }, 'allowUserDevices', 'wrong-type'],
  ])('invalid setting %j is ignored: the user\'s value stays', (raw, field, error) => {
    const mine = local({ settings: { dohUrl: 'https://dns.example/q', intervalMinutes: 30, notifications: true } });
    const m = mergePolicy(mine, raw);
    expect(m.settings).toEqual(mine.settings);
    expect(m.managed?.settings).toEqual([]);
    expect(m.managed?.locked).toBe(false);
    expect(issue(m, field)).toMatchObject({ error, ignored: true });
  });

  it('a locked list hides every device of the user', () => {
    const mine = local({ printers: [{ id: 'printer-1', ip: '192.168.1.70', name: 'Mine' }] });
    const m = mergePolicy(mine, { allowUserDevices: false, printers: [{ ip: '192.168.1.60' }] });
    expect(m.printers.map((p) => p.id)).toEqual(['policy-printer-192-168-1-60']);
    expect(m.managed).toMatchObject({ locked: true, hidden: [{ id: 'printer-1', label: 'Mine', reason: 'locked' }] });
  });

  it('a locked empty list checks nothing at all', () => {
    const m = mergePolicy(local({ printers: [{ id: 'printer-1', ip: '192.168.1.70' }] }), { allowUserDevices: false });
    expect(m.printers).toEqual([]);
    expect(m.managed?.locked).toBe(true);
  });

  it('200 printers merge quickly', () => {
    const printers = Array.from({ length: 200 }, (_, i) => ({ ip: `10.0.${Math.floor(i / 250)}.${(i % 250) + 1}` }));
    const t = performance.now();
    const m = mergePolicy(local({ printers: [{ id: 'printer-1', ip: '192.168.1.70' }] }), { printers });
    expect(m.printers).toHaveLength(201);
    expect(performance.now() - t).toBeLessThan(3000);
  });
});

describe('saving under a policy', () => {
  const stored = local({
    boxes: [{ id: 'box-1', ip: '192.168.1.50', name: 'Hidden copy' }],
    printers: [{ id: 'printer-1', ip: '192.168.1.70', name: 'Mine' }],
    settings: { dohUrl: 'https://dns.example/q', intervalMinutes: 30, notifications: true },
  });
  const policy = { boxes: [{ ip: '192.168.1.50' }], intervalMinutes: 5 };

  it("stores only the user's part: not the managed devices or settings, and keeps the hidden ones", () => {
    const shown = mergePolicy(stored, policy);
    const edited: Config = { ...shown, printers: [...shown.printers, { id: 'printer-2', ip: '192.168.1.71' }], settings: { ...shown.settings, notifications: false } };
    const saved = localPart(edited, stored, shown.managed);
    expect(saved).toEqual({
      boxes: [{ id: 'box-1', ip: '192.168.1.50', name: 'Hidden copy' }],
      printers: [{ id: 'printer-1', ip: '192.168.1.70', name: 'Mine' }, { id: 'printer-2', ip: '192.168.1.71' }],
      settings: { dohUrl: 'https://dns.example/q', intervalMinutes: 30, notifications: false },
    });
    expect(mergePolicy(saved, policy)).toEqual({ ...edited, managed: shown.managed });
  });

  it("a new device never takes a hidden device's id", () => {
    const shown = mergePolicy(stored, policy);
    const edited: Config = { ...shown, boxes: [...shown.boxes, { id: 'box-1', ip: '192.168.1.52' }] };
    const saved = localPart(edited, stored, shown.managed);
    expect(saved.boxes.map((b) => `${b.id} ${b.ip}`)).toEqual(['box-1-2 192.168.1.52', 'box-1 192.168.1.50']);
  });

  it('a locked list keeps what the user had, and refuses additions', () => {
    const shown = mergePolicy(stored, { ...policy, allowUserDevices: false });
    const edited: Config = { ...shown, printers: [{ id: 'printer-9', ip: '192.168.1.99', name: 'New' }] };
    expect(policyErrors(edited, shown)).toEqual([{ field: 'printers.0.ip', error: 'locked-by-policy', args: ['New'] }]);
    expect(policyErrors(shown, shown)).toEqual([]);
    expect(localPart(edited, stored, shown.managed)).toEqual({ ...stored, settings: stored.settings });
  });

  it('without a policy, saves what it is given', () => {
    expect(localPart(stored, local(), undefined)).toEqual(stored);
    expect(policyErrors(stored, stored)).toEqual([]);
  });
});

describe('readPolicy', () => {
  it('a policy with only settings manages no device', () => {
    expect(readPolicy({ notifications: false })).toEqual({ boxes: [], printers: [], settings: { notifications: false }, locked: false, issues: [] });
  });
});
