import assert from 'node:assert/strict';
import { billingContentSecurityPolicy, billingHtml } from '../../../src/webview/billingHtml';

const input = {
  cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
  nonce: 'bm9uY2Utbm9uY2Utbm9uY2U=',
  scriptUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/billing.js',
  styleUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/billing.css',
  codiconUri: 'https://file+.vscode-resource.vscode-cdn.net/ext/dist/webview/codicon.css',
  lang: 'fr',
};

describe('billing webview HTML', () => {
  it('has a strict CSP: nothing by default, the script by nonce, styles/fonts/images from the extension only', () => {
    const csp = billingContentSecurityPolicy(input.cspSource, input.nonce);
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    assert.deepEqual(directives, {
      'default-src': ["'none'"],
      'script-src': [`'nonce-${input.nonce}'`],
      'style-src': [input.cspSource],
      'font-src': [input.cspSource],
      'img-src': [input.cspSource],
    });
    assert.doesNotMatch(csp, /unsafe-|\s(https?:|data:|\*)(\s|;|$)/);
  });

  it('carries the CSP in the head, loads the one script with the nonce, and has no inline script or style', () => {
    const html = billingHtml(input);
    assert.ok(html.indexOf('Content-Security-Policy') < html.indexOf('<body>'));
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.deepEqual(scripts, [`<script nonce="${input.nonce}" src="${input.scriptUri}">`]);
    assert.doesNotMatch(html, /<style|\sstyle=|\son[a-z]+=/i);
    assert.match(html, /<html lang="fr">/);
  });

  it('has the landmark and live region the page fills, and nothing else in the body', () => {
    const body = billingHtml(input).split('<body>')[1]!;
    assert.match(body, /<main id="content" aria-busy="true"><\/main>/);
    assert.match(body, /role="status" aria-live="polite"/);
  });

  it('keeps every value inside its attribute: the same elements and attributes, each value read back as given', () => {
    const hostile = `x" onload="alert(1)"><script>alert(2)</script><b a='1'>&amp;`;
    const values = { ...input, lang: `fr${hostile}`, scriptUri: `${input.scriptUri}${hostile}`, nonce: `n${hostile}` };
    const html = billingHtml(values);
    // What a parser sees: the tag names and attribute names, in order. Hostile values must add none.
    const skeleton = (text: string) => [...text.matchAll(/<\/?([a-z]+)|\s([a-z-]+)="[^"]*"/gi)].map((m) => m[1] ?? `@${m[2]}`);
    assert.deepEqual(skeleton(html), skeleton(billingHtml(input)));
    // And each attribute decodes to exactly the value given.
    const decode = (text: string) => text.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    const attribute = (tag: string, name: string) => decode(new RegExp(`<${tag}\\b[^>]*\\s${name}="([^"]*)"`).exec(html)?.[1] ?? '');
    assert.equal(attribute('html', 'lang'), values.lang);
    assert.equal(attribute('script', 'src'), values.scriptUri);
    assert.equal(attribute('script', 'nonce'), values.nonce);
  });
});
