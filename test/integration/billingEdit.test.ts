// Editing a billing profile inside the real VS Code, over real HTTP against the sandbox: a save round-trips every
// writable field and every view shows it with no extra request; a concurrent change is a conflict that writes
// nothing; a PUT whose answer is lost is sent once and read back; Partner Center's refusal of a field lands on
// that field in the panel; partnerCenter.allowEdits false removes Edit and refuses writes.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PartnerCenterExports } from '../../src/extension';
import type { BillingPanel } from '../../src/webview/billingPanel';
import type { RenderedReport } from '../../src/webview/protocol';
import { SandboxAdmin } from '../sandbox/adminClient';
import { NOTABLE, seedCustomer } from '../sandbox/seed';
import { extensionExports } from './helpers/activation';
import { typeAndSaveInPage } from './helpers/billingPage';
import { clearFaults, clearSandboxRequests, injectFault, resetSandbox, sandboxRequests, sandboxUrl, servedBody } from './helpers/sandbox';
import { useSettings } from './helpers/settings';
import { customerRow, rows, waitForRows } from './helpers/tree';
import { waitFor } from './helpers/waitFor';

const TENANT = 'default';
const admin = () => new SandboxAdmin(sandboxUrl());

/** Every writable field, in scripts and markup a billing contact may really have. */
const CHANGES = {
  firstName: 'Zoë',
  lastName: '山田',
  email: 'zoe.yamada@example.com',
  companyName: 'شركة <b>الخليج</b> للتقنية',
  defaultAddress: {
    addressLine1: `<img src=x onerror="alert(1)"> 1 rue de l'Église`,
    addressLine2: 'Bâtiment B',
    addressLine3: '３階',
    city: 'Zürich',
    state: 'ZH',
    region: 'Région',
    postalCode: '8001',
    country: 'CH',
    phoneNumber: '+41 44 000 00 00',
  },
};

type Profile = Record<string, unknown> & { defaultAddress: Record<string, unknown>; attributes: { etag: string } };

async function rendered(panel: BillingPanel, accept: (report: RenderedReport) => boolean, what: string): Promise<RenderedReport> {
  try {
    return await waitFor(`the billing page to render ${what}`, () => {
      const report = panel.lastRendered;
      return report && accept(report) ? report : undefined;
    });
  } catch (error) {
    // What the page showed instead says why.
    throw new Error(`${String(error)}; the page last rendered: ${JSON.stringify(panel.lastRendered)}`, { cause: error });
  }
}

const field = (report: RenderedReport, label: string) => report.fields.find((f) => f.label === label)?.value;

async function puts(customerId: string) {
  return (await sandboxRequests()).filter((r) => r.method === 'PUT' && r.path.toLowerCase().includes(customerId.toLowerCase()));
}

function update(customerId: string, changes: unknown, etag?: string): Thenable<Profile> {
  return vscode.commands.executeCommand<Profile>('partnerCenter.updateBillingProfile', { tenantId: TENANT, customerId, changes, etag });
}

describe('editing the billing profile', () => {
  let api: PartnerCenterExports;

  before(async () => {
    api = await extensionExports();
    await vscode.commands.executeCommand('partnerCenter.customers.focus');
    await vscode.commands.executeCommand('partnerCenter.clearSearch');
  });

  beforeEach(async () => {
    await resetSandbox();
    api.client.invalidate(TENANT);
    api.customers.reset();
  });

  afterEach(async () => {
    await clearFaults();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('saves every writable field as text (accents, CJK, RTL, markup); the tree, the panel and the JSON tab show it with no extra request; the next save uses the new etag', async () => {
    const customerId = NOTABLE.default.contoso;
    const top = await waitForRows(api.customers, 'the first page', (r) => r.length > 1);
    const customerNode = customerRow(top, TENANT, customerId).node;
    const billingNode = () => rows(api.customers, customerNode).then((children) => children.find((r) => r.tokens.includes('billingProfile'))!.node);
    await rows(api.customers, await billingNode());
    await vscode.commands.executeCommand('partnerCenter.openBillingDetails', { tenantId: TENANT, customerId });
    const panel = await waitFor('the billing panel', () => api.billing.get({ tenantId: TENANT, customerId }));
    await rendered(panel, (r) => r.kind === 'data' && r.canEdit, 'its data with Edit');
    await vscode.commands.executeCommand('partnerCenter.openCustomerJson', { tenantId: TENANT, customerId });
    const document = await waitFor('the JSON document', () =>
      vscode.workspace.textDocuments.find((d) => d.uri.scheme === 'partnercenter' && d.uri.path.includes(customerId)),
    );
    await clearSandboxRequests();

    const saved = await update(customerId, CHANGES);

    assert.equal(saved.firstName, CHANGES.firstName);
    assert.equal(saved.companyName, CHANGES.companyName);
    assert.deepEqual(
      Object.fromEntries(Object.keys(CHANGES.defaultAddress).map((key) => [key, saved.defaultAddress[key]])),
      CHANGES.defaultAddress,
    );
    const log = await sandboxRequests();
    assert.deepEqual(log.map((r) => r.method), ['PUT'], 'one PUT and nothing else: every view is served from its answer');
    const sent = log[0]!;
    assert.equal(sent.headers['if-match'], `"${seedCustomer(TENANT, customerId).billingProfile.attributes.etag}"`);

    // The JSON tab hides the panel (one editor group): shown again, its page is re-created from what the host has.
    await waitFor('the panel to hold the saved profile', () => (panel.customer?.value.billingProfile?.lastName === '山田' ? true : undefined));
    panel.panel.reveal();
    const report = await rendered(panel, (r) => field(r, 'Contact name') === 'Zoë 山田', 'the saved contact');
    assert.equal(field(report, 'Email'), CHANGES.email);
    assert.equal(field(report, 'Company'), CHANGES.companyName);
    assert.ok(field(report, 'Default address')?.includes(CHANGES.defaultAddress.addressLine1), 'the markup shows as text');
    await waitFor('the JSON tab to show the saved profile', () =>
      (JSON.parse(document.getText()) as { billingProfile: Profile }).billingProfile.lastName === '山田' ? true : undefined,
    );
    const billingRows = await rows(api.customers, await billingNode());
    const shown = billingRows.map((r) => `${r.label} ${r.description ?? ''}`).join('\n');
    for (const value of ['Zoë', '山田', CHANGES.email, CHANGES.companyName, 'Zürich']) assert.ok(shown.includes(value), `the tree lacks ${value}:\n${shown}`);
    assert.equal((await sandboxRequests()).length, 1, 'still only the PUT');

    const servedNow = (await servedBody(TENANT, customerId)).billingProfile as Profile;
    assert.equal(servedNow.defaultAddress.addressLine3, '３階');
    await update(customerId, { firstName: 'Zoé' });
    const second = (await puts(customerId)).at(-1)!;
    assert.equal(second.headers['if-match'], `"${saved.attributes.etag}"`, 'the second save sends the etag the first one got');
  });

  it('rejects a save over someone else\'s change (a conflict) and writes nothing', async () => {
    const customerId = NOTABLE.default.french;
    await api.client.getCustomer(TENANT, customerId);
    await admin().changeBillingProfile(TENANT, customerId, { lastName: 'Changed elsewhere' });
    await clearSandboxRequests();

    await assert.rejects(Promise.resolve(update(customerId, { firstName: 'Mine' })), /Conflict.*nothing was written/);

    assert.equal((await puts(customerId)).length, 1);
    const served = (await servedBody(TENANT, customerId)).billingProfile as Profile;
    assert.equal(served.lastName, 'Changed elsewhere');
    assert.notEqual(served.firstName, 'Mine');
  });

  it('a PUT whose connection drops after Partner Center applied it is read back and ends as saved; the PUT was sent once', async () => {
    const customerId = NOTABLE.default.japanese;
    await injectFault({ method: 'PUT', path: `/v1/customers/${customerId}/profiles/billing`, kind: 'drop', writeApplied: true });
    const saved = await update(customerId, { defaultAddress: { city: '大阪' } });
    assert.equal(saved.defaultAddress.city, '大阪');
    assert.equal((await puts(customerId)).length, 1);
  });

  it('a PUT whose connection drops before Partner Center applied it says nothing was written and may be retried; the PUT was sent once', async () => {
    const customerId = NOTABLE.default.chinese;
    await injectFault({ method: 'PUT', path: `/v1/customers/${customerId}/profiles/billing`, kind: 'drop' });
    await assert.rejects(Promise.resolve(update(customerId, { defaultAddress: { city: '上海' } })), /Not saved.*nothing was written.*save again/);
    assert.equal((await puts(customerId)).length, 1);
    assert.notEqual(((await servedBody(TENANT, customerId)).billingProfile as Profile).defaultAddress.city, '上海');
    const retried = await update(customerId, { defaultAddress: { city: '上海' } });
    assert.equal(retried.defaultAddress.city, '上海');
  });

  it('opens the panel in edit mode (partnerCenter.editBillingProfile); Partner Center\'s refusal of a field shows on that field and the edits stay', async () => {
    const customerId = NOTABLE.default.arabic;
    const refusal = "Invalid value for field 'email': this domain does not receive mail.";
    await injectFault({
      method: 'PUT',
      path: `/v1/customers/${customerId}/profiles/billing`,
      status: 400,
      body: { code: 2000, description: refusal, data: [], source: 'PartnerFD' },
    });
    await vscode.commands.executeCommand('partnerCenter.editBillingProfile', { tenantId: TENANT, customerId });
    const panel = await waitFor('the billing panel', () => api.billing.get({ tenantId: TENANT, customerId }));
    await rendered(panel, (r) => r.form !== undefined, 'the edit form');

    typeAndSaveInPage(panel, { email: 'billing@نطاق.example', city: 'الرياض' });

    const report = await rendered(panel, (r) => r.form?.find((f) => f.name === 'email')?.error.includes(refusal.replace(/\.$/, '')) === true, 'the refusal on the email field');
    assert.equal(report.form!.find((f) => f.name === 'email')!.value, 'billing@نطاق.example');
    assert.equal(report.form!.find((f) => f.name === 'city')!.value, 'الرياض');
    assert.deepEqual(report.form!.filter((f) => f.error !== '').map((f) => f.name), ['email']);
    assert.equal((await puts(customerId)).length, 1);
  });

  it('with partnerCenter.allowEdits false there is no Edit button and updateBillingProfile refuses, sending nothing', async () => {
    const customerId = NOTABLE.default.german;
    const restore = await useSettings({ allowEdits: false });
    try {
      await vscode.commands.executeCommand('partnerCenter.openBillingDetails', { tenantId: TENANT, customerId });
      const panel = await waitFor('the billing panel', () => api.billing.get({ tenantId: TENANT, customerId }));
      const report = await rendered(panel, (r) => r.kind === 'data', 'its data');
      assert.equal(report.canEdit, false);
      await clearSandboxRequests();
      await assert.rejects(Promise.resolve(update(customerId, { firstName: 'Nope' })), /turned off.*partnerCenter\.allowEdits/);
      assert.equal((await puts(customerId)).length, 0);
      await restore();
      await rendered(panel, (r) => r.kind === 'data' && r.canEdit, 'Edit again once edits are allowed');
    } finally {
      await restore();
    }
  });
});
