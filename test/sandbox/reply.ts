// What the sandbox answers, and how an answer goes on the wire with Partner Center's response headers:
// JSON, the echoed MS-RequestId / MS-CorrelationId, MS-CV, MS-ServerId, Date.
import { randomBytes, randomUUID } from 'node:crypto';
import { type IncomingHttpHeaders, STATUS_CODES, type ServerResponse } from 'node:http';

export interface Reply {
  readonly status: number;
  /** A JSON value, or with `raw` a string sent byte for byte (malformed-body faults). */
  readonly body: unknown;
  readonly raw?: boolean;
  readonly headers?: Readonly<Record<string, string>>;
}

/** ApiFault, the classic Partner Center error body (`code`, `description`, `data`, `source`); `code` is a number as on the wire. */
export function apiFault(status: number, code: number, description: string, headers?: Record<string, string>): Reply {
  return { status, body: { code, description, data: [], source: 'PartnerFD' }, headers };
}

/** The API gateway's throttling answer (`statusCode` and `message`, not an ApiFault), with its `Retry-After`. */
export function throttled(retryAfterSeconds: number): Reply {
  return {
    status: 429,
    body: { statusCode: 429, message: `Rate limit is exceeded. Try again in ${retryAfterSeconds} seconds.` },
    headers: { 'Retry-After': String(retryAfterSeconds) },
  };
}

/** A fault body for any status when the test did not give one. */
export function defaultErrorReply(status: number): Reply {
  if (status === 429) return throttled(1);
  const reason = STATUS_CODES[status] ?? 'Error';
  return apiFault(status, status, `${reason} (a fault injected by the Partner Center sandbox).`);
}

const SERVER_ID = '101122105';
const BOM = '\uFEFF';

/** `MS-CV` is a correlation vector: extend the caller's, or start one like the service does (`<base64>.0`). */
function correlationVector(incoming: string | undefined): string {
  if (incoming) return `${incoming}.0`;
  return `${randomBytes(12).toString('base64').replace(/[+/=]/g, 'A')}.0`;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Serializes the body (with a leading BOM when asked) and writes the answer, unless the client already left. */
export function writeReply(
  res: ServerResponse,
  requestHeaders: IncomingHttpHeaders,
  reply: Reply,
  options: { bom: boolean },
): void {
  if (res.destroyed || res.headersSent) return;
  const text = reply.raw ? String(reply.body) : JSON.stringify(reply.body);
  const payload = Buffer.from(options.bom ? BOM + text : text, 'utf8');
  res.statusCode = reply.status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', payload.length);
  res.setHeader('MS-RequestId', single(requestHeaders['ms-requestid']) || randomUUID());
  res.setHeader('MS-CorrelationId', single(requestHeaders['ms-correlationid']) || randomUUID());
  res.setHeader('MS-CV', correlationVector(single(requestHeaders['ms-cv'])));
  res.setHeader('MS-ServerId', SERVER_ID);
  for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
  res.end(payload);
}

/** Admin API answers: plain JSON, none of Partner Center's headers or BOM. */
export function writeAdminReply(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed || res.headersSent) return;
  const payload = Buffer.from(JSON.stringify(body), 'utf8');
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': payload.length });
  res.end(payload);
}
