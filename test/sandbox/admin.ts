// The admin API under `/_sandbox/`: request log, fault injection, run-time config, reset, tenants.
// No auth, never rate-limited, never logged: it is the tests' side door, not part of Partner Center.
import { type IncomingMessage, type ServerResponse } from 'node:http';
import { type BillingProfileStore } from './billingProfiles';
import { type AuditLog } from './auditLog';
import { type LiveCustomers, parseExternalChange } from './externalChanges';
import { parseFaultSpec, type FaultTable } from './faults';
import { type RateLimit, type RollingWindowLimiter } from './rateLimiter';
import { writeAdminReply } from './reply';
import { type RequestLog } from './requestLog';
import { seedTenants, type SandboxTenant } from './seed';
import { splitPath } from './paths';

export const ADMIN_PREFIX = '/_sandbox/';

export interface SandboxConfig {
  readonly rateLimit: RateLimit;
  readonly bom: boolean;
}

/** The state the admin API reads and changes. */
export interface SandboxState {
  readonly initial: SandboxConfig;
  bom: boolean;
  readonly limiter: RollingWindowLimiter;
  readonly faults: FaultTable;
  readonly log: RequestLog;
  readonly tenants: readonly SandboxTenant[];
  /** The billing profiles written (by PUTs and by `POST billing-profiles`); reset restores the seeded ones. */
  readonly profiles: BillingProfileStore;
  readonly audit: AuditLog;
  readonly customers: LiveCustomers;
}

const MAX_BODY_BYTES = 1024 * 1024;

export function isAdminPath(path: string): boolean {
  return path.startsWith(ADMIN_PREFIX) || path === ADMIN_PREFIX.slice(0, -1);
}

/** Checks `{requests, windowMs}`; returns a message when invalid. */
export function checkRateLimit(value: unknown): RateLimit | string {
  const limit = value as Partial<RateLimit> | null;
  if (limit === null || typeof limit !== 'object') return '"rateLimit" must be an object {requests, windowMs}.';
  if (!Number.isInteger(limit.requests) || (limit.requests as number) < 1) return '"rateLimit.requests" must be a whole number ≥ 1.';
  if (typeof limit.windowMs !== 'number' || !Number.isFinite(limit.windowMs) || limit.windowMs <= 0) {
    return '"rateLimit.windowMs" must be a number of milliseconds > 0.';
  }
  return { requests: limit.requests as number, windowMs: limit.windowMs };
}

function readJson(req: IncomingMessage): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('error', () => resolve({ ok: false, message: 'The request body could not be read.' }));
    req.on('end', () => {
      if (size > MAX_BODY_BYTES) return resolve({ ok: false, message: 'The request body is larger than 1 MiB.' });
      const text = Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '');
      if (text.trim() === '') return resolve({ ok: true, value: undefined });
      try {
        resolve({ ok: true, value: JSON.parse(text) });
      } catch {
        resolve({ ok: false, message: 'The request body is not valid JSON.' });
      }
    });
  });
}

function currentConfig(state: SandboxState): SandboxConfig {
  return { rateLimit: state.limiter.current, bom: state.bom };
}

export async function handleAdmin(state: SandboxState, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const { pathname } = splitPath(req.url ?? '');
  const route = pathname.slice(ADMIN_PREFIX.length).replace(/\/$/, '');
  const method = req.method ?? 'GET';
  const body = await readJson(req);
  const reply = (status: number, value: unknown): void => writeAdminReply(res, status, value);
  const fail = (status: number, error: string): void => reply(status, { error });
  if (!body.ok) return fail(400, body.message);

  const faultId = /^faults\/([^/]+)$/.exec(route)?.[1];
  switch (`${method} ${faultId ? 'faults/:id' : route}`) {
    case 'GET requests':
      return reply(200, { requests: state.log.list() });
    case 'DELETE requests':
      return reply(200, { cleared: state.log.clear() });
    case 'GET faults':
      return reply(200, { faults: state.faults.list() });
    case 'POST faults': {
      const spec = parseFaultSpec(body.value);
      if (typeof spec === 'string') return fail(400, spec);
      return reply(200, { id: state.faults.add(spec).id });
    }
    case 'DELETE faults':
      return reply(200, { cleared: state.faults.clear() });
    case 'DELETE faults/:id':
      return state.faults.remove(decodeURIComponent(faultId ?? '')) ? reply(200, { cleared: 1 }) : fail(404, `No fault ${faultId}.`);
    case 'GET config':
      return reply(200, currentConfig(state));
    case 'PUT config': {
      const change = (body.value ?? {}) as Partial<Record<keyof SandboxConfig, unknown>>;
      if (typeof change !== 'object' || Array.isArray(change)) return fail(400, 'The config must be a JSON object {rateLimit?, bom?}.');
      const unknownKeys = Object.keys(change).filter((k) => k !== 'rateLimit' && k !== 'bom');
      if (unknownKeys.length) return fail(400, `Unknown config properties: ${unknownKeys.join(', ')}.`);
      if (change.bom !== undefined && typeof change.bom !== 'boolean') return fail(400, '"bom" must be true or false.');
      const limit = change.rateLimit === undefined ? state.limiter.current : checkRateLimit(change.rateLimit);
      if (typeof limit === 'string') return fail(400, limit);
      state.limiter.configure(limit);
      if (typeof change.bom === 'boolean') state.bom = change.bom;
      return reply(200, currentConfig(state));
    }
    case 'POST billing-profiles':
      return changeBillingProfile(state, body.value, reply, fail);
    case 'POST reset':
      state.profiles.clear();
      state.faults.clear();
      state.log.clear();
      state.limiter.configure(state.initial.rateLimit);
      state.bom = state.initial.bom;
      state.customers.reset();
      state.audit.reset();
      return reply(200, currentConfig(state));
    case 'GET tenants':
      return reply(
        200,
        seedTenants().map((t) => ({ id: t.id, name: t.name, partnerTenantId: t.partnerTenantId, customerCount: t.customers.length })),
      );
    case 'POST changes': {
      const change = parseExternalChange(body.value);
      if (typeof change === 'string') return fail(400, change);
      const tenant = seedTenants().find((t) => t.id === (change.tenant ?? 'default'));
      if (!tenant) return fail(404, `No tenant ${change.tenant ?? 'default'}.`);
      const applied = state.customers.apply(tenant, change);
      return typeof applied === 'string' ? fail(404, applied) : reply(200, applied);
    }
    default: {
      const known = ['requests', 'faults', 'config', 'reset', 'tenants', 'billing-profiles', 'changes'];
      return known.includes(route) || faultId
        ? fail(405, `${method} is not supported on ${pathname}.`)
        : fail(404, `Unknown admin route ${pathname}. Routes: ${known.map((r) => ADMIN_PREFIX + r).join(', ')}.`);
    }
  }
}

/**
 * `POST /_sandbox/billing-profiles` `{ tenant, customerId, change }`: someone else edits the profile (the dashboard,
 * PowerShell) behind the client's back: the same write as a PUT, without an etag check; the profile gets a new etag.
 */
function changeBillingProfile(
  state: SandboxState,
  value: unknown,
  reply: (status: number, value: unknown) => void,
  fail: (status: number, error: string) => void,
): void {
  const request = (value ?? {}) as { tenant?: unknown; customerId?: unknown; change?: unknown };
  if (typeof request.tenant !== 'string' || typeof request.customerId !== 'string') {
    return fail(400, 'Expected {"tenant": "<tenant id>", "customerId": "<customer id>", "change": {…billing profile fields}}.');
  }
  const tenant = state.tenants.find((t) => t.id === request.tenant);
  const customer = tenant?.customers.find((c) => c.id.toLowerCase() === String(request.customerId).toLowerCase());
  if (!tenant || !customer) return fail(404, `No customer ${request.customerId} in tenant ${request.tenant}.`);
  const written = state.profiles.write({ tenantId: tenant.id, customer, body: request.change, expectedEtag: undefined });
  if (!written.ok) return reply(written.reply.status, written.reply.body);
  return reply(200, written.profile);
}
