// Table 1: how closely each way of throttling keeps to a rolling-window rate limit, measured where it counts —
// the arrival log of a sandbox running in its own process, which enforces the same limit. Two loads: every call
// at once, and a mixed load (bursts, a steady stream, 30 % of the calls cancelled while queued).
import pThrottle from 'p-throttle';
import type { Pacing } from '../../src/api/rateLimiter';
import { monotonicNow, sleep } from '../../src/api/timing';
import { seedTenant } from '../sandbox/seed';
import { type SandboxAdmin, maxInAnyWindow, shareOfQuota } from '../sandbox/adminClient';
import { type Limits, createClient, rawGet } from './benchClient';
import { printTable, seconds } from './table';

const TENANT = 'default';

/** One call of a load: which customer, when it is issued, and (for a cancelled one) how long after. */
interface Call {
  readonly id: string;
  readonly atMs: number;
  readonly cancelAfterMs?: number;
}

interface Strategy {
  readonly name: string;
  /** Rows whose limit breaches fail the bench: the project's own limiter. */
  readonly guaranteed: boolean;
  /** Issues one call; `signal` aborts it when the load cancels it. */
  prepare(url: string, limits: Limits): { call(id: string, signal: AbortSignal): Promise<unknown>; dispose(): void };
}

function pThrottleAlone(strict: boolean): Strategy {
  return {
    name: `p-throttle ${strict ? 'strict' : 'default (windowed)'}`,
    guaranteed: false,
    prepare: (url, limits) => {
      // p-throttle cannot withdraw one queued call: a cancelled one still takes its slot, then sends nothing.
      const throttled = pThrottle({ limit: limits.requests, interval: limits.windowMs, strict })((id: string, signal: AbortSignal) =>
        signal.aborted ? Promise.resolve() : rawGet(url, TENANT, id),
      );
      return { call: (id, signal) => throttled(id, signal), dispose: () => undefined };
    },
  };
}

function projectClient(pacing: Pacing): Strategy {
  return {
    name: pacing === 'windowed' ? "project's limiter + client" : "project's limiter, strict pacing",
    guaranteed: true,
    prepare: (url, limits) => {
      const client = createClient(url, limits, 0, pacing);
      return { call: (id, signal) => client.getCustomer(TENANT, id, { signal }), dispose: () => client.dispose() };
    },
  };
}

/**
 * The design not kept: p-throttle strict, then a gate that waits until the N-th previous SEND time + window +
 * a fixed margin. It trusts send times, but arrivals lag sends by varying amounts (a burst opens many
 * connections at once), so a fixed margin can be too small.
 */
function sendTimeMargin(marginMs: number): Strategy {
  return {
    name: `p-throttle strict + send-time gate, ${marginMs} ms margin`,
    guaranteed: false,
    prepare: (url, limits) => {
      const sent: number[] = [];
      let turn = Promise.resolve();
      const gate = () => {
        turn = turn.then(async () => {
          while (sent.length >= limits.requests) {
            const wait = sent[sent.length - limits.requests]! + limits.windowMs + marginMs - monotonicNow();
            if (wait <= 0) break;
            await sleep(wait);
          }
          sent.push(monotonicNow());
        });
        return turn;
      };
      const throttled = pThrottle({ limit: limits.requests, interval: limits.windowMs, strict: true })((id: string) =>
        gate().then(() => rawGet(url, TENANT, id)),
      );
      return { call: (id) => throttled(id), dispose: () => undefined };
    },
  };
}

/** Every call at t = 0, none cancelled. */
function allAtOnce(ids: readonly string[]): Call[] {
  return ids.map((id) => ({ id, atMs: 0 }));
}

/**
 * Bursts of 4 windows' worth at 0, 2 and 4 windows, a steady 3/4 of the quota in between for 6 windows, and
 * 3 calls in 10 cancelled half a window after they were issued (still queued: demand is always ahead).
 */
function mixedLoad(ids: readonly string[], limits: Limits): Call[] {
  const times: number[] = [];
  for (const burstAt of [0, 2, 4]) for (let i = 0; i < limits.requests * 4; i++) times.push(burstAt * limits.windowMs);
  const steady = Math.round(limits.requests * 0.75 * 6);
  for (let i = 0; i < steady; i++) times.push((i * 6 * limits.windowMs) / steady);
  times.sort((a, b) => a - b);
  return times.map((atMs, i) => ({ id: ids[i % ids.length]!, atMs, cancelAfterMs: i % 10 < 3 ? limits.windowMs / 2 : undefined }));
}

interface Row {
  readonly strategy: Strategy;
  readonly maxInWindow: number;
  readonly ratio: number;
  readonly share: number;
  readonly throttled: number;
  readonly okKept: number;
  readonly kept: number;
  readonly sentCancelled: number;
  readonly ms: number;
}

async function measure(url: string, admin: SandboxAdmin, strategy: Strategy, limits: Limits, load: readonly Call[]): Promise<Row> {
  await admin.reset();
  await admin.configure({ rateLimit: limits });
  const runner = strategy.prepare(url, limits);
  const started = monotonicNow();
  const keptIds = new Set<string>();
  const cancelledIds = new Set<string>();
  await Promise.allSettled(
    load.map(async (call) => {
      await sleep(call.atMs); // the load's schedule, not a synchronisation
      const abort = new AbortController();
      if (call.cancelAfterMs === undefined) keptIds.add(call.id);
      else {
        cancelledIds.add(call.id);
        setTimeout(() => abort.abort(), call.cancelAfterMs);
      }
      await runner.call(call.id, abort.signal);
    }),
  );
  const ms = monotonicNow() - started;
  runner.dispose();
  const log = await admin.requests((r) => r.tenant === TENANT);
  const id = (path: string) => /\/customers\/([^/?]+)/.exec(path)?.[1] ?? '';
  const maxInWindow = maxInAnyWindow(log.map((r) => r.at), limits.windowMs);
  const keptAnswers = log.filter((r) => r.status === 200 && keptIds.has(id(r.path)));
  return {
    strategy,
    maxInWindow,
    ratio: maxInWindow / limits.requests,
    share: shareOfQuota(keptAnswers.map((r) => r.at), limits.requests, limits.windowMs),
    throttled: log.filter((r) => r.status === 429).length,
    okKept: keptAnswers.length,
    kept: keptIds.size,
    sentCancelled: log.filter((r) => cancelledIds.has(id(r.path))).length,
    ms,
  };
}

function print(title: string, rows: readonly Row[], cancelled: number): void {
  const header = ['mode', 'max in a window', '÷ limit', 'kept achieved ÷ quota', '429s', 'kept 200s', 'cancelled sent', 'total'];
  printTable(
    title,
    header,
    rows.map((r) => [
      r.strategy.name,
      String(r.maxInWindow),
      r.ratio.toFixed(2),
      r.share.toFixed(2),
      String(r.throttled),
      `${r.okKept}/${r.kept}`,
      `${r.sentCancelled}/${cancelled}`,
      seconds(r.ms),
    ]),
  );
}

/** Prints table 1; returns how many runs of the project's limiter broke the limit. */
export async function throttleFidelity(url: string, admin: SandboxAdmin, options: { quick: boolean; all: boolean }): Promise<number> {
  const strategies: Strategy[] = [pThrottleAlone(false), pThrottleAlone(true), projectClient('windowed')];
  if (options.all) strategies.push(projectClient('strict'), sendTimeMargin(15));
  // Distinct customers, so each arrival in the log belongs to one call (the cache is off anyway).
  const ids = seedTenant(TENANT)!.customers.map((c) => c.id);
  const loads: { title: string; limits: Limits; load: Call[] }[] = [
    { title: '20 requests per 1000 ms, 200 GET /v1/customers/{id} issued at once', limits: { requests: 20, windowMs: 1000 }, load: allAtOnce(ids.slice(0, 200)) },
  ];
  if (!options.quick) {
    loads.push({ title: '50 requests per 1000 ms, 300 GET /v1/customers/{id} issued at once', limits: { requests: 50, windowMs: 1000 }, load: allAtOnce(ids.slice(0, 300)) });
  }
  const mixedLimits = { requests: 20, windowMs: 1000 };
  const mixed = mixedLoad(ids, mixedLimits);
  loads.push({
    title: `Mixed load at 20 requests per 1000 ms: bursts of 80 at 0, 2 and 4 s, a steady 15/s for 6 s, ${mixed.filter((c) => c.cancelAfterMs !== undefined).length} of ${mixed.length} calls cancelled 500 ms after they were issued`,
    limits: mixedLimits,
    load: mixed,
  });
  let breaches = 0;
  for (const { title, limits, load } of loads) {
    const rows: Row[] = [];
    for (const strategy of strategies) rows.push(await measure(url, admin, strategy, limits, load));
    print(title, rows, load.filter((c) => c.cancelAfterMs !== undefined).length);
    breaches += rows.filter((r) => r.strategy.guaranteed && (r.ratio > 1 || r.throttled > 0)).length;
  }
  return breaches;
}
