import type { Guide } from './types';

/** The odoo-iot name does not exist publicly: never issued, or mistyped. Texts: _locales/en/messages.json, keys g_box_name_*. */
const guide: Guide = {
  key: 'box-name',
  title: 'g_box_name_title',
  intro: 'g_box_name_intro',
  sections: [
    {
      key: 'g_box_name_copy',
      steps: [
        { key: 'g_box_name_copy_iotapp' },
        { key: 'g_box_name_copy_read' },
        { key: 'g_box_name_copy_none' },
        { key: 'g_box_name_copy_paste', action: 'open-options' },
        { key: 'g_box_name_copy_check', action: 'check-again' },
      ],
    },
    {
      key: 'g_box_name_eligible',
      steps: [
        { key: 'g_box_name_eligible_prod' },
        { key: 'g_box_name_eligible_sub' },
        { key: 'g_box_name_eligible_ask' },
      ],
    },
    {
      key: 'g_box_name_renew',
      steps: [
        { key: 'g_box_name_renew_homepage', action: 'open-box-ip' },
        { key: 'g_box_name_renew_restart' },
        { key: 'g_box_name_renew_iotapp' },
        { key: 'g_box_name_renew_check', action: 'check-again' },
      ],
    },
  ],
};

export default guide;
