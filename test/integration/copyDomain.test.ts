// partnerCenter.copyDomain when there is nothing to copy, inside the real VS Code, against the sandbox: the
// clipboard keeps what it had and the error says why. (The copies that work are in tree.test.ts.)
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PartnerCenterExports } from '../../src/extension';
import { NOTABLE, seedCustomer } from '../sandbox/seed';
import { extensionExports } from './helpers/activation';
import { type Notification, recordNotifications } from './helpers/notifications';
import { clearFaults, injectFault, resetSandbox, servedBody } from './helpers/sandbox';
import { waitFor } from './helpers/waitFor';

const TENANT = 'default';
const UNTOUCHED = 'untouched by a failed copy';

describe('copy domain failures (partnerCenter.copyDomain)', () => {
  let api: PartnerCenterExports;
  let notifications: ReturnType<typeof recordNotifications>;

  before(async () => {
    api = await extensionExports();
    await resetSandbox();
    api.client.invalidate(TENANT); // whatever the files before left cached
  });

  beforeEach(async () => {
    notifications = recordNotifications();
    await vscode.env.clipboard.writeText(UNTOUCHED);
  });

  afterEach(async () => {
    notifications.stop();
    await clearFaults();
    // A body injected here (a renamed customer) must not stay in the cache for the files that run after.
    api.client.invalidate(TENANT);
  });

  /** Runs the command, which must copy nothing and return nothing; resolves to the error it showed. */
  async function failedCopy(arg: unknown): Promise<Notification> {
    assert.equal(await vscode.commands.executeCommand('partnerCenter.copyDomain', arg), undefined);
    const error = await waitFor('an error notification', () => notifications.shown.find((n) => n.severity === 'error'));
    assert.equal(await vscode.env.clipboard.readText(), UNTOUCHED);
    assert.deepEqual(notifications.shown.filter((n) => n.severity !== 'error'), []);
    return error;
  }

  it('says that a customer without a domain has none, by name', async () => {
    const customer = seedCustomer(TENANT, NOTABLE.default.noDomain);
    assert.equal(customer.companyProfile.domain, undefined, 'the seed customer has a domain');
    const error = await failedCopy({ customerId: customer.id });
    assert.equal(error.message, `${customer.companyProfile.companyName} has no domain.`);
  });

  it('shows a company name made of link syntax as text, not as a command link', async () => {
    const customer = seedCustomer(TENANT, NOTABLE.default.noDomain);
    const served = await servedBody(TENANT, customer.id);
    const companyName = '[Click me](command:partnerCenter.signOut)';
    const body = { ...served, companyProfile: { ...(served.companyProfile as object), companyName } };
    api.client.invalidate(TENANT, customer.id);
    await injectFault({ path: `/v1/customers/${customer.id}`, tenant: TENANT, status: 200, body, times: 1 });
    const error = await failedCopy({ customerId: customer.id });
    // VS Code makes `[label](command:…)` in a notification a link; the word joiner the extension adds prevents it.
    assert.doesNotMatch(error.message, /\]\(command:/);
    assert.equal(error.message.replace(/\u2060/g, ''), `${companyName} has no domain.`);
  });

  it('copies nothing and shows the error when the customer cannot be read ({ customerId }, 500)', async () => {
    const customer = seedCustomer(TENANT, NOTABLE.default.contoso);
    api.client.invalidate(TENANT, customer.id);
    await injectFault({ path: `/v1/customers/${customer.id}`, tenant: TENANT, status: 500, times: 0 });
    const error = await failedCopy({ customerId: customer.id });
    assert.match(error.message, /Partner Center answered 500/);
  });
});
