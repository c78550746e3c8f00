// The Activity view as a person sees it in the real workbench: the pane under Customers, the newest day of the
// partner tenant's audit log with its count, the newest record with its operation's label, who and when, and a
// click on it opening the change in an editor titled with the operation, the customer and the time. Expected
// values come from the sandbox's audit log, read past the extension, and the extension's translation file.
import * as assert from 'node:assert/strict';
import { sandboxUrl } from './sandbox';
import { UI_TIMEOUT_MS, useWorkbench } from './workbench';

const TENANT = 'default';
/** partnerCenter.activity.days' default: how far back the view reads. */
const DAYS = 7;

interface WireRecord {
  readonly operationDate: string;
  readonly operationType: string;
  readonly operationStatus?: string;
  readonly customerName?: string;
  readonly customerId?: string;
  readonly userPrincipalName?: string;
  readonly applicationId?: string;
}

/** Every record of the last DAYS days, straight from the sandbox (one page is enough for its seeded log). */
async function recentRecords(): Promise<WireRecord[]> {
  const today = new Date();
  const day = (offset: number) => new Date(today.getTime() - offset * 86_400_000).toISOString().slice(0, 10);
  const response = await fetch(new URL(`/v1/auditrecords?startDate=${day(DAYS - 1)}&endDate=${day(0)}&size=500`, sandboxUrl()), {
    headers: { accept: 'application/json', authorization: `Bearer sandbox:${TENANT}` },
  });
  assert.equal(response.status, 200);
  const body = JSON.parse((await response.text()).replace(/^\uFEFF/, '')) as { items: WireRecord[]; continuationToken?: string };
  assert.equal(body.continuationToken, undefined, 'the seeded log of a week fits one page');
  return [...body.items].sort((a, b) => b.operationDate.localeCompare(a.operationDate));
}

/** The operation labels of src/activity/model/activityLog.ts, by operation type (English source strings). */
const OPERATION_LABELS: Readonly<Record<string, string>> = {
  add_customer: 'Customer added',
  update_customer_billing_profile: 'Billing profile updated',
  update_customer_partner_contract_company_name: 'Company name updated',
  update_customer_qualification: 'Qualification updated',
  update_customer_spending_budget: 'Spending budget updated',
  delete_customer: 'Customer deleted',
  remove_partner_customer_relationship: 'Reseller relationship removed',
  create_customer_user: 'User created',
  update_customer_user: 'User updated',
  delete_customer_user: 'User deleted',
  reset_customer_user_password: 'User password reset',
  create_order: 'Order placed',
};

describe('the Activity view in the workbench', () => {
  const workbench = useWorkbench();

  it("shows the newest day and record of the tenant's audit log, and a click on the record opens the change", async () => {
    const wb = workbench();
    const records = await recentRecords();
    const newest = records[0]!;
    const newestDay = newest.operationDate.slice(0, 10);
    const sameDay = records.filter((record) => record.operationDate.startsWith(newestDay));
    const dayLabel = new Date(`${newestDay}T00:00:00Z`).toLocaleDateString('en', { timeZone: 'UTC', weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' });
    const time = `${new Date(newest.operationDate).toLocaleString('en', { timeZone: 'UTC', hour: '2-digit', minute: '2-digit', month: 'short', day: 'numeric' })} UTC`;
    const operation = wb.t(OPERATION_LABELS[newest.operationType] ?? newest.operationType);
    const customer = newest.customerName ?? newest.customerId ?? '';
    const who = newest.userPrincipalName || newest.applicationId || wb.t('unknown');

    await wb.openPartnerCenter();
    const pane = wb.viewPane(wb.strings['view.activity.name']);
    const header = pane.locator('.pane-header');
    await header.waitFor({ timeout: UI_TIMEOUT_MS });
    if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
    const rows = pane.locator('.monaco-list-row');

    // The newest day first, saying how many records it has.
    const day = rows.filter({ has: wb.page.locator('.label-name', { hasText: dayLabel }) }).first();
    await day.waitFor({ timeout: UI_TIMEOUT_MS });
    assert.equal((await day.locator('.label-description').textContent())?.trim(), wb.t('{0} records', sameDay.length));
    const firstDay = await pane.locator('.monaco-list-row[data-index="0"] .label-name').textContent();
    assert.ok(firstDay?.includes(dayLabel), `the first row is ${JSON.stringify(firstDay)}, not the newest day ${dayLabel}`);

    // Its newest record right below: the operation, then customer · who · when (marked when it failed).
    const record = pane.locator('.monaco-list-row[data-index="1"]');
    assert.equal((await record.locator('.label-name').textContent())?.trim(), operation);
    const parts = `${customer} · ${who} · ${time}`;
    const description = newest.operationStatus === 'failed' ? wb.t('failed · {0}', parts) : parts;
    assert.equal((await record.locator('.label-description').textContent())?.trim(), description);

    await record.click();
    const title = wb.t('{0}: {1} ({2})', operation, customer, time);
    await wb.activeTab().filter({ hasText: title }).waitFor({ timeout: UI_TIMEOUT_MS });
    // The change itself is shown: the editor has text (a diff of the old and new values, or the new one alone).
    await wb.page.locator('.part.editor .editor-group-container.active .view-line').filter({ hasText: /\S/ }).first().waitFor({ timeout: UI_TIMEOUT_MS });
    await wb.screenshot('en-activity');
  });
});
