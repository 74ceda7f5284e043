import type { Guide } from './types';

/** An Epson printer address in Odoo that is empty, not an IP nor a serial number, or the IoT box's. Texts: _locales/en/messages.json, keys g_pos_printer_address_*. */
const guide: Guide = {
  key: 'pos-printer-address',
  title: 'g_pos_printer_address_title',
  intro: 'g_pos_printer_address_intro',
  sections: [
    {
      key: 'g_pos_printer_address_find',
      steps: [{ key: 'g_pos_printer_address_find_sheet' }, { key: 'g_pos_printer_address_find_reserve' }],
    },
    {
      key: 'g_pos_printer_address_odoo',
      steps: [
        { key: 'g_pos_printer_address_odoo_open' },
        { key: 'g_pos_printer_address_odoo_field' },
        { key: 'g_pos_printer_address_odoo_hash', warn: true },
        { key: 'g_pos_printer_address_odoo_save', action: 'check-again' },
      ],
    },
  ],
};

export default guide;
