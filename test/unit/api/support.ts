// Shared by the api/ unit tests: a real sandbox on a free port, its admin API, a client configured for it,
// and a logger that keeps what it was given (so tests can prove no token was ever logged).
import { SandboxTokenSource, type TokenSource } from '../../../src/api/auth';
import { PartnerCenterClient } from '../../../src/api/client';
import type { Logger } from '../../../src/api/logger';
import type { Pacing } from '../../../src/api/rateLimiter';
import { type RawSettings, type Settings, parseSettings } from '../../../src/settings';
import { type RunningSandbox, startSandbox } from '../../sandbox/server';
import { SandboxAdmin } from '../../sandbox/adminClient';

export { maxInAnyWindow } from '../../sandbox/adminClient';

/** Everything a logger was given, flattened to text. */
export class RecordingLogger implements Logger {
  readonly lines: string[] = [];
  trace = (message: string, ...args: unknown[]) => this.keep('trace', message, args);
  debug = (message: string, ...args: unknown[]) => this.keep('debug', message, args);
  info = (message: string, ...args: unknown[]) => this.keep('info', message, args);
  warn = (message: string, ...args: unknown[]) => this.keep('warn', message, args);
  error = (message: string | Error, ...args: unknown[]) =>
    this.keep('error', message instanceof Error ? `${message.message}\n${message.stack ?? ''}` : message, args);

  get text(): string {
    return this.lines.join('\n');
  }

  private keep(level: string, message: string, args: unknown[]): void {
    this.lines.push(`[${level}] ${message}${args.length ? ' ' + args.map((a) => JSON.stringify(a)).join(' ') : ''}`);
  }
}

export function settingsFor(url: string, raw: RawSettings = {}): Settings {
  const result = parseSettings({ cloud: 'local', localEndpoint: url, ...raw });
  if (!result.ok) throw new Error(result.problems.join('; '));
  return result.settings;
}

export interface ClientSetup {
  settings?: RawSettings;
  tokens?: TokenSource;
  timeoutMs?: number;
  retryBaseMs?: number;
  pacing?: Pacing;
  logger?: RecordingLogger;
}

/**
 * A client for the sandbox at `url`. `state.settings` can be changed between calls (the client reads them at
 * each call); `state.problem` makes reading them throw, as invalid settings do in the extension.
 */
/** Every client clientFor made and useSandbox has not yet disposed: a failed test must not leave timers or queues behind. */
const liveClients = new Set<PartnerCenterClient>();

/** Disposes every client clientFor made (useSandbox does it after each test). */
export function disposeClients(): void {
  for (const client of liveClients) client.dispose();
  liveClients.clear();
}

export function clientFor(url: string, setup: ClientSetup = {}) {
  const state: { settings: Settings; problem?: unknown } = { settings: settingsFor(url, setup.settings) };
  const logger = setup.logger ?? new RecordingLogger();
  const client = new PartnerCenterClient({
    settings: () => {
      if (state.problem) throw state.problem;
      return state.settings;
    },
    tokens: setup.tokens ?? new SandboxTokenSource(),
    logger,
    clientVersion: '9.8.7',
    locale: () => 'fr-FR',
    timeoutMs: setup.timeoutMs ?? 2000,
    retryBaseMs: setup.retryBaseMs ?? 10,
    pacing: setup.pacing,
  });
  liveClients.add(client);
  return { client, logger, state };
}

/**
 * Starts a sandbox on a free loopback port for one `describe` block, or with `eachTest` a new one for every
 * test: a request a test aborted can still reach a busy server after the test ended, and would then count
 * against the next test's rate limit.
 */
export function useSandbox(options: { rateLimit?: { requests: number; windowMs: number }; eachTest?: boolean } = {}) {
  const handle: { sandbox?: RunningSandbox; admin?: SandboxAdmin } = {};
  const [setUp, tearDown] = options.eachTest ? [beforeEach, afterEach] : [before, after];
  setUp(async () => {
    handle.sandbox = await startSandbox({ port: 0, rateLimit: options.rateLimit });
    handle.admin = new SandboxAdmin(handle.sandbox.url);
  });
  afterEach(disposeClients);
  tearDown(async () => {
    disposeClients();
    await handle.sandbox?.close();
  });
  return {
    get url(): string {
      return handle.sandbox!.url;
    },
    get admin(): SandboxAdmin {
      return handle.admin!;
    },
  };
}

/** A promise's outcome without throwing: for asserting on rejections. */
export async function settle<T>(promise: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, error };
  }
}
