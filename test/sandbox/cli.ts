// `npm run sandbox`: serves the Partner Center sandbox until Ctrl+C.
//   node out/sandbox/cli.js [--port N] [--host 127.0.0.1] [--rate-limit N] [--window-seconds S] [--bom]
// The first line printed is exactly `Partner Center sandbox listening on <url>`: harnesses parse it.
import { parseArgs } from 'node:util';
import { GROWTH_TENANTS } from './growthTenants';
import { seedTenants } from './seed';
import { DEFAULT_HOST, DEFAULT_PORT, DEFAULT_RATE_LIMIT, startSandbox, type SandboxOptions } from './server';

const USAGE = `Usage: node out/sandbox/cli.js [options]

  --port N             port to listen on (default ${DEFAULT_PORT}, or $PORT; 0 = any free port)
  --host H             loopback address to listen on (default ${DEFAULT_HOST})
  --rate-limit N       requests allowed per partner tenant per window (default ${DEFAULT_RATE_LIMIT.requests})
  --window-seconds S   the rate-limit window in seconds (default ${DEFAULT_RATE_LIMIT.windowMs / 1000})
  --bom                prefix every JSON body with a UTF-8 byte-order mark
  --help               this text

Tenants (Bearer sandbox:<id>): default, fabrikam, empty (seeded); growth-1k, growth-10k, growth-50k
(1,000 / 10,000 / 50,000 generated customers for the bench, built on their first request).`;

class UsageError extends Error {}

function wholeNumber(name: string, text: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < min || Number(text) > max) {
    throw new UsageError(`${name} must be a whole number from ${min} to ${max}, not "${text}".`);
  }
  return Number(text);
}

function readOptions(argv: string[]): SandboxOptions | 'help' {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        'rate-limit': { type: 'string' },
        'window-seconds': { type: 'string' },
        bom: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return 'help';
  const portText = values.port ?? process.env.PORT;
  const windowText = values['window-seconds'];
  const windowSeconds = windowText === undefined ? DEFAULT_RATE_LIMIT.windowMs / 1000 : Number(windowText);
  if (!Number.isFinite(windowSeconds) || windowSeconds <= 0) {
    throw new UsageError(`--window-seconds must be a number of seconds > 0, not "${windowText}".`);
  }
  return {
    port: portText === undefined ? DEFAULT_PORT : wholeNumber(values.port === undefined ? 'PORT' : '--port', portText, 0, 65535),
    host: values.host ?? DEFAULT_HOST,
    rateLimit: {
      requests: values['rate-limit'] === undefined ? DEFAULT_RATE_LIMIT.requests : wholeNumber('--rate-limit', values['rate-limit'], 1),
      windowMs: windowSeconds * 1000,
    },
    bom: values.bom ?? false,
  };
}

async function main(): Promise<void> {
  let options: SandboxOptions | 'help';
  try {
    options = readOptions(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (options === 'help') {
    console.log(USAGE);
    return;
  }
  const sandbox = await startSandbox(options);
  console.log(`Partner Center sandbox listening on ${sandbox.url}`);
  for (const tenant of seedTenants()) {
    console.log(`  tenant ${tenant.id.padEnd(9)} ${tenant.name} (partner ${tenant.partnerTenantId}): ${tenant.customers.length} customers`);
  }
  console.log(`  tenants ${GROWTH_TENANTS.map((t) => t.id).join(', ')}: ${GROWTH_TENANTS.map((t) => t.customers).join(', ')} generated customers (for the bench), made on first request`);
  const limit = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  console.log(`Authenticate with "Authorization: Bearer sandbox:<tenant>", e.g.`);
  console.log(`  curl -s -H 'Authorization: Bearer sandbox:default' '${sandbox.url}/v1/customers?size=2'`);
  console.log(`Rate limit: ${limit.requests} requests per ${limit.windowMs / 1000} s per tenant${options.bom ? '; bodies start with a BOM' : ''}.`);
  console.log(`Admin API for tests: ${sandbox.url}/_sandbox/ (requests, faults, config, reset, tenants). Ctrl+C stops.`);

  const stop = (signal: string): void => {
    console.log(`Partner Center sandbox: ${signal}, closing.`);
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(`Partner Center sandbox: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
