// What the sandbox holds, read through its public API, so UI tests compare the screen with the server's
// data instead of hard-coding it.
import * as assert from 'node:assert/strict';

export function sandboxUrl(): string {
  const url = process.env.PC_SANDBOX_URL;
  assert.ok(url, 'PC_SANDBOX_URL is not set: run the UI tests with `npm run test:ui`');
  return url;
}

interface CustomerPage {
  items: { id: string; companyProfile?: { companyName?: string; domain?: string } }[];
}

/** The first `count` customers of a partner tenant, in the order the API lists them. */
export async function firstCustomers(count: number, tenantId = 'default'): Promise<CustomerPage['items']> {
  const response = await fetch(`${sandboxUrl()}/v1/customers?size=${count}`, {
    headers: { Accept: 'application/json', Authorization: `Bearer sandbox:${tenantId}` },
  });
  assert.equal(response.status, 200, `the sandbox answered ${response.status} to GET /v1/customers`);
  const text = (await response.text()).replace(/^\uFEFF/, '');
  return (JSON.parse(text) as CustomerPage).items;
}
