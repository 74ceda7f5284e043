/**
 * What an Odoo IoT box sends back, as text: Python's json.dumps layout, the Odoo 16 homepage
 * (hw_posbox_homepage/views/homepage.html + layout.html, rendered), the 18/19 OWL page shell
 * and werkzeug's 404 page. Sources are listed in test/lab/README.md.
 */

/** `json.dumps(value)` with Python's default separators (", " and ": ") and ensure_ascii. */
export function pyJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  if (typeof value === 'number' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(pyJson).join(', ')}]`;
  return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${pyJson(k)}: ${pyJson(v)}`).join(', ')}}`;
}

/** Python's `str(datetime)` of a naive UTC datetime: `2026-01-25 10:00:00`. */
export const pyDate = (d: Date): string => d.toISOString().slice(0, 19).replace('T', ' ');

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');

export interface Homepage16 {
  hostname: string;
  version: string;
  ip: string;
  mac: string;
  serverStatus: string;
  isCertificateOk: boolean;
  certificateDetails: string;
}

function certificateRow(p: Homepage16): string {
  if (p.isCertificateOk) {
    return `        <tr class="">
            <td class="heading">HTTPS certificate</td>
            <td>
                    <details>
                        <summary>OK</summary>
                        <code>${esc(p.certificateDetails)}</code>
                    </details>
            </td>
        </tr>`;
  }
  const anchor = (p.certificateDetails.split(' ')[0] ?? '').replaceAll('_', '-').toLowerCase();
  const docUrl = `https://www.odoo.com/documentation/master/applications/productivity/iot/config/https_certificate_iot.html#${anchor}`;
  return `        <tr class="warn-tr">
            <td class="heading">HTTPS certificate</td>
            <td>
                    Error code:
                    <a target="_blank" class="btn btn-sm float-end" href="${esc(docUrl)}">help</a>
                    <br/>
                    <code style="white-space: pre-wrap;">${esc(p.certificateDetails)}</code>
            </td>
        </tr>`;
}

/** Odoo 16's box homepage (`GET /` on 8069), as jinja renders it (styles and scripts trimmed). */
export function homepage16(p: Homepage16): string {
  return `<!DOCTYPE html>
<html>
    <head>
        <meta http-equiv="cache-control" content="no-cache" />
        <meta http-equiv="pragma" content="no-cache" />
        <title>Odoo's IoT Box</title>
        <script type="text/javascript" src="/web/static/lib/jquery/jquery.js"></script>
        <style>
            body { width: 600px; margin: 30px auto; font-family: sans-serif; color: #6B6B6B; background-color: #f1f1f1; }
            .text-green { color: #28a745; }
            .warn-tr { background-color: #fff3cd; }
        </style>
    </head>
    <body>
        <div class="container">
    <h2 class="text-center text-green">Your IoT Box is up and running</h2>
    <table align="center" cellpadding="3">
        <tr>
            <td class="heading">Name</td>
            <td> ${esc(p.hostname)} <a class="btn btn-sm float-right" href='/server'>configure</a></td>
        </tr>
        <tr>
            <td class="heading">Version</td>
            <td> ${esc(p.version)} <a class="btn btn-sm float-right" href='/hw_proxy/upgrade/'>update</a></td>
        </tr>
        <tr>
            <td class="heading">IP Address</td>
            <td>${esc(p.ip)}</a></td>
        </tr>
        <tr>
            <td class="heading">Mac Address</td>
            <td> ${esc(p.mac)}</td>
        </tr>
        <tr>
            <td class="heading">Network</td>
            <td>Ethernet <a class="btn btn-sm float-right" href='/wifi'>configure wifi</a></td>
        </tr>
        <tr>
            <td class="heading">Server</td>
            <td><a href='${esc(p.serverStatus)}' target=_blank>${esc(p.serverStatus)}<a class="btn btn-sm float-end" href='/server'>configure</a></td>
        </tr>
${certificateRow(p)}
        <tr>
            <td class="heading">Six payment terminal</td>
            <td>Not Configured <a class="btn btn-sm float-end" href='/six_payment_terminal'>configure</a></td>
        </tr>
        <tr>
            <td class="heading">IOT Device</td>
            <td>
                <div class="collapse">
                        No Device Found
                </div>
                <br><center><a class="btn btn-sm" href='/list_handlers'>handlers list</a></center>
            </td>
        </tr>
    </table>
    <div style="margin: 20px auto 10px auto;" class="text-center">
        <a class="btn" href='/point_of_sale/display'>POS Display</a>
            <a class="btn" style="margin-left: 10px;" href='/remote_connect'>Remote Debug</a>
            <a target="_blank" class="btn" style="margin-left: 10px;" href="http://${esc(p.ip)}:631">Printers server</a>
        <a class="btn" style="margin-left: 10px;" href='/list_credential'>Credential</a>
    </div>
            <p class="error-message text-red" style="text-align: right;" />
        </div>
        <div class="footer">
            <a href='https://www.odoo.com/help'>Help</a>
            <a href='https://www.odoo.com/documentation/16.0/applications/productivity/iot.html'>Documentation</a>
        </div>
    </body>
</html>
`;
}

/** Odoo 18/19 `GET /`: an OWL application that renders itself from the JSON routes. */
export function owlShell(addon: 'hw_posbox_homepage' | 'iot_drivers'): string {
  return `<!DOCTYPE html>
<html lang="en">
<head>
    <meta charset="utf-8"/>
    <meta name="viewport" content="width=device-width, initial-scale=1"/>
    <title>Odoo's IoT Box</title>
    <link rel="stylesheet" href="/web/static/lib/bootstrap/dist/css/bootstrap.css"/>
    <link rel="stylesheet" href="/${addon}/static/src/app/css/homepage.css"/>
    <script type="text/javascript" src="/web/static/lib/owl/owl.js"></script>
    <script type="module" src="/${addon}/static/src/app/main.js"></script>
</head>
<body>
</body>
</html>
`;
}

/** werkzeug's NotFound page, what a box answers for a route it does not have. */
export const NOT_FOUND_HTML = `<!doctype html>
<html lang=en>
<title>404 Not Found</title>
<h1>Not Found</h1>
<p>The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again.</p>
`;
