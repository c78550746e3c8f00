import type { PartnerCenterApi, TenantId } from '../api/types';

// The "about N left" of a billing export, unit-tested through exportCustomers.
//
// Two things bound how long the remaining reads take, and the slower one decides:
// - the request budget (500 per minute by default): the first ~500 reads go out at once and answer in
//   seconds, so the average time per customer so far says nothing about the ones that must wait for the
//   window to roll; the client's limiter knows when the last of them can be sent;
// - the round trips, a few at a time: when the budget is not the bottleneck, the rate observed so far is.

/** The client's estimate of its own rate limiter's waits. */
export type RequestBudget = Pick<PartnerCenterApi, 'estimatedWaitMs'>;

export interface BillingProgressCounts {
  /** Reads answered (or failed for good). */
  readonly done: number;
  /** Reads not asked for yet: they still need a place in the budget. (Those in flight already have one.) */
  readonly notStarted: number;
  readonly total: number;
}

export class RemainingTime {
  private readonly started: number;
  /** The quickest read seen: a read that did not wait for the budget, i.e. one round trip. */
  private fastestReadMs: number | undefined;

  constructor(
    private readonly tenant: TenantId,
    private readonly budget: RequestBudget,
    private readonly now: () => number,
  ) {
    this.started = now();
  }

  /** Times one read: call when it starts, and the returned function when it has settled. */
  readStarted(): () => void {
    const startedAt = this.now();
    return () => {
      const took = this.now() - startedAt;
      this.fastestReadMs = Math.min(this.fastestReadMs ?? took, took);
    };
  }

  /** Whole seconds left, or undefined until a first read has settled (nothing observed yet). */
  seconds(counts: BillingProgressCounts): number | undefined {
    if (counts.done === 0) return undefined;
    const remaining = counts.total - counts.done;
    if (remaining <= 0) return 0;
    const byObservedRate = (remaining * (this.now() - this.started)) / counts.done;
    const byBudget = this.budget.estimatedWaitMs(this.tenant, counts.notStarted) + (this.fastestReadMs ?? 0);
    return Math.ceil(Math.max(byObservedRate, byBudget) / 1000);
  }
}
