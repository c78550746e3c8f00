// Search-as-you-type plumbing, without any UI: waits for a pause in typing, runs one search per pause, and
// aborts the previous search as soon as the text changes, so a late answer never replaces a newer one.

export interface DebouncedSearchOptions<R> {
  readonly delayMs: number;
  /** Runs one search; must stop when `signal` aborts. */
  readonly search: (text: string, signal: AbortSignal) => Promise<R>;
  /** A search for `text` is pending (show a busy indicator). */
  readonly onPending: (text: string) => void;
  readonly onResult: (text: string, result: R) => void;
  readonly onError: (text: string, error: unknown) => void;
  /** The text is empty: nothing to search. */
  readonly onCleared: () => void;
}

export interface DebouncedSearch {
  /** The typed text changed. */
  update(text: string): void;
  /** Aborts what runs and forgets what waits. */
  dispose(): void;
}

export function debouncedSearch<R>(options: DebouncedSearchOptions<R>): DebouncedSearch {
  let controller: AbortController | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const stop = () => {
    controller?.abort();
    controller = undefined;
    clearTimeout(timer);
  };

  return {
    update(value: string) {
      stop();
      const text = value.trim();
      if (!text) {
        options.onCleared();
        return;
      }
      options.onPending(text);
      const current = new AbortController();
      controller = current;
      timer = setTimeout(() => {
        options.search(text, current.signal).then(
          (result) => {
            if (!current.signal.aborted) options.onResult(text, result);
          },
          (error: unknown) => {
            if (!current.signal.aborted) options.onError(text, error);
          },
        );
      }, options.delayMs);
    },
    dispose: stop,
  };
}
