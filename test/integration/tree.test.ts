// The customers tree inside the real extension host, with the real client against the sandbox: what the
// user sees (labels, descriptions, tooltips, rows) and what reached the server (the sandbox's request log).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PartnerCenterApi } from '../../src/api/types';
import type { CustomersView } from '../../src/tree/customersView';
import type { TreeNode } from '../../src/tree/nodes/treeNode';
import { expectedRowDescription, hasNoRelationship } from '../support/rowDescription';
import { NOTABLE, type SandboxCustomer, seedCustomer, seedTenant } from '../sandbox/seed';
import { extensionExports } from './helpers/activation';
import { clearSandboxRequests, injectFault, resetSandbox, routeOf, sandboxRequests } from './helpers/sandbox';
import { useSettings } from './helpers/settings';
import { type Row, customerRow, isCustomer, isError, isLoadMore, renderAgain, rows, waitForRows } from './helpers/tree';
import { waitFor } from './helpers/waitFor';

const DEFAULT = 'default';
const seedDefault = () => seedTenant(DEFAULT)!.customers;
const nameOf = (customer: SandboxCustomer) => customer.companyProfile.companyName.trim();

/** The text a Markdown source shows once its backslash escapes are applied. */
const unescapeMarkdown = (value: string) => value.replace(/\\([!-/:-@[-`{-~])/g, '$1');

/** Requests for one customer (by id, its profiles included) since the log was last cleared. */
async function requestsFor(customerId: string) {
  return (await sandboxRequests()).filter((r) => routeOf(r).toLowerCase().startsWith(`/customers/${customerId}`));
}

const byLabel = (list: readonly Row[]) => Object.fromEntries(list.map((r) => [r.label, r.description]));

describe('customers tree', function () {
  let view: CustomersView;
  let client: PartnerCenterApi;

  /** The first page of `default` at the default page size (100) and its "Load more…" row. */
  const firstPage = () =>
    waitForRows(view, 'the first page of default', (r) => r.length === 101 && r.slice(0, 100).every(isCustomer) && isLoadMore(r[100]!));

  /** Expands a customer as the user does (VS Code asks for its children) and returns its rows. */
  async function expand(node: TreeNode): Promise<Row[]> {
    await view.view.reveal(node, { expand: true, select: false, focus: false });
    return rows(view, node);
  }

  before(async () => {
    const exports = await extensionExports();
    view = exports.customers;
    client = exports.client;
    await vscode.commands.executeCommand('partnerCenter.customers.focus');
    await vscode.commands.executeCommand('partnerCenter.clearSearch');
  });

  beforeEach(async () => {
    await resetSandbox();
    // Every test starts from page 1 with nothing cached.
    client.invalidate(DEFAULT);
    view.reset();
  });

  after(resetSandbox);

  it('shows the first page of the only tenant: names, domains, stable ids, then "Load more…" saying how many are loaded', async () => {
    const top = await firstPage();
    const seed = seedDefault().slice(0, 100);
    assert.deepEqual(top.slice(0, 100).map((r) => r.label), seed.map(nameOf));
    assert.deepEqual(top.slice(0, 100).map((r) => r.id), seed.map((c) => `${DEFAULT}/${c.id}`));
    for (const [index, customer] of seed.entries()) {
      const row = top[index]!;
      const domain = customer.companyProfile.domain;
      // A customer the partner has no relationship with any more is marked as such after its domain.
      assert.equal(row.description, expectedRowDescription(customer) || undefined, `description of ${row.label}`);
      const icon = hasNoRelationship(customer) ? 'circle-slash' : 'briefcase';
      assert.equal((row.item.iconPath as vscode.ThemeIcon).id, icon, `icon of ${row.label}`);
      assert.equal(row.tokens.includes('hasDomain'), domain !== undefined, `hasDomain of ${row.label}`);
      assert.equal(row.item.collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
      assert.ok(row.item.accessibilityInformation?.label.includes(row.label));
    }
    const loadMore = top[100]!;
    assert.equal(loadMore.label, 'Load more…');
    assert.equal(loadMore.description, '100 loaded');
    assert.equal(loadMore.item.command?.command, 'partnerCenter.loadMore');
  });

  it('shows markup in a company name verbatim as text, in the label and the (escaped, untrusted) tooltip', async () => {
    const top = await firstPage();
    for (const id of [NOTABLE.default.markup, NOTABLE.default.scriptName, NOTABLE.default.markdown, NOTABLE.default.boldName]) {
      const name = nameOf(seedCustomer(DEFAULT, id));
      const row = customerRow(top, DEFAULT, id);
      assert.equal(row.label, name);
      const tooltip = row.item.tooltip;
      assert.ok(tooltip instanceof vscode.MarkdownString, 'a Markdown tooltip');
      assert.notEqual(tooltip.isTrusted, true);
      assert.notEqual(tooltip.supportHtml, true);
      // Every Markdown/HTML-significant character of the data is backslash-escaped, so it renders as text.
      assert.ok(!/(^|[^\\])[<[`]/.test(tooltip.value.replace(/\*\*/g, '')), `unescaped markup in ${tooltip.value}`);
      assert.ok(unescapeMarkdown(tooltip.value).includes(name), `${name} in ${tooltip.value}`);
    }
  });

  it('expands a customer with exactly one request and shows its profiles and facts as seeded', async () => {
    const id = NOTABLE.default.contoso;
    const seed = seedCustomer(DEFAULT, id);
    const top = await firstPage();
    await clearSandboxRequests();
    const children = await expand(customerRow(top, DEFAULT, id).node);

    const requests = await requestsFor(id);
    assert.deepEqual(requests.map(routeOf), [`/customers/${id}`], 'one GET /v1/customers/{id}, nothing else for it');
    assert.deepEqual(
      children.map((r) => [r.label, r.description]),
      [
        ['Company profile', undefined],
        ['Billing profile', undefined],
        ['Relationship', 'Reseller'],
        ['Delegated admin', 'Yes'],
        ['Custom domains (2)', undefined],
        ['Commerce ID', seed.commerceId],
      ],
    );
    assert.deepEqual(children.map((r) => r.id), ['company', 'billing', 'relationship', 'delegatedAdmin', 'domains', 'commerceId'].map((k) => `${DEFAULT}/${id}/${k}`));
    assert.ok(children[0]!.tokens.includes('companyProfile'));
    assert.ok(children[1]!.tokens.includes('billingProfile'));

    const company = byLabel(await rows(view, children[0]!.node));
    const address = seed.companyProfile.address!;
    assert.equal(company['Company name'], 'Contoso Ltd');
    assert.equal(company.Domain, seed.companyProfile.domain);
    assert.equal(company.Email, seed.companyProfile.email);
    // Trailing space and lower-case region as received; one line.
    assert.equal(company.Address, `${address.addressLine1}, Redmond, wa 98052, ${address.country}`);

    const billingSeed = seed.billingProfile;
    const billing = byLabel(await rows(view, children[1]!.node));
    assert.equal(billing.Contact, `${billingSeed.firstName} ${billingSeed.lastName}`);
    assert.equal(billing.Email, billingSeed.email);
    assert.equal(billing.Culture, billingSeed.culture);
    assert.equal(billing.Language, billingSeed.language);

    const domains = await rows(view, children[4]!.node);
    assert.deepEqual(domains.map((r) => r.label), ['contoso.com', 'contoso.net']);
    assert.ok(domains.every((r) => r.tokens.includes('property') && r.tokens.includes('hasValue')));
    assert.equal((await requestsFor(id)).length, 1, 'opening the profiles sent nothing more');
  });

  it('shows a schema failure of one customer as an error row kept until retried, while its siblings expand', async () => {
    const failing = NOTABLE.default.french;
    const sibling = NOTABLE.default.japanese;
    await injectFault({ path: `/v1/customers/${failing}`, tenant: DEFAULT, kind: 'schema', field: 'id', value: 42, times: 0 });
    const top = await firstPage();
    await clearSandboxRequests();

    const failed = await expand(customerRow(top, DEFAULT, failing).node);
    assert.equal(failed.length, 1);
    const error = failed[0]!;
    assert.ok(isError(error), 'an error row');
    assert.match(error.label, /\bid\b/, 'the message names the field');
    assert.ok(String(error.item.tooltip).includes('Request ID'), 'the tooltip carries the request id');
    assert.equal(error.item.command?.command, 'partnerCenter.refresh');
    assert.equal(error.description, 'Click to retry');

    const siblingRows = await expand(customerRow(top, DEFAULT, sibling).node);
    assert.equal(siblingRows[0]?.label, 'Company profile', 'a sibling still expands');
    assert.equal((await rows(view)).filter(isCustomer).length, 100, 'the list is intact');

    // Looking again (a re-render, a re-expansion) does not send the failing request again.
    const sent = (await requestsFor(failing)).length;
    assert.equal(sent, 1);
    await rows(view, customerRow(top, DEFAULT, failing).node);
    await renderAgain(view, { tenantId: DEFAULT, customerId: failing });
    assert.equal((await requestsFor(failing)).length, sent, 'the failure is cached until retried');

    // Clicking the error row retries, and the customer shows once the server answers properly.
    await resetSandbox();
    await vscode.commands.executeCommand('partnerCenter.refresh', error.node);
    const recovered = await rows(view, customerRow(top, DEFAULT, failing).node);
    assert.equal(recovered[0]?.label, 'Company profile');
    assert.equal((await requestsFor(failing)).length, 1, 'one request for the retry');
  });

  it('shows a list item that breaks the schema as an error row in its place, its siblings and paging intact, until Retry', async () => {
    const seed = seedDefault();
    const broken = seed[3]!;
    // Only the first page (later pages add `seekOperation`), for as long as the test wants.
    await injectFault({ pathRegex: '^/v1/customers\\?size=100$', tenant: DEFAULT, kind: 'schema', field: 'items[3].companyProfile', value: 42, times: 0 });
    const top = await waitForRows(view, 'the first page with one error row', (r) => r.length === 101 && isError(r[3]!) && isLoadMore(r[100]!));
    const error = top[3]!;
    assert.equal(error.id, `${DEFAULT}/#invalid/id:${broken.id}`);
    assert.match(error.label, /items\[3\]\.companyProfile: .*expected object/, 'the message names the field path');
    assert.ok(error.label.includes(broken.id), 'and the customer id, which was readable');
    assert.ok(String(error.item.tooltip).includes('Request ID'), 'the tooltip carries the request id');
    assert.equal(error.item.command?.command, 'partnerCenter.refresh');
    assert.deepEqual(
      top.filter(isCustomer).map((r) => r.id),
      seed.slice(0, 100).filter((c) => c !== broken).map((c) => `${DEFAULT}/${c.id}`),
      'its 99 siblings, in order',
    );
    assert.equal(top[100]!.description, '100 loaded', 'every row counts, the unreadable one too');
    assert.match(String(top[100]!.item.tooltip), /1 of them could not be read/);
    assert.equal((await expand(top[4]!.node))[0]?.label, 'Company profile', 'a sibling expands');

    await vscode.commands.executeCommand('partnerCenter.loadMore', top[100]!.node);
    const twoPages = await rows(view);
    assert.equal(twoPages.filter(isCustomer).length, 199);
    assert.ok(isError(twoPages[3]!), 'still in its place');
    assert.equal(twoPages[200]!.description, '200 loaded');

    // Kept: a re-render sends nothing. Retry reloads the tenant's pages past the cache.
    await clearSandboxRequests();
    await renderAgain(view);
    assert.deepEqual(await sandboxRequests(), [], 'looking again sends nothing');
    await resetSandbox();
    await vscode.commands.executeCommand('partnerCenter.refresh', twoPages[3]!.node);
    const recovered = await rows(view);
    assert.deepEqual(recovered.slice(0, 200).map((r) => r.id), seed.slice(0, 200).map((c) => `${DEFAULT}/${c.id}`));
    assert.equal(recovered[200]!.description, '200 loaded');
    const listRequests = (await sandboxRequests()).filter((r) => routeOf(r).toLowerCase() === '/customers');
    assert.equal(listRequests.length, 2, 'the two loaded pages, fetched again');
  });

  it('shows a server error (500, after the client\'s retries) with status and request id, and recovers on retry', async () => {
    const failing = NOTABLE.default.cyrillic;
    await injectFault({ path: `/v1/customers/${failing}`, tenant: DEFAULT, status: 500, times: 0 });
    const top = await firstPage();
    const failed = await expand(customerRow(top, DEFAULT, failing).node);
    assert.ok(isError(failed[0]!));
    const tooltip = String(failed[0]!.item.tooltip);
    assert.ok(tooltip.includes('HTTP status: 500'), tooltip);
    assert.ok(tooltip.includes('Request ID'), tooltip);
    await resetSandbox();
    await vscode.commands.executeCommand('partnerCenter.refresh', failed[0]!.node);
    const recovered = await rows(view, customerRow(top, DEFAULT, failing).node);
    assert.deepEqual(recovered.slice(2, 4).map((r) => r.description), ['None', 'No']);
  });

  it('shows a failed refresh of one customer as an error row kept until Retry, its siblings untouched, and Retry shows it', async () => {
    const failing = NOTABLE.default.german;
    const sibling = NOTABLE.default.contoso;
    const top = await firstPage();
    const before = (await expand(customerRow(top, DEFAULT, failing).node)).map((r) => r.label);
    assert.equal(before[0], 'Company profile');
    const siblingBefore = (await expand(customerRow(top, DEFAULT, sibling).node)).map((r) => [r.label, r.description]);
    await injectFault({ path: `/v1/customers/${failing}`, tenant: DEFAULT, status: 500, times: 0 });
    await clearSandboxRequests();

    await vscode.commands.executeCommand('partnerCenter.refresh', customerRow(top, DEFAULT, failing).node);
    const failed = await rows(view, customerRow(await rows(view), DEFAULT, failing).node);
    assert.equal(failed.length, 1, `only an error row under the customer: ${failed.map((r) => r.label).join(', ')}`);
    const error = failed[0]!;
    assert.ok(isError(error), `an error row: ${error.label}`);
    assert.ok(String(error.item.tooltip).includes('HTTP status: 500'), String(error.item.tooltip));
    assert.equal(error.description, 'Click to retry');
    assert.equal(error.item.command?.command, 'partnerCenter.refresh');

    // The rest of the tree is as it was: the same rows, the customer's own row, the expanded sibling.
    const after = await rows(view);
    assert.deepEqual(after.map((r) => r.id), top.map((r) => r.id));
    assert.equal(customerRow(after, DEFAULT, failing).label, nameOf(seedCustomer(DEFAULT, failing)));
    assert.deepEqual((await rows(view, customerRow(after, DEFAULT, sibling).node)).map((r) => [r.label, r.description]), siblingBefore);
    const sent = await sandboxRequests();
    assert.ok(sent.length > 0 && sent.every((r) => routeOf(r) === `/customers/${failing}`), sent.map(routeOf).join('\n'));

    // Kept until Retry: a re-render of the whole view and of the customer sends nothing.
    assert.ok(isError((await renderAgain(view, { tenantId: DEFAULT, customerId: failing }))[0]!));
    assert.equal((await sandboxRequests()).length, sent.length, 'the failure is cached until retried');

    await resetSandbox();
    await vscode.commands.executeCommand('partnerCenter.refresh', error.node);
    const recovered = await rows(view, customerRow(await rows(view), DEFAULT, failing).node);
    assert.deepEqual(recovered.map((r) => r.label), before);
    assert.equal((await requestsFor(failing)).length, 1, 'one request for the retry');
  });

  it('shows a failed page as an error row after the customers already loaded, and Retry loads it', async () => {
    const top = await firstPage();
    await injectFault({ path: '/v1/customers', tenant: DEFAULT, pathRegex: 'seekOperation|continuation', status: 400, times: 1 });
    await vscode.commands.executeCommand('partnerCenter.loadMore', top[100]!.node);
    const afterFailure = await rows(view);
    assert.equal(afterFailure.filter(isCustomer).length, 100, 'the loaded customers stay');
    const error = afterFailure[100]!;
    assert.ok(isError(error), `an error row instead of Load more: ${error.label}`);
    await vscode.commands.executeCommand('partnerCenter.refresh', error.node);
    const recovered = await rows(view);
    assert.equal(recovered.filter(isCustomer).length, 200);
    assert.equal(recovered[200]!.description, '200 loaded');
  });

  it('refreshes one customer with one request, keeping the loaded pages', async () => {
    const top = await firstPage();
    await vscode.commands.executeCommand('partnerCenter.loadMore', top[100]!.node);
    const twoPages = await rows(view);
    assert.equal(twoPages.filter(isCustomer).length, 200);
    const secondPageCustomer = twoPages[150]!;
    await expand(secondPageCustomer.node);
    await clearSandboxRequests();

    await vscode.commands.executeCommand('partnerCenter.refresh', secondPageCustomer.node);
    const customerId = secondPageCustomer.id!.split('/')[1]!;
    assert.equal((await requestsFor(customerId)).length, 1, 'that customer fetched again, once');
    const listRequests = (await sandboxRequests()).filter((r) => routeOf(r).toLowerCase() === '/customers');
    assert.deepEqual(listRequests, [], 'no page fetched again');
    const after = await rows(view);
    assert.equal(after.filter(isCustomer).length, 200, 'both pages are still there');
    assert.equal(after[200]!.description, '200 loaded');
  });

  it('reloads everything on the view\'s Refresh: the same pages again, same ids', async () => {
    const top = await firstPage();
    await vscode.commands.executeCommand('partnerCenter.loadMore', top[100]!.node);
    const before = (await rows(view)).map((r) => r.id);
    await clearSandboxRequests();
    await vscode.commands.executeCommand('partnerCenter.refresh');
    const listRequests = (await sandboxRequests()).filter((r) => routeOf(r).toLowerCase() === '/customers');
    assert.equal(listRequests.length, 2, 'both loaded pages fetched again (nothing served from the cache)');
    assert.deepEqual((await rows(view)).map((r) => r.id), before);
  });

  it('pages with "Load more…" to the last customer of the big tenant: none lost, none duplicated, the first new one selected', async () => {
    const restore = await useSettings({ pageSize: 500 });
    try {
      const seed = seedDefault();
      let current = await waitForRows(view, 'a first page of 500', (r) => r.length === 501 && isLoadMore(r[500]!));
      assert.equal(current[500]!.description, '500 loaded');
      const added = await vscode.commands.executeCommand<number>('partnerCenter.loadMore', current[500]!.node);
      assert.equal(added, 500);
      await waitFor('the first new customer selected', () =>
        view.view.selection[0] && rowsId(view.view.selection[0]) === `${DEFAULT}/${seed[500]!.id}` ? true : undefined,
      );
      current = await rows(view);
      assert.equal(current[1000]!.description, '1000 loaded');
      assert.equal(await vscode.commands.executeCommand<number>('partnerCenter.loadMore', current[1000]!.node), seed.length - 1000);
      current = await rows(view);
      assert.ok(current.every(isCustomer), 'no "Load more…" after the last page');
      const ids = current.map((r) => r.id);
      assert.equal(new Set(ids).size, ids.length, 'no duplicates');
      assert.deepEqual(ids, seed.map((c) => `${DEFAULT}/${c.id}`), 'every seeded customer, in order');
      assert.equal(ids.at(-1), `${DEFAULT}/${NOTABLE.default.last}`);
    } finally {
      await restore();
    }
  });

  it('shows one root per tenant when two are configured, labelled with the tenant and the cloud', async () => {
    const restore = await useSettings({ tenants: [DEFAULT, 'fabrikam'] });
    try {
      const roots = await waitForRows(view, 'two tenant roots', (r) => r.length === 2 && r.every((x) => x.tokens.includes('tenant')));
      assert.deepEqual(roots.map((r) => [r.label, r.description, r.id]), [
        [DEFAULT, 'Local sandbox', DEFAULT],
        ['fabrikam', 'Local sandbox', 'fabrikam'],
      ]);
      assert.equal(roots[0]!.item.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
      const fabrikam = await rows(view, roots[1]!.node);
      assert.deepEqual(fabrikam.map((r) => r.label), seedTenant('fabrikam')!.customers.map(nameOf));
      assert.ok(fabrikam.every(isCustomer), 'all 24 on one page: no "Load more…"');
      const contoso = await rows(view, roots[0]!.node);
      assert.equal(contoso.length, 101);
      // The customer both partners serve appears under each, with distinct ids.
      customerRow(contoso, DEFAULT, NOTABLE.fabrikam.shared);
      customerRow(fabrikam, 'fabrikam', NOTABLE.fabrikam.shared);
    } finally {
      await restore();
    }
    await waitForRows(view, 'back to one tenant', (r) => r.length === 101);
  });

  it('reloads only its own tenant on a tenant root\'s Refresh when two are configured', async () => {
    const restore = await useSettings({ tenants: [DEFAULT, 'fabrikam'] });
    try {
      const roots = await waitForRows(view, 'two tenant roots', (r) => r.length === 2 && r.every((x) => x.tokens.includes('tenant')));
      const [contosoRoot, fabrikamRoot] = [roots[0]!.node, roots[1]!.node];
      const contoso = await rows(view, contosoRoot);
      const fabrikam = await rows(view, fabrikamRoot);
      // An expanded customer under each root: the shared one, with the same customer id in both tenants.
      await expand(customerRow(contoso, DEFAULT, NOTABLE.fabrikam.shared).node);
      await expand(customerRow(fabrikam, 'fabrikam', NOTABLE.fabrikam.shared).node);
      await clearSandboxRequests();

      await vscode.commands.executeCommand('partnerCenter.refresh', fabrikamRoot);
      // Everything on screen renders again, as VS Code does after a change.
      const fabrikamAfter = await rows(view, fabrikamRoot);
      assert.equal((await rows(view, customerRow(fabrikamAfter, 'fabrikam', NOTABLE.fabrikam.shared).node))[0]?.label, 'Company profile');
      const contosoAfter = await rows(view, contosoRoot);
      assert.equal((await rows(view, customerRow(contosoAfter, DEFAULT, NOTABLE.fabrikam.shared).node))[0]?.label, 'Company profile');

      const requests = await sandboxRequests();
      const byTenant = (tenant: string) => requests.filter((r) => r.tenant === tenant).map(routeOf);
      assert.deepEqual(byTenant(DEFAULT), [], 'nothing of the other tenant was fetched again');
      assert.deepEqual(byTenant('fabrikam').sort(), ['/customers', `/customers/${NOTABLE.fabrikam.shared}`].sort(), 'its list and its expanded customer');
      assert.equal(requests.length, 2, requests.map((r) => `${r.tenant} ${r.path}`).join('\n'));
      assert.deepEqual(fabrikamAfter.map((r) => r.id), fabrikam.map((r) => r.id));
      assert.deepEqual(contosoAfter.map((r) => r.id), contoso.map((r) => r.id));
    } finally {
      await restore();
    }
    await waitForRows(view, 'back to one tenant', (r) => r.length === 101);
  });

  it('says "No customers" for a tenant without any', async () => {
    const restore = await useSettings({ tenants: ['empty'] });
    try {
      const top = await waitForRows(view, 'the empty tenant', (r) => r.length === 1 && !isCustomer(r[0]!) && !r[0]!.tokens.includes('tenant'));
      assert.equal(top[0]!.label, 'No customers');
    } finally {
      await restore();
    }
  });

  it('shows nothing but the problems in the view message while the settings are invalid, and comes back when fixed', async () => {
    const restore = await useSettings({ localEndpoint: 'http://partner.example.com:7071' });
    try {
      assert.deepEqual(await rows(view), [], 'empty, so the welcome view shows');
      assert.match(view.view.message ?? '', /partnerCenter\.localEndpoint/);
      assert.match(view.view.message ?? '', /not a loopback address/);
    } finally {
      await restore();
    }
    await firstPage();
    assert.equal(view.view.message, undefined);
  });

  it('copies a customer\'s id, domain and any value to the clipboard and returns it', async () => {
    const top = await firstPage();
    const id = NOTABLE.default.contoso;
    const seed = seedCustomer(DEFAULT, id);
    const node = customerRow(top, DEFAULT, id).node;

    assert.equal(await vscode.commands.executeCommand('partnerCenter.copyCustomerId', node), id);
    assert.equal(await vscode.env.clipboard.readText(), id);

    assert.equal(await vscode.commands.executeCommand('partnerCenter.copyDomain', node), seed.companyProfile.domain);
    assert.equal(await vscode.env.clipboard.readText(), seed.companyProfile.domain);

    const french = seedCustomer(DEFAULT, NOTABLE.default.french);
    assert.equal(await vscode.commands.executeCommand('partnerCenter.copyDomain', { customerId: french.id }), french.companyProfile.domain);
    assert.equal(await vscode.env.clipboard.readText(), french.companyProfile.domain);
    assert.equal(await vscode.commands.executeCommand('partnerCenter.copyCustomerId', { tenantId: DEFAULT, customerId: french.id }), french.id);

    const company = (await expand(node))[0]!;
    const email = (await rows(view, company.node)).find((r) => r.label === 'Email')!;
    assert.equal(await vscode.commands.executeCommand('partnerCenter.copyValue', email.node), seed.companyProfile.email);
    assert.equal(await vscode.env.clipboard.readText(), seed.companyProfile.email);

    // A tenant that is not configured: refused, the clipboard keeps what it had.
    assert.equal(await vscode.commands.executeCommand('partnerCenter.copyCustomerId', { tenantId: 'nope', customerId: 'x' }), undefined);
    assert.equal(await vscode.env.clipboard.readText(), seed.companyProfile.email);
  });

  it('keeps using the shared client: expanded details serve later readers from its cache', async () => {
    const id = NOTABLE.default.german;
    const top = await firstPage();
    await expand(customerRow(top, DEFAULT, id).node);
    const cached = client.peekCustomer(DEFAULT, id);
    assert.ok(cached, 'the customer fetched for the tree is in the client cache');
    assert.equal(cached.value.companyProfile?.companyName, nameOf(seedCustomer(DEFAULT, id)));
  });
});

/** The id of a selected node (selection holds the nodes; their items carry the id). */
function rowsId(node: TreeNode): string | undefined {
  return node.getTreeItem().id;
}
