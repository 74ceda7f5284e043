import { describe, expect, it } from 'vitest';
import { describeBrowser, osId } from '../../src/platform/environment';

describe('browser and OS for support', () => {
  const CHROMIUM_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
  it('names Chromium-based browsers from userAgentData', () => {
    expect(describeBrowser(CHROMIUM_UA, [{ brand: 'Chromium', version: '156' }, { brand: 'Not-A.Brand', version: '24' }])).toEqual({ browser: 'Chromium 156', id: 'chrome' });
    expect(describeBrowser(CHROMIUM_UA, [{ brand: 'Chromium', version: '156' }, { brand: 'Google Chrome', version: '156' }])).toEqual({ browser: 'Chrome 156', id: 'chrome' });
    expect(describeBrowser(CHROMIUM_UA, [{ brand: 'Chromium', version: '156' }, { brand: 'Microsoft Edge', version: '156' }])).toEqual({ browser: 'Edge 156', id: 'edge' });
  });
  it('falls back on the UA string', () => {
    expect(describeBrowser('Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0', [])).toEqual({ browser: 'Firefox 153.0', id: 'firefox' });
    expect(describeBrowser(`${CHROMIUM_UA} Edg/156.0.0.0`, [])).toMatchObject({ id: 'edge' });
  });
  it('maps platform names to guide OS ids', () => {
    expect(['win', 'mac', 'linux', 'cros', 'android', 'openbsd'].map(osId)).toEqual(['windows', 'macos', 'linux', 'chromeos', 'android', 'linux']);
  });
});
