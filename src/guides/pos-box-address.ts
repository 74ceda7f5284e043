import type { Guide } from './types';

/** Odoo's IP of the IoT box differs from the IP inside its odoo-iot.com name. Texts: _locales/en/messages.json, keys g_pos_box_address_*. */
const guide: Guide = {
  key: 'pos-box-address',
  title: 'g_pos_box_address_title',
  intro: 'g_pos_box_address_intro',
  sections: [
    {
      key: 'g_pos_box_address_fix',
      steps: [
        { key: 'g_pos_box_address_fix_restart' },
        { key: 'g_pos_box_address_fix_wait' },
        { key: 'g_pos_box_address_fix_odoo' },
        { key: 'g_pos_box_address_fix_reserve' },
        { key: 'g_pos_box_address_fix_check', action: 'check-again' },
      ],
    },
  ],
};

export default guide;
