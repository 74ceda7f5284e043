import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLab, type Lab } from '../lab/index';
import type { ExtensionSession } from './driver';
import type { CheckResult } from '../../src/model';
import { BROWSERS, call, configFor, openSession } from './session';

/**
 * A device the user has not (yet) given the extension access to: an ePOS printer answers
 * anyone (it sends CORS headers for the POS page), but when it FAILS the browser tells the
 * reason only to an extension with access to it. Without access the diagnosis says what is
 * missing instead of guessing; once granted at runtime as a user would (Firefox), it names
 * the real problem.
 */
const LAB_CASE = 'needs-permission';

for (const browser of BROWSERS) {
  describe(`host access per device in ${browser}`, () => {
    let lab: Lab;
    let session: ExtensionSession;
    const ip = '127.0.0.21';

    beforeAll(async () => {
      lab = await startLab();
      session = await openSession(browser, lab, { withoutHosts: [ip] });
    });
    afterAll(async () => {
      await session?.close();
      await lab?.stop();
    });

    it(`${LAB_CASE}: says access to the printer is missing`, async () => {
      const s = lab.scenarios.find((x) => x.id === 'printer-self-signed')!;
      await call(session, { type: 'saveConfig', config: configFor(lab, [s]) });
      const r = await call<CheckResult>(session, { type: 'checkNow' });
      expect(r.devices[0]).toMatchObject({ code: 'NEEDS_PERMISSION', facts: { origin: `https://${ip}` } });
    });

    it.runIf(browser === 'firefox')('names the real problem once the user grants access at runtime', async () => {
      await session.grantHostPermissions!([`http://${ip}/*`, `https://${ip}/*`]);
      const r = await call<CheckResult>(session, { type: 'checkNow' });
      expect(r.devices[0]?.code).toBe('PRINTER_CERT_UNTRUSTED');
    });
  });
}
