import type { Guide } from './types';

/** This computer has no network. Texts: _locales/en/messages.json, keys g_computer_offline_*. */
const guide: Guide = {
  key: 'computer-offline',
  title: 'g_computer_offline_title',
  intro: 'g_computer_offline_intro',
  sections: [
    {
      key: 'g_computer_offline_fix',
      steps: [
        { key: 'g_computer_offline_fix_cable' },
        { key: 'g_computer_offline_fix_wifi' },
        { key: 'g_computer_offline_fix_airplane' },
        { key: 'g_computer_offline_fix_vpn' },
        { key: 'g_computer_offline_fix_router' },
        { key: 'g_computer_offline_fix_check', action: 'check-again' },
      ],
    },
  ],
};

export default guide;
