// Server-side search in the customers view (partnerCenter.search with a string, clearSearch, reveal), inside the
// real extension host with the real client against the sandbox.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PartnerCenterApi } from '../../src/api/types';
import type { CustomersView } from '../../src/tree/customersView';
import { NOTABLE, SEARCH_PREFIXES, type SandboxCustomer, seedTenant } from '../sandbox/seed';
import { extensionExports } from './helpers/activation';
import { clearSandboxRequests, injectFault, resetSandbox, routeOf, sandboxRequests } from './helpers/sandbox';
import { useSettings } from './helpers/settings';
import { customerRow, isCustomer, isError, isLoadMore, renderAgain, rows, waitForRows } from './helpers/tree';
import { waitFor } from './helpers/waitFor';

const DEFAULT = 'default';

/** What the server should find: company name or domain starting with the prefix, case-insensitively. */
function expectedMatches(tenantId: string, prefix: string): SandboxCustomer[] {
  const folded = prefix.toLocaleLowerCase();
  return seedTenant(tenantId)!.customers.filter(
    (c) =>
      c.companyProfile.companyName.toLocaleLowerCase().startsWith(folded) ||
      (c.companyProfile.domain ?? '').toLocaleLowerCase().startsWith(folded),
  );
}

const idsOf = (customers: readonly SandboxCustomer[], tenantId = DEFAULT) => customers.map((c) => `${tenantId}/${c.id}`).sort();

describe('customer search', function () {
  let view: CustomersView;
  let client: PartnerCenterApi;

  before(async () => {
    const exports = await extensionExports();
    view = exports.customers;
    client = exports.client;
    await vscode.commands.executeCommand('partnerCenter.customers.focus');
  });

  beforeEach(async () => {
    await resetSandbox();
    await vscode.commands.executeCommand('partnerCenter.clearSearch');
    client.invalidate(DEFAULT);
    view.reset();
  });

  after(async () => {
    await vscode.commands.executeCommand('partnerCenter.clearSearch');
    await resetSandbox();
  });

  it('filters the view to the customers whose company name starts with the text, and says so', async () => {
    const prefix = SEARCH_PREFIXES.companyNarrow;
    const expected = expectedMatches(DEFAULT, prefix);
    assert.ok(expected.length > 1 && expected.length < 100, 'the seed has a one-page answer for this prefix');
    const count = await vscode.commands.executeCommand<number>('partnerCenter.search', prefix);
    assert.equal(count, expected.length);
    const shown = await rows(view);
    assert.ok(shown.every(isCustomer), 'only customers, no "Load more…"');
    assert.deepEqual(shown.map((r) => r.id).sort(), idsOf(expected));
    assert.equal(view.view.message, `Customers whose name or domain starts with "${prefix}": ${expected.length}`);
    assert.equal(view.searchText, prefix);
    // Both prefix searches went to the server: one by name, one by domain.
    const filters = (await sandboxRequests()).filter((r) => r.path.includes('filter=')).map((r) => decodeURIComponent(r.path));
    assert.ok(filters.some((p) => p.includes('"Field":"CompanyName"') && p.includes(`"Value":"${prefix}"`)), filters.join('\n'));
    assert.ok(filters.some((p) => p.includes('"Field":"Domain"')), filters.join('\n'));
  });

  it('finds customers by the beginning of their domain', async () => {
    const prefix = SEARCH_PREFIXES.domain;
    const expected = expectedMatches(DEFAULT, prefix);
    assert.ok(expected.length > 0);
    assert.ok(expected.every((c) => !c.companyProfile.companyName.toLowerCase().startsWith(prefix)), 'matched by domain only');
    assert.equal(await vscode.commands.executeCommand<number>('partnerCenter.search', prefix), expected.length);
    const shown = await rows(view);
    assert.deepEqual(shown.filter(isCustomer).map((r) => r.id).sort(), idsOf(expected));
    for (const row of shown.filter(isCustomer)) assert.ok(row.description?.toLowerCase().startsWith(prefix), row.description);
  });

  it('pages through search results with "Load more…" and says while more remain', async () => {
    const restore = await useSettings({ pageSize: 5 });
    try {
      const prefix = SEARCH_PREFIXES.company;
      const expected = expectedMatches(DEFAULT, prefix);
      assert.ok(expected.length > 10, 'several pages at 5 per page');
      await waitFor('the page size of 5 in effect', async () => ((await rows(view)).length === 6 ? true : undefined));
      const first = await vscode.commands.executeCommand<number>('partnerCenter.search', prefix);
      assert.ok(first > 0 && first < expected.length);
      assert.match(view.view.message ?? '', new RegExp(`starts with "${prefix}": ${first} loaded, more available`));
      for (let guard = 0; guard < 20; guard++) {
        const last = (await rows(view)).at(-1)!;
        if (!isLoadMore(last)) break;
        await vscode.commands.executeCommand('partnerCenter.loadMore', last.node);
      }
      const shown = await rows(view);
      assert.ok(shown.every(isCustomer), 'all pages loaded');
      const ids = shown.map((r) => r.id!);
      assert.equal(new Set(ids).size, ids.length, 'name and domain matches merged without duplicates');
      assert.deepEqual([...ids].sort(), idsOf(expected));
      assert.equal(view.view.message, `Customers whose name or domain starts with "${prefix}": ${expected.length}`);
    } finally {
      await restore();
    }
  });

  it('returns to the full list with its loaded pages when the search is cleared, without fetching them again', async () => {
    const top = await waitForRows(view, 'the first page', (r) => r.length === 101);
    await vscode.commands.executeCommand('partnerCenter.loadMore', top[100]!.node);
    const before = (await rows(view)).map((r) => r.id);
    assert.equal(before.length, 201);
    await vscode.commands.executeCommand('partnerCenter.search', 'Contoso Ltd');
    assert.notDeepEqual((await rows(view)).map((r) => r.id), before);
    await clearSandboxRequests();
    await vscode.commands.executeCommand('partnerCenter.clearSearch');
    assert.deepEqual((await rows(view)).map((r) => r.id), before);
    assert.equal(view.view.message, undefined);
    assert.equal(view.searchText, undefined);
    const listRequests = (await sandboxRequests()).filter((r) => routeOf(r).toLowerCase() === '/customers');
    assert.deepEqual(listRequests, [], 'the loaded pages were kept, not fetched again');
  });

  it('says so when nothing matches', async () => {
    assert.equal(await vscode.commands.executeCommand<number>('partnerCenter.search', 'zzzz-no-such-customer'), 0);
    const shown = await rows(view);
    assert.equal(shown.length, 1);
    assert.equal(shown[0]!.label, 'No customers whose name or domain starts with "zzzz-no-such-customer"');
    assert.equal(view.view.message, 'Customers whose name or domain starts with "zzzz-no-such-customer": 0');
  });

  it('shows a failed search as an error row with Retry, never the earlier results, and Retry shows the matches', async () => {
    const earlier = SEARCH_PREFIXES.companyNarrow;
    assert.ok(await vscode.commands.executeCommand<number>('partnerCenter.search', earlier), 'an earlier search found customers');
    const prefix = SEARCH_PREFIXES.domain;
    const expected = expectedMatches(DEFAULT, prefix);
    // Every filtered list request fails (after the client's retries); the unfiltered list and by-id routes still work.
    await injectFault({ path: '/customers?', pathRegex: 'filter=', tenant: DEFAULT, status: 500, times: 0 });

    assert.equal(await vscode.commands.executeCommand<number>('partnerCenter.search', prefix), 0);
    const failed = await rows(view);
    assert.equal(failed.length, 1, `only the error row, none of the "${earlier}" results: ${failed.map((r) => r.label).join(', ')}`);
    const error = failed[0]!;
    assert.ok(isError(error), `an error row: ${error.label}`);
    assert.ok(String(error.item.tooltip).includes('HTTP status: 500'), String(error.item.tooltip));
    assert.equal(error.description, 'Click to retry');
    assert.equal(error.item.command?.command, 'partnerCenter.refresh');
    assert.equal(view.searchText, prefix);
    assert.equal(view.view.message, `Customers whose name or domain starts with "${prefix}": the search failed (0 loaded)`);

    // The failure is kept: showing the view again sends nothing.
    await clearSandboxRequests();
    await renderAgain(view);
    assert.deepEqual(await sandboxRequests(), [], 'no request until Retry');

    await resetSandbox();
    await vscode.commands.executeCommand('partnerCenter.refresh', error.node);
    const recovered = await rows(view);
    assert.deepEqual(recovered.map((r) => r.id).sort(), idsOf(expected));
    assert.equal(view.view.message, `Customers whose name or domain starts with "${prefix}": ${expected.length}`);
  });

  it('searches again when the same text is searched after a failure', async () => {
    const prefix = SEARCH_PREFIXES.companyNarrow;
    await injectFault({ path: '/customers?', pathRegex: 'filter=', tenant: DEFAULT, status: 400, times: 0 });
    assert.equal(await vscode.commands.executeCommand<number>('partnerCenter.search', prefix), 0);
    assert.ok(isError((await rows(view))[0]!));
    await resetSandbox();
    assert.equal(await vscode.commands.executeCommand<number>('partnerCenter.search', prefix), expectedMatches(DEFAULT, prefix).length);
    assert.ok((await rows(view)).every(isCustomer));
  });

  it('finds a name that starts with markup and shows it verbatim', async () => {
    const markup = seedTenant(DEFAULT)!.customers.find((c) => c.id === NOTABLE.default.markup)!;
    const prefix = '<img src=x';
    assert.ok(await vscode.commands.executeCommand<number>('partnerCenter.search', prefix));
    assert.equal(customerRow(await rows(view), DEFAULT, markup.id).label, markup.companyProfile.companyName);
  });

  it('reveals a customer that is not loaded by filtering to the typed text (what picking it in the quick pick does)', async () => {
    const last = seedTenant(DEFAULT)!.customers.find((c) => c.id === NOTABLE.default.last)!;
    const top = await waitForRows(view, 'the first page', (r) => r.length === 101);
    assert.ok(!top.some((r) => r.id === `${DEFAULT}/${last.id}`), 'not on the first page');
    const typed = last.companyProfile.companyName.slice(0, 8);
    const revealed = await view.reveal(
      { tenantId: DEFAULT, customerId: last.id, companyName: last.companyProfile.companyName },
      { searchText: typed },
    );
    assert.equal(revealed, true);
    assert.equal(view.searchText, typed);
    await waitFor('the customer selected', () =>
      view.view.selection[0]?.getTreeItem().id === `${DEFAULT}/${last.id}` ? true : undefined,
    );
  });

  it('shows the matches under each tenant root when several tenants are configured', async () => {
    const restore = await useSettings({ tenants: [DEFAULT, 'fabrikam'] });
    try {
      const roots = await waitForRows(view, 'two tenant roots', (r) => r.length === 2 && r.every((x) => x.tokens.includes('tenant')));
      const prefix = 'Contoso Ltd';
      const expectedDefault = expectedMatches(DEFAULT, prefix);
      const expectedFabrikam = expectedMatches('fabrikam', prefix);
      const count = await vscode.commands.executeCommand<number>('partnerCenter.search', prefix);
      assert.equal(count, expectedDefault.length + expectedFabrikam.length);
      assert.deepEqual((await rows(view, roots[0]!.node)).map((r) => r.id).sort(), idsOf(expectedDefault));
      assert.deepEqual((await rows(view, roots[1]!.node)).map((r) => r.id).sort(), idsOf(expectedFabrikam, 'fabrikam'));
      assert.equal(view.view.message, `Customers whose name or domain starts with "${prefix}": ${count}`);
    } finally {
      await vscode.commands.executeCommand('partnerCenter.clearSearch');
      await restore();
    }
  });
});
