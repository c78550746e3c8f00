// The Partner Center sandbox: a local HTTP server speaking Partner Center's wire format (routes, documents,
// headers, errors, paging, throttling) so the extension can be tried, demonstrated and tested with no account.
// Node's `http` only; loopback only.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { type AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { checkRateLimit, handleAdmin, isAdminPath, type SandboxState } from './admin';
import { INVALID_JSON, answerApi } from './api';
import { BillingProfileStore } from './billingProfiles';
import { AuditLog, recordAuditRecord } from './auditLog';
import { LiveCustomers } from './externalChanges';
import { authenticate } from './auth';
import { FaultTable, faultOutcome, faultInterrupts } from './faults';
import { RollingWindowLimiter, type RateLimit } from './rateLimiter';
import { apiFault, throttled, writeReply, type Reply } from './reply';
import { RequestLog, type LoggedRequest } from './requestLog';
import { growthTenants } from './growthTenants';
import { seedTenants } from './seed';

export interface SandboxOptions {
  /** Default 7071; 0 = any free port. */
  port?: number;
  /** Default '127.0.0.1'; anything but a loopback address is refused. */
  host?: string;
  /** Default 500 per 60000 ms, per partner tenant. */
  rateLimit?: RateLimit;
  /** Prefix every JSON body with a UTF-8 BOM (default false). */
  bom?: boolean;
}

export interface RunningSandbox {
  /** e.g. http://127.0.0.1:7071 (no trailing slash) */
  url: string;
  port: number;
  /** Closes the server and every open, idle or hung connection. */
  close(): Promise<void>;
}

export const DEFAULT_PORT = 7071;
export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_RATE_LIMIT: RateLimit = { requests: 500, windowMs: 60_000 };

/** 127.0.0.0/8, ::1 and localhost: the sandbox must never be reachable from another machine. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (bare === 'localhost' || bare === '::1') return true;
  const octets = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(bare);
  return !!octets && octets.slice(1).every((o) => Number(o) <= 255);
}

/** Arrival time in ms since the epoch, sub-millisecond and monotonic (what the limiter and the log use). */
const now = (): number => performance.timeOrigin + performance.now();

function checkOptions(options: SandboxOptions): { port: number; host: string; rateLimit: RateLimit; bom: boolean } {
  const port = options.port ?? DEFAULT_PORT;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid sandbox port ${String(options.port)}: expected 0–65535.`);
  const host = options.host ?? DEFAULT_HOST;
  if (!isLoopbackHost(host)) {
    throw new Error(`The sandbox only listens on loopback addresses (127.0.0.0/8, ::1, localhost); refusing "${host}".`);
  }
  const rateLimit = checkRateLimit(options.rateLimit ?? DEFAULT_RATE_LIMIT);
  if (typeof rateLimit === 'string') throw new Error(`Invalid sandbox rate limit: ${rateLimit}`);
  return { port, host, rateLimit, bom: options.bom ?? false };
}

export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const { port, host, rateLimit, bom } = checkOptions(options);
  // The growth tenants generate their customers only when first read (growthTenants.ts).
  const tenants = [...seedTenants(), ...growthTenants()];
  const audit = new AuditLog(tenants);
  const state: SandboxState = {
    audit,
    customers: new LiveCustomers(audit),
    initial: { rateLimit, bom },
    bom,
    limiter: new RollingWindowLimiter(rateLimit),
    faults: new FaultTable(),
    log: new RequestLog(),
    tenants,
    profiles: new BillingProfileStore((tenantId, customer, before, after) => {
      const tenant = tenants.find((t) => t.id === tenantId);
      if (!tenant) return;
      recordAuditRecord(audit, tenant, {
        operationType: 'update_customer_billing_profile',
        customer: { id: customer.id, name: customer.companyProfile.companyName },
        oldValue: before,
        newValue: after,
      });
    }),
  };
  const timers = new Set<NodeJS.Timeout>();
  /** Runs a (possibly delayed) answer; an error in it must not escape a timer and end the host process. */
  const later = (ms: number, res: ServerResponse, action: () => void): void => {
    const timer = setTimeout(() => {
      timers.delete(timer);
      try {
        action();
      } catch (error) {
        internalError(res, error);
      }
    }, ms);
    timers.add(timer);
  };

  const send = (req: IncomingMessage, res: ServerResponse, entry: LoggedRequest, reply: Reply, forceBom = false): void => {
    if (res.destroyed || res.headersSent) return;
    entry.status = reply.status;
    writeReply(res, req.headers, reply, { bom: forceBom || state.bom });
  };

  const handleApi = async (req: IncomingMessage, res: ServerResponse, arrival: number): Promise<void> => {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const entry = state.log.record(arrival, method, path, req.headers);
    // Only a PUT's body is read (bounded); any other is drained so the connection stays usable.
    const body = method === 'PUT' ? await readApiBody(req) : (req.resume(), undefined);

    const auth = authenticate(req.headers.authorization, tenants);
    if (!auth.ok) return send(req, res, entry, auth.reply);
    const { tenant } = auth;
    entry.tenant = tenant.id;

    const admission = state.limiter.admit(tenant.id, arrival);
    if (!admission.admitted) return send(req, res, entry, throttled(admission.retryAfterSeconds));
    entry.admitted = true;

    const fault = state.faults.take({ method, path, tenant: tenant.id });
    // A fault that answers instead of the route (drop, hang, status) comes before a write unless it says the write
    // was applied first (`writeApplied`): a timeout before or after Partner Center saved.
    const applyWrites = !fault || !faultInterrupts(fault) || fault.writeApplied === true;
    const normal = answerApi({
      tenant: state.customers.live(tenant), method, path, headers: req.headers, audit: state.audit, profiles: state.profiles, body, applyWrites,
    });
    if (!fault) return send(req, res, entry, normal);
    entry.fault = fault.id;
    const outcome = faultOutcome(fault, normal);
    switch (outcome.action) {
      case 'hang':
        return; // Never answered; close() destroys the connection.
      case 'drop':
        return later(outcome.delayMs, res, () => {
          if (!req.socket.destroyed) req.socket.resetAndDestroy();
        });
      case 'reply':
        return later(outcome.delayMs, res, () => send(req, res, entry, outcome.reply, outcome.bom));
    }
  };

  const server = createServer((req, res) => {
    const arrival = now();
    try {
      if (isAdminPath(req.url ?? '')) {
        handleAdmin(state, req, res).catch((error: unknown) => internalError(res, error));
      } else {
        handleApi(req, res, arrival).catch((error: unknown) => internalError(res, error));
      }
    } catch (error) {
      internalError(res, error);
    }
  });

  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      reject(
        error.code === 'EADDRINUSE'
          ? new Error(`Port ${port} on ${host} is already in use: stop the other server, or choose another port (--port N, or --port 0 for any free port).`)
          : error,
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });

  const actualPort = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${actualPort}`,
    port: actualPort,
    close: () => {
      closing ??= new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        server.close(() => resolve());
        // Idle keep-alive sockets, delayed answers and hung requests alike: nothing may keep the server open.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

const MAX_API_BODY_BYTES = 1024 * 1024;

/** A PUT body as JSON: undefined when empty, INVALID_JSON when it is not JSON (or larger than 1 MiB). */
async function readApiBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= MAX_API_BODY_BYTES) chunks.push(chunk);
  }
  if (size > MAX_API_BODY_BYTES) return INVALID_JSON;
  const text = Buffer.concat(chunks).toString('utf8').replace(/^\uFEFF/, '');
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return INVALID_JSON;
  }
}

/** A bug in the sandbox answers 500 instead of crashing the process that hosts it. */
function internalError(res: ServerResponse, error: unknown): void {
  console.error('Partner Center sandbox: internal error', error);
  if (res.headersSent || res.destroyed) return;
  const reply = apiFault(500, 500, `Sandbox internal error: ${error instanceof Error ? error.message : String(error)}`);
  res.writeHead(reply.status, { 'Content-Type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(reply.body));
}
