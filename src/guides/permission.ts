import type { Guide } from './types';

/** Host permission for IoT Doctor, and Chrome's Local Network Access permission for the POS page. Texts: _locales/en/messages.json, keys g_permission_*. */
const guide: Guide = {
  key: 'permission',
  title: 'g_permission_title',
  intro: 'g_permission_intro',
  sections: [
    {
      key: 'g_permission_extension',
      steps: [
        { key: 'g_permission_extension_allow', action: 'open-options' },
        { key: 'g_permission_extension_what' },
        { key: 'g_permission_extension_check', action: 'check-again' },
      ],
    },
    {
      key: 'g_permission_lna',
      browser: ['chrome', 'edge'],
      steps: [
        { key: 'g_permission_lna_tab' },
        { key: 'g_permission_lna_prompt' },
        { key: 'g_permission_lna_site' },
        { key: 'g_permission_lna_allow' },
        { key: 'g_permission_lna_reload' },
        { key: 'g_permission_lna_blocked', warn: true },
        { key: 'g_permission_lna_check', action: 'check-again' },
      ],
    },
  ],
};

export default guide;
