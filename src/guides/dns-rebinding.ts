import type { Guide } from './types';

/** The router refuses to resolve *.odoo-iot.com names to a private IP (DNS rebinding protection). Texts: _locales/en/messages.json, keys g_dns_rebinding_*. */
const guide: Guide = {
  key: 'dns-rebinding',
  title: 'g_dns_rebinding_title',
  intro: 'g_dns_rebinding_intro',
  sections: [
    {
      key: 'g_dns_rebinding_router',
      steps: [
        { key: 'g_dns_rebinding_router_open' },
        { key: 'g_dns_rebinding_router_dns' },
        { key: 'g_dns_rebinding_router_fritz' },
        { key: 'g_dns_rebinding_router_openwrt' },
        { key: 'g_dns_rebinding_router_pfsense' },
        { key: 'g_dns_rebinding_router_save' },
        { key: 'g_dns_rebinding_router_open_box', action: 'open-box-name' },
        { key: 'g_dns_rebinding_router_check', action: 'check-again' },
      ],
    },
    {
      key: 'g_dns_rebinding_windows',
      os: ['windows'],
      steps: [
        { key: 'g_dns_rebinding_windows_open' },
        { key: 'g_dns_rebinding_windows_edit' },
        { key: 'g_dns_rebinding_windows_ipv4' },
        { key: 'g_dns_rebinding_windows_ipv6' },
        { key: 'g_dns_rebinding_windows_save' },
        { key: 'g_dns_rebinding_windows_check', action: 'check-again' },
      ],
    },
    {
      key: 'g_dns_rebinding_macos',
      os: ['macos'],
      steps: [
        { key: 'g_dns_rebinding_macos_open' },
        { key: 'g_dns_rebinding_macos_dns' },
        { key: 'g_dns_rebinding_macos_save' },
        { key: 'g_dns_rebinding_macos_check', action: 'check-again' },
      ],
    },
    {
      key: 'g_dns_rebinding_linux',
      os: ['linux'],
      steps: [
        { key: 'g_dns_rebinding_linux_open' },
        { key: 'g_dns_rebinding_linux_dns' },
        { key: 'g_dns_rebinding_linux_apply' },
        { key: 'g_dns_rebinding_linux_check', action: 'check-again' },
      ],
    },
    {
      key: 'g_dns_rebinding_chromeos',
      os: ['chromeos'],
      steps: [
        { key: 'g_dns_rebinding_chromeos_open' },
        { key: 'g_dns_rebinding_chromeos_dns' },
        { key: 'g_dns_rebinding_chromeos_check', action: 'check-again' },
      ],
    },
    {
      key: 'g_dns_rebinding_android',
      os: ['android'],
      steps: [
        { key: 'g_dns_rebinding_android_open' },
        { key: 'g_dns_rebinding_android_dns' },
        { key: 'g_dns_rebinding_android_reload' },
      ],
    },
    {
      key: 'g_dns_rebinding_ios',
      os: ['ios'],
      steps: [
        { key: 'g_dns_rebinding_ios_open' },
        { key: 'g_dns_rebinding_ios_dns' },
        { key: 'g_dns_rebinding_ios_save' },
      ],
    },
    {
      key: 'g_dns_rebinding_chromium',
      browser: ['chrome', 'edge'],
      steps: [
        { key: 'g_dns_rebinding_chromium_open' },
        { key: 'g_dns_rebinding_chromium_dns' },
        { key: 'g_dns_rebinding_chromium_limits', warn: true },
        { key: 'g_dns_rebinding_chromium_check', action: 'check-again' },
      ],
    },
    {
      key: 'g_dns_rebinding_firefox',
      browser: ['firefox'],
      steps: [
        { key: 'g_dns_rebinding_firefox_nohelp', warn: true },
        { key: 'g_dns_rebinding_firefox_mode' },
        { key: 'g_dns_rebinding_firefox_fix' },
      ],
    },
    {
      key: 'g_dns_rebinding_others',
      steps: [
        { key: 'g_dns_rebinding_others_tills' },
        { key: 'g_dns_rebinding_others_terminals' },
        { key: 'g_dns_rebinding_others_it' },
      ],
    },
  ],
};

export default guide;
