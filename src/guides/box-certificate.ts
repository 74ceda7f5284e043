import type { Guide } from './types';

/** The box's HTTPS certificate: ERR_IOT_HTTPS_* codes, eligibility, network, expiry. Texts: _locales/en/messages.json, keys g_box_certificate_*. */
const guide: Guide = {
  key: 'box-certificate',
  title: 'g_box_certificate_title',
  intro: 'g_box_certificate_intro',
  sections: [
    {
      key: 'g_box_certificate_read',
      steps: [
        { key: 'g_box_certificate_read_open', action: 'open-box-ip' },
        { key: 'g_box_certificate_read_cogs' },
        { key: 'g_box_certificate_read_refresh' },
        { key: 'g_box_certificate_read_restart' },
        { key: 'g_box_certificate_read_lookup' },
      ],
    },
    {
      key: 'g_box_certificate_codes',
      steps: [
        { key: 'g_box_certificate_codes_no_server' },
        { key: 'g_box_certificate_codes_read_exception' },
        { key: 'g_box_certificate_codes_no_credential' },
        { key: 'g_box_certificate_codes_request_exception' },
        { key: 'g_box_certificate_codes_request_status' },
        { key: 'g_box_certificate_codes_no_result' },
      ],
    },
    {
      key: 'g_box_certificate_eligible',
      steps: [
        { key: 'g_box_certificate_eligible_prod' },
        { key: 'g_box_certificate_eligible_sub' },
        { key: 'g_box_certificate_eligible_after' },
      ],
    },
    {
      key: 'g_box_certificate_network',
      steps: [
        { key: 'g_box_certificate_network_internet' },
        { key: 'g_box_certificate_network_firewall' },
        { key: 'g_box_certificate_network_vpn' },
        { key: 'g_box_certificate_network_restart' },
        { key: 'g_box_certificate_network_it' },
      ],
    },
    {
      key: 'g_box_certificate_expiry',
      steps: [
        { key: 'g_box_certificate_expiry_renew' },
        { key: 'g_box_certificate_expiry_restart' },
        { key: 'g_box_certificate_expiry_stuck' },
        { key: 'g_box_certificate_expiry_check', action: 'check-again' },
      ],
    },
    {
      key: 'g_box_certificate_invalid',
      steps: [
        { key: 'g_box_certificate_invalid_open', action: 'open-box-name' },
        { key: 'g_box_certificate_invalid_temp' },
        { key: 'g_box_certificate_invalid_proxy' },
      ],
    },
    {
      key: 'g_box_certificate_support',
      steps: [
        { key: 'g_box_certificate_support_logs' },
        { key: 'g_box_certificate_support_code' },
        { key: 'g_box_certificate_support_report', action: 'copy-report' },
      ],
    },
  ],
};

export default guide;
