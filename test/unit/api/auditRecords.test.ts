// auditRecords over real HTTP against the sandbox's activity log, and the bounds checked before sending.
import assert from 'node:assert/strict';
import { addDays, auditWindows, checkAuditQuery, oldestAuditDay, utcDay } from '../../../src/api/auditQuery';
import { auditCollectionSchema } from '../../../src/api/auditSchemas';
import { auditValueText, readAuditValue } from '../../../src/api/auditValue';
import { PartnerCenterError } from '../../../src/api/errors';
import type { AuditPage } from '../../../src/api/types';
import * as z from 'zod/mini';
import { SEEDED_AUDIT_RECORD_COUNT } from '../../sandbox/auditLog';
import { NOTABLE } from '../../sandbox/seed';
import { clientFor, settle, useSandbox } from './support';

const today = utcDay(new Date());

describe('audit records', function () {
  this.timeout(15_000);

  describe('the query bounds (checked before sending)', () => {
    const now = new Date('2026-12-07T10:00:00Z');
    it('accepts a start 89 days back (the 90 days kept end today) and refuses one a day further', () => {
      assert.equal(oldestAuditDay(now), '2026-09-09');
      checkAuditQuery({ startDate: '2026-09-09', endDate: '2026-10-08' }, now);
      assert.throws(() => checkAuditQuery({ startDate: '2026-09-08', endDate: '2026-10-01' }, now), /90 days: 2026-09-08 is before 2026-09-09/);
    });
    it('refuses a window wider than 30 days, a reversed range and a date that is not yyyy-mm-dd', () => {
      assert.throws(() => checkAuditQuery({ startDate: '2026-11-01', endDate: '2026-12-01' }, now), /at most 30 days/);
      checkAuditQuery({ startDate: '2026-11-02', endDate: '2026-12-01' }, now);
      assert.throws(() => checkAuditQuery({ startDate: '2026-12-05', endDate: '2026-12-01' }, now), /before it starts/);
      assert.throws(() => checkAuditQuery({ startDate: '12/01/2026' }, now), /yyyy-mm-dd/);
    });
    it('cuts a 90-day range into 30-day windows, newest first, covering every day once', () => {
      const windows = auditWindows(oldestAuditDay(now), utcDay(now));
      assert.deepEqual(windows, [
        { startDate: '2026-11-08', endDate: '2026-12-07' },
        { startDate: '2026-10-09', endDate: '2026-11-07' },
        { startDate: '2026-09-09', endDate: '2026-10-08' },
      ]);
      assert.deepEqual(auditWindows('2026-12-01', '2026-12-07'), [{ startDate: '2026-12-01', endDate: '2026-12-07' }]);
    });
  });

  describe('the record schema', () => {
    it('keeps a record without customerId or applicationId and drops only the broken item of a page, saying why', () => {
      const parsed = z.parse(auditCollectionSchema, {
        totalCount: 3,
        items: [
          { operationType: 'add_customer', operationDate: '2020-09-02T17:34:12.8069005Z', operationStatus: 'failed' },
          { operationType: 'update_customer_billing_profile', operationDate: 'yesterday' },
          null,
          { operationType: 'brand_new_operation', operationDate: '2020-09-03T00:00:00Z', customerId: 'c1', resourceNewValue: '{"A":1}' },
        ],
      });
      assert.equal(parsed.items.length, 3);
      assert.deepEqual(parsed.items.map((item) => item.ok), [true, false, true]);
      const broken = parsed.items[1]!;
      assert.ok(!broken.ok && /items\[1\]\.operationDate: expected an ISO-8601 date/.test(broken.problem));
    });
    it('reads values as JSON, as text when they are not JSON, and as nothing when empty', () => {
      assert.deepEqual(readAuditValue('{"CompanyName":"Contoso"}'), { kind: 'json', value: { CompanyName: 'Contoso' } });
      assert.deepEqual(readAuditValue('not json {'), { kind: 'text', text: 'not json {' });
      assert.deepEqual(readAuditValue(''), { kind: 'none' });
      assert.deepEqual(readAuditValue(null), { kind: 'none' });
      assert.equal(auditValueText(readAuditValue('{"A":{"B":1}}')), '{\n  "A": {\n    "B": 1\n  }\n}\n');
      assert.equal(auditValueText(readAuditValue('<b>not json</b>')), '<b>not json</b>');
    });
  });

  describe('over real HTTP', () => {
    const sandbox = useSandbox();
    beforeEach(() => sandbox.admin.reset());

    async function allRecords(client: ReturnType<typeof clientFor>['client'], query: Parameters<typeof client.auditRecords>[1]) {
      const pages: AuditPage[] = [await client.auditRecords('default', query)];
      while (pages.at(-1)!.next) pages.push(await client.auditRecords('default', query, pages.at(-1)!.next));
      return pages;
    }

    it('pages through every seeded record of the last 90 days in 30-day windows, none lost or duplicated', async () => {
      const { client } = clientFor(sandbox.url, { settings: { pageSize: 25 } });
      const ids: string[] = [];
      for (const window of auditWindows(oldestAuditDay(new Date()), today)) {
        for (const page of await allRecords(client, window)) ids.push(...page.records.map((r) => r.id ?? ''));
      }
      assert.equal(ids.length, SEEDED_AUDIT_RECORD_COUNT);
      assert.equal(new Set(ids).size, SEEDED_AUDIT_RECORD_COUNT);
      const log = await sandbox.admin.requests();
      assert.match(log[0]!.path, new RegExp(`^/v1/auditrecords\\?startDate=\\d{4}-\\d{2}-\\d{2}&endDate=${today}&size=25$`));
      assert.ok(log.some((r) => r.path.includes('seekOperation=Next') && r.headers['ms-continuationtoken']));
    });

    it('sends the CustomerId filter and gets only that customer’s records', async () => {
      const { client } = clientFor(sandbox.url);
      const customerId = NOTABLE.default.contoso;
      await sandbox.admin.change({ kind: 'rename', customerId, companyName: 'Contoso Renamed' });
      const page = await client.auditRecords('default', { startDate: today, filter: { field: 'CustomerId', value: customerId } });
      assert.ok(page.records.length >= 1);
      assert.ok(page.records.every((r) => r.customerId === customerId));
      const [request] = await sandbox.admin.requests();
      const filter = new URL(request!.path, sandbox.url).searchParams.get('filter');
      assert.deepEqual(JSON.parse(filter!), { Field: 'CustomerId', Value: customerId, Operator: 'equals' });
    });

    it('never sends a start date past 90 days: the client refuses it, and the sandbox would answer 400', async () => {
      const { client } = clientFor(sandbox.url);
      const tooOld = addDays(today, -95);
      const outcome = await settle(client.auditRecords('default', { startDate: tooOld, endDate: addDays(tooOld, 10) }));
      assert.ok(!outcome.ok && outcome.error instanceof PartnerCenterError && outcome.error.kind === 'settings');
      assert.equal((await sandbox.admin.requests()).length, 0, 'nothing was sent');
      const direct = await fetch(`${sandbox.url}/v1/auditrecords?startDate=${tooOld}&endDate=${addDays(tooOld, 10)}`, {
        headers: { Authorization: 'Bearer sandbox:default' },
      });
      assert.equal(direct.status, 400);
    });

    it('an external change appends its record today, with old and new values as strings of PascalCase JSON', async () => {
      const { client } = clientFor(sandbox.url);
      const { customerId } = await sandbox.admin.change({ kind: 'add', companyName: 'Adatum Newco' });
      const page = await client.auditRecords('default', { startDate: today });
      const [record] = page.records;
      assert.equal(record?.operationType, 'add_customer');
      assert.equal(record?.customerId, customerId);
      const value = readAuditValue(record?.resourceNewValue);
      assert.ok(value.kind === 'json' && (value.value as { CompanyProfile: { CompanyName: string } }).CompanyProfile.CompanyName === 'Adatum Newco');
      const listed = await client.listCustomers('default');
      assert.equal(listed.customers[0]?.id, customerId, 'the new customer is first in the list');
    });
  });
});
