import { type AuditQuery, auditWindows, utcDay } from '../../api/auditQuery';
import type { AuditRecord } from '../../api/auditSchemas';
import type { Logger } from '../../api/logger';
import { PageCursorHistory } from '../../api/pageCursorHistory';
import type { Customer } from '../../api/schemas';
import type { Fetched, PartnerCenterApi } from '../../api/types';
import type { ActivitySettings } from './activitySettings';
import { changedCustomers } from './changedCustomers';

// Refresh what changed: reads the activity log since the tenant's last full load, then fetches only the
// customers it names (one request each) and updates them in place. Microsoft's throttling guidance asks
// integrators to do exactly this instead of re-scanning the customer list.

const DAY_MS = 86_400_000;

export interface RefreshChangedResult {
  /** Customers fetched again and shown with their new data. */
  readonly updated: number;
  /** Of those, customers new to the list (`add_customer`). */
  readonly added: number;
  /** Of those, customers whose reseller relationship was removed. */
  readonly relationshipsRemoved: number;
  /** Customers the log named that could not be fetched (their failure is in the log). */
  readonly failed: number;
  /** Tenants refreshed whole instead (never loaded, or loaded longer ago than fullRefreshDays). */
  readonly wholeRefreshTenants: readonly string[];
}

/** What Refresh what changed needs of the customers view (pure, so the bench can drive it without VS Code). */
export interface ChangedCustomersTarget {
  fullListLoadedSince(tenantId: string): Date | undefined;
  applyChanged(tenantId: string, changes: readonly { readonly fetched: Fetched<Customer>; readonly isNew: boolean }[]): void;
  refreshTenant(tenantId: string, options?: { readonly correlationId?: string }): Promise<void>;
}

/** Per tenant: the full load the log is read against, the records already applied, and the day read last. */
interface Checkpoint {
  readonly since: Date;
  readonly applied: Set<string>;
  fromDay: string;
}

export class ChangeRefresher {
  private readonly checkpoints = new Map<string, Checkpoint>();
  private running: Promise<RefreshChangedResult> | undefined;

  constructor(
    private readonly client: Pick<PartnerCenterApi, 'auditRecords' | 'getCustomer'>,
    private readonly customers: ChangedCustomersTarget,
    private readonly log: Pick<Logger, 'warn'>,
  ) {}

  /** One run at a time: a second call while one runs shares it. */
  run(tenants: readonly string[], settings: ActivitySettings, correlationId: string): Promise<RefreshChangedResult> {
    this.running ??= this.runAll(tenants, settings, correlationId).finally(() => (this.running = undefined));
    return this.running;
  }

  /** Forgets every checkpoint (new settings or account: the next run starts from the lists' loads). */
  reset(): void {
    this.checkpoints.clear();
  }

  private async runAll(tenants: readonly string[], settings: ActivitySettings, correlationId: string): Promise<RefreshChangedResult> {
    const results = await Promise.all(tenants.map((tenant) => this.runTenant(tenant, settings, correlationId)));
    return {
      updated: sum(results, 'updated'),
      added: sum(results, 'added'),
      relationshipsRemoved: sum(results, 'relationshipsRemoved'),
      failed: sum(results, 'failed'),
      wholeRefreshTenants: results.flatMap((r) => r.wholeRefreshTenants),
    };
  }

  private async runTenant(tenant: string, settings: ActivitySettings, correlationId: string): Promise<RefreshChangedResult> {
    const since = this.customers.fullListLoadedSince(tenant);
    const now = new Date();
    if (!since || now.getTime() - since.getTime() > settings.fullRefreshDays * DAY_MS) {
      this.checkpoints.delete(tenant);
      await this.customers.refreshTenant(tenant, { correlationId });
      return { updated: 0, added: 0, relationshipsRemoved: 0, failed: 0, wholeRefreshTenants: [tenant] };
    }
    let checkpoint = this.checkpoints.get(tenant);
    if (checkpoint?.since.getTime() !== since.getTime()) {
      checkpoint = { since, applied: new Set(), fromDay: utcDay(since) };
      this.checkpoints.set(tenant, checkpoint);
    }
    const today = utcDay(now);
    const records = await this.readLog(tenant, checkpoint.fromDay, today, correlationId);
    const changes = changedCustomers(records, since, checkpoint.applied);
    const fetched = await Promise.allSettled(
      changes.customers.map((change) => this.client.getCustomer(tenant, change.customerId, { bypassCache: true, correlationId })),
    );
    const shown: { fetched: Fetched<Customer>; isNew: boolean }[] = [];
    let failed = 0;
    fetched.forEach((outcome, index) => {
      const change = changes.customers[index]!;
      if (outcome.status === 'fulfilled') shown.push({ fetched: outcome.value, isNew: change.isNew });
      else {
        failed++;
        this.log.warn(`Refresh what changed: customer ${change.customerId} of ${tenant} could not be fetched: ${String(outcome.reason)}`);
      }
    });
    this.customers.applyChanged(tenant, shown);
    // The day read last is read again next time (its later records are not known yet); the keys leave out the rest.
    for (const key of changes.keys) checkpoint.applied.add(key);
    checkpoint.fromDay = today;
    const succeeded = new Set(shown.map((s) => s.fetched.value.id.toLowerCase()));
    const ok = changes.customers.filter((c) => succeeded.has(c.customerId.toLowerCase()));
    return {
      updated: shown.length,
      added: ok.filter((c) => c.isNew).length,
      relationshipsRemoved: ok.filter((c) => c.relationshipRemoved).length,
      failed,
      wholeRefreshTenants: [],
    };
  }

  /** Every page of every 30-day window from `fromDay` to `today`. */
  private async readLog(tenant: string, fromDay: string, today: string, correlationId: string): Promise<AuditRecord[]> {
    const records: AuditRecord[] = [];
    for (const window of auditWindows(fromDay, today)) {
      const query: AuditQuery = window;
      const history = new PageCursorHistory();
      let page = await this.client.auditRecords(tenant, query, undefined, { correlationId });
      records.push(...page.records);
      while (page.next) {
        history.follow(page.next);
        page = await this.client.auditRecords(tenant, query, page.next, { correlationId });
        records.push(...page.records);
      }
    }
    return records;
  }
}

function sum(results: readonly RefreshChangedResult[], key: 'updated' | 'added' | 'relationshipsRemoved' | 'failed'): number {
  return results.reduce((total, result) => total + result[key], 0);
}
