import type { Guide } from './types';

/** Copy the report and send it to the Odoo partner or support. Texts: _locales/en/messages.json, keys g_support_*. */
const guide: Guide = {
  key: 'support',
  title: 'g_support_title',
  intro: 'g_support_intro',
  sections: [
    {
      key: 'g_support_send',
      steps: [
        { key: 'g_support_send_copy', action: 'copy-report' },
        { key: 'g_support_send_paste' },
        { key: 'g_support_send_screenshot' },
      ],
    },
    {
      key: 'g_support_more',
      steps: [
        { key: 'g_support_more_logs' },
        { key: 'g_support_more_browser' },
        { key: 'g_support_more_printer' },
      ],
    },
  ],
};

export default guide;
