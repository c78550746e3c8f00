// Speaking to a billing panel as its page does, through the webview's real message channel (page → host): the
// panel's handler of page messages is private, so a test reaches it only the way the page does.
//
// Both helpers replace the panel's HTML (`webview.html`), which reloads the page; the panel treats that as a
// page re-created (its `ready` again) and sends it everything, as after the webview was hidden and shown.
import { randomBytes } from 'node:crypto';
import type { BillingPanel } from '../../../src/webview/billingPanel';

/** The page's buttons, by their `data-action`. */
export type PageAction = 'refresh' | 'copyEmail' | 'openJson';

/**
 * Reloads the real page with one more script, which clicks the page's `action` button (the Retry button of an
 * error is `refresh` too) once, as soon as the page shows it enabled: the page's own click handler sends the
 * message. Returns once the HTML is set: wait for the click's effect.
 */
export function clickInPage(panel: BillingPanel, action: PageAction): void {
  const webview = panel.panel.webview;
  const nonce = /<script nonce="([^"]+)"/.exec(webview.html)?.[1];
  if (!nonce || !webview.html.includes('</body>')) throw new Error('The billing page has no script nonce or no body to add a click to.');
  const selector = JSON.stringify(`button[data-action="${action}"]:not([aria-disabled="true"])`);
  const clicker = `<script nonce="${nonce}">
(() => {
  const click = () => {
    const button = document.querySelector(${selector});
    if (button) button.click();
    return button !== null;
  };
  if (click()) return;
  const observer = new MutationObserver(() => {
    if (click()) observer.disconnect();
  });
  observer.observe(document.body, { childList: true, subtree: true, attributes: true });
})();
</script>`;
  webview.html = webview.html.replace('</body>', `${clicker}\n</body>`);
}

/**
 * Replaces the page with one that posts `messages` to the panel, in order, as the page's `postMessage` would:
 * anything at all, the protocol's messages or not. Nothing renders there any more.
 */
export function postAsPage(panel: BillingPanel, messages: readonly unknown[]): void {
  const nonce = randomBytes(16).toString('base64');
  // `<` escaped: no message can end the script element early.
  const json = JSON.stringify(messages).replace(/</g, '\\u003c');
  panel.panel.webview.html = `<!DOCTYPE html>
<html>
<head><meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${nonce}'"></head>
<body>
<script nonce="${nonce}">
const page = acquireVsCodeApi();
for (const message of ${json}) page.postMessage(message);
</script>
</body>
</html>`;
}

/**
 * Reloads the real page with one more script that, once the page shows its edit form, types `values` into the
 * fields (an `input` event each, as typing sends) and presses the form's Save; the page's own handlers do the
 * rest. Returns once the HTML is set: wait for the save's effect.
 */
export function typeAndSaveInPage(panel: BillingPanel, values: Readonly<Record<string, string>>): void {
  const webview = panel.panel.webview;
  const nonce = /<script nonce="([^"]+)"/.exec(webview.html)?.[1];
  if (!nonce || !webview.html.includes('</body>')) throw new Error('The billing page has no script nonce or no body to type into.');
  // `<` escaped: no value can end the script element early.
  const json = JSON.stringify(values).replace(/</g, '\\u003c');
  const typist = `<script nonce="${nonce}">
(() => {
  const values = ${json};
  const typeAndSave = () => {
    const inputs = Object.keys(values).map((name) => document.getElementById('field-' + name));
    if (inputs.some((input) => input === null)) return false;
    for (const input of inputs) {
      input.value = values[input.dataset.field];
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
    const save = document.querySelector('button[data-action="save"]');
    if (!save) return false;
    save.click();
    return true;
  };
  if (typeAndSave()) return;
  const observer = new MutationObserver(() => {
    if (typeAndSave()) observer.disconnect();
  });
  observer.observe(document.body, { childList: true, subtree: true });
})();
</script>`;
  webview.html = webview.html.replace('</body>', `${typist}\n</body>`);
}
