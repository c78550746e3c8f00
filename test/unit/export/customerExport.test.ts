import assert from 'node:assert/strict';
import { PartnerCenterError } from '../../../src/api/errors';
import { customerPage } from '../../../src/api/customerPage';
import { type Customer, customerCollectionSchema } from '../../../src/api/schemas';
import type { CustomerPage, Fetched, PageCursor, RequestOptions } from '../../../src/api/types';
import { BASE_COLUMNS, BILLING_COLUMNS, BILLING_CONCURRENCY, type ExportClient, type ExportProgress, exportCustomers } from '../../../src/export/customerExport';
import { parseCsv } from '../../support/csv';
import { waitFor } from '../../integration/helpers/waitFor';

function customer(n: number): Customer {
  return {
    id: `id-${n}`,
    companyProfile: { companyName: n === 2 ? 'Litware, Inc. "Q"\nline 2' : `Company ${n}`, domain: `c${n}.onmicrosoft.com` },
    relationshipToPartner: n % 2 ? 'reseller' : 'advisor',
    billingProfile: {
      firstName: `First${n}`,
      lastName: n === 3 ? '=cmd|calc' : `Last${n}`,
      email: `b${n}@example.com`,
      culture: 'fr-FR',
      language: 'fr',
      defaultAddress: { country: 'FR' },
    },
  };
}

/** A fake client: pages of `pageSize`, billing reads that can fail or wait, and counters of what was asked. */
class FakeClient implements ExportClient {
  readonly all: Customer[];
  billingReads = 0;
  inFlight = 0;
  maxInFlight = 0;
  failing = new Set<string>();
  /** List items (by index in the whole list) sent in place of the customer, e.g. breaking the schema. */
  broken = new Map<number, unknown>();
  failWith: (id: string) => Error = (id) => new PartnerCenterError({ kind: 'http', status: 503, summary: `503 for ${id}` });
  /** Resolved by the test to let billing reads finish. */
  gate: Promise<void> = Promise.resolve();
  /** Called as each billing read is sent (a test advances its fake clock here). */
  onRead: () => void = () => undefined;

  constructor(count: number, private readonly pageSize: number) {
    this.all = Array.from({ length: count }, (_, i) => customer(i + 1));
  }

  async listCustomers(_tenant: string, cursor?: PageCursor, options?: RequestOptions): Promise<CustomerPage> {
    if (options?.signal?.aborted) throw PartnerCenterError.cancelled();
    const start = cursor ? Number(cursor.uri) : 0;
    // List items carry only the company profile, as the real API's do.
    const items: unknown[] = this.all.slice(start, start + this.pageSize).map(({ billingProfile: _b, ...rest }) => rest);
    for (const [index, item] of this.broken) if (index >= start && index < start + this.pageSize) items[index - start] = item;
    const next = start + this.pageSize < this.all.length ? { uri: String(start + this.pageSize), headers: {} } : undefined;
    // Through the real schema and page builder: the export reads pages exactly as the client gives them.
    const request = { requestId: `req-${start}`, correlationId: options?.correlationId ?? '', label: `GET /v1/customers?start=${start}` };
    return customerPage(customerCollectionSchema.parse({ items }), request, next);
  }

  async getCustomer(_tenant: string, id: string, options?: RequestOptions): Promise<Fetched<Customer>> {
    this.billingReads++;
    this.onRead();
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await this.gate;
      if (options?.signal?.aborted) throw PartnerCenterError.cancelled();
      if (this.failing.has(id)) throw this.failWith(id);
      const value = this.all.find((c) => c.id === id)!;
      return { value, raw: value, fetchedAt: new Date() };
    } finally {
      this.inFlight--;
    }
  }

  /** A limiter that never makes anyone wait: the round trips alone decide how long an export takes. */
  estimatedWaitMs(_tenant: string, _count: number): number {
    return 0;
  }
}

/**
 * A fake client whose rate limiter allows `requests` per minute: the first `requests` reads go at once, each
 * further one waits `60 s / requests` (what the real client's estimatedWaitMs reports for a full window).
 */
class BudgetedClient extends FakeClient {
  constructor(count: number, private readonly requests: number) {
    super(count, 500);
  }

  override estimatedWaitMs(_tenant: string, count: number): number {
    const free = Math.max(0, this.requests - this.billingReads);
    return (Math.max(0, count - free) * 60_000) / this.requests;
  }
}

function run(
  client: FakeClient,
  includeBilling: boolean,
  signal = new AbortController().signal,
  onProgress?: (progress: ExportProgress) => void,
  now?: () => number,
) {
  return exportCustomers(client, {
    tenantId: 'fabrikam',
    includeBilling,
    correlationId: 'corr',
    signal,
    onProgress,
    now,
  });
}

interface TimedReport {
  readonly done: number;
  readonly total: number;
  readonly seconds: number | undefined;
  /** The fake clock when it was reported (ms since the export started). */
  readonly at: number;
}

/** Runs a billing export where each read takes `msPerRead` of a fake clock; returns its billing progress reports. */
async function billingProgressOver(client: FakeClient, msPerRead: number): Promise<TimedReport[]> {
  let clock = 0;
  client.onRead = () => (clock += msPerRead);
  const reports: TimedReport[] = [];
  const onProgress = (p: ExportProgress) => {
    if (p.phase === 'billing') reports.push({ done: p.done, total: p.total, seconds: p.remainingSeconds, at: clock });
  };
  await run(client, true, undefined, onProgress, () => clock);
  return reports;
}

describe('customer export (no UI)', () => {
  it('writes every customer of every page, once, with the four base columns', async () => {
    const client = new FakeClient(23, 5);
    const result = await run(client, false);
    const { records } = parseCsv(result.csv);
    assert.deepEqual(records[0], [...BASE_COLUMNS]);
    assert.equal(result.rows, 23);
    assert.deepEqual(records.slice(1).map((r) => r[0]), client.all.map((c) => c.id));
    assert.deepEqual(records[2], ['id-2', 'Litware, Inc. "Q"\nline 2', 'c2.onmicrosoft.com', 'advisor']);
    assert.equal(client.billingReads, 0, 'no billing read without billing');
  });

  it('adds the billing columns from one read per customer, a bounded number at a time', async () => {
    const client = new FakeClient(20, 7);
    let release!: () => void;
    client.gate = new Promise((resolve) => (release = resolve));
    const pending = run(client, true);
    await waitFor('the first billing reads', () => client.inFlight === BILLING_CONCURRENCY || undefined);
    release();
    const result = await pending;
    assert.equal(client.billingReads, 20);
    assert.equal(client.maxInFlight, BILLING_CONCURRENCY);
    const { records } = parseCsv(result.csv);
    assert.deepEqual(records[0], [...BASE_COLUMNS, ...BILLING_COLUMNS]);
    assert.deepEqual(records[1], ['id-1', 'Company 1', 'c1.onmicrosoft.com', 'reseller', 'First1', 'Last1', 'b1@example.com', 'fr-FR', 'fr', 'FR']);
    assert.equal(records[3]![5], "'=cmd|calc", 'a formula from the data is neutralized');
    assert.deepEqual(result.billingFailures, []);
  });

  it('keeps going when one customer fails, leaving its billing cells empty and naming it', async () => {
    const client = new FakeClient(6, 10);
    client.failing.add('id-4');
    const result = await run(client, true);
    const { records } = parseCsv(result.csv);
    assert.equal(result.rows, 6);
    assert.deepEqual(records[4], ['id-4', 'Company 4', 'c4.onmicrosoft.com', 'advisor', '', '', '', '', '', '']);
    assert.equal(records[5]![4], 'First5');
    assert.deepEqual(result.billingFailures.map((f) => [f.customerId, f.companyName]), [['id-4', 'Company 4']]);
    assert.match(result.billingFailures[0]!.message, /503 for id-4/);
  });

  it('fails, writing nothing and reading no billing, when the list has customers that cannot be read', async () => {
    const client = new FakeClient(12, 5);
    client.broken.set(3, { ...client.all[3], companyProfile: 42 });
    client.broken.set(8, { companyProfile: { companyName: 'No id' } });
    const progress: ExportProgress[] = [];
    const error = await run(client, true, undefined, (p) => progress.push(p)).then(
      () => assert.fail('the export succeeded'),
      (failure: unknown) => failure,
    );
    assert.ok(error instanceof PartnerCenterError && error.kind === 'invalidResponse');
    assert.equal(error.fieldPath, 'items[3].companyProfile');
    assert.equal(error.requestId, 'req-0');
    assert.match(error.message, /tenant fabrikam .*\(2 in all; the first: items\[3\]\.companyProfile: .*object/);
    assert.match(error.message, /Request ID req-0/);
    assert.equal(client.billingReads, 0);
    assert.deepEqual(progress.map((p) => p.phase === 'listing' && p.loaded), [5, 10, 12], 'every page was listed first');
  });

  it('stops (and writes nothing) when the reads fail for a reason that is not the customer', async () => {
    const client = new FakeClient(30, 10);
    for (const c of client.all) client.failing.add(c.id);
    client.failWith = () => new PartnerCenterError({ kind: 'auth', summary: 'Signed out.' });
    await assert.rejects(run(client, true), /Signed out/);
    assert.ok(client.billingReads <= BILLING_CONCURRENCY, `${client.billingReads} reads after the first auth failure`);
  });

  it('is cancelled by its signal: no result, and no reads after the cancellation', async () => {
    const client = new FakeClient(40, 10);
    const controller = new AbortController();
    let release!: () => void;
    client.gate = new Promise((resolve) => (release = resolve));
    const pending = run(client, true, controller.signal);
    await waitFor('the first billing reads', () => client.billingReads === BILLING_CONCURRENCY || undefined);
    controller.abort();
    release();
    await assert.rejects(pending, (error: unknown) => error instanceof PartnerCenterError && error.kind === 'cancelled');
    assert.equal(client.billingReads, BILLING_CONCURRENCY);
  });

  it('reports the count while listing, then done/total and the time left while reading billing', async () => {
    const client = new FakeClient(12, 5);
    const progress: ExportProgress[] = [];
    await run(client, true, undefined, (p) => progress.push(p));
    assert.deepEqual(progress.filter((p) => p.phase === 'listing').map((p) => p.phase === 'listing' && p.loaded), [5, 10, 12]);
    const billing = progress.filter((p) => p.phase === 'billing');
    assert.deepEqual(billing.map((p) => p.phase === 'billing' && p.done), [0, ...Array.from({ length: 12 }, (_, i) => i + 1)]);
    assert.ok(billing.every((p) => p.phase === 'billing' && p.total === 12));
    const last = billing.at(-1)!;
    assert.ok(last.phase === 'billing' && last.remainingSeconds === 0);
  });

  it('says how long the request budget still makes the reads wait, however quick the first reads were', async () => {
    // 1,250 customers at 500 requests a minute: the first 500 reads answer within seconds, the other 750 wait
    // for the window to roll, 120 ms apiece: about 90 s are left all along the first 500.
    const reports = await billingProgressOver(new BudgetedClient(1250, 500), 10);
    const early = reports.filter((r) => r.done >= 50 && r.done <= 490);
    assert.ok(early.length > 400);
    for (const report of early) {
      assert.ok(
        report.seconds !== undefined && report.seconds >= 88 && report.seconds <= 95,
        `${report.done} of 1250 done after ${report.at} ms: about ${report.seconds} s left, expected about 90 s`,
      );
    }
    assert.equal(reports.at(-1)!.seconds, 0);
  });

  it('goes by the rate observed so far when the budget is not what the reads wait for', async () => {
    const reports = await billingProgressOver(new BudgetedClient(300, 500), 40);
    for (const report of reports.filter((r) => r.done > 0)) {
      assert.equal(report.seconds, Math.ceil(((report.total - report.done) * report.at) / report.done / 1000), `at ${report.done} done`);
    }
  });
});
