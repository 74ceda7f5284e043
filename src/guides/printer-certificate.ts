import type { Guide } from './types';

/** Trusting the Epson printer's self-signed certificate: force once, create, select, export, import, verify. Texts: _locales/en/messages.json, keys g_printer_certificate_*. */
const guide: Guide = {
  key: 'printer-certificate',
  title: 'g_printer_certificate_title',
  intro: 'g_printer_certificate_intro',
  sections: [
    {
      key: 'g_printer_certificate_quick_chromium',
      browser: ['chrome', 'edge'],
      steps: [
        { key: 'g_printer_certificate_quick_chromium_open', action: 'open-printer' },
        { key: 'g_printer_certificate_quick_chromium_advanced' },
        { key: 'g_printer_certificate_quick_chromium_proceed' },
        { key: 'g_printer_certificate_quick_chromium_print' },
        { key: 'g_printer_certificate_quick_chromium_temporary', warn: true },
      ],
    },
    {
      key: 'g_printer_certificate_quick_firefox',
      browser: ['firefox'],
      steps: [
        { key: 'g_printer_certificate_quick_firefox_open', action: 'open-printer' },
        { key: 'g_printer_certificate_quick_firefox_advanced' },
        { key: 'g_printer_certificate_quick_firefox_accept' },
        { key: 'g_printer_certificate_quick_firefox_print' },
        { key: 'g_printer_certificate_quick_firefox_scope' },
      ],
    },
    {
      key: 'g_printer_certificate_quick_safari',
      browser: ['safari'],
      steps: [
        { key: 'g_printer_certificate_quick_safari_open', action: 'open-printer' },
        { key: 'g_printer_certificate_quick_safari_details' },
        { key: 'g_printer_certificate_quick_safari_visit' },
        { key: 'g_printer_certificate_quick_safari_print' },
      ],
    },
    {
      key: 'g_printer_certificate_signin',
      steps: [
        { key: 'g_printer_certificate_signin_open', action: 'open-printer' },
        { key: 'g_printer_certificate_signin_login' },
        { key: 'g_printer_certificate_signin_old' },
      ],
    },
    {
      key: 'g_printer_certificate_create',
      steps: [
        { key: 'g_printer_certificate_create_once', warn: true },
        { key: 'g_printer_certificate_create_old_ui' },
        { key: 'g_printer_certificate_create_new_ui' },
        { key: 'g_printer_certificate_create_cn' },
        { key: 'g_printer_certificate_create_validity' },
        { key: 'g_printer_certificate_create_reset' },
      ],
    },
    {
      key: 'g_printer_certificate_select',
      steps: [
        { key: 'g_printer_certificate_select_open', action: 'open-printer' },
        { key: 'g_printer_certificate_select_server' },
        { key: 'g_printer_certificate_select_apply' },
      ],
    },
    {
      key: 'g_printer_certificate_export_chromium',
      browser: ['chrome', 'edge'],
      steps: [
        { key: 'g_printer_certificate_export_chromium_open', action: 'open-printer' },
        { key: 'g_printer_certificate_export_chromium_notsecure' },
        { key: 'g_printer_certificate_export_chromium_details' },
        { key: 'g_printer_certificate_export_chromium_format' },
        { key: 'g_printer_certificate_export_chromium_name' },
      ],
    },
    {
      key: 'g_printer_certificate_export_firefox',
      browser: ['firefox'],
      steps: [
        { key: 'g_printer_certificate_export_firefox_open', action: 'open-printer' },
        { key: 'g_printer_certificate_export_firefox_padlock' },
        { key: 'g_printer_certificate_export_firefox_view' },
        { key: 'g_printer_certificate_export_firefox_pem' },
        { key: 'g_printer_certificate_export_firefox_name' },
      ],
    },
    {
      key: 'g_printer_certificate_import_windows',
      os: ['windows'],
      steps: [
        { key: 'g_printer_certificate_import_windows_find' },
        { key: 'g_printer_certificate_import_windows_install' },
        { key: 'g_printer_certificate_import_windows_machine' },
        { key: 'g_printer_certificate_import_windows_store', warn: true },
        { key: 'g_printer_certificate_import_windows_root' },
        { key: 'g_printer_certificate_import_windows_finish' },
        { key: 'g_printer_certificate_import_windows_restart' },
      ],
    },
    {
      key: 'g_printer_certificate_import_macos',
      os: ['macos'],
      steps: [
        { key: 'g_printer_certificate_import_macos_open' },
        { key: 'g_printer_certificate_import_macos_keychain' },
        { key: 'g_printer_certificate_import_macos_find' },
        { key: 'g_printer_certificate_import_macos_trust' },
        { key: 'g_printer_certificate_import_macos_save' },
        { key: 'g_printer_certificate_import_macos_restart' },
      ],
    },
    {
      key: 'g_printer_certificate_import_macos_safari',
      os: ['macos'],
      steps: [
        { key: 'g_printer_certificate_import_macos_safari_open' },
        { key: 'g_printer_certificate_import_macos_safari_visit' },
        { key: 'g_printer_certificate_import_macos_safari_restart' },
      ],
    },
    {
      key: 'g_printer_certificate_import_linux_chromium',
      os: ['linux'],
      browser: ['chrome', 'edge'],
      steps: [
        { key: 'g_printer_certificate_import_linux_chromium_open' },
        { key: 'g_printer_certificate_import_linux_chromium_authorities' },
        { key: 'g_printer_certificate_import_linux_chromium_trust' },
        { key: 'g_printer_certificate_import_linux_chromium_restart' },
      ],
    },
    {
      key: 'g_printer_certificate_import_firefox',
      os: ['linux', 'windows', 'macos'],
      browser: ['firefox'],
      steps: [
        { key: 'g_printer_certificate_import_firefox_open' },
        { key: 'g_printer_certificate_import_firefox_authorities' },
        { key: 'g_printer_certificate_import_firefox_trust' },
        { key: 'g_printer_certificate_import_firefox_restart' },
      ],
    },
    {
      key: 'g_printer_certificate_import_chromeos',
      os: ['chromeos'],
      steps: [
        { key: 'g_printer_certificate_import_chromeos_copy' },
        { key: 'g_printer_certificate_import_chromeos_open' },
        { key: 'g_printer_certificate_import_chromeos_authorities' },
        { key: 'g_printer_certificate_import_chromeos_trust' },
        { key: 'g_printer_certificate_import_chromeos_reload' },
      ],
    },
    {
      key: 'g_printer_certificate_import_android',
      os: ['android'],
      steps: [
        { key: 'g_printer_certificate_import_android_copy' },
        { key: 'g_printer_certificate_import_android_search' },
        { key: 'g_printer_certificate_import_android_ca' },
        { key: 'g_printer_certificate_import_android_file' },
        { key: 'g_printer_certificate_import_android_menus' },
        { key: 'g_printer_certificate_import_android_restart' },
      ],
    },
    {
      key: 'g_printer_certificate_import_ios',
      os: ['ios'],
      steps: [
        { key: 'g_printer_certificate_import_ios_copy' },
        { key: 'g_printer_certificate_import_ios_allow' },
        { key: 'g_printer_certificate_import_ios_profile' },
        { key: 'g_printer_certificate_import_ios_install' },
        { key: 'g_printer_certificate_import_ios_trust', warn: true },
        { key: 'g_printer_certificate_import_ios_restart' },
      ],
    },
    {
      key: 'g_printer_certificate_imported',
      steps: [{ key: 'g_printer_certificate_imported_done', action: 'cert-imported' }],
    },
    {
      key: 'g_printer_certificate_changed',
      steps: [
        { key: 'g_printer_certificate_changed_ip' },
        { key: 'g_printer_certificate_changed_new' },
        { key: 'g_printer_certificate_changed_expired' },
      ],
    },
    {
      key: 'g_printer_certificate_verify',
      steps: [
        { key: 'g_printer_certificate_verify_open', action: 'open-printer' },
        { key: 'g_printer_certificate_verify_restart' },
        { key: 'g_printer_certificate_verify_others' },
        { key: 'g_printer_certificate_verify_check', action: 'check-again' },
      ],
    },
  ],
};

export default guide;
