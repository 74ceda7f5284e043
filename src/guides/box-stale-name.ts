import type { Guide } from './types';

/** The box's IP changed (DHCP); the saved odoo-iot name still points at the old IP. Texts: _locales/en/messages.json, keys g_box_stale_name_*. */
const guide: Guide = {
  key: 'box-stale-name',
  title: 'g_box_stale_name_title',
  intro: 'g_box_stale_name_intro',
  sections: [
    {
      key: 'g_box_stale_name_fix',
      steps: [
        { key: 'g_box_stale_name_fix_restart' },
        { key: 'g_box_stale_name_fix_iotapp' },
        { key: 'g_box_stale_name_fix_pos' },
        { key: 'g_box_stale_name_fix_options', action: 'open-options' },
        { key: 'g_box_stale_name_fix_check', action: 'check-again' },
      ],
    },
    {
      key: 'g_box_stale_name_prevent',
      steps: [
        { key: 'g_box_stale_name_prevent_reserve' },
        { key: 'g_box_stale_name_prevent_printers' },
        { key: 'g_box_stale_name_prevent_it' },
      ],
    },
  ],
};

export default guide;
