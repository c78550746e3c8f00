// What a person sees of portals, customer links and pins in the real workbench, in English and in French: the
// context-menu entries, the quick pick of a customer's portals (name and URL per row), the clipboard after each
// copy, the Pinned node before and after a window reload, and a pinned customer Partner Center no longer has.
// Expected values come from the sandbox's seed and the extension's translation files; screenshots go to
// test-results/<locale>-*.png.
import * as assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { NOTABLE, seedCustomer, seedTenant } from '../sandbox/seed';
import { clearFaults, injectFault } from './sandbox';
import { type Locale, UI_TIMEOUT_MS, type Workbench, useWorkbench } from './workbench';

const TENANT = 'default';
const EXTENSION_ID = 'partner-center-customers.partner-center-customers';
const LANGUAGES: Readonly<Record<Locale, string>> = { en: 'an English', fr: 'a French' };

/** The portals the local cloud offers (the global table), in order: English name and URL for a customer. */
function globalPortals(id: string, domain: string): [string, string][] {
  return [
    ['Partner Center customer page', `https://partner.microsoft.com/dashboard/v2/customers/${id}/account`],
    ['Microsoft 365 admin center', `https://admin.cloud.microsoft/?delegatedOrg=${domain}`],
    ['Exchange admin center', `https://admin.cloud.microsoft/exchange?landingpage=homepage&form=mac_sidebar&delegatedOrg=${domain}`],
    ['Teams admin center', `https://admin.teams.microsoft.com/?delegatedOrg=${domain}`],
    ['Microsoft Entra admin center', `https://entra.microsoft.com/${domain}`],
    ['Azure portal', `https://portal.azure.com/#@${domain}`],
    ['Intune admin center', `https://intune.microsoft.com/${domain}`],
    ['Microsoft Defender portal', `https://security.microsoft.com/?tid=${id}`],
    ['Microsoft Purview portal', `https://purview.microsoft.com/?tid=${id}`],
    ['Power Platform admin center', `https://admin.powerplatform.microsoft.com/account/login/${id}`],
  ];
}

const readClipboard = (wb: Workbench) => wb.page.evaluate(() => navigator.clipboard.readText());

/** Polls the clipboard until `accept` takes what it holds (the copy lands after the command's notification is queued). */
async function clipboardWhen(wb: Workbench, what: string, accept: (text: string) => boolean): Promise<string> {
  const deadline = Date.now() + UI_TIMEOUT_MS;
  for (;;) {
    const copied = await readClipboard(wb);
    if (accept(copied)) return copied;
    assert.ok(Date.now() < deadline, `the clipboard holds ${JSON.stringify(copied)}, not ${what}`);
    await wb.page.waitForTimeout(200);
  }
}

/** The rows of the side bar's tree, top to bottom, as `level label`. */
async function treeLines(wb: Workbench): Promise<string[]> {
  return (await wb.visibleTreeRows()).map((row) => `${row.level} ${row.label}`);
}

/**
 * Waits until the browser has stored the extension's global state with `text` (a pinned id) in it.
 * In a web workbench, globalState lives in the browser's IndexedDB and is written shortly after the extension's
 * update resolves; a reload before that write would lose it, so a test reloads only once the pin is stored.
 */
async function globalStateStored(wb: Workbench, text: string): Promise<void> {
  const deadline = Date.now() + UI_TIMEOUT_MS;
  for (;;) {
    const stored = await wb.page.evaluate(
      async ({ needle }) => {
        const read = (db: IDBDatabase, store: string) =>
          new Promise<unknown[]>((resolve, reject) => {
            const request = db.transaction(store, 'readonly').objectStore(store).getAll();
            request.onsuccess = () => resolve(request.result as unknown[]);
            request.onerror = () => reject(request.error);
          });
        for (const info of await indexedDB.databases()) {
          const db = await new Promise<IDBDatabase>((resolve, reject) => {
            const open = indexedDB.open(info.name!);
            open.onsuccess = () => resolve(open.result);
            open.onerror = () => reject(open.error);
          });
          try {
            for (const store of Array.from(db.objectStoreNames)) {
              for (const value of await read(db, store)) {
                const textValue = typeof value === 'string' ? value : JSON.stringify(value);
                if (textValue.includes('partnerCenter.pins/') && textValue.includes(needle)) return true;
              }
            }
          } finally {
            db.close();
          }
        }
        return false;
      },
      { needle: text },
    );
    if (stored) return;
    assert.ok(Date.now() < deadline, `the browser never stored the extension's state with ${text}`);
    await wb.page.waitForTimeout(200);
  }
}

/** Reloads the window (a new extension host) and comes back to the Customers view. */
async function reloadWindow(wb: Workbench): Promise<void> {
  await wb.page.reload();
  await wb.page.locator('.monaco-workbench .part.activitybar').waitFor({ timeout: 60_000 });
  const tab = wb.partnerCenterTab();
  await tab.waitFor({ timeout: 60_000 });
  // The reloaded window may restore Partner Center as the selected container with the side bar hidden; a click
  // on the tab then shows it (openPartnerCenter clicks only a tab that is not selected).
  const pane = wb.viewPane(wb.strings['view.customers.name']);
  const sideBar = wb.page.locator('.part.sidebar');
  const deadline = Date.now() + UI_TIMEOUT_MS;
  while (!(await pane.isVisible())) {
    assert.ok(Date.now() < deadline, 'the Customers view did not come back after the reload');
    if ((await tab.getAttribute('aria-selected')) !== 'true' || !(await sideBar.isVisible())) await tab.click();
    await pane.waitFor({ timeout: 3_000 }).catch(() => undefined);
  }
}

for (const locale of ['en', 'fr'] as const) {
  describe(`Portals, customer links and pins in ${LANGUAGES[locale]} workbench`, () => {
    const workbench = useWorkbench({ locale });
    const contoso = seedCustomer(TENANT, NOTABLE.default.contoso);
    const french = seedCustomer(TENANT, NOTABLE.default.french);
    const contosoName = contoso.companyProfile.companyName;

    beforeEach(() => workbench().openPartnerCenter());
    afterEach(() => clearFaults());

    /** The first list row of a customer (not its copy in Pinned, which is drawn first). */
    const listRow = (wb: Workbench, name: string): Locator => wb.treeItem(name).last();

    it("lists the customer's portals from Open in…, each with its URL, in the workbench's language", async () => {
      const wb = workbench();
      await listRow(wb, contosoName).waitFor({ timeout: UI_TIMEOUT_MS });
      await wb.runContextMenuEntry(listRow(wb, contosoName), wb.strings['command.openPortal']);
      const title = wb.page.locator('.quick-input-widget .quick-input-title');
      await title.filter({ hasText: contosoName }).waitFor({ timeout: UI_TIMEOUT_MS });
      for (const [name, url] of globalPortals(contoso.id, contoso.companyProfile.domain!)) {
        const entry = await wb.quickPickEntry(url);
        assert.equal(await entry.locator('.label-name').first().innerText(), wb.t(name), `the row of ${url}`);
      }
      await wb.screenshot(`${locale}-open-in`);
      await wb.page.keyboard.press('Escape');
    });

    it('copies the chosen portal link from Copy Portal Link…', async () => {
      const wb = workbench();
      await wb.page.evaluate(() => navigator.clipboard.writeText('nothing copied yet'));
      await wb.runContextMenuEntry(listRow(wb, contosoName), wb.strings['command.copyPortalLink']);
      const url = `https://portal.azure.com/#@${contoso.companyProfile.domain!}`;
      await (await wb.quickPickEntry(url)).click();
      await clipboardWhen(wb, url, (text) => text === url);
      await wb.clearNotifications();
    });

    it('copies the link to the customer from Copy Customer Link', async () => {
      const wb = workbench();
      await wb.page.evaluate(() => navigator.clipboard.writeText('nothing copied yet'));
      await wb.runContextMenuEntry(listRow(wb, contosoName), wb.strings['command.copyCustomerLink']);
      const copied = await clipboardWhen(wb, 'a customer link', (text) => text.includes(EXTENSION_ID));
      assert.match(copied, new RegExp(`^[a-z][a-z0-9-]*://${EXTENSION_ID}/customer\\?tenant=${TENANT}&id=${contoso.id}$`));
      await wb.clearNotifications();
    });

    it('finds a customer by the id typed in the search quick pick', async () => {
      const wb = workbench();
      await wb.viewTitleAction(wb.strings['command.search']).click();
      const input = wb.page.locator('.quick-input-widget input');
      await input.waitFor({ timeout: UI_TIMEOUT_MS });
      await input.fill(contoso.id.toUpperCase());
      const row = wb.page.locator('.quick-input-list .monaco-list-row', { hasText: contosoName });
      await row.waitFor({ timeout: UI_TIMEOUT_MS });
      assert.ok((await row.innerText()).includes(contoso.id), 'the row does not show the customer id');
      await input.fill('00000000-0000-4000-8000-000000000000');
      await wb.page
        .locator('.quick-input-list .monaco-list-row', { hasText: wb.t('No customer with id {0} in the configured partner tenants', '00000000-0000-4000-8000-000000000000') })
        .waitFor({ timeout: UI_TIMEOUT_MS });
      await wb.page.keyboard.press('Escape');
    });

    it('pins a customer from its context menu: Pinned comes first and stays after a window reload', async () => {
      const wb = workbench();
      await wb.collapseTree();
      await wb.runContextMenuEntry(listRow(wb, contosoName), wb.strings['command.pinCustomer']);
      const pinned = wb.treeItem(wb.t('Pinned'));
      await pinned.waitFor({ timeout: UI_TIMEOUT_MS });
      await wb.treeItem(contosoName).nth(1).waitFor({ timeout: UI_TIMEOUT_MS });
      assert.deepEqual((await treeLines(wb)).slice(0, 3), [`1 ${wb.t('Pinned')}`, `2 ${contosoName}`, `1 ${seedFirstName()}`]);
      await wb.screenshot(`${locale}-pinned`);

      await globalStateStored(wb, contoso.id);
      await reloadWindow(wb);
      await wb.treeItem(contosoName).nth(1).waitFor({ timeout: UI_TIMEOUT_MS });
      assert.deepEqual((await treeLines(wb)).slice(0, 2), [`1 ${wb.t('Pinned')}`, `2 ${contosoName}`]);

      // Unpin on the pinned row takes the Pinned node away.
      await wb.runContextMenuEntry(wb.treeItem(contosoName).first(), wb.strings['command.unpinCustomer']);
      await pinned.waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    });

    it('shows a pinned customer Partner Center no longer has as an error row; a click on it unpins it', async () => {
      const wb = workbench();
      const name = french.companyProfile.companyName;
      await wb.collapseTree();
      await wb.runContextMenuEntry(listRow(wb, name), wb.strings['command.pinCustomer']);
      await wb.treeItem(name).nth(1).waitFor({ timeout: UI_TIMEOUT_MS });
      assert.deepEqual((await treeLines(wb)).slice(0, 2), [`1 ${wb.t('Pinned')}`, `2 ${name}`]);
      // The customer is gone: Partner Center answers its by-id request with 404, as for an unknown id.
      await injectFault({
        path: `/v1/customers/${french.id}`,
        tenant: TENANT,
        method: 'GET',
        times: 0,
        status: 404,
        body: { code: 1000, description: `Customer ${french.id} was not found.`, data: [], source: 'PartnerFD' },
      });
      await globalStateStored(wb, french.id);
      await reloadWindow(wb);
      const gone = wb.treeRow(wb.t('Click to unpin'));
      await gone.waitFor({ timeout: UI_TIMEOUT_MS });
      assert.equal(await gone.locator('.label-name').textContent(), wb.t('Customer {0} is no longer in this partner tenant', french.id));
      assert.equal(await gone.getAttribute('aria-level'), '2', 'the error row is not inside Pinned');
      await wb.screenshot(`${locale}-pinned-gone`);
      await gone.click();
      await wb.treeItem(wb.t('Pinned')).waitFor({ state: 'detached', timeout: UI_TIMEOUT_MS });
    });
  });
}

/** The first customer of the sandbox's list, as the list API orders it. */
function seedFirstName(): string {
  return seedTenant(TENANT)!.customers[0]!.companyProfile.companyName;
}
