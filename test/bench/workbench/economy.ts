// Table 3, request economy, inside the REAL extension host (code-server), loaded as `extensionTestsPath` by
// scripts/bench-workbench.mjs: one scripted browsing session driven through the extension's commands and the
// tree API it exports (what VS Code calls when it renders and expands), counted in the sandbox's request log.
// The session runs twice in the same host: with the defaults (cacheSeconds 300), then with cacheSeconds 0
// (nothing kept after an answer; requests in flight for the same resource are still shared, which no setting
// turns off). Prints one tagged JSON line per run; the runner turns them into the table.
//
// The live search is typed into the extension's own quick pick: the bench wraps `vscode.window.createQuickPick`
// (the tests share the extension's `vscode` API object, as test/integration/helpers/authentication.ts does for
// getSession) to get hold of it, sets its value one keystroke at a time (the workbench sends each value back as
// onDidChangeValue, the event typing fires) and accepts with the workbench's own accept command.
import * as vscode from 'vscode';
import type { PartnerCenterExports } from '../../../src/extension';
import type { TreeNode } from '../../../src/tree/nodes/treeNode';
import { extensionExports } from '../../integration/helpers/activation';
import { customerTabs } from '../../integration/helpers/editors';
import { clearSandboxRequests, resetSandbox, routeOf, sandboxRequests } from '../../integration/helpers/sandbox';
import { useSettings } from '../../integration/helpers/settings';
import { isCustomer, rows } from '../../integration/helpers/tree';
import { waitFor } from '../../integration/helpers/waitFor';

const TAG = '[pc-bench] ';
const TENANT = 'default';
/** Four keystrokes, then accept. */
const TYPED = 'Cont';
/** Between keystrokes: a typist's pace, under the quick pick's 300 ms debounce. */
const KEYSTROKE_MS = 150;
const MARKER = 'bench-request-marker-';

function report(kind: string, value: unknown): void {
  console.log(TAG + JSON.stringify({ kind, value }));
}

export interface StepCount {
  readonly step: string;
  readonly requests: number;
  readonly routes: readonly string[];
}

let markers = 0;
let seenUpTo = 0;

/**
 * The requests a step sent: a marker through the extension's own client (the tenant's lane is first in, first
 * out) is logged after anything the step queued; what arrived since the previous marker is the step's.
 */
async function settle(api: PartnerCenterExports): Promise<{ count: number; routes: string[] }> {
  const marker = `${MARKER}${++markers}`;
  await api.client.getCustomer(TENANT, marker, { bypassCache: true }).then(undefined, () => undefined);
  const log = await waitFor('the marker request', async () => {
    const requests = await sandboxRequests();
    return requests.some((r) => routeOf(r) === `/customers/${marker}`) ? requests : undefined;
  });
  const end = log.findIndex((r) => routeOf(r) === `/customers/${marker}`);
  const mine = log.slice(seenUpTo, end).filter((r) => !routeOf(r).startsWith(`/customers/${MARKER}`));
  seenUpTo = end + 1;
  return { count: mine.length, routes: mine.map((r) => `${r.method} ${decodeURIComponent(r.path)}`) };
}

/** Captures the next quick pick the extension creates. */
function captureQuickPick(): { next: Promise<vscode.QuickPick<vscode.QuickPickItem>>; stop: () => void } {
  const window = vscode.window as unknown as { createQuickPick: typeof vscode.window.createQuickPick };
  const original = window.createQuickPick;
  let resolve!: (pick: vscode.QuickPick<vscode.QuickPickItem>) => void;
  const next = new Promise<vscode.QuickPick<vscode.QuickPickItem>>((r) => (resolve = r));
  window.createQuickPick = (<T extends vscode.QuickPickItem>() => {
    const pick = original.call(vscode.window) as vscode.QuickPick<T>;
    resolve(pick as unknown as vscode.QuickPick<vscode.QuickPickItem>);
    return pick;
  }) as typeof vscode.window.createQuickPick;
  return { next, stop: () => (window.createQuickPick = original) };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function session(api: PartnerCenterExports): Promise<StepCount[]> {
  const counts: StepCount[] = [];
  const view = api.customers;
  const record = async (step: string) => {
    const { count, routes } = await settle(api);
    counts.push({ step, requests: count, routes });
  };

  // Open the view (first page): VS Code renders the roots; the bench reads them through the same provider.
  await vscode.commands.executeCommand('partnerCenter.customers.focus');
  const first = await waitFor('the first page', async () => {
    const shown = await rows(view);
    return shown.filter(isCustomer).length >= 20 ? shown.filter(isCustomer) : undefined;
  });
  await record('open the view (first page)');

  // Expand 20 customers: VS Code asks the provider for each one's children.
  const customers: TreeNode[] = first.slice(0, 20).map((r) => r.node);
  for (const node of customers) await view.provider.getChildren(node);
  await record('expand 20 customers');

  // Billing details for 5 of them.
  for (const node of customers.slice(0, 5)) await vscode.commands.executeCommand('partnerCenter.openBillingDetails', node);
  await waitFor('5 billing panels', () => (vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview).length >= 5 ? true : undefined));
  await record('billing details for 5');

  // JSON for 5 of them.
  for (const node of customers.slice(5, 10)) await vscode.commands.executeCommand('partnerCenter.openCustomerJson', node);
  await waitFor('5 JSON tabs', () => (customerTabs().length >= 5 ? true : undefined));
  await record('JSON for 5');

  // A live search of 4 keystrokes, then accept.
  const capture = captureQuickPick();
  let searched: Thenable<unknown>;
  try {
    searched = vscode.commands.executeCommand('partnerCenter.search');
    const pick = await capture.next;
    await waitFor('the search quick pick shown', () => (pick.title ? true : undefined));
    for (let i = 1; i <= TYPED.length; i++) {
      pick.value = TYPED.slice(0, i);
      await sleep(KEYSTROKE_MS);
    }
    // Results are shown once the quick pick is no longer busy and lists customers after its "Filter…" entry.
    await waitFor('the search results', () => (!pick.busy && pick.items.length > 1 && pick.value === TYPED ? true : undefined));
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await searched;
  } finally {
    capture.stop();
  }
  await record(`live search "${TYPED}" (4 keystrokes), accept`);

  // Three more pages (of the full list: the search is cleared first, its loaded pages kept).
  await vscode.commands.executeCommand('partnerCenter.clearSearch');
  for (let i = 0; i < 3; i++) await vscode.commands.executeCommand('partnerCenter.loadMore', { tenantId: TENANT });
  await record('three more pages');

  // Refresh one customer (its row's Refresh).
  await vscode.commands.executeCommand('partnerCenter.refresh', customers[0]);
  await record('refresh one customer');

  // Copy the relationship link twice.
  for (let i = 0; i < 2; i++) await vscode.commands.executeCommand('partnerCenter.copyRelationshipUrl', { tenantId: TENANT });
  await record('copy the relationship link twice');

  // Reopen 3 JSON tabs: closed, then opened again.
  const reopened = customers.slice(5, 8);
  const jsonTabs = customerTabs().slice(0, 3);
  await vscode.window.tabGroups.close(jsonTabs);
  for (const node of reopened) await vscode.commands.executeCommand('partnerCenter.openCustomerJson', node);
  await record('reopen 3 JSON tabs');
  return counts;
}

/**
 * Every run starts with the view closed and nothing loaded: the side bar is hidden first (a visible tree would
 * load its first page again as soon as it is reset, before the run's log starts), then the state is dropped.
 */
async function freshStart(api: PartnerCenterExports): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeSidebar');
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  await vscode.commands.executeCommand('partnerCenter.clearSearch');
  api.client.invalidate(TENANT);
  api.customers.reset();
  await sleep(500); // a load the settings change started has reached the sandbox before its log is cleared
  await resetSandbox();
  await clearSandboxRequests();
  seenUpTo = 0;
}

export interface FirstPageSample {
  /** getChildren of the root, as VS Code calls it when the view shows → it resolved with the customers. */
  readonly childrenMs: number;
  /** The call → the list request's arrival at the sandbox. */
  readonly requestArrivalMs: number;
  /** All the TreeItems of that page (what VS Code asks for next), built. */
  readonly itemsMs: number;
  readonly items: number;
}

/**
 * The extension's own share of "answer → row on screen" in Table 5: the first page asked of the tree provider
 * directly, in this extension host, with nothing cached — no workbench rendering, no transfer to the browser.
 */
async function firstPageInHost(api: PartnerCenterExports, samples: number): Promise<FirstPageSample[]> {
  const figures: FirstPageSample[] = [];
  for (let i = 0; i < samples; i++) {
    await freshStart(api);
    const provider = api.customers.provider;
    const asked = Date.now();
    const children = (await provider.getChildren(undefined)) ?? [];
    const resolved = Date.now();
    const items = children.map((child) => provider.getTreeItem(child));
    const built = Date.now();
    const [list] = (await sandboxRequests()).filter((r) => routeOf(r) === '/customers');
    if (!items.some((item) => (item as vscode.TreeItem).contextValue?.split(';').includes('customer'))) {
      throw new Error('the first page had no customer rows');
    }
    figures.push({ childrenMs: resolved - asked, requestArrivalMs: (list?.at ?? NaN) - asked, itemsMs: built - resolved, items: items.length });
  }
  return figures;
}

/** Called by VS Code as the extension tests' entry; a rejection makes the run exit with code 1. */
export async function run(): Promise<void> {
  try {
    // The first run starts as a user's does: the extension is not active yet, and opening the view activates it
    // (onView). The second starts with it active, the view closed and everything it had loaded dropped.
    await resetSandbox();
    await clearSandboxRequests();
    await vscode.commands.executeCommand('partnerCenter.customers.focus');
    const api = await extensionExports();
    report('run', { mode: 'cache', steps: await session(api) });

    const restore = await useSettings({ cacheSeconds: 0 });
    try {
      await freshStart(api);
      report('run', { mode: 'nocache', steps: await session(api) });
    } finally {
      await restore();
    }
    report('firstPage', await firstPageInHost(api, 5));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  } catch (error) {
    report('error', error instanceof Error ? `${error.message}\n${error.stack}` : String(error));
    throw error;
  }
}
