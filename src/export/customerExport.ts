import * as l10n from '@vscode/l10n';
import { PartnerCenterError, errorMessage, isCancellation } from '../api/errors';
import type { Customer } from '../api/schemas';
import { PageCursorHistory } from '../api/pageCursorHistory';
import type { InvalidCustomer, PartnerCenterApi, TenantId } from '../api/types';
import { yieldToEventLoop } from '../api/yieldToEventLoop';
import { csvDocument } from './csv';
import { RemainingTime } from './remainingTime';

// The customer-list export without any UI: pages through every customer of a tenant, optionally reads each
// customer's billing profile, and builds the CSV. The command (commands/exportCommands.ts) adds the dialogs,
// the progress notification and the file writing.

/** The CSV columns, in the documented order. Not localized: they are a file format other tools read by name. */
export const BASE_COLUMNS = ['Customer ID', 'Company name', 'Primary domain', 'Relationship'] as const;
export const BILLING_COLUMNS = ['Billing first name', 'Billing last name', 'Billing email', 'Culture', 'Language', 'Country'] as const;

/** How many billing reads are in flight at once: enough to keep the client's limiter busy, no more. */
export const BILLING_CONCURRENCY = 6;

export type ExportProgress =
  | { readonly phase: 'listing'; readonly loaded: number }
  | { readonly phase: 'billing'; readonly done: number; readonly total: number; readonly remainingSeconds?: number };

export interface ExportRequest {
  readonly tenantId: TenantId;
  readonly includeBilling: boolean;
  readonly correlationId: string;
  readonly signal: AbortSignal;
  readonly onProgress?: (progress: ExportProgress) => void;
  /** Milliseconds clock, for the remaining-time estimate (tests pass a fake). */
  readonly now?: () => number;
}

/** A customer whose billing read failed after the client's retries: its billing cells are left empty. */
export interface BillingFailure {
  readonly customerId: string;
  readonly companyName: string;
  readonly message: string;
}

export interface ExportResult {
  /** The whole file content (BOM, header, rows). */
  readonly csv: string;
  /** Data rows (customers), without the header. */
  readonly rows: number;
  readonly billingFailures: readonly BillingFailure[];
}

/** What an export needs of the client: the list, the by-id read (which embeds the billing profile), the queue estimate. */
export type ExportClient = Pick<PartnerCenterApi, 'listCustomers' | 'getCustomer' | 'estimatedWaitMs'>;

export async function exportCustomers(client: ExportClient, request: ExportRequest): Promise<ExportResult> {
  const customers = await listAllCustomers(client, request);
  const billing = request.includeBilling ? await readBillingProfiles(client, customers, request) : undefined;
  throwIfCancelled(request.signal);
  const header = request.includeBilling ? [...BASE_COLUMNS, ...BILLING_COLUMNS] : [...BASE_COLUMNS];
  const rows = customers.map((customer, index) =>
    billing ? [...baseCells(customer), ...billingCells(billing.profiles[index])] : baseCells(customer),
  );
  return { csv: csvDocument(header, rows, { guardFormulas: true }), rows: rows.length, billingFailures: billing?.failures ?? [] };
}

async function listAllCustomers(client: ExportClient, request: ExportRequest): Promise<Customer[]> {
  const options = { signal: request.signal, correlationId: request.correlationId };
  const seen = new Set<string>();
  const customers: Customer[] = [];
  const invalid: InvalidCustomer[] = [];
  const history = new PageCursorHistory();
  let page = await client.listCustomers(request.tenantId, undefined, options);
  for (;;) {
    // A customer added while paging can shift a page boundary; never write the same customer twice.
    for (const customer of page.customers) {
      if (seen.has(customer.id)) continue;
      seen.add(customer.id);
      customers.push(customer);
    }
    for (const entry of page.entries) if (entry.kind === 'invalid') invalid.push(entry.invalid);
    request.onProgress?.({ phase: 'listing', loaded: customers.length + invalid.length });
    if (!page.next) break;
    history.follow(page.next);
    // Cached pages resolve at once: without this turn, a Cancel (or any timer) would wait for the whole list.
    await yieldToEventLoop();
    throwIfCancelled(request.signal);
    page = await client.listCustomers(request.tenantId, page.next, options);
  }
  if (invalid.length > 0) throw unreadableCustomers(request.tenantId, invalid);
  return customers;
}

/**
 * Customers the list gave in a form that cannot be read fail the export, after the listing (so the count is
 * complete) and before any billing read: a CSV quietly missing customers is worse than none, and the message
 * says which field broke (with the request id), which is what Partner Center support needs.
 */
function unreadableCustomers(tenantId: TenantId, invalid: readonly InvalidCustomer[]): PartnerCenterError {
  const first = invalid[0]!;
  return new PartnerCenterError({
    kind: 'invalidResponse',
    summary: l10n.t(
      'Nothing was exported: Partner Center listed customers of tenant {0} that cannot be read ({1} in all; the first: {2}).',
      tenantId,
      invalid.length,
      first.problem,
    ),
    status: first.error.status,
    fieldPath: first.error.fieldPath,
    requestId: first.error.requestId,
    correlationId: first.error.correlationId,
    request: first.error.request,
  });
}

/** One `getCustomer` per customer (it embeds the billing profile), a few at a time; the client paces them. */
async function readBillingProfiles(
  client: ExportClient,
  customers: readonly Customer[],
  request: ExportRequest,
): Promise<{ profiles: (Customer['billingProfile'] | undefined)[]; failures: BillingFailure[] }> {
  const eta = new RemainingTime(request.tenantId, client, request.now ?? Date.now);
  const profiles: (Customer['billingProfile'] | undefined)[] = new Array(customers.length);
  const failures: { index: number; failure: BillingFailure }[] = [];
  // When one worker fails for good (cancelled, signed out), the others must stop sending too.
  const stop = new AbortController();
  const signal = AbortSignal.any([request.signal, stop.signal]);
  let next = 0;
  let done = 0;
  const report = () => {
    const remainingSeconds = eta.seconds({ done, notStarted: customers.length - next, total: customers.length });
    request.onProgress?.({ phase: 'billing', done, total: customers.length, remainingSeconds });
  };
  report();
  const worker = async () => {
    while (next < customers.length) {
      throwIfCancelled(signal);
      const index = next++;
      const customer = customers[index]!;
      const settled = eta.readStarted();
      try {
        const fetched = await client.getCustomer(request.tenantId, customer.id, { signal, correlationId: request.correlationId });
        profiles[index] = fetched.value.billingProfile;
      } catch (error) {
        if (!isCustomerSpecific(error) || signal.aborted) {
          stop.abort();
          throw error;
        }
        failures.push({
          index,
          failure: { customerId: customer.id, companyName: customer.companyProfile?.companyName ?? '', message: errorMessage(error) },
        });
      } finally {
        settled();
      }
      done++;
      report();
      // Cached customers resolve at once too: let a Cancel in between reads.
      await yieldToEventLoop();
    }
  };
  // The first rejection ends the export; `stop` makes the other workers reject their queued calls too.
  await Promise.all(Array.from({ length: Math.min(BILLING_CONCURRENCY, customers.length) }, worker));
  return { profiles, failures: failures.sort((a, b) => a.index - b.index).map((entry) => entry.failure) };
}

function baseCells(customer: Customer): (string | null | undefined)[] {
  return [customer.id, customer.companyProfile?.companyName, customer.companyProfile?.domain, customer.relationshipToPartner];
}

function billingCells(profile: Customer['billingProfile'] | undefined): (string | null | undefined)[] {
  return [profile?.firstName, profile?.lastName, profile?.email, profile?.culture, profile?.language, profile?.defaultAddress?.country];
}

/**
 * Whether a failed billing read concerns only that customer (keep going, leave its cells empty) rather than
 * every read of the export (cancelled, signed out, invalid settings: stop, write nothing).
 */
function isCustomerSpecific(error: unknown): boolean {
  if (isCancellation(error)) return false;
  return !(error instanceof PartnerCenterError && (error.kind === 'auth' || error.kind === 'settings'));
}

function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw PartnerCenterError.cancelled();
}
