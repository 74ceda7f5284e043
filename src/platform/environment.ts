import type { Environment } from '../model';

/** Browser and OS as support wants to read them, from what the browser itself says. */
export function describeBrowser(ua: string): { browser: string; id: 'chrome' | 'edge' | 'firefox' | 'safari' } {
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
