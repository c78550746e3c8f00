// `npm run bench`: how closely each way of throttling keeps to a rolling-window rate limit, measured where it
// counts — the arrival log of a sandbox running in its own process, which enforces the same limit.
//   node out/test/bench/index.js          the table for p-throttle default, p-throttle strict and the client
//   node out/test/bench/index.js --all    also the design alternatives that were measured and not kept
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import pThrottle from 'p-throttle';
import { SandboxTokenSource } from '../../src/api/auth';
import { PartnerCenterClient } from '../../src/api/client';
import { silentLogger } from '../../src/api/logger';
import type { Pacing } from '../../src/api/rateLimiter';
import { monotonicNow, sleep } from '../../src/api/timing';
import { parseSettings } from '../../src/settings';
import { seedTenant } from '../sandbox/seed';
import { SandboxAdmin, maxInAnyWindow, shareOfQuota } from '../sandbox/adminClient';

interface Limits {
  readonly requests: number;
  readonly windowMs: number;
}

interface Strategy {
  readonly name: string;
  /** Rows whose limit breaches fail the bench: the project's own limiter. */
  readonly guaranteed: boolean;
  run(url: string, limits: Limits, ids: readonly string[]): Promise<void>;
}

const TENANT = 'default';
const CONFIGS: readonly { limits: Limits; count: number }[] = [
  { limits: { requests: 20, windowMs: 1000 }, count: 200 },
  { limits: { requests: 50, windowMs: 1000 }, count: 300 },
];

/** What a caller without the project's client does: one GET per customer, body read, no retries. */
function rawGet(url: string, id: string): Promise<void> {
  return fetch(`${url}/v1/customers/${id}`, {
    headers: { Accept: 'application/json', Authorization: `Bearer sandbox:${TENANT}` },
  }).then((response) => response.arrayBuffer().then(() => undefined));
}

function pThrottleAlone(strict: boolean): Strategy {
  return {
    name: `p-throttle ${strict ? 'strict' : 'default (windowed)'}`,
    guaranteed: false,
    run: async (url, limits, ids) => {
      const throttled = pThrottle({ limit: limits.requests, interval: limits.windowMs, strict })((id: string) => rawGet(url, id));
      await Promise.allSettled(ids.map((id) => throttled(id)));
    },
  };
}

function projectClient(pacing: Pacing, guaranteed: boolean): Strategy {
  return {
    name: pacing === 'windowed' ? "project's limiter + client" : "project's limiter, strict pacing",
    guaranteed,
    run: async (url, limits, ids) => {
      const client = createClient(url, limits, 0, pacing);
      await Promise.allSettled(ids.map((id) => client.getCustomer(TENANT, id)));
      client.dispose();
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
    run: async (url, limits, ids) => {
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
        gate().then(() => rawGet(url, id)),
      );
      await Promise.allSettled(ids.map((id) => throttled(id)));
    },
  };
}

function createClient(url: string, limits: Limits, cacheSeconds: number, pacing?: Pacing): PartnerCenterClient {
  const parsed = parseSettings({
    cloud: 'local',
    localEndpoint: url,
    'rateLimit.requests': limits.requests,
    'rateLimit.windowSeconds': limits.windowMs / 1000,
    cacheSeconds,
  });
  if (!parsed.ok) throw new Error(parsed.problems.join('; '));
  return new PartnerCenterClient({
    settings: () => parsed.settings,
    tokens: new SandboxTokenSource(),
    logger: silentLogger,
    clientVersion: 'bench',
    locale: () => 'en-US',
    pacing,
  });
}

/** The sandbox in its own process, so its arrival times are not those of the client's event loop. */
async function startSandboxProcess(): Promise<{ url: string; stop(): void }> {
  const child = spawn(process.execPath, [join(__dirname, '../../sandbox/cli.js'), '--port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = () => {
    if (child.exitCode === null) child.kill();
  };
  process.once('exit', stop);
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the sandbox exited (${code}) before listening`)));
    lines.on('line', (line) => {
      const match = /listening on (\S+)/.exec(line);
      if (match) resolve(match[1]!);
    });
  });
  lines.close();
  child.stdout.resume();
  return { url, stop };
}

interface Row {
  readonly name: string;
  readonly guaranteed: boolean;
  readonly maxInWindow: number;
  readonly ratio: number;
  readonly share: number;
  readonly throttled: number;
  readonly ok: number;
  readonly seconds: number;
}

async function measure(url: string, admin: SandboxAdmin, strategy: Strategy, limits: Limits, ids: readonly string[]): Promise<Row> {
  await admin.reset();
  await admin.configure({ rateLimit: limits });
  const started = monotonicNow();
  await strategy.run(url, limits, ids);
  const seconds = (monotonicNow() - started) / 1000;
  const log = await admin.requests((r) => r.tenant === TENANT);
  const maxInWindow = maxInAnyWindow(log.map((r) => r.at), limits.windowMs);
  const answered = log.filter((r) => r.status === 200);
  return {
    name: strategy.name,
    guaranteed: strategy.guaranteed,
    maxInWindow,
    ratio: maxInWindow / limits.requests,
    share: shareOfQuota(answered.map((r) => r.at), limits.requests, limits.windowMs),
    throttled: log.filter((r) => r.status === 429).length,
    ok: answered.length,
    seconds,
  };
}

function printTable(limits: Limits, count: number, rows: readonly Row[]): void {
  console.log(`\n${limits.requests} requests per ${limits.windowMs} ms, ${count} GET /v1/customers/{id} issued at once`);
  const header = ['mode', 'max in a window', '÷ limit', 'achieved ÷ quota', '429s', '200s', 'total'];
  const cells = rows.map((r) => [
    r.name,
    String(r.maxInWindow),
    r.ratio.toFixed(2),
    r.share.toFixed(2),
    String(r.throttled),
    `${r.ok}/${count}`,
    `${r.seconds.toFixed(1)} s`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (values: readonly string[]) => '  ' + values.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('   ');
  console.log(line(header));
  for (const row of cells) console.log(line(row));
}

async function cacheFigures(url: string, admin: SandboxAdmin): Promise<void> {
  await admin.reset();
  await admin.configure({ rateLimit: { requests: 500, windowMs: 60_000 } });
  const client = createClient(url, { requests: 500, windowMs: 60_000 }, 300);
  const id = seedTenant(TENANT)!.customers[0]!.id;
  await Promise.all(Array.from({ length: 100 }, () => client.getCustomer(TENANT, id)));
  const concurrent = (await admin.requests()).length;
  await Promise.all(Array.from({ length: 100 }, () => client.getCustomer(TENANT, id)));
  const cached = (await admin.requests()).length - concurrent;

  const page = await client.listCustomers(TENANT);
  const other = page.customers[1]!.id;
  await admin.clearRequests();
  await client.getCustomer(TENANT, other);
  await client.getBillingProfile(TENANT, other);
  await client.getCompanyProfile(TENANT, other);
  client.peekCustomer(TENANT, other);
  const flow = (await admin.requests()).length;
  client.dispose();

  console.log('\nCache and de-duplication (cacheSeconds 300)');
  console.log(`  100 concurrent identical getCustomer calls             → ${concurrent} request(s) sent`);
  console.log(`  100 more of the same call within cacheSeconds          → ${cached} request(s) sent`);
  console.log(`  after a list page: expand + billing + company + JSON   → ${flow} request(s) sent`);
}

async function main(): Promise<void> {
  const all = process.argv.includes('--all');
  const strategies: Strategy[] = [pThrottleAlone(false), pThrottleAlone(true), projectClient('windowed', true)];
  if (all) strategies.push(projectClient('strict', true), sendTimeMargin(15));
  const ids = seedTenant(TENANT)!.customers.map((c) => c.id);
  const sandbox = await startSandboxProcess();
  const admin = new SandboxAdmin(sandbox.url);
  const started = monotonicNow();
  let breaches = 0;
  try {
    console.log(`Partner Center client: rate-limit bench against the sandbox at ${sandbox.url} (its own process).`);
    console.log('The sandbox enforces the same limit over a rolling window of arrivals and answers 429 beyond it.');
    for (const { limits, count } of CONFIGS) {
      const rows: Row[] = [];
      for (const strategy of strategies) rows.push(await measure(sandbox.url, admin, strategy, limits, ids.slice(0, count)));
      printTable(limits, count, rows);
      breaches += rows.filter((r) => r.guaranteed && (r.ratio > 1 || r.throttled > 0)).length;
    }
    await cacheFigures(sandbox.url, admin);
  } finally {
    sandbox.stop();
  }
  console.log(`
How to read it:
  max in a window   the most arrivals the sandbox logged in any rolling window [t, t + window), 429s included
  ÷ limit           above 1.00 the limit was broken: the real API would have answered 429
  achieved ÷ quota  rate of answered (200) requests after the first window's allowance, as a share of
                    requests/window: 1.00 is the fastest any limiter can go without breaking the limit
  429s              requests the sandbox refused (p-throttle alone does not retry; the client retries them)
  total             from the first call to the last answer
The project's limiter: a per-tenant queue and gate (its own pacing, no p-throttle) lets request k+N go only once request k's
response (which proves it arrived) is a window old; requests that got no response count +max(15 ms, 1 % of
the window). Whole bench: ${((monotonicNow() - started) / 1000).toFixed(0)} s.${all ? '' : ' Run with --all for the design alternatives.'}`);
  if (breaches > 0) {
    console.error(`\n${breaches} run(s) of the project's limiter broke the limit.`);
    process.exitCode = 1;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
