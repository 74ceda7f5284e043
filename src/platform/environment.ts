import type { Environment } from '../model';

/** Browser and OS as support wants to read them, from what the browser itself says. */
export function describeBrowser(ua: string, brands: { brand: string; version: string }[] = uaBrands()): { browser: string; id: 'chrome' | 'edge' | 'firefox' | 'safari' } {
  // Chromium-based browsers name themselves in userAgentData (the UA string says "Chrome" for all).
  const named = (name: string) => brands.find((b) => b.brand === name);
  const edgeBrand = named('Microsoft Edge');
  if (edgeBrand) return { browser: `Edge ${edgeBrand.version}`, id: 'edge' };
  const chromeBrand = named('Google Chrome') ?? named('Chromium');
  if (chromeBrand) return { browser: `${chromeBrand.brand === 'Chromium' ? 'Chromium' : 'Chrome'} ${chromeBrand.version}`, id: 'chrome' };
  const ff = /Firefox\/(\d+(?:\.\d+)?)/.exec(ua);
  if (ff) return { browser: `Firefox ${ff[1]}`, id: 'firefox' };
  const edge = /Edg\/(\d+)/.exec(ua);
  if (edge) return { browser: `Edge ${edge[1]}`, id: 'edge' };
  const chrome = /Chrom(?:e|ium)\/(\d+)/.exec(ua);
  if (chrome) return { browser: `${/Chromium\//.test(ua) ? 'Chromium' : 'Chrome'} ${chrome[1]}`, id: 'chrome' };
  return { browser: ua.slice(0, 60), id: 'chrome' };
}

/** runtime.getPlatformInfo().os -> our guide OS ids. */
export function osId(os: string): 'windows' | 'macos' | 'linux' | 'chromeos' | 'android' | 'ios' {
  switch (os) {
    case 'win':
      return 'windows';
    case 'mac':
      return 'macos';
    case 'cros':
      return 'chromeos';
    case 'android':
      return 'android';
    case 'ios':
      return 'ios';
    default:
      return 'linux';
  }
}

export function environment(ua: string, platformOs: string, arch: string, version: string): Omit<Environment, 'clockSkewMs'> {
  const names = { windows: 'Windows', macos: 'macOS', linux: 'Linux', chromeos: 'ChromeOS', android: 'Android', ios: 'iOS' } as const;
  return {
    browser: describeBrowser(ua).browser,
    os: `${names[osId(platformOs)]} (${arch})`,
    extensionVersion: version,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC',
  };
}

function uaBrands(): { brand: string; version: string }[] {
  const data = (globalThis.navigator as { userAgentData?: { brands?: { brand: string; version: string }[] } } | undefined)?.userAgentData;
  return data?.brands ?? [];
}
