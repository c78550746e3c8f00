import * as l10n from '@vscode/l10n';

// A load that waits behind its tenant's queue (an export spending the quota, say) would look hung: the view
// says it is queued, how many requests wait and for about how long, until the load is answered.

/** What the view reads of the shared client's per-tenant queue. */
export interface TenantQueueGauge {
  queueDepth(tenantId: string): number;
  estimatedWaitMs(tenantId: string, count?: number): number;
}

/**
 * A load still pending this long while its tenant's queue is not empty is said to be queued. Answers from the
 * cache (microtasks) and quick round trips never get that far, so the message never flashes for them.
 */
export const QUEUED_NOTICE_AFTER_MS = 250;

interface QueuedLoad {
  readonly tenantId: string;
  readonly waiting: number;
  readonly waitMs: number;
}

export class QueuedLoads {
  private readonly loads = new Set<QueuedLoad>();

  constructor(
    private readonly gauge: TenantQueueGauge,
    /** Called when the text changes (a load found queued, or a queued load settled). */
    private readonly onChange: () => void,
    private readonly noticeAfterMs = QUEUED_NOTICE_AFTER_MS,
  ) {}

  /** Runs `start`; while it is pending behind its tenant's queue, `text` says so. */
  async track<T>(tenantId: string, start: () => Promise<T>): Promise<T> {
    const task = start();
    let load: QueuedLoad | undefined;
    const timer = setTimeout(() => {
      const waiting = this.gauge.queueDepth(tenantId);
      // Pending for another reason (a slow answer): the progress bar says enough.
      if (waiting === 0) return;
      load = { tenantId, waiting, waitMs: this.gauge.estimatedWaitMs(tenantId) };
      this.loads.add(load);
      this.onChange();
    }, this.noticeAfterMs);
    try {
      return await task;
    } finally {
      clearTimeout(timer);
      if (load) {
        this.loads.delete(load);
        this.onChange();
      }
    }
  }

  /** One sentence per tenant with a queued load (its longest wait), or undefined when none is queued. */
  text(): string | undefined {
    const longest = new Map<string, QueuedLoad>();
    for (const load of this.loads) {
      const known = longest.get(load.tenantId);
      if (!known || load.waitMs > known.waitMs) longest.set(load.tenantId, load);
    }
    if (!longest.size) return undefined;
    return [...longest.values()]
      .map((load) =>
        l10n.t(
          'Queued for the request quota of {0}: {1} requests waiting, about {2} s.',
          load.tenantId,
          load.waiting,
          Math.ceil(load.waitMs / 1000),
        ),
      )
      .join(' ');
  }
}
