// The billing page's HTML: a fixed template. No customer data ever goes in here: the page receives it by
// postMessage and inserts it with textContent.

export interface BillingHtmlInput {
  /** `webview.cspSource`. */
  readonly cspSource: string;
  /** Fresh per page load, from a crypto source. */
  readonly nonce: string;
  /** `asWebviewUri` of dist/webview/billing.js, billing.css and codicon.css. */
  readonly scriptUri: string;
  readonly styleUri: string;
  readonly codiconUri: string;
  /** VS Code's display language, for `<html lang>` (screen readers pick their voice from it). */
  readonly lang: string;
}

/**
 * Nothing but the page's own script (by nonce) runs; styles and the codicon font come only from the
 * extension's built assets; no inline styles, no frames, no network.
 */
export function billingContentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    `default-src 'none'`,
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource}`,
  ].join('; ');
}

export function billingHtml(input: BillingHtmlInput): string {
  const attr = escapeAttribute;
  return `<!DOCTYPE html>
<html lang="${attr(input.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${attr(billingContentSecurityPolicy(input.cspSource, input.nonce))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${attr(input.codiconUri)}" id="vscode-codicon-stylesheet">
<link rel="stylesheet" href="${attr(input.styleUri)}">
</head>
<body>
<main id="content" aria-busy="true"></main>
<div id="status" class="status" role="status" aria-live="polite" aria-atomic="true"></div>
<script nonce="${attr(input.nonce)}" src="${attr(input.scriptUri)}"></script>
</body>
</html>`;
}

/** The template's own values (URIs, nonce) are not data, but escaping them costs nothing and rules out surprises. */
function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
