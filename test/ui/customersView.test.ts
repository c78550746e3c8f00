import * as assert from 'node:assert/strict';
import { firstCustomers } from './sandbox';
import { UI_TIMEOUT_MS, useWorkbench } from './workbench';

describe('the Partner Center view in the workbench', () => {
  const workbench = useWorkbench();

  it('has a Partner Center tab in the activity bar that opens the Customers view', async () => {
    await workbench().openPartnerCenter();
    assert.equal(await workbench().partnerCenterTab().getAttribute('aria-selected'), 'true');
    await workbench().screenshot('partner-center-view');
  });

  it('lists the customers of the sandbox tenant', async () => {
    const [first, second] = await firstCustomers(2);
    assert.ok(first && second, 'the sandbox has fewer than two customers');
    await workbench().openPartnerCenter();
    for (const customer of [first, second]) {
      await workbench().treeRow(customer.companyProfile?.companyName ?? customer.id).first().waitFor({ timeout: UI_TIMEOUT_MS });
    }
    await workbench().screenshot('customers-listed');
  });
});
