// Hostile customer data (test/support/hostilePayloads.ts) in every string field of fabrikam's customers, their
// profiles and addresses, served by the sandbox (its fault route answers with the hostile documents): the tree's
// labels, descriptions and tooltips, the billing webview, the JSON tab and the CSV all show it as text.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PartnerCenterExports } from '../../src/extension';
import { escapeMarkdown } from '../../src/presentation/escaping';
import { HOSTILE_PAYLOADS, hostileCopy } from '../support/hostilePayloads';
import { parseCsv } from '../support/csv';
import { extensionExports } from './helpers/activation';
import { recordNotifications } from './helpers/notifications';
import { injectFault, resetSandbox, sandboxUrl, servedBody } from './helpers/sandbox';
import { useSettings } from './helpers/settings';
import { isCustomer, rows } from './helpers/tree';
import { waitFor } from './helpers/waitFor';

const TENANT = 'fabrikam';
const PAGE_SIZE = 50;

/** Without lone surrogates and their replacement character: what survives every transport of a string. */
const withoutSurrogates = (text: string) => text.replace(/[\uD800-\uDFFF\uFFFD]/g, '');
/** What survives a UTF-8 or JSON round trip of a string (a lone surrogate becomes U+FFFD). */
const wellFormed = (text: string) => text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
/** How the tree and the page put a name on one line (whitespace runs become one space, ends trimmed). */
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

interface Hostile {
  readonly id: string;
  readonly payload: string;
  readonly body: Record<string, unknown>;
}

describe('hostile customer data shows as text everywhere', function () {
  this.timeout(180_000);
  let api: PartnerCenterExports;
  let restore: () => Promise<void>;
  let dir: string;
  const hostile: Hostile[] = [];

  before(async () => {
    api = await extensionExports();
    await resetSandbox();
    restore = await useSettings({ tenants: [TENANT], pageSize: PAGE_SIZE, cacheSeconds: 0 });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-hostile-'));
    const headers = { Accept: 'application/json', Authorization: `Bearer sandbox:${TENANT}` };
    const page = JSON.parse((await (await fetch(`${sandboxUrl()}/v1/customers?size=${PAGE_SIZE}`, { headers })).text()).replace(/^\uFEFF/, '')) as {
      items: { id: string }[];
    };
    assert.ok(page.items.length >= HOSTILE_PAYLOADS.length, 'fabrikam has a customer for every payload');
    const items = page.items.map((item, i) => (i < HOSTILE_PAYLOADS.length ? hostileCopy(item, HOSTILE_PAYLOADS[i]!) : item));
    await injectFault({ pathRegex: `^/v1/customers\\?size=${PAGE_SIZE}$`, tenant: TENANT, status: 200, body: { ...page, items }, times: 0 });
    for (const [i, payload] of HOSTILE_PAYLOADS.entries()) {
      const id = page.items[i]!.id;
      const body = hostileCopy(await servedBody(TENANT, id), payload);
      hostile.push({ id, payload, body });
      await injectFault({ path: `/v1/customers/${id}`, tenant: TENANT, status: 200, body, times: 0 });
    }
    // The settings change above made the visible view load fabrikam before the faults existed: no load may join it.
    api.client.invalidate(TENANT);
    await api.customers.clearSearch(); // a filter left by another file would show its matches, not the list
    api.customers.reset();
  });

  after(async () => {
    await resetSandbox();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    api.customers.reset();
    await restore();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it(`puts each of ${HOSTILE_PAYLOADS.length} payloads in the tree as plain labels and escaped, untrusted tooltips`, async () => {
    // The view's Refresh, as a user would after the data changed: the tree reloads past whatever it holds.
    await vscode.commands.executeCommand('partnerCenter.refresh');
    const list = (await rows(api.customers)).filter(isCustomer);
    for (const { id, payload } of hostile) {
      const row = list.find((r) => r.id === `${TENANT}/${id}`);
      assert.ok(row, `no row for the customer carrying ${JSON.stringify(payload.slice(0, 40))}`);
      assert.equal(typeof row.item.label, 'string', 'a label is plain text');
      assert.equal(oneLine(row.label), oneLine(payload));
      const tooltip = row.item.tooltip as vscode.MarkdownString;
      assert.ok(tooltip instanceof vscode.MarkdownString);
      assert.equal(tooltip.isTrusted, false);
      assert.equal(tooltip.supportHtml ?? false, false);
      assert.ok(tooltip.value.includes(escapeMarkdown(oneLine(payload))), `the tooltip does not escape ${JSON.stringify(payload.slice(0, 40))}`);
      const details = await rows(api.customers, row.node);
      for (const detail of details) {
        assert.equal(typeof detail.item.label, 'string');
        assert.ok(detail.description === undefined || typeof detail.item.description === 'string');
      }
    }
  });

  it('shows them as the text of the billing page, and as the JSON received in the JSON tab', async () => {
    for (const { id, payload, body } of hostile) {
      await vscode.commands.executeCommand('partnerCenter.openBillingDetails', { tenantId: TENANT, customerId: id });
      const panel = api.billing.get({ tenantId: TENANT, customerId: id });
      assert.ok(panel);
      const report = await waitFor('the billing page', () => (panel.lastRendered && panel.lastRendered.kind !== 'loading' ? panel.lastRendered : undefined));
      if (report.kind === 'data') {
        assert.ok(withoutSurrogates(oneLine(report.text)).includes(withoutSurrogates(oneLine(payload))), `the page does not show ${JSON.stringify(payload.slice(0, 40))} as text`);
      } else {
        // Only a value longer than the page accepts is refused, and that is said.
        assert.ok(payload.length > 1000, `an error for ${JSON.stringify(payload.slice(0, 40))}: ${report.text}`);
        assert.match(report.text, /\w{5}/);
      }
      const notifications = recordNotifications();
      await vscode.commands.executeCommand('partnerCenter.openCustomerJson', { tenantId: TENANT, customerId: id }).then(() => notifications.stop(), () => notifications.stop());
      const told = notifications.shown.map((n) => n.message).join(' | ');
      const editor = await waitFor(`the JSON tab of ${JSON.stringify(payload.slice(0, 40))} ${told}`, () => {
        const active = vscode.window.activeTextEditor;
        return active?.document.uri.scheme === 'partnercenter' && active.document.getText().includes(id) ? active : undefined;
      });
      assert.deepEqual(JSON.parse(editor.document.getText()), JSON.parse(JSON.stringify(body)));
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });

  it('writes them into the CSV as cells of text, formulas neutralised', async () => {
    const file = path.join(dir, 'hostile.csv');
    const notifications = recordNotifications();
    const written = await vscode.commands.executeCommand<number>('partnerCenter.exportCustomers', {
      tenantId: TENANT,
      includeBilling: true,
      uri: vscode.Uri.file(file),
    });
    notifications.stop();
    assert.ok(written && written >= hostile.length);
    assert.deepEqual(notifications.shown.filter((n) => n.severity !== 'information'), [], 'the export warned');
    const { records } = parseCsv(fs.readFileSync(file, 'utf8'));
    for (const { id, payload, body } of hostile) {
      const record = records.find((r) => r[0] === id);
      assert.ok(record, `no row for ${id}`);
      const expected = wellFormed(payload);
      const cell = /^[=+\-@\t\r]/.test(expected) ? `'${expected}` : expected;
      assert.equal(record[1], cell, 'company name');
      // A field the customer leaves null (the seed's sparse customers) stays empty: only strings carry a payload.
      const firstName = (body.billingProfile as { firstName?: string | null } | undefined)?.firstName;
      assert.equal(record[4], typeof firstName === 'string' ? cell : '', `billing first name in ${JSON.stringify(record).slice(0, 300)}`);
    }
  });
});
