import { isCancellation } from '../../api/errors';

/** How to load: `fresh` skips caches (a refresh); otherwise a cached value is fine (first load, retry). */
export interface LoadRequest {
  readonly fresh: boolean;
  /** `MS-CorrelationId` of the user action that asked for it. */
  readonly correlationId?: string;
}

/**
 * One value loaded on demand (a customer's details), with its failure kept: looking at it again does not
 * re-send a request that failed; only `reload` does. Concurrent loads share one fetch.
 */
export class Loadable<T> {
  private result: { value: T } | { error: unknown } | undefined;
  private pending: Promise<void> | undefined;
  private generation = 0;

  constructor(private readonly fetch: (request: LoadRequest) => Promise<T>) {}

  get value(): T | undefined {
    return this.result && 'value' in this.result ? this.result.value : undefined;
  }

  get error(): unknown {
    return this.result && 'error' in this.result ? this.result.error : undefined;
  }

  /** A value or a failure is known. */
  get settled(): boolean {
    return this.result !== undefined;
  }

  /** Loads once: resolves at once when a value or a failure is known. */
  ensure(correlationId?: string): Promise<void> {
    if (this.result) return Promise.resolve();
    return this.pending ?? this.reload({ fresh: false, correlationId });
  }

  /** A newer value obtained elsewhere replaces what is known (a load in flight still lands after it). */
  replace(value: T): void {
    this.result = { value };
  }

  /** Fetches again; the new value or failure replaces the old one when it arrives (the old one shows meanwhile). */
  reload(request: LoadRequest): Promise<void> {
    const generation = ++this.generation;
    const loading = this.fetch(request).then(
      (value) => {
        if (generation === this.generation) this.result = { value };
      },
      (error: unknown) => {
        // A cancellation is not a failure to remember: the next look loads again.
        if (generation === this.generation && !isCancellation(error)) this.result = { error };
      },
    );
    const shared = loading.finally(() => {
      if (this.pending === shared) this.pending = undefined;
    });
    this.pending = shared;
    return shared;
  }
}
