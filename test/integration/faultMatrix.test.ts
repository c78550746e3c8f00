// The fault matrix: every fault the sandbox can inject (a row of FAULTS) against every surface a user reaches
// Partner Center through (a column of SURFACES), inside the real extension host. For each cell: a transient
// fault is recovered from (the user sees the data); any other fault shows a message naming what failed, and the
// surface's own way to retry works once the fault is gone; no token in any message, no unhandled rejection, no
// `.partial` file beside an export. The matrix is printed with each cell's outcome. A new fault or surface is a row.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PartnerCenterExports } from '../../src/extension';
import type { BillingPanel } from '../../src/webview/billingPanel';
import { NOTABLE, seedTenant } from '../sandbox/seed';
import { extensionExports } from './helpers/activation';
import { clickInPage } from './helpers/billingPage';
import { type Notification, recordNotifications } from './helpers/notifications';
import { catchQuickPicks } from './helpers/quickPicks';
import { type FaultRequest, clearFaults, injectFault, resetSandbox, sandboxUrl } from './helpers/sandbox';
import { useSettings } from './helpers/settings';
import { type Row, customerRow, isCustomer, isError, isLoadMore, rows } from './helpers/tree';
import { waitFor } from './helpers/waitFor';

const TENANT = 'fabrikam';
const PAGE_SIZE = 10;
const CUSTOMERS = seedTenant(TENANT)!.customers;
const CUSTOMER = CUSTOMERS.find((c) => c.id === NOTABLE.fabrikam.french)!;
/** A prefix with a one-page answer in fabrikam. */
const SEARCH_PREFIX = CUSTOMER.companyProfile.companyName.slice(0, 4);
/** Short enough that a cell costs about a second; the "slower than the timeout" fault is longer than this. */
const TIMINGS = { timeoutMs: 1000, retryBaseMs: 20, maxThrottleWaitMs: 5000 };

/** What a user sees after acting on a surface. */
interface Seen {
  readonly outcome: 'data' | 'error';
  /** What the message says (error), or what the data is (data), in a few words. */
  readonly detail: string;
  /** The surface's own way to try again (a Retry row or button, the command once more). */
  readonly retry?: () => Promise<Seen>;
}

/** What a cell may expect of a fault: recovery, a clear failure, or either (the data does without what broke). */
type Expectation = 'recovers' | 'fails' | 'tolerates';

interface Surface {
  readonly name: string;
  /** The requests a fault on this surface catches (matched against path+query as received). */
  readonly target: string;
  /** The requests for a next page, where the surface pages: the paging faults apply there only. */
  readonly nextPage?: string;
  /** Fields of the body this surface reads, for the schema faults. */
  readonly fields: { readonly id: string; readonly object: string };
  /** Does what the user does and reports what they see. */
  run(context: CellContext): Promise<Seen>;
}

interface CellContext {
  readonly api: PartnerCenterExports;
  readonly notifications: Notification[];
  readonly dir: string;
}

interface Fault {
  readonly name: string;
  readonly expect: Expectation;
  /** Applies to the next-page requests only (paging faults). */
  readonly paging?: boolean;
  /** After the fault is gone, the surface's retry must show the data (false: the fault outlives the test's patience). */
  readonly retryable?: boolean;
  spec(surface: Surface): Promise<Omit<FaultRequest, 'path' | 'pathRegex'>> | Omit<FaultRequest, 'path' | 'pathRegex'>;
}

const BY_ID = `^/v1/customers/${CUSTOMER.id}$`;
const LIST_FIRST = `^/v1/customers\\?size=${PAGE_SIZE}$`;
const NEXT_PAGE = '[?&]seekOperation=Next';

/** The real second page of fabrikam, read past the client, made to name itself as its next page: a loop. */
async function loopingPage(): Promise<unknown> {
  const headers = { Accept: 'application/json', Authorization: `Bearer sandbox:${TENANT}` };
  const read = async (uri: string, extra: Record<string, string> = {}) =>
    JSON.parse((await (await fetch(new URL(uri, sandboxUrl()), { headers: { ...headers, ...extra } })).text()).replace(/^\uFEFF/, '')) as {
      links: { next?: { uri: string; headers?: { key: string; value: string }[] } };
      continuationToken?: string;
    };
  const first = await read(`/v1/customers?size=${PAGE_SIZE}`);
  const next = first.links.next!;
  const second = await read(next.uri, { 'MS-ContinuationToken': first.continuationToken ?? '' });
  const loop = { uri: second.links.next!.uri, headers: [{ key: 'MS-ContinuationToken', value: 'the-same-page-again' }] };
  return { ...second, continuationToken: 'the-same-page-again', links: { ...second.links, next: loop } };
}

const retryAfter = (value: string) => ({ status: 429, headers: { 'Retry-After': value }, times: 1 });

const FAULTS: readonly Fault[] = [
  { name: '429 Retry-After: 1 (seconds)', expect: 'recovers', spec: () => retryAfter('1') },
  { name: '429 Retry-After: HTTP date', expect: 'recovers', spec: () => retryAfter(new Date(Date.now() + 2000).toUTCString()) },
  { name: '429 Retry-After in the past', expect: 'recovers', spec: () => retryAfter(new Date(Date.now() - 3_600_000).toUTCString()) },
  { name: '429 without Retry-After', expect: 'recovers', spec: () => ({ status: 429, headers: {}, times: 1 }) },
  { name: '429 Retry-After: 100000 (huge)', expect: 'fails', retryable: false, spec: () => retryAfter('100000') },
  { name: '500 once', expect: 'recovers', spec: () => ({ status: 500, times: 1 }) },
  { name: '502 once', expect: 'recovers', spec: () => ({ status: 502, times: 1 }) },
  { name: '503 once', expect: 'recovers', spec: () => ({ status: 503, times: 1 }) },
  { name: '504 once', expect: 'recovers', spec: () => ({ status: 504, times: 1 }) },
  { name: '503 on every attempt', expect: 'fails', spec: () => ({ status: 503, times: 0 }) },
  { name: 'connection reset once', expect: 'recovers', spec: () => ({ kind: 'drop', times: 1 }) },
  { name: 'slower than the timeout once', expect: 'recovers', spec: () => ({ delayMs: TIMINGS.timeoutMs + 1000, times: 1 }) },
  { name: 'malformed JSON', expect: 'fails', spec: () => ({ kind: 'malformed', times: 0 }) },
  { name: 'byte-order mark', expect: 'recovers', spec: () => ({ kind: 'bom', times: 0 }) },
  { name: 'schema: id missing', expect: 'fails', spec: (s) => ({ kind: 'schema', field: s.fields.id, value: undefined, times: 0 }) },
  { name: 'schema: wrong type', expect: 'fails', spec: (s) => ({ kind: 'schema', field: s.fields.id, value: 42, times: 0 }) },
  { name: 'schema: null for an object', expect: 'tolerates', spec: (s) => ({ kind: 'schema', field: s.fields.object, value: null, times: 0 }) },
  { name: '401 once (expired token)', expect: 'recovers', spec: () => ({ status: 401, times: 1 }) },
  { name: '401 always', expect: 'fails', spec: () => ({ status: 401, times: 0 }) },
  { name: '403', expect: 'fails', spec: () => ({ status: 403, times: 0 }) },
  { name: '404', expect: 'fails', spec: () => ({ status: 404, times: 0 }) },
  {
    name: '400 code 2000 (token exhausted)',
    expect: 'fails',
    paging: true,
    spec: () => ({
      status: 400,
      body: { code: 2000, description: 'Continuation token is invalid or has expired.', data: [], source: 'PartnerFD' },
      times: 0,
    }),
  },
  { name: 'paging loop', expect: 'fails', paging: true, spec: async () => ({ status: 200, body: await loopingPage(), times: 0 }) },
  { name: 'empty 200', expect: 'fails', spec: () => ({ kind: 'malformed', status: 200, body: '', times: 0 }) },
];

/** Rows with an error among them are an error the user sees; its Retry is the row's own command. */
function seenInRows(view: PartnerCenterExports['customers'], list: readonly Row[], data: () => Seen): Seen {
  const error = list.find(isError);
  if (!error) return data();
  return {
    outcome: 'error',
    detail: `${error.label} — ${error.description ?? ''}`,
    retry: async () => {
      const command = error.item.command;
      assert.ok(command, `the error row "${error.label}" has no Retry command`);
      await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
      return { outcome: (await rows(view)).some(isError) ? 'error' : 'data', detail: 'after Retry' };
    },
  };
}

/** The last error or warning notification since the cell started, as what the user sees. */
function notified(notifications: readonly Notification[]): Notification | undefined {
  return [...notifications].reverse().find((n) => n.severity !== 'information');
}

async function treeRoots(api: PartnerCenterExports): Promise<Row[]> {
  api.customers.reset();
  return rows(api.customers);
}

function customersShown(list: readonly Row[]): string {
  return `${list.filter(isCustomer).length} customers`;
}

/** Loads more until there is no Load more row left (or an error row takes its place); at most a few pages. */
async function loadAll(api: PartnerCenterExports): Promise<Row[]> {
  let list = await rows(api.customers);
  for (let page = 0; page < 6; page++) {
    const more = list.find(isLoadMore);
    if (!more || list.some(isError)) break;
    await vscode.commands.executeCommand('partnerCenter.loadMore', more.node);
    list = await rows(api.customers);
  }
  return list;
}

function billingRender(panel: BillingPanel, afterRevision: number): Promise<{ kind: string; text: string; revision: number }> {
  return waitFor('the billing page to show data or an error', () => {
    const report = panel.lastRendered;
    return report && report.revision > afterRevision && report.kind !== 'loading' ? report : undefined;
  });
}

function billingSeen(panel: BillingPanel, report: { kind: string; text: string; revision: number }): Seen {
  if (report.kind === 'data') return { outcome: 'data', detail: 'billing contact shown' };
  return {
    outcome: 'error',
    detail: report.text,
    retry: async () => {
      clickInPage(panel, 'refresh');
      const next = await billingRender(panel, report.revision);
      return { outcome: next.kind === 'data' ? 'data' : 'error', detail: next.text };
    },
  };
}

/** The customer JSON tab showing the customer, if one is active. */
function activeJson(): vscode.TextEditor | undefined {
  const editor = vscode.window.activeTextEditor;
  return editor?.document.uri.scheme === 'partnercenter' ? editor : undefined;
}

/** A command's outcome: `data` when `succeeded` says so, else the notification it showed. */
async function commandSeen(context: CellContext, again: () => Promise<Seen>, succeeded: () => boolean | Promise<boolean>, detail: string): Promise<Seen> {
  if (await succeeded()) return { outcome: 'data', detail };
  const message = await waitFor('an error or warning notification', () => notified(context.notifications), 5000).catch(() => undefined);
  return { outcome: 'error', detail: message?.message ?? '(nothing shown)', retry: message ? again : undefined };
}

async function exportCsv(context: CellContext, includeBilling: boolean): Promise<Seen> {
  const file = path.join(context.dir, `export-${includeBilling ? 'billing' : 'plain'}.csv`);
  fs.rmSync(file, { force: true });
  const before = context.notifications.length;
  const written = await vscode.commands.executeCommand<number | undefined>('partnerCenter.exportCustomers', {
    tenantId: TENANT,
    includeBilling,
    uri: vscode.Uri.file(file),
  });
  const partials = fs.readdirSync(context.dir).filter((name) => name.endsWith('.partial'));
  assert.deepEqual(partials, [], 'an export left a .partial file');
  const warning = context.notifications.slice(before).find((n) => n.severity !== 'information');
  if (written === CUSTOMERS.length && !warning) return { outcome: 'data', detail: `${written} rows written` };
  if (written === undefined) assert.ok(!fs.existsSync(file), 'a failed export wrote its target');
  return {
    outcome: 'error',
    detail: warning?.message ?? `${String(written)} rows, nothing said`,
    retry: warning ? () => exportCsv(context, includeBilling) : undefined,
  };
}

const SURFACES: readonly Surface[] = [
  {
    name: 'tree root',
    target: LIST_FIRST,
    fields: { id: 'items[0].id', object: 'items[0].companyProfile' },
    async run({ api }) {
      const list = await treeRoots(api);
      if (!list.length && api.customers.view.message) return { outcome: 'error', detail: api.customers.view.message };
      return seenInRows(api.customers, list, () => ({ outcome: 'data', detail: customersShown(list) }));
    },
  },
  {
    name: 'customer expansion',
    target: BY_ID,
    fields: { id: 'id', object: 'companyProfile' },
    async run({ api }) {
      const node = customerRow(await treeRoots(api), TENANT, CUSTOMER.id).node;
      const children = await rows(api.customers, node);
      return seenInRows(api.customers, children, () => ({ outcome: 'data', detail: `${children.length} detail rows` }));
    },
  },
  {
    name: 'Load more',
    target: NEXT_PAGE,
    nextPage: NEXT_PAGE,
    fields: { id: 'items[0].id', object: 'items[0].companyProfile' },
    async run({ api }) {
      await treeRoots(api);
      const list = await loadAll(api);
      return seenInRows(api.customers, list, () =>
        list.filter(isCustomer).length === CUSTOMERS.length
          ? { outcome: 'data', detail: customersShown(list) }
          : { outcome: 'error', detail: `only ${customersShown(list)}, nothing said` },
      );
    },
  },
  {
    name: 'search filter',
    target: 'filter=',
    fields: { id: 'items[0].id', object: 'items[0].companyProfile' },
    async run(context) {
      // Every run, the retry included, ends with the filter cleared: a filter left on would hide the next files' lists.
      const search = async (): Promise<Seen> => {
        try {
          return await searchOnce();
        } finally {
          await vscode.commands.executeCommand('partnerCenter.clearSearch');
        }
      };
      const searchOnce = async (): Promise<Seen> => {
        context.api.customers.reset();
        const before = context.notifications.length;
        const count = await vscode.commands.executeCommand<number | undefined>('partnerCenter.search', SEARCH_PREFIX);
        const list = await rows(context.api.customers);
        const message = context.api.customers.view.message ?? '';
        const told = context.notifications.slice(before).find((n) => n.severity !== 'information');
        if (list.some(isError) || told || count === undefined) {
          return { outcome: 'error', detail: list.find(isError)?.label ?? told?.message ?? message, retry: search };
        }
        return { outcome: 'data', detail: `${count} matches` };
      };
      return search();
    },
  },
  {
    name: 'search quick pick',
    target: 'filter=',
    fields: { id: 'items[0].id', object: 'items[0].companyProfile' },
    async run() {
      // The extension's own quick pick, caught as it is made; typing is setting its value, as the workbench does.
      const picks = catchQuickPicks();
      const shown = vscode.commands.executeCommand('partnerCenter.search');
      let pick: Awaited<ReturnType<typeof picks.next>> | undefined;
      try {
        pick = await picks.next();
        const caught = pick;
        const type = async (text: string): Promise<Seen> => {
          const previous = caught.items;
          caught.value = text;
          const items = await waitFor('search results', () => {
            const rowsShown = caught.items.filter((item) => item.choice?.kind !== 'filter');
            return caught.items !== previous && !caught.busy && rowsShown.length ? rowsShown : undefined;
          });
          const customers = items.filter((item) => item.choice?.kind === 'customer');
          const messages = items.filter((item) => !item.choice);
          if (customers.length && !messages.some((item) => item.label.startsWith('$(error)'))) {
            return { outcome: 'data', detail: `${customers.length} customers offered` };
          }
          return {
            outcome: 'error',
            detail: items.map((item) => `${item.label} ${item.detail ?? ''}`).join(' | '),
            retry: async () => {
              await type(text.slice(0, -1)); // editing the text searches again
              return type(text);
            },
          };
        };
        const seen = await type(SEARCH_PREFIX);
        if (seen.outcome === 'error' && seen.retry) {
          const retry = seen.retry;
          return { ...seen, retry: async () => retry().finally(() => caught.hide()) };
        }
        caught.hide();
        return seen;
      } finally {
        picks.restore();
        if (!pick) await shown;
      }
    },
  },
  {
    name: 'billing webview',
    target: BY_ID,
    fields: { id: 'id', object: 'billingProfile' },
    async run({ api }) {
      await vscode.commands.executeCommand('partnerCenter.openBillingDetails', { tenantId: TENANT, customerId: CUSTOMER.id });
      const panel = api.billing.get({ tenantId: TENANT, customerId: CUSTOMER.id });
      assert.ok(panel, 'no billing panel');
      return billingSeen(panel, await billingRender(panel, 0));
    },
  },
  {
    name: 'JSON tab open',
    target: BY_ID,
    fields: { id: 'id', object: 'companyProfile' },
    async run(context) {
      const open = async (): Promise<Seen> => {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await vscode.commands.executeCommand('partnerCenter.openCustomerJson', { tenantId: TENANT, customerId: CUSTOMER.id });
        return commandSeen(context, open, () => activeJson()?.document.getText().includes(CUSTOMER.id) ?? false, 'JSON shown');
      };
      return open();
    },
  },
  {
    name: 'JSON tab Refresh',
    target: BY_ID,
    fields: { id: 'id', object: 'companyProfile' },
    async run(context) {
      // Opened before the fault (see the cell runner): the tab is there, its Refresh meets the fault.
      const editor = activeJson();
      assert.ok(editor, 'the JSON tab is not open');
      const before = editor.document.getText();
      const refresh = async (): Promise<Seen> => {
        const count = context.notifications.length;
        await vscode.commands.executeCommand('partnerCenter.refresh', editor.document.uri);
        const told = context.notifications.slice(count).find((n) => n.severity !== 'information');
        if (!told) return { outcome: 'data', detail: 'refreshed' };
        assert.equal(editor.document.getText(), before, 'a failed Refresh changed the tab');
        return { outcome: 'error', detail: told.message, retry: refresh };
      };
      return refresh();
    },
  },
  {
    name: 'export',
    target: `^(/v1)?/customers\\?size=${PAGE_SIZE}`,
    nextPage: NEXT_PAGE,
    fields: { id: 'items[0].id', object: 'items[0].companyProfile' },
    run: (context) => exportCsv(context, false),
  },
  {
    name: 'export with billing',
    target: '^/v1/customers/[0-9a-f-]{36}$',
    nextPage: NEXT_PAGE,
    fields: { id: 'id', object: 'billingProfile' },
    run: (context) => exportCsv(context, true),
  },
  {
    name: 'relationship link',
    target: '^/v1/customers/relationshiprequests',
    fields: { id: 'url', object: 'url' },
    async run(context) {
      const copy = async (): Promise<Seen> => {
        const url = await vscode.commands.executeCommand<string | undefined>('partnerCenter.copyRelationshipUrl', { tenantId: TENANT });
        return commandSeen(context, copy, () => typeof url === 'string' && url.startsWith('https://'), 'link copied');
      };
      return copy();
    },
  },
];

/** One cell's printed outcome, and what was wrong with it (nothing when it held). */
interface CellResult {
  readonly text: string;
  readonly problems: readonly string[];
}

function tokenIn(text: string): boolean {
  return /sandbox:|bearer\s/i.test(text);
}

describe('fault matrix: every fault × every surface', function () {
  this.timeout(600_000);
  let api: PartnerCenterExports;
  let restoreSettings: () => Promise<void>;
  let dir: string;
  const unhandled: string[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(String(reason instanceof Error ? reason.stack ?? reason.message : reason));

  before(async () => {
    api = await extensionExports();
    await resetSandbox();
    restoreSettings = await useSettings({ tenants: [TENANT], pageSize: PAGE_SIZE, cacheSeconds: 0 });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-faults-'));
    await vscode.commands.executeCommand('partnerCenter.customers.focus');
    process.on('unhandledRejection', onUnhandled);
  });

  after(async () => {
    process.off('unhandledRejection', onUnhandled);
    api.testing?.useHttpTimings({});
    await resetSandbox();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await restoreSettings();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  async function runCell(surface: Surface, fault: Fault): Promise<CellResult> {
    if (fault.paging && !surface.nextPage) return { text: '—', problems: [] };
    // A fresh transport per cell: no pause, retry or queue of an earlier cell carries over.
    api.testing!.useHttpTimings(TIMINGS);
    await resetSandbox();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (surface.name === 'JSON tab Refresh') {
      await vscode.commands.executeCommand('partnerCenter.openCustomerJson', { tenantId: TENANT, customerId: CUSTOMER.id });
      await waitFor('the JSON tab', () => activeJson());
    }
    const recorder = recordNotifications();
    const context: CellContext = { api, notifications: recorder.shown, dir };
    const problems: string[] = [];
    try {
      const spec = await fault.spec(surface);
      await injectFault({ ...spec, tenant: TENANT, pathRegex: fault.paging ? surface.nextPage! : surface.target } as FaultRequest);
      const seen = await surface.run(context);
      if (tokenIn(seen.detail) || recorder.shown.some((n) => tokenIn(n.message))) problems.push('a token in what the user sees');
      if (fault.expect === 'tolerates' && seen.outcome === 'data') return { text: `shown without it: ${seen.detail}`, problems };
      if (fault.expect === 'recovers') {
        if (seen.outcome !== 'data') problems.push(`did not recover: ${seen.detail}`);
        return { text: seen.outcome === 'data' ? 'recovered' : `FAILED: ${seen.detail}`, problems };
      }
      if (seen.outcome !== 'error') {
        problems.push(`showed data despite the fault (${seen.detail})`);
        return { text: `SHOWN AS DATA: ${seen.detail}`, problems };
      }
      if (!/\w{3,}/.test(seen.detail) || /\[object |^undefined|: undefined\b/.test(seen.detail)) problems.push(`an unclear message: ${seen.detail}`);
      let retried = '';
      if (fault.retryable !== false) {
        await clearFaults();
        if (!seen.retry) problems.push('no way to retry');
        else {
          const again = await seen.retry();
          retried = again.outcome === 'data' ? ', retry ok' : `, RETRY FAILED: ${again.detail}`;
          if (again.outcome !== 'data') problems.push(`retry did not recover: ${again.detail}`);
        }
      }
      return { text: `error: ${seen.detail.replace(/\s+/g, ' ').slice(0, 90)}${retried}`, problems };
    } catch (error) {
      problems.push(`threw: ${String(error)}`);
      return { text: `THREW: ${String(error).slice(0, 90)}`, problems };
    } finally {
      recorder.stop();
      await clearFaults();
    }
  }

  it('recovers from every transient fault and names every other one, with a retry that works', async () => {
    const results: { surface: string; fault: string; cell: CellResult }[] = [];
    for (const surface of SURFACES) {
      for (const fault of FAULTS) results.push({ surface: surface.name, fault: fault.name, cell: await runCell(surface, fault) });
    }
    const print = (line: string) => console.log(`[pc-test] ${line}`);
    print('');
    print('FAULT MATRIX (surface × fault → what the user saw)');
    for (const surface of SURFACES) {
      print(`  ${surface.name}`);
      for (const { fault, cell } of results.filter((r) => r.surface === surface.name)) print(`    ${fault.padEnd(34)} ${cell.text}`);
    }
    const cells = results.filter((r) => r.cell.text !== '—');
    print(`  ${cells.length} cells, ${cells.filter((r) => !r.cell.problems.length).length} held`);
    const problems = results.flatMap((r) => r.cell.problems.map((p) => `${r.surface} × ${r.fault}: ${p}`));
    assert.deepEqual(problems, []);
    assert.deepEqual(unhandled, [], 'an unhandled rejection in the extension host');
  });
});
