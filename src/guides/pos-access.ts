import type { Guide } from './types';

/** Letting IoT Doctor read the open point of sale tab (optional host permission for the Odoo site). Texts: _locales/en/messages.json, keys g_pos_access_*. */
const guide: Guide = {
  key: 'pos-access',
  title: 'g_pos_access_title',
  intro: 'g_pos_access_intro',
  sections: [
    {
      key: 'g_pos_access_allow',
      steps: [
        { key: 'g_pos_access_allow_click', action: 'pos-allow' },
        { key: 'g_pos_access_allow_reads' },
        { key: 'g_pos_access_allow_tab' },
        { key: 'g_pos_access_allow_check', action: 'check-again' },
        { key: 'g_pos_access_allow_revoke' },
      ],
    },
  ],
};

export default guide;
