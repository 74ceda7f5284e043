import type { Guide } from './types';

/** The printer's certificate was imported and the browser still does not trust it: restart, then check the store. Texts: _locales/en/messages.json, keys g_cert_imported_*. */
const guide: Guide = {
  key: 'cert-imported',
  title: 'g_cert_imported_title',
  intro: 'g_cert_imported_intro',
  sections: [
    {
      key: 'g_cert_imported_restart',
      steps: [
        { key: 'g_cert_imported_restart_close' },
        { key: 'g_cert_imported_restart_open', action: 'open-printer' },
        { key: 'g_cert_imported_restart_check', action: 'check-again' },
      ],
    },
    {
      key: 'g_cert_imported_windows',
      os: ['windows'],
      steps: [
        { key: 'g_cert_imported_windows_run' },
        { key: 'g_cert_imported_windows_root' },
        { key: 'g_cert_imported_windows_wrong', warn: true },
        { key: 'g_cert_imported_windows_again' },
        { key: 'g_cert_imported_windows_restart' },
      ],
    },
    {
      key: 'g_cert_imported_macos',
      os: ['macos'],
      steps: [{ key: 'g_cert_imported_macos_find' }, { key: 'g_cert_imported_macos_trust' }],
    },
    {
      key: 'g_cert_imported_firefox',
      browser: ['firefox'],
      steps: [{ key: 'g_cert_imported_firefox_own' }],
    },
    {
      key: 'g_cert_imported_same',
      steps: [{ key: 'g_cert_imported_same_regenerated' }],
    },
  ],
};

export default guide;
