// Fault injection for tests: which requests a fault catches, and what it does to their answer.
import { withoutVersion } from './paths';
import { defaultErrorReply, type Reply } from './reply';

export const FAULT_KINDS = ['status', 'malformed', 'schema', 'bom', 'drop', 'hang'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultSpec {
  readonly method?: string;
  /** Prefix of path+query, compared without `/v1` and case-insensitively, as routing does. */
  readonly path?: string;
  /** Tested against path+query as received. */
  readonly pathRegex?: string;
  readonly tenant?: string;
  /** How many requests it handles; 0 = until cleared. */
  readonly times: number;
  /** Matching requests to let through first. */
  readonly skip: number;
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  readonly delayMs?: number;
  readonly kind?: FaultKind;
  /** For `schema`: the field to break (`items[0].id`) and the value to put there. */
  readonly field?: string;
  readonly value?: unknown;
  /**
   * For a write (PUT) this fault answers instead of the route (drop, hang, status): true = the write is applied
   * first and then the answer is lost (a timeout after Partner Center saved); default false = nothing is written.
   */
  readonly writeApplied?: boolean;
}

export interface Fault extends FaultSpec {
  readonly id: string;
  /** Matching requests seen (skipped ones included). */
  seen: number;
  /** Requests it has handled. */
  applied: number;
}

export interface RequestFacts {
  readonly method: string;
  readonly path: string;
  readonly tenant: string | null;
}

/** What happens to a request a fault caught. */
export type FaultOutcome =
  | { readonly action: 'reply'; readonly reply: Reply; readonly bom?: boolean; readonly delayMs: number }
  | { readonly action: 'drop'; readonly delayMs: number }
  | { readonly action: 'hang' };

const FIELD_PATH = /^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*|\[\d+\])*$/;
const SPEC_KEYS = new Set([
  'method', 'path', 'pathRegex', 'tenant', 'times', 'skip', 'status', 'headers', 'body', 'delayMs', 'kind', 'field', 'value',
  'writeApplied',
]);

const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

/** Validates a `POST /_sandbox/faults` body; returns the spec or a message saying what is wrong. */
export function parseFaultSpec(input: unknown): FaultSpec | string {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return 'The fault must be a JSON object.';
  const o = input as Record<string, unknown>;
  const unknownKeys = Object.keys(o).filter((k) => !SPEC_KEYS.has(k));
  if (unknownKeys.length) return `Unknown fault properties: ${unknownKeys.join(', ')}.`;
  if (o.path === undefined && o.pathRegex === undefined) return 'A fault needs "path" (a path prefix such as "/v1/customers") or "pathRegex".';
  for (const key of ['method', 'path', 'pathRegex', 'tenant', 'field'] as const) {
    if (o[key] !== undefined && typeof o[key] !== 'string') return `"${key}" must be a string.`;
  }
  if (typeof o.path === 'string' && !o.path.startsWith('/')) return '"path" must start with "/".';
  if (typeof o.pathRegex === 'string') {
    try {
      new RegExp(o.pathRegex);
    } catch (error) {
      return `"pathRegex" is not a valid regular expression: ${(error as Error).message}`;
    }
  }
  for (const key of ['times', 'skip', 'delayMs'] as const) {
    if (o[key] !== undefined && !isCount(o[key])) return `"${key}" must be a whole number ≥ 0.`;
  }
  if (o.writeApplied !== undefined && typeof o.writeApplied !== 'boolean') return '"writeApplied" must be true or false.';
  if (o.status !== undefined && !(Number.isInteger(o.status) && (o.status as number) >= 100 && (o.status as number) <= 599)) {
    return '"status" must be an HTTP status code (100–599).';
  }
  if (o.kind !== undefined && !FAULT_KINDS.includes(o.kind as FaultKind)) return `"kind" must be one of ${FAULT_KINDS.join(', ')}.`;
  if (o.headers !== undefined) {
    const headers = o.headers;
    if (headers === null || typeof headers !== 'object' || Array.isArray(headers)) return '"headers" must be an object of strings.';
    for (const [name, value] of Object.entries(headers)) {
      if (typeof value !== 'string') return `Header "${name}" must have a string value.`;
      if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(name) || /[\r\n]/.test(value)) return `Header "${name}" is not a valid HTTP header.`;
    }
  }
  if (o.kind === 'malformed' && o.body !== undefined && typeof o.body !== 'string') return 'A malformed fault\'s "body" must be a string (sent as is).';
  if (typeof o.field === 'string' && !FIELD_PATH.test(o.field)) return '"field" must be a path such as "items[0].id" or "companyProfile".';
  return { ...(o as Partial<FaultSpec>), times: (o.times as number | undefined) ?? 1, skip: (o.skip as number | undefined) ?? 0 };
}

function pathMatches(fault: FaultSpec, path: string): boolean {
  if (fault.path !== undefined && !withoutVersion(path).toLowerCase().startsWith(withoutVersion(fault.path).toLowerCase())) {
    return false;
  }
  return fault.pathRegex === undefined || new RegExp(fault.pathRegex).test(path);
}

export class FaultTable {
  private faults: Fault[] = [];
  private nextId = 1;

  add(spec: FaultSpec): Fault {
    const fault: Fault = { ...spec, id: `fault-${this.nextId++}`, seen: 0, applied: 0 };
    this.faults.push(fault);
    return fault;
  }

  list(): readonly Fault[] {
    return this.faults;
  }

  remove(id: string): boolean {
    const before = this.faults.length;
    this.faults = this.faults.filter((f) => f.id !== id);
    return this.faults.length < before;
  }

  clear(): number {
    const count = this.faults.length;
    this.faults = [];
    return count;
  }

  /** The first fault (in the order added) that takes this request; it is used up after `times` requests. */
  take(request: RequestFacts): Fault | undefined {
    for (const fault of this.faults) {
      if (fault.method !== undefined && fault.method.toUpperCase() !== request.method.toUpperCase()) continue;
      if (fault.tenant !== undefined && fault.tenant !== request.tenant) continue;
      if (!pathMatches(fault, request.path)) continue;
      fault.seen++;
      if (fault.seen <= fault.skip) continue;
      fault.applied++;
      if (fault.times > 0 && fault.applied >= fault.times) this.remove(fault.id);
      return fault;
    }
    return undefined;
  }
}

/** Parses `items[0].id` into `['items', 0, 'id']`. */
function fieldPath(field: string): (string | number)[] {
  return [...field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
}

/** The field a schema fault breaks when the test does not name one: one the project's schemas require. */
function defaultBreak(body: Record<string, unknown>): { field: string; value: unknown } {
  if (Array.isArray(body.items)) return { field: 'items[0].id', value: 12345 };
  if ('companyProfile' in body) return { field: 'companyProfile', value: 'not an object' };
  if ('url' in body) return { field: 'url', value: 42 };
  if ('defaultAddress' in body) return { field: 'defaultAddress', value: '1 Microsoft Way' };
  if ('tenantId' in body) return { field: 'tenantId', value: 42 };
  if ('description' in body) return { field: 'description', value: 42 };
  return { field: 'attributes', value: 42 };
}

/** A copy of `body` with one field set to a value of the wrong type (missing containers are created). */
export function breakSchema(body: unknown, field?: string, value?: unknown): { body: unknown; field: string } {
  const copy: Record<string, unknown> =
    body !== null && typeof body === 'object' ? structuredClone(body as Record<string, unknown>) : {};
  const target = field !== undefined ? { field, value } : defaultBreak(copy);
  const parts = fieldPath(target.field);
  let node: Record<string | number, unknown> = copy;
  parts.slice(0, -1).forEach((part, i) => {
    const child = node[part];
    if (child === null || typeof child !== 'object') node[part] = typeof parts[i + 1] === 'number' ? [] : {};
    node = node[part] as Record<string | number, unknown>;
  });
  node[parts[parts.length - 1]] = target.value;
  return { body: copy, field: target.field };
}

/** Half of the JSON text: it never parses, as when a proxy cuts a response short. */
function truncated(reply: Reply): string {
  const text = reply.raw ? String(reply.body) : JSON.stringify(reply.body);
  return text.slice(0, Math.max(1, Math.floor(text.length / 2)));
}

/** Whether the fault answers instead of the route (the normal answer is never sent). */
export function faultInterrupts(fault: FaultSpec): boolean {
  const kind = fault.kind ?? (fault.status !== undefined || fault.body !== undefined ? 'status' : undefined);
  return kind === 'drop' || kind === 'hang' || kind === 'status';
}

/** What a fault does to a request whose normal answer is `normal`. */
export function faultOutcome(fault: FaultSpec, normal: Reply): FaultOutcome {
  const delayMs = fault.delayMs ?? 0;
  const kind = fault.kind ?? (fault.status !== undefined || fault.body !== undefined ? 'status' : undefined);
  const withHeaders = (reply: Reply): Reply => ({ ...reply, headers: { ...reply.headers, ...fault.headers } });
  switch (kind) {
    case 'drop':
      return { action: 'drop', delayMs };
    case 'hang':
      return { action: 'hang' };
    case 'status': {
      const status = fault.status ?? 500;
      const fallback = defaultErrorReply(status);
      const reply: Reply = fault.body === undefined
        ? fallback
        : { status, body: fault.body, raw: typeof fault.body === 'string', headers: status === 429 ? fallback.headers : undefined };
      // A 429 keeps its sensible Retry-After unless the test sets its own headers.
      return { action: 'reply', reply: fault.headers ? { ...reply, headers: fault.headers } : reply, delayMs };
    }
    case 'malformed':
      return {
        action: 'reply',
        reply: withHeaders({ status: fault.status ?? normal.status, body: typeof fault.body === 'string' ? fault.body : truncated(normal), raw: true }),
        delayMs,
      };
    case 'schema':
      return {
        action: 'reply',
        reply: withHeaders({ status: fault.status ?? normal.status, body: breakSchema(normal.body, fault.field, fault.value).body }),
        delayMs,
      };
    case 'bom':
      return { action: 'reply', reply: withHeaders({ ...normal, status: fault.status ?? normal.status }), bom: true, delayMs };
    default:
      // Only a delay (and/or extra headers): the normal answer, late.
      return { action: 'reply', reply: withHeaders(normal), delayMs };
  }
}
