import type { Guide } from './types';

/** A point of sale served over plain http: Chromium (94+) blocks it from local devices. Texts: _locales/en/messages.json, keys g_pos_https_*. */
const guide: Guide = {
  key: 'pos-https',
  title: 'g_pos_https_title',
  intro: 'g_pos_https_intro',
  sections: [
    {
      key: 'g_pos_https_fix',
      steps: [
        { key: 'g_pos_https_fix_url' },
        { key: 'g_pos_https_fix_server' },
        { key: 'g_pos_https_fix_base' },
        { key: 'g_pos_https_fix_bookmarks' },
        { key: 'g_pos_https_fix_devices', warn: true },
        { key: 'g_pos_https_fix_check', action: 'check-again' },
      ],
    },
  ],
};

export default guide;
