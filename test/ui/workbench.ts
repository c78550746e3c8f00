// Drives the real VS Code workbench (code-server in Chromium) the way a person does: activity bar, tree rows,
// command palette, webviews. scripts/test-ui.mjs starts the sandbox, an English and a French code-server and
// a browser server, and passes their addresses in PC_SANDBOX_URL, PC_WORKBENCH_URL, PC_WORKBENCH_URL_FR and
// PC_BROWSER_WS. In the French workbench the extension's strings are French (package.nls.fr.json,
// l10n/bundle.l10n.fr.json) while VS Code's own stay English (no language pack can be installed here):
// `strings[key]` (manifest) and `t(message, ...args)` (l10n.t messages) say what a label reads in the
// workbench's language, so one test serves both.
//
//   describe('the Customers view', () => {
//     const workbench = useWorkbench(); // a fresh workbench for this block; failures get a screenshot
//     it('shows customers', async () => {
//       await workbench().openPartnerCenter();
//       await workbench().treeItem('Contoso Ltd').waitFor();
//       await workbench().treeItem(workbench().t('Company profile')).waitFor(); // "Profil d'entreprise" in French
//     });
//   });
//   describe('in French', () => {
//     const workbench = useWorkbench({ locale: 'fr' });
//     …
//   });
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type Browser, type BrowserContext, chromium, type FrameLocator, type Locator, type Page } from 'playwright-core';

/** How long the workbench may take to show something after an action (a real workbench on 2 cores). */
export const UI_TIMEOUT_MS = 30_000;

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run the UI tests with \`npm run test:ui\``);
  return value;
}

/** Where screenshots go (git-ignored). */
export function resultsDir(): string {
  return process.env.PC_TEST_RESULTS ?? path.resolve('test-results');
}

export type Locale = 'en' | 'fr';

/** The extension's manifest strings (package.nls[.<locale>].json) as the workbench shows them. */
function manifestStrings(locale: Locale): Record<string, string> {
  const root = process.env.PC_REPO_ROOT ?? process.cwd();
  const read = (file: string) => JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as Record<string, string>;
  return { ...read('package.nls.json'), ...(locale === 'en' ? {} : read(`package.nls.${locale}.json`)) };
}

/**
 * The extension's runtime strings (the messages of its l10n.t calls) in a language, by English message:
 * l10n/bundle.l10n.json for English (checked against the code by test/unit/l10n.test.ts), else
 * l10n/bundle.l10n.<locale>.json.
 */
function bundleStrings(locale: Locale): Record<string, string> {
  const root = process.env.PC_REPO_ROOT ?? process.cwd();
  const file = locale === 'en' ? 'bundle.l10n.json' : `bundle.l10n.${locale}.json`;
  return JSON.parse(fs.readFileSync(path.join(root, 'l10n', file), 'utf8')) as Record<string, string>;
}

/** A file-name-safe version of a test title. */
function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 100);
}

/**
 * A positive control for "nothing from the data ran": adds to the document of `body` an image that cannot load,
 * whose error listener (added here, not from markup) marks the window, and waits for the mark. An `onerror` in
 * markup shown earlier in that document would have fired first; a control that never fires fails the test
 * instead of letting a fixed sleep pass without checking anything.
 */
export async function afterImageErrors(body: Locator): Promise<void> {
  const marker = `pcControl${Date.now()}`;
  await body.evaluate((element, name) => {
    const image = element.ownerDocument.createElement('img');
    image.addEventListener('error', () => {
      image.remove();
      (window as unknown as Record<string, unknown>)[name] = true;
    });
    image.src = 'pc-control-missing-image.png';
    element.append(image);
  }, marker);
  const deadline = Date.now() + UI_TIMEOUT_MS;
  while (!(await body.evaluate((_, name) => (window as unknown as Record<string, unknown>)[name] === true, marker))) {
    if (Date.now() > deadline) throw new Error('the control image never reported its error: the check would prove nothing');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export class Workbench {
  /** The extension's manifest strings in this workbench's language, by package.nls key. */
  readonly strings: Record<string, string>;
  private readonly messages: Record<string, string>;

  private constructor(
    private readonly browser: Browser,
    private readonly context: BrowserContext,
    readonly page: Page,
    readonly locale: Locale,
  ) {
    this.strings = manifestStrings(locale);
    this.messages = bundleStrings(locale);
  }

  /**
   * What the extension shows for `l10n.t(message, ...args)` in this workbench's language. Throws when the
   * language's bundle has no such message (a test must not expect a string the extension does not have).
   */
  t(message: string, ...args: (string | number)[]): string {
    const template = this.messages[message];
    if (template === undefined) throw new Error(`l10n bundle (${this.locale}) has no message ${JSON.stringify(message)}`);
    return template.replace(/\{(\d+)\}/g, (placeholder, index: string) => String(args[Number(index)] ?? placeholder));
  }

  /** Opens a fresh workbench (new browser context: no state from other tests) with the extension loaded. */
  static async open({ locale = 'en' }: { locale?: Locale } = {}): Promise<Workbench> {
    const url = required(locale === 'en' ? 'PC_WORKBENCH_URL' : `PC_WORKBENCH_URL_${locale.toUpperCase()}`);
    const browser = await chromium.connect(required('PC_BROWSER_WS'));
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
    const page = await context.newPage();
    const workbench = new Workbench(browser, context, page, locale);
    await page.goto(url);
    await page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
    return workbench;
  }

  /** The activity-bar tab of a view container, by its title. */
  activityBarTab(title: string | RegExp): Locator {
    return this.page.locator('.part.activitybar').getByRole('tab', { name: title });
  }

  /** The Partner Center tab in the activity bar. */
  partnerCenterTab(): Locator {
    return this.activityBarTab(this.strings['viewContainer.title']);
  }

  /** Clicks the Partner Center tab in the activity bar and waits for its Customers view to be shown. */
  async openPartnerCenter(): Promise<void> {
    const tab = this.partnerCenterTab();
    await tab.waitFor({ timeout: 60_000 }); // appears once the extension's contributions are read
    if ((await tab.getAttribute('aria-selected')) !== 'true') await tab.click();
    await this.viewPane(this.strings['view.customers.name']).waitFor({ timeout: UI_TIMEOUT_MS });
  }

  /** A view in the side bar, by the title in its header. */
  viewPane(title: string): Locator {
    return this.page.locator('.part.sidebar .pane', {
      has: this.page.locator('.pane-header', { hasText: title }),
    });
  }

  /** Drags the side bar's edge so it is `width` pixels wide (long names and domains stay legible). */
  async widenSideBar(width: number): Promise<void> {
    const box = await this.page.locator('.part.sidebar').boundingBox();
    if (!box) throw new Error('The side bar is not shown.');
    const y = box.y + box.height / 2;
    await this.page.mouse.move(box.x + box.width + 2, y);
    await this.page.mouse.down();
    await this.page.mouse.move(box.x + width + 2, y, { steps: 8 });
    await this.page.mouse.up();
  }

  /** A button in the side bar's title (the view's own actions: search, refresh…), by its title. */
  viewTitleAction(title: string): Locator {
    return this.page.locator('.part.sidebar .title-actions, .part.sidebar .pane-header .actions').getByRole('button', { name: title, exact: true }).filter({ visible: true });
  }

  /** The message the view shows above its tree (`TreeView.message`). */
  viewMessage(): Locator {
    return this.page.locator('.part.sidebar .tree-explorer-viewlet-tree-view > .message');
  }

  /** The tree row whose label is exactly `label` (a row's text also holds its description). */
  treeItem(label: string): Locator {
    return this.page
      .locator('.part.sidebar .monaco-list-row')
      .filter({ has: this.page.locator('.label-name').getByText(label, { exact: true }) });
  }

  /**
   * Collapses the side bar's tree with the view's own Collapse All button (VS Code's, so English in every
   * workbench), so that the first rows of the list show whatever earlier steps expanded. Disabled: nothing
   * is expanded.
   */
  async collapseTree(): Promise<void> {
    const collapseAll = this.viewTitleAction('Collapse All');
    await collapseAll.waitFor({ timeout: UI_TIMEOUT_MS });
    if (await collapseAll.isEnabled()) await collapseAll.click();
    await this.page.locator('.part.sidebar .monaco-list-row[aria-expanded="true"]').first().waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
  }

  /** The rows the side bar's tree has rendered, top to bottom: depth, label and description. */
  async visibleTreeRows(): Promise<{ level: number; label: string; description: string }[]> {
    const rows = await this.page.locator('.part.sidebar .monaco-list-row').evaluateAll((elements) =>
      elements.map((row) => ({
        index: Number(row.getAttribute('data-index')),
        level: Number(row.getAttribute('aria-level')),
        label: row.querySelector('.label-name')?.textContent ?? '',
        description: row.querySelector('.label-description')?.textContent ?? '',
      })),
    );
    return rows.sort((a, b) => a.index - b.index).map(({ level, label, description }) => ({ level, label, description }));
  }

  /** Hovers over `target` (a tree row's label…) and returns the hover widget it opens, once shown. */
  async hoverOver(target: Locator): Promise<Locator> {
    const hover = this.page.locator('.monaco-hover.workbench-hover');
    await this.page.mouse.move(0, 0); // away first: a hover left open by an earlier step would answer instead
    try {
      await hover.waitFor({ state: 'hidden', timeout: 2_000 });
    } catch {
      // A hover that took focus (or was pinned with Alt) stays open when the mouse leaves; Escape closes it.
      await this.page.keyboard.press('Escape');
      await hover.waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
    }
    // A hover is dropped when the row under the pointer is re-rendered before it shows: point at it again.
    const deadline = Date.now() + UI_TIMEOUT_MS;
    for (;;) {
      await target.hover();
      try {
        await hover.waitFor({ timeout: 5_000 });
        return hover;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await this.page.mouse.move(0, 0);
      }
    }
  }

  /** The entry of the open quick pick whose text contains `text`, scrolling the list until it is rendered. */
  async quickPickEntry(text: string): Promise<Locator> {
    const entry = this.page.locator('.quick-input-list .monaco-list-row', { hasText: text });
    const deadline = Date.now() + UI_TIMEOUT_MS;
    await this.page.locator('.quick-input-list .monaco-list-row').first().hover();
    while (!(await entry.count())) {
      if (Date.now() > deadline) throw new Error(`The quick pick has no entry ${JSON.stringify(text)}.`);
      await this.page.mouse.wheel(0, 120);
      await this.page.waitForTimeout(100);
    }
    return entry.first();
  }

  /**
   * Runs an entry of a row's context menu, as a person does: right-click, point at the entry, press Enter.
   * (A mouse click that lands while the menu is still animating open is sometimes dropped by the workbench;
   * Enter on the entry under the pointer is not.) Resolves once the menu has closed.
   */
  async runContextMenuEntry(row: Locator, entryLabel: string): Promise<void> {
    const menu = this.page.locator('.context-view.monaco-menu-container');
    const entry = menu.locator('.action-label', { hasText: entryLabel }).first();
    const deadline = Date.now() + UI_TIMEOUT_MS;
    for (;;) {
      if (!(await menu.isVisible())) await row.click({ button: 'right' });
      try {
        // A right-click that lands while the tree re-renders opens no menu: click again rather than wait it out.
        await entry.waitFor({ timeout: 5_000 });
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await this.page.keyboard.press('Escape');
        continue;
      }
      await entry.hover();
      await this.page.keyboard.press('Enter');
      try {
        await menu.waitFor({ state: 'hidden', timeout: 3_000 });
        return;
      } catch (error) {
        if (Date.now() > deadline) throw error;
      }
    }
  }

  /** Closes whatever menu, quick pick or hover is open, so the next test starts from a quiet workbench. */
  async dismissOverlays(): Promise<void> {
    for (let i = 0; i < 3 && (await this.page.locator('.context-view.monaco-menu-container, .quick-input-widget:visible').count()); i++) {
      await this.page.keyboard.press('Escape');
      await this.page.waitForTimeout(100);
    }
  }

  /** The lines the active editor shows, top to bottom, as plain text. */
  async editorLines(): Promise<string[]> {
    const lines = this.page.locator('.part.editor .editor-group-container.active .monaco-editor .view-lines .view-line');
    await lines.first().waitFor({ timeout: UI_TIMEOUT_MS });
    const rendered = await lines.evaluateAll((elements) =>
      elements.map((line) => ({ top: parseFloat((line as HTMLElement).style.top), text: line.textContent ?? '' })),
    );
    return rendered.sort((a, b) => a.top - b.top).map((line) => line.text.replace(/\u00a0/g, ' '));
  }

  /** The active editor tab (its aria-label is the title it shows). */
  activeTab(): Locator {
    return this.page.locator('.part.editor .editor-group-container.active .tab.active');
  }

  /** Rows of the tree in the side bar whose text contains `text`. */
  treeRow(text: string | RegExp): Locator {
    return this.page.locator('.part.sidebar .monaco-list-row', { hasText: text });
  }

  /** A contributed command's title as the palette shows it ("Partner Center: Refresh"), by its package.nls key. */
  commandTitle(key: string): string {
    return `${this.strings.category}: ${this.strings[key]}`;
  }

  /** Opens the command palette, types `title` and returns the first entry that shows it (see commandTitle). */
  async commandPaletteEntry(title: string): Promise<Locator> {
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: UI_TIMEOUT_MS });
    await input.fill(`>${title}`);
    const entry = this.page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
    await entry.waitFor({ timeout: UI_TIMEOUT_MS });
    return entry;
  }

  /** Runs a command from the palette by its title as the palette shows it (see commandTitle). */
  async runCommand(title: string): Promise<void> {
    await this.commandPaletteEntry(title);
    await this.page.keyboard.press('Enter');
  }

  /** The status bar's bell: `.codicon-bell-dot` inside while a notification is unread. */
  notificationsBell(): Locator {
    return this.page.locator('.part.statusbar [id="status.notifications"]');
  }

  /**
   * Opens the Notifications center (a click on the bell, as a person does) and returns its entries. Toasts never
   * show in these workbenches: code-server runs with the smoke-test driver (what loads the extension in
   * development mode) and the workbench shows no toast in that mode, but every notification is in the center.
   */
  async openNotificationsCenter(): Promise<Locator> {
    const center = this.page.locator('.notifications-center.visible');
    if (!(await center.count())) await this.notificationsBell().click();
    await center.waitFor({ timeout: UI_TIMEOUT_MS });
    return center.locator('.notification-list-item');
  }

  /** Clears every notification with the center's Clear All button (VS Code's, English in every workbench), hides the center. */
  async clearNotifications(): Promise<void> {
    await this.openNotificationsCenter();
    const center = this.page.locator('.notifications-center.visible');
    const clearAll = center.getByRole('button', { name: 'Clear All Notifications' });
    if ((await clearAll.getAttribute('aria-disabled')) !== 'true') await clearAll.click(); // disabled: none to clear
    if (await center.count()) await center.getByRole('button', { name: /^Hide Notifications/ }).click();
    await center.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    await this.notificationsBell().locator('.codicon-bell-dot').waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
  }

  /** The content of the active webview (two iframes deep: VS Code's host frame, then the page's own). */
  webview(): FrameLocator {
    return this.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  }

  /** Saves a screenshot of the whole workbench as test-results/<name>.png and returns its path. */
  async screenshot(name: string): Promise<string> {
    fs.mkdirSync(resultsDir(), { recursive: true });
    const file = path.join(resultsDir(), `${slug(name)}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  async close(): Promise<void> {
    await this.context.close();
    await this.browser.close(); // disconnects this client; the runner owns the browser itself
  }
}

/**
 * Gives the enclosing `describe` block a fresh workbench, opened before its first test and closed after
 * its last; a failing test leaves a screenshot named after it in test-results/. Returns a getter: the
 * workbench exists only once the tests run.
 */
export function useWorkbench(options: { locale?: Locale } = {}): () => Workbench {
  let current: Workbench | undefined;
  before(async function () {
    this.timeout(120_000);
    current = await Workbench.open(options);
  });
  afterEach(async function () {
    const test = this.currentTest;
    if (current && test?.state === 'failed') {
      const file = await current.screenshot(`FAILED ${test.fullTitle()}`);
      console.log(`      screenshot: ${path.relative(process.cwd(), file)}`);
    }
    // One failing test must not leave a menu over the workbench for the next ones.
    await current?.dismissOverlays();
  });
  after(async () => {
    await current?.close();
  });
  return () => {
    if (!current) throw new Error('The workbench is not open: use it inside a test of the block that called useWorkbench().');
    return current;
  };
}
