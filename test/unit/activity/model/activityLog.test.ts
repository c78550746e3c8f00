import assert from 'node:assert/strict';
import { ActivityLog, groupByDay, operationLabel, previousValueRecord, recordTooltip } from '../../../../src/activity/model/activityLog';
import type { AuditRecord } from '../../../../src/api/auditSchemas';
import type { AuditPage, PageCursor } from '../../../../src/api/types';

const at = (operationDate: string, fields: Partial<AuditRecord> = {}): AuditRecord => ({ operationType: 'add_customer', operationDate, ...fields });

describe('activity log model', () => {
  it('groups by UTC day, newest day and newest record first', () => {
    const groups = groupByDay([at('2026-12-05T23:59:59Z', { id: 'a' }), at('2026-12-06T00:00:00Z', { id: 'b' }), at('2026-12-06T08:00:00Z', { id: 'c' })]);
    assert.deepEqual(groups.map((g) => [g.day, g.records.map((r) => r.id)]), [['2026-12-06', ['c', 'b']], ['2026-12-05', ['a']]]);
  });

  it('labels known operations and shows an unknown one as received', () => {
    assert.equal(operationLabel('update_customer_billing_profile'), 'Billing profile updated');
    assert.equal(operationLabel('granular_admin_relationship_expired'), 'granular_admin_relationship_expired');
  });

  it("finds the same customer's previous value when a record has no old value", () => {
    const older = at('2026-12-01T00:00:00Z', { customerId: 'C', resourceNewValue: '{"A":1}' });
    const other = at('2026-12-02T00:00:00Z', { customerId: 'D', resourceNewValue: '{"A":2}' });
    const current = at('2026-12-03T00:00:00Z', { customerId: 'c', resourceNewValue: '{"A":3}' });
    assert.equal(previousValueRecord([current, other, older], current), older);
    assert.equal(previousValueRecord([current, other, older], older), undefined);
  });

  it('puts every field in the tooltip as text, markup included as is', () => {
    const tooltip = recordTooltip(at('2026-12-03T00:00:00Z', { customerName: '<b>Fabrikam</b>', customizedData: [{ key: 'OrderId', value: null }] }));
    assert.match(tooltip, /^operationType: add_customer$/m);
    assert.match(tooltip, /^customerName: <b>Fabrikam<\/b>$/m);
    assert.match(tooltip, /^OrderId: $/m);
  });

  it('reads the days asked for in 30-day windows, page by page, never a record twice', async () => {
    const asked: string[] = [];
    const client = {
      auditRecords: async (_tenant: string, query: { startDate: string; endDate?: string }, cursor?: PageCursor): Promise<AuditPage> => {
        asked.push(`${query.startDate}..${query.endDate}${cursor ? ' next' : ''}`);
        const same = at('2026-11-20T00:00:00Z', { id: 'dup' });
        return cursor || query.startDate !== '2026-11-08' ? { records: [same], invalid: [] } : { records: [same], invalid: [], next: { uri: 'n', headers: {} } };
      },
    };
    const log = new ActivityLog(client, 'default', 45, undefined, new Date('2026-12-07T12:00:00Z'));
    while (log.hasMore) await log.loadMore();
    assert.deepEqual(asked, ['2026-11-08..2026-12-07', '2026-11-08..2026-12-07 next', '2026-10-24..2026-11-07']);
    assert.equal(log.records.length, 1);
  });
});
