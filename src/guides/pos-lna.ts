import type { Guide } from './types';

/**
 * Chrome's Local Network Access permission for the Odoo site: where to allow it (the site's own
 * settings, opened by a button), and why Odoo's own warning can disagree. Texts:
 * _locales/en/messages.json, keys g_pos_lna_*.
 */
const guide: Guide = {
  key: 'pos-lna',
  title: 'g_pos_lna_title',
  intro: 'g_pos_lna_intro',
  sections: [
    {
      key: 'g_pos_lna_chrome',
      browser: ['chrome', 'edge'],
      steps: [
        { key: 'g_pos_lna_chrome_open', action: 'open-site-settings' },
        { key: 'g_pos_lna_chrome_allow' },
        { key: 'g_pos_lna_chrome_reload' },
        { key: 'g_pos_lna_chrome_prompt', warn: true },
        { key: 'g_pos_lna_chrome_check', action: 'check-again' },
      ],
    },
    {
      key: 'g_pos_lna_support',
      steps: [{ key: 'g_pos_lna_support_names' }, { key: 'g_pos_lna_support_managed' }],
    },
  ],
};

export default guide;
