// What reached the sandbox's API, for tests that check what a client really sent (throttle fidelity,
// headers, retries). Admin API calls are never recorded.
import { type IncomingHttpHeaders } from 'node:http';

export interface LoggedRequest {
  readonly seq: number;
  /** Arrival, in ms since the epoch with sub-millisecond precision (the time the rate limiter counts). */
  readonly at: number;
  tenant: string | null;
  readonly method: string;
  /** Path and query exactly as received. */
  readonly path: string;
  /** Lower-cased names; an Authorization value that is not a sandbox token is redacted. */
  readonly headers: Readonly<Record<string, string>>;
  /** The status sent; null while unanswered, and for dropped, hung or abandoned requests. */
  status: number | null;
  /** Counted by the rate limiter. */
  admitted: boolean;
  /** Id of the injected fault that handled it. */
  fault: string | null;
}

/** Bounded, so a sandbox left running for days does not grow without end. */
const MAX_ENTRIES = 20_000;

const SANDBOX_AUTHORIZATION = /^Bearer sandbox:[^\s]*$/i;

function loggedHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  // Never keep anything that could be a real credential.
  if (out.authorization !== undefined && !SANDBOX_AUTHORIZATION.test(out.authorization)) {
    out.authorization = '[redacted: not a sandbox token]';
  }
  return out;
}

export class RequestLog {
  private entries: LoggedRequest[] = [];
  private seq = 0;

  record(at: number, method: string, path: string, headers: IncomingHttpHeaders): LoggedRequest {
    const entry: LoggedRequest = {
      seq: ++this.seq, at, tenant: null, method, path, headers: loggedHeaders(headers),
      status: null, admitted: false, fault: null,
    };
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    return entry;
  }

  list(): readonly LoggedRequest[] {
    return this.entries;
  }

  clear(): number {
    const count = this.entries.length;
    this.entries = [];
    return count;
  }
}
