import * as l10n from '@vscode/l10n';
import { type AuditFilter, auditWindows, oldestAuditDay, utcDay, addDays } from '../../api/auditQuery';
import type { AuditRecord } from '../../api/auditSchemas';
import { PageCursorHistory } from '../../api/pageCursorHistory';
import type { AuditPage, PageCursor, PartnerCenterApi, RequestOptions } from '../../api/types';
import { auditRecordKey } from './changedCustomers';

// What the Activity view has loaded of one tenant's audit log: the last `days` days, read newest first in
// 30-day windows, a page at a time (Load more), records de-duplicated by their key.

export interface DayGroup {
  /** `yyyy-mm-dd` (UTC, as the API's dates are). */
  readonly day: string;
  readonly records: readonly AuditRecord[];
}

export class ActivityLog {
  private readonly windows: { startDate: string; endDate: string }[];
  private window = 0;
  private cursor: PageCursor | undefined;
  private history = new PageCursorHistory();
  private readonly keys = new Set<string>();
  private readonly loaded: AuditRecord[] = [];
  private started = false;
  error: unknown;

  constructor(
    private readonly client: Pick<PartnerCenterApi, 'auditRecords'>,
    readonly tenantId: string,
    days: number,
    readonly filter: AuditFilter | undefined,
    now = new Date(),
  ) {
    const today = utcDay(now);
    const start = addDays(today, -(days - 1));
    const oldest = oldestAuditDay(now);
    this.windows = auditWindows(start < oldest ? oldest : start, today);
  }

  get records(): readonly AuditRecord[] {
    return this.loaded;
  }

  get hasMore(): boolean {
    return !this.started || this.cursor !== undefined || this.window < this.windows.length;
  }

  /** The next page (the first, the cursor's, or the next window's first); a failure is kept in `error` and retried next time. */
  async loadMore(options: RequestOptions = {}): Promise<number> {
    if (!this.hasMore) return 0;
    const window = this.windows[this.window];
    if (!window) return 0;
    try {
      const page: AuditPage = await this.client.auditRecords(this.tenantId, { ...window, ...(this.filter ? { filter: this.filter } : {}) }, this.cursor, options);
      this.started = true;
      this.error = undefined;
      if (page.next) this.history.follow(page.next);
      this.cursor = page.next;
      if (!page.next) {
        this.window++;
        this.history = new PageCursorHistory();
      }
      let added = 0;
      for (const record of page.records) {
        const key = auditRecordKey(record);
        if (this.keys.has(key)) continue;
        this.keys.add(key);
        this.loaded.push(record);
        added++;
      }
      return added;
    } catch (error) {
      this.started = true;
      this.error = error;
      throw error;
    }
  }
}

/** Newest day first, newest record first within a day. */
export function groupByDay(records: readonly AuditRecord[]): DayGroup[] {
  const sorted = [...records].sort((a, b) => Date.parse(b.operationDate) - Date.parse(a.operationDate));
  const groups = new Map<string, AuditRecord[]>();
  for (const record of sorted) {
    const day = utcDay(new Date(record.operationDate));
    const group = groups.get(day) ?? [];
    group.push(record);
    groups.set(day, group);
  }
  return [...groups].map(([day, dayRecords]) => ({ day, records: dayRecords }));
}

/** The record whose new value is what `record` changed from: the same customer's previous loaded record with one. */
export function previousValueRecord(records: readonly AuditRecord[], record: AuditRecord): AuditRecord | undefined {
  if (!record.customerId) return undefined;
  const at = Date.parse(record.operationDate);
  return records
    .filter((r) => r !== record && r.customerId?.toLowerCase() === record.customerId?.toLowerCase() && r.resourceNewValue && Date.parse(r.operationDate) < at)
    .sort((a, b) => Date.parse(b.operationDate) - Date.parse(a.operationDate))[0];
}

/** A localized label for the operation types that concern customers; the raw value for any other. */
export function operationLabel(operationType: string): string {
  switch (operationType) {
    case 'add_customer':
      return l10n.t('Customer added');
    case 'update_customer_billing_profile':
      return l10n.t('Billing profile updated');
    case 'update_customer_partner_contract_company_name':
      return l10n.t('Company name updated');
    case 'update_customer_qualification':
      return l10n.t('Qualification updated');
    case 'update_customer_spending_budget':
      return l10n.t('Spending budget updated');
    case 'delete_customer':
      return l10n.t('Customer deleted');
    case 'remove_partner_customer_relationship':
      return l10n.t('Reseller relationship removed');
    case 'create_customer_user':
      return l10n.t('User created');
    case 'update_customer_user':
      return l10n.t('User updated');
    case 'delete_customer_user':
      return l10n.t('User deleted');
    case 'reset_customer_user_password':
      return l10n.t('User password reset');
    case 'create_order':
      return l10n.t('Order placed');
    default:
      return operationType;
  }
}

/** Every field of a record as `name: value` lines of text (the tooltip; never markup). */
export function recordTooltip(record: AuditRecord): string {
  const lines: string[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (value === undefined || value === null) continue;
    if (key === 'customizedData' && Array.isArray(value)) {
      for (const entry of value as { key: string; value?: string | null }[]) lines.push(`${entry.key}: ${entry.value ?? ''}`);
      continue;
    }
    if (key === 'resourceOldValue' || key === 'resourceNewValue') {
      const text = String(value);
      lines.push(`${key}: ${text.length > 200 ? `${text.slice(0, 200)}…` : text}`);
      continue;
    }
    lines.push(`${key}: ${typeof value === 'object' ? JSON.stringify(value) : String(value)}`);
  }
  return lines.join('\n');
}

/** Who did it: the user, else the application. */
export function actor(record: AuditRecord): string {
  return record.userPrincipalName || record.applicationId || l10n.t('unknown');
}
