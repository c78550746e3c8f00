// Where the sandbox the UI tests run against listens (what it holds: test/sandbox/seed.ts).
import * as assert from 'node:assert/strict';

export function sandboxUrl(): string {
  const url = process.env.PC_SANDBOX_URL;
  assert.ok(url, 'PC_SANDBOX_URL is not set: run the UI tests with `npm run test:ui`');
  return url;
}
