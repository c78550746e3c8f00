// Exporting customers as a person does in the real workbench: the command palette, the choice of
// what the file holds, VS Code's save dialog (the workbench's own, as code-server shows it), the notification
// that it is done and its Open File button. The file written is read back and compared with the sandbox's seed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { seedTenant } from '../sandbox/seed';
import { parseCsv } from '../support/csv';
import { UI_TIMEOUT_MS, useWorkbench } from './workbench';

const TENANT = 'default';

describe('exporting customers in the workbench', () => {
  const workbench = useWorkbench();
  let dir: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-ui-export-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('asks what the file holds and where to save it, says when it is done, and Open File shows the CSV', async () => {
    const wb = workbench();
    const customers = seedTenant(TENANT)!.customers;
    const file = path.join(dir, 'customers.csv');
    await wb.openPartnerCenter();
    // The palette lists the command once the extension is ready (signed in): the first customer row says it is.
    await wb.treeItem(customers[0]!.companyProfile.companyName.trim()).first().waitFor({ timeout: UI_TIMEOUT_MS });
    await wb.clearNotifications();

    await wb.runCommand(wb.commandTitle('command.exportCustomers'));
    // The choice: both kinds, each with what it holds and costs (a label and its detail line).
    // (The palette's input turns into the extension's quick pick: wait for its question, not just an input.)
    const input = wb.page.locator('.quick-input-widget input');
    await wb.page.getByPlaceholder(wb.t('What should the CSV file contain?'), { exact: true }).waitFor({ timeout: UI_TIMEOUT_MS });
    const choices = wb.page.locator('.quick-input-list .monaco-list-row');
    await choices.nth(1).waitFor({ timeout: UI_TIMEOUT_MS });
    assert.deepEqual(
      (await choices.locator('.label-name').allInnerTexts()).map((text) => text.trim()),
      [
        wb.t('Customers only'),
        wb.t('Customer ID, company name, primary domain and relationship. Quick: one request per page.'),
        wb.t('Customers with billing contacts'),
        wb.t('Adds the billing contact, culture, language and country: one request per customer, paced by the rate limit.'),
      ],
    );
    await (await wb.quickPickEntry(wb.t('Customers only'))).click();

    // The save dialog proposes a file named after the tenant and today's date; the user types another path.
    const proposed = `partner-center-customers-${TENANT}-${new Date().toISOString().slice(0, 10)}.csv`;
    await wb.page.waitForFunction(
      (name) => (document.querySelector('.quick-input-widget input') as HTMLInputElement | null)?.value.endsWith(name),
      proposed,
      { timeout: UI_TIMEOUT_MS },
    );
    await input.fill(file);
    await wb.page.locator('.quick-input-widget').getByRole('button', { name: 'OK', exact: true }).click();
    await wb.page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });

    // Done: the bell, then the notification naming the file, with its Open File button.
    await wb.notificationsBell().locator('.codicon-bell-dot').waitFor({ timeout: UI_TIMEOUT_MS });
    const entries = await wb.openNotificationsCenter();
    const done = entries.filter({ hasText: wb.t('Exported {0} customers of {1} to {2}.', customers.length, TENANT, file) });
    await done.waitFor({ timeout: UI_TIMEOUT_MS });
    const { records } = parseCsv(fs.readFileSync(file, 'utf8'));
    assert.equal(records.length, customers.length + 1);
    assert.deepEqual(new Set(records.slice(1).map((record) => record[0])), new Set(customers.map((customer) => customer.id)));

    await done.getByRole('button', { name: wb.t('Open File') }).click();
    await wb.activeTab().filter({ hasText: 'customers.csv' }).waitFor({ timeout: UI_TIMEOUT_MS });
    const [header] = await wb.editorLines();
    assert.equal(header, records[0]!.join(','));
    await wb.screenshot('en-export-done');
    await wb.clearNotifications();
  });
});
