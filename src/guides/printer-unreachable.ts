import type { Guide } from './types';

/** Nothing (or the wrong thing) answers at the printer IP. Texts: _locales/en/messages.json, keys g_printer_unreachable_*. */
const guide: Guide = {
  key: 'printer-unreachable',
  title: 'g_printer_unreachable_title',
  intro: 'g_printer_unreachable_intro',
  sections: [
    {
      key: 'g_printer_unreachable_power',
      steps: [
        { key: 'g_printer_unreachable_power_on' },
        { key: 'g_printer_unreachable_power_cable' },
        { key: 'g_printer_unreachable_power_wifi' },
        { key: 'g_printer_unreachable_power_restart' },
        { key: 'g_printer_unreachable_power_check', action: 'check-again' },
      ],
    },
    {
      key: 'g_printer_unreachable_address',
      steps: [
        { key: 'g_printer_unreachable_address_sheet' },
        { key: 'g_printer_unreachable_address_compare' },
        { key: 'g_printer_unreachable_address_fix', action: 'open-options' },
        { key: 'g_printer_unreachable_address_reserve' },
      ],
    },
    {
      key: 'g_printer_unreachable_network',
      steps: [
        { key: 'g_printer_unreachable_network_same' },
      ],
    },
    {
      key: 'g_printer_unreachable_refused',
      steps: [
        { key: 'g_printer_unreachable_refused_other' },
      ],
    },
    {
      key: 'g_printer_unreachable_stuck',
      steps: [
        { key: 'g_printer_unreachable_stuck_restart' },
        { key: 'g_printer_unreachable_stuck_burst' },
        { key: 'g_printer_unreachable_stuck_check', action: 'check-again' },
      ],
    },
  ],
};

export default guide;
