// Table 5, in the REAL workbench (code-server in Chromium, driven by Playwright like test/ui): for each of a
// number of fresh windows (a new browser context: new workbench state and a new extension host), the time and
// the requests from the click on the Partner Center tab to the first customer row shown, and the extension's
// activation times as VS Code itself recorded them (the "Developer: Startup Performance" page's Extension
// Activation Stats: Load Code, Call Activate, Finish Activate). Run by scripts/bench-workbench.mjs, which sets
// what test/ui/workbench.ts reads (PC_WORKBENCH_URL, PC_BROWSER_WS, PC_SANDBOX_URL, PC_REPO_ROOT).
// Prints figures; asserts nothing about time.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SandboxAdmin } from '../../sandbox/adminClient';
import { seedTenant } from '../../sandbox/seed';
import { UI_TIMEOUT_MS, Workbench } from '../../ui/workbench';
import { median } from '../table';

const TENANT = 'default';
const EXTENSION_ID = 'partner-center-customers.partner-center-customers';

export interface WindowFigures {
  /** Click on the Partner Center tab → the first customer's row visible. */
  readonly firstRowMs: number;
  /** Click → the first list request's arrival at the sandbox. */
  readonly requestArrivalMs: number | undefined;
  /** Click → the last list request's arrival (the one whose answer the row shows when the first page is asked twice). */
  readonly lastRequestArrivalMs: number | undefined;
  readonly requests: number;
  readonly routes: readonly string[];
  /** VS Code's activation times of the extension (ms), or undefined when the page did not list it. */
  readonly activation: { loadCode: number; callActivate: number; finishActivate: number; event: string } | undefined;
  readonly activationRow: string | undefined;
  /** Click → VS Code starting the activation (the extension host log's `_doActivateExtension` line, ms precision). */
  readonly activationStartMs: number | undefined;
  /** Click → the extension's own first log line ("Connection state: …", after its silent session check). */
  readonly connectionStateMs: number | undefined;
}

/** The extension host logs of code-server's profile (`<user-data>/logs/<session>/exthost<N>/remoteexthost.log`). */
function extensionHostLogs(codeServerDir: string): string[] {
  const logs = path.join(codeServerDir, 'user-data', 'logs');
  if (!fs.existsSync(logs)) return [];
  return fs.readdirSync(logs, { recursive: true, encoding: 'utf8' })
    .filter((file) => path.basename(file) === 'remoteexthost.log')
    .map((file) => path.join(logs, file));
}

/** A log line's time (`2026-12-07 23:50:46.972`, the machine's local time, as Date.now() counts) in ms since the epoch. */
function logTime(line: string | undefined): number | undefined {
  const match = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d\.\d{3})/.exec(line ?? '');
  return match ? new Date(`${match[1]}T${match[2]}`).getTime() : undefined;
}

const read = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');

/** The extension's row of the Startup Performance page: `| id | eager | load | call | finish | event | by |`. */
export function activationOf(text: string): WindowFigures['activation'] {
  const line = text.split('\n').find((l) => l.includes(EXTENSION_ID) && l.trim().startsWith('|'));
  if (!line) return undefined;
  const cells = line.split('|').map((c) => c.trim()).slice(1, -1);
  const [, , load, call, finish, event] = cells;
  const n = (v: string | undefined) => Number(v);
  if (![load, call, finish].every((v) => Number.isFinite(n(v)))) return undefined;
  return { loadCode: n(load), callActivate: n(call), finishActivate: n(finish), event: event ?? '' };
}

/** Reads the whole text of the active editor through the clipboard (the editor renders only the visible lines). */
async function activeEditorText(wb: Workbench): Promise<string> {
  const editor = wb.page.locator('.part.editor .editor-group-container.active .monaco-editor .view-lines');
  await editor.first().waitFor({ timeout: UI_TIMEOUT_MS });
  await editor.first().click();
  await wb.page.keyboard.press('Control+A');
  await wb.page.keyboard.press('Control+C');
  await wb.page.waitForTimeout(300);
  return wb.page.evaluate(() => navigator.clipboard.readText());
}

async function waitUntil<T>(probe: () => T | undefined, timeoutMs = 60_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('Timed out waiting for the extension host log');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** `codeServerDir`: the code-server's run folder (its profile's logs are read for the activation's start). */
export async function measureWindow(sandboxUrl: string, codeServerDir: string): Promise<WindowFigures> {
  const admin = new SandboxAdmin(sandboxUrl);
  const firstName = seedTenant(TENANT)!.customers[0]!.companyProfile.companyName;
  const before = new Set(extensionHostLogs(codeServerDir));
  const wb = await Workbench.open();
  try {
    const tab = wb.partnerCenterTab();
    await tab.waitFor({ timeout: 60_000 });
    // This window's extension host (a new one per window) and its log.
    const hostLog = await waitUntil(() => extensionHostLogs(codeServerDir).find((file) => !before.has(file)));
    // Let the fresh window settle (its eager extensions activated, then 2 s) so the click measures the view alone.
    await waitUntil(() => (read(hostLog).includes('Eager extensions activated') ? true : undefined));
    await wb.page.waitForTimeout(2_000);
    await admin.clearRequests();
    const row = wb.treeItem(firstName).first();
    const clicked = Date.now();
    await tab.click();
    await row.waitFor({ state: 'visible', timeout: 60_000 });
    const shown = Date.now();
    await wb.page.waitForTimeout(1_000); // anything sent right after the first row still counts
    const requests = (await admin.requests()).filter((r) => r.at >= clicked - 5);
    const lists = requests.filter((r) => /^\/v1\/customers\?/i.test(r.path) && r.at <= shown);
    const list = lists[0];
    const lastList = lists.at(-1);

    await wb.runCommand('Developer: Startup Performance');
    await wb.page.locator('.part.editor .tab.active', { hasText: /Startup Performance/i }).waitFor({ timeout: UI_TIMEOUT_MS });
    await wb.page.waitForTimeout(1_500); // the page fills in its sections asynchronously
    const text = await activeEditorText(wb);
    const activationLine = read(hostLog).split('\n').find((l) => l.includes(`_doActivateExtension ${EXTENSION_ID},`));
    const ownLog = path.join(path.dirname(hostLog), EXTENSION_ID, 'Partner Center.log');
    const connectionLine = read(ownLog).split('\n').find((l) => l.includes('Connection state'));
    const since = (at: number | undefined) => (at === undefined ? undefined : at - clicked);
    return {
      activationStartMs: since(logTime(activationLine)),
      connectionStateMs: since(logTime(connectionLine)),
      firstRowMs: shown - clicked,
      requestArrivalMs: list ? list.at - clicked : undefined,
      lastRequestArrivalMs: lastList ? lastList.at - clicked : undefined,
      requests: requests.length,
      routes: requests.map((r) => `+${(r.at - clicked).toFixed(0)} ms ${r.method} ${decodeURIComponent(r.path)} → ${r.status ?? 'no answer'}`),
      activation: activationOf(text),
      activationRow: text.split('\n').find((l) => l.includes(EXTENSION_ID)) ?? (text ? `(no row; ${text.length} chars, starts ${JSON.stringify(text.slice(0, 120))})` : '(empty)'),
    };
  } finally {
    await wb.close();
  }
}

/** The first page straight from the sandbox (no extension): loopback round trip plus the server's time, median of `n`. */
export async function firstPageRoundTripMs(sandboxUrl: string, n = 5): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const response = await fetch(new URL('/v1/customers?size=100', sandboxUrl), {
      headers: { authorization: `Bearer sandbox:${TENANT}`, accept: 'application/json' },
    });
    await response.text();
    times.push(performance.now() - t0);
  }
  return median(times);
}
