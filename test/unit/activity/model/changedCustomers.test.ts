import assert from 'node:assert/strict';
import { auditRecordKey, changedCustomers } from '../../../../src/activity/model/changedCustomers';
import { parseActivitySettings } from '../../../../src/activity/model/activitySettings';
import type { AuditRecord } from '../../../../src/api/auditSchemas';

const record = (fields: Partial<AuditRecord> & { operationDate: string }): AuditRecord => ({
  operationType: 'update_customer_billing_profile',
  operationStatus: 'succeeded',
  customerId: 'c1',
  ...fields,
});

describe('changedCustomers (what the log says changed since a load)', () => {
  const since = new Date('2026-12-07T10:00:00Z');

  it('leaves out records older than the load (the same day is read again) and those already applied', () => {
    const records = [
      record({ id: 'a', customerId: 'before', operationDate: '2026-12-07T09:59:59.9999999Z' }),
      record({ id: 'b', customerId: 'after', operationDate: '2026-12-07T10:00:01Z' }),
      record({ id: 'c', customerId: 'applied', operationDate: '2026-12-07T11:00:00Z' }),
    ];
    const changes = changedCustomers(records, since, new Set([auditRecordKey(records[2]!)]));
    assert.deepEqual(changes.customers.map((c) => c.customerId), ['after']);
    assert.deepEqual(changes.keys, ['id:b']);
  });

  it('counts a customer once whatever its number of records or the case of its id, oldest change first', () => {
    const changes = changedCustomers(
      [
        record({ id: '3', customerId: 'AAAA', operationDate: '2026-12-07T12:00:00Z' }),
        record({ id: '1', customerId: 'aaaa', operationDate: '2026-12-07T10:30:00Z', operationType: 'add_customer' }),
        record({ id: '2', customerId: 'bbbb', operationDate: '2026-12-07T11:00:00Z', operationType: 'remove_partner_customer_relationship' }),
      ],
      since,
      new Set(),
    );
    assert.deepEqual(changes.customers, [
      { customerId: 'aaaa', isNew: true, relationshipRemoved: false },
      { customerId: 'bbbb', isNew: false, relationshipRemoved: true },
    ]);
  });

  it('ignores failed records and records without a customer id', () => {
    const changes = changedCustomers(
      [
        record({ id: '1', operationDate: '2026-12-07T11:00:00Z', operationStatus: 'failed' }),
        record({ id: '2', operationDate: '2026-12-07T11:00:00Z', customerId: undefined }),
        record({ id: '3', operationDate: '2026-12-07T11:00:00Z', customerId: '  ' }),
      ],
      since,
      new Set(),
    );
    assert.deepEqual(changes.customers, []);
    assert.equal(changes.keys.length, 3, 'still remembered, so not read as new next time');
  });

  it('tells records without an id apart by date, operation, customer and correlation id', () => {
    const a = record({ operationDate: '2026-12-07T11:00:00Z', originalCorrelationId: 'x' });
    const b = record({ operationDate: '2026-12-07T11:00:00Z', originalCorrelationId: 'y' });
    assert.notEqual(auditRecordKey(a), auditRecordKey(b));
    assert.equal(auditRecordKey(a), auditRecordKey({ ...a }));
  });
});

describe('activity settings', () => {
  it('applies the defaults and refuses a value out of range, naming the setting', () => {
    assert.deepEqual(parseActivitySettings({}), { ok: true, settings: { days: 7, pollMinutes: 0, fullRefreshDays: 7 } });
    const bad = parseActivitySettings({ days: 91, fullRefreshDays: 1.5 });
    assert.ok(!bad.ok);
    assert.deepEqual(bad.problems, [
      'partnerCenter.activity.days: expected a whole number from 1 to 90.',
      'partnerCenter.activity.fullRefreshDays: expected a whole number from 1 to 30.',
    ]);
  });
});
