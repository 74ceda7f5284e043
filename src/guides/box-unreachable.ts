import type { Guide } from './types';

/** Nothing answers at the box: power, network, same network, IP changed. Texts: _locales/en/messages.json, keys g_box_unreachable_*. */
const guide: Guide = {
  key: 'box-unreachable',
  title: 'g_box_unreachable_title',
  intro: 'g_box_unreachable_intro',
  sections: [
    {
      key: 'g_box_unreachable_check',
      steps: [
        { key: 'g_box_unreachable_check_power' },
        { key: 'g_box_unreachable_check_cable' },
        { key: 'g_box_unreachable_check_wifi' },
        { key: 'g_box_unreachable_check_same' },
        { key: 'g_box_unreachable_check_restart' },
        { key: 'g_box_unreachable_check_check', action: 'check-again' },
      ],
    },
    {
      key: 'g_box_unreachable_address',
      steps: [
        { key: 'g_box_unreachable_address_iotapp' },
        { key: 'g_box_unreachable_address_screen' },
        { key: 'g_box_unreachable_address_changed', action: 'open-options' },
        { key: 'g_box_unreachable_address_open', action: 'open-box-ip' },
        { key: 'g_box_unreachable_address_reserve' },
      ],
    },
  ],
};

export default guide;
