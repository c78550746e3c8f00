// The sandbox's billing-profile PUT over real HTTP: both casings, the etag from If-Match or the body, 2055 on a
// stale etag, field validation, the admin API's concurrent edit, and faults before or after the write.
import * as assert from 'node:assert/strict';
import { SandboxAdmin } from '../../sandbox/adminClient';
import { NOTABLE, seedCustomer } from '../../sandbox/seed';
import { startSandbox, type RunningSandbox } from '../../sandbox/server';

const TENANT = 'default';
const CUSTOMER = NOTABLE.default.contoso;
const PROFILE_PATH = `/v1/customers/${CUSTOMER}/profiles/billing`;

let sandbox: RunningSandbox;
let admin: SandboxAdmin;

// The answers are read as loosely as a test needs: the shapes are checked by the asserts themselves.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(new URL(path, sandbox.url), {
    method,
    headers: { Authorization: `Bearer sandbox:${TENANT}`, 'Content-Type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: JSON.parse((await response.text()).replace(/^\uFEFF/, '')) as Loose };
}

async function currentProfile(): Promise<Loose> {
  return (await call('GET', `/v1/customers/${CUSTOMER}`)).json.billingProfile as Loose;
}

describe('sandbox: PUT billing profile', () => {
  before(async () => {
    sandbox = await startSandbox({ port: 0 });
    admin = new SandboxAdmin(sandbox.url);
  });
  after(() => sandbox.close());
  beforeEach(() => admin.reset());

  it('takes a camelCase profile with the etag in If-Match, answers it with a new etag, and serves it from then on', async () => {
    const before = await currentProfile();
    const body = { ...before, firstName: 'Zoë', defaultAddress: { ...before.defaultAddress, city: '東京' } };
    const answer = await call('PUT', PROFILE_PATH, { ...body, attributes: {} }, { 'If-Match': `"${before.attributes.etag}"` });
    assert.equal(answer.status, 200, JSON.stringify(answer.json));
    assert.equal(answer.json.firstName, 'Zoë');
    assert.equal(answer.json.defaultAddress.city, '東京');
    assert.notEqual(answer.json.attributes.etag, before.attributes.etag);
    const after = await currentProfile();
    assert.equal(after.firstName, 'Zoë');
    assert.equal(after.attributes.etag, answer.json.attributes.etag);
    assert.equal((await call('GET', PROFILE_PATH)).json.defaultAddress.city, '東京');
  });

  it('takes a PascalCase body (the SDK and the doc sample) with the etag only in Attributes.Etag', async () => {
    const before = await currentProfile();
    const body = {
      Id: before.id, FirstName: before.firstName, LastName: 'Ó Briain', Email: 'billing@example.com',
      DefaultAddress: { Country: 'IE', City: 'Dublin' }, Attributes: { Etag: before.attributes.etag, ObjectType: 'CustomerBillingProfile' },
    };
    const answer = await call('PUT', PROFILE_PATH, body);
    assert.equal(answer.status, 200, JSON.stringify(answer.json));
    assert.equal(answer.json.lastName, 'Ó Briain');
    assert.equal(answer.json.defaultAddress.country, 'IE');
    assert.equal(answer.json.defaultAddress.addressLine1, before.defaultAddress.addressLine1, 'a field left out stays');
  });

  it('answers a stale etag with 400 code 2055 and writes nothing; a PUT without any etag is refused', async () => {
    const before = await currentProfile();
    const stale = await call('PUT', PROFILE_PATH, { ...before, firstName: 'Late' }, { 'If-Match': '"-1"' });
    assert.equal(stale.status, 400);
    assert.equal(stale.json.code, 2055);
    const none = await call('PUT', PROFILE_PATH, { ...before, attributes: {}, firstName: 'None' });
    assert.equal(none.status, 400);
    assert.deepEqual(await currentProfile(), before);
  });

  it('refuses an invalid e-mail or country with a 400 naming the field, and writes nothing', async () => {
    const before = await currentProfile();
    const email = await call('PUT', PROFILE_PATH, { ...before, email: 'not an address' });
    assert.equal(email.status, 400);
    assert.match(email.json.description, /'email'/);
    const country = await call('PUT', PROFILE_PATH, { ...before, defaultAddress: { ...before.defaultAddress, country: 'USA' } });
    assert.equal(country.status, 400);
    assert.match(country.json.description, /'defaultAddress\.country'/);
    assert.deepEqual(await currentProfile(), before);
  });

  it('lets the admin API change a profile behind the client: a new etag, so the client\'s PUT gets 2055', async () => {
    const before = await currentProfile();
    const changed = await admin.changeBillingProfile(TENANT, CUSTOMER, { email: 'someone.else@example.com' });
    assert.equal(changed.email, 'someone.else@example.com');
    const answer = await call('PUT', PROFILE_PATH, { ...before, firstName: 'Mine' });
    assert.equal(answer.status, 400);
    assert.equal(answer.json.code, 2055);
    await admin.reset();
    assert.deepEqual(await currentProfile(), seedCustomer(TENANT, CUSTOMER).billingProfile, 'reset restores the seeded profile');
  });

  it('a dropped PUT writes nothing by default, and with writeApplied the write is saved before the connection drops; the log has one PUT', async () => {
    const before = await currentProfile();
    await admin.fault({ method: 'PUT', path: PROFILE_PATH, kind: 'drop' });
    await assert.rejects(call('PUT', PROFILE_PATH, { ...before, firstName: 'Before' }));
    assert.equal((await currentProfile()).firstName, before.firstName);

    await admin.clearRequests();
    await admin.fault({ method: 'PUT', path: PROFILE_PATH, kind: 'drop', writeApplied: true });
    await assert.rejects(call('PUT', PROFILE_PATH, { ...before, firstName: 'After' }));
    assert.equal((await currentProfile()).firstName, 'After');
    assert.equal((await admin.requests((r) => r.method === 'PUT')).length, 1);
  });
});
