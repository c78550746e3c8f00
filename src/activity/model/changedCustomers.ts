import type { AuditRecord } from '../../api/auditSchemas';
import { customerIdKey } from '../../customerRef';

// Which customers the activity log says changed since a moment. The API's dates are whole days, so a check
// re-reads the day it last read: records older than the moment, or already applied, are left out.

/** A record's identity: its id when it has one, else what tells two records of one operation apart. */
export function auditRecordKey(record: AuditRecord): string {
  if (record.id) return `id:${record.id}`;
  return JSON.stringify([record.operationDate, record.operationType, record.customerId ?? '', record.originalCorrelationId ?? '']);
}

export interface ChangedCustomer {
  readonly customerId: string;
  /** An `add_customer` record names it: it goes to the top of the list. */
  readonly isNew: boolean;
  /** A `remove_partner_customer_relationship` record names it. */
  readonly relationshipRemoved: boolean;
}

export interface ChangesSince {
  /** One per customer, in the order of their first change (oldest first). */
  readonly customers: readonly ChangedCustomer[];
  /** Keys of every record read that is newer than the moment (to leave out when the same day is read again). */
  readonly keys: readonly string[];
}

/**
 * The customers changed by records newer than `since` and not in `applied`. Only succeeded records that name
 * a customer count (a failed one changed nothing; some have no customer id at all).
 */
export function changedCustomers(records: readonly AuditRecord[], since: Date, applied: ReadonlySet<string>): ChangesSince {
  const sinceMs = since.getTime();
  const fresh = records
    .filter((record) => Date.parse(record.operationDate) >= sinceMs && !applied.has(auditRecordKey(record)))
    .sort((a, b) => Date.parse(a.operationDate) - Date.parse(b.operationDate));
  const byCustomer = new Map<string, { customerId: string; isNew: boolean; relationshipRemoved: boolean }>();
  for (const record of fresh) {
    const customerId = record.customerId?.trim();
    if (record.operationStatus !== 'succeeded' || !customerId) continue;
    const key = customerIdKey(customerId);
    const entry = byCustomer.get(key) ?? { customerId, isNew: false, relationshipRemoved: false };
    if (record.operationType === 'add_customer') entry.isNew = true;
    if (record.operationType === 'remove_partner_customer_relationship') entry.relationshipRemoved = true;
    byCustomer.set(key, entry);
  }
  return { customers: [...byCustomer.values()], keys: [...new Set(fresh.map(auditRecordKey))] };
}
