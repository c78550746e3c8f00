// A loop whose awaits resolve at once (cache hits, in-flight de-duplication) runs on microtasks only: timers,
// I/O and VS Code's Cancel never get a turn. Long loops await this between steps.

/** Resolves on a later turn of the event loop (setImmediate): due timers and I/O callbacks run first. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
