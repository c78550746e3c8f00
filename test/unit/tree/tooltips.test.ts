import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { PartnerCenterError } from '../../../src/api/errors';
import { customerSchema } from '../../../src/api/schemas';
import { escapeIconSyntax, escapeMarkdown } from '../../../src/presentation/escaping';
import { customerTooltipMarkdown, errorTooltip } from '../../../src/tree/tooltips';
import { MARKUP, NOTABLE, seedCustomer } from '../../sandbox/seed';

// A real CommonMark renderer, configured to be as permissive as possible (raw HTML on, bare URLs linked), shows
// what the escaped text turns into. markdown-it is already installed (used by @vscode/vsce and @vscode/l10n-dev).
interface Renderer {
  render(markdown: string): string;
}
const MarkdownIt = createRequire(__filename)('markdown-it') as (options: object) => Renderer;
const markdown = MarkdownIt({ html: true, linkify: true });

const htmlText = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Renders escaped text as one paragraph and returns its inner HTML. */
function rendered(text: string): string {
  const html = markdown.render(escapeMarkdown(text)).trim();
  assert.match(html, /^<p>[\s\S]*<\/p>$/);
  return html.slice(3, -4);
}

describe('tree: tooltips', () => {
  const hostile = [
    MARKUP.img,
    MARKUP.script,
    MARKUP.bold,
    '[Click me](command:partnerCenter.signOut) **Lucerne** _Publishing_ `code` $(alert)',
    '# heading',
    '> quote',
    '1. list',
    '- item',
    'http://evil.example/path www.evil.example',
    '&lt;entity&gt; &#60;numeric&#62;',
    'back\\slash \\*',
    '<https://autolink.example>',
    '| a | b |',
    '~~strike~~ ![image](x.png)',
  ];

  for (const text of hostile) {
    it(`shows ${JSON.stringify(text)} as literal text in Markdown`, () => {
      assert.equal(rendered(text), htmlText(text));
    });
  }

  it('escapes codicon syntax so $(alert) is not drawn as an icon, in Markdown and in icon-aware labels', () => {
    assert.ok(!escapeMarkdown('$(alert)').includes('$('));
    // VS Code's label renderer draws `$(name)` unless a backslash precedes it.
    const iconSyntax = /(^|[^\\])\$\([a-z0-9-]+\)/i;
    assert.ok(iconSyntax.test('a $(alert) b'));
    assert.ok(!iconSyntax.test(escapeIconSyntax('a $(alert) b $(sync~spin)')));
    assert.equal(escapeIconSyntax('no icons (here) $5'), 'no icons (here) $5');
  });

  it('turns line breaks and runs of spaces in data into single spaces (one tooltip line per fact)', () => {
    assert.equal(escapeMarkdown('Litware\n\nsecond   line'), 'Litware second line');
  });

  it('builds a customer tooltip whose every fact renders as the text received', () => {
    const customer = customerSchema.parse(structuredClone(seedCustomer('default', NOTABLE.default.markup)));
    const html = markdown.render(customerTooltipMarkdown(customer));
    assert.ok(html.includes(`<strong>${htmlText(`${MARKUP.img}Fourth Coffee`)}</strong>`), html);
    assert.ok(html.includes('Domain: fourthcoffeemarkup.onmicrosoft.com'), html);
    assert.ok(html.includes(`Customer ID: ${customer.id}`), html);
    assert.ok(!/<img|<a |<script/i.test(html), `no live markup: ${html}`);
  });

  it('puts the status, Partner Center code and request id of a failure in its tooltip', () => {
    const error = new PartnerCenterError({
      kind: 'http',
      summary: 'Partner Center answered 500.',
      status: 500,
      code: '3000',
      requestId: 'req-123',
      correlationId: 'cor-456',
      request: 'GET /v1/customers/abc',
    });
    const tooltip = errorTooltip(error);
    for (const expected of ['Partner Center answered 500.', 'HTTP status: 500', 'Partner Center error code: 3000', 'Request ID: req-123', 'Correlation ID: cor-456', 'GET /v1/customers/abc']) {
      assert.ok(tooltip.includes(expected), `${expected} in ${tooltip}`);
    }
    assert.equal(errorTooltip(new Error('plain')), 'plain');
  });
});
