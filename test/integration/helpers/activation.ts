// The extension under test, as the extension host loaded it (development mode: the repository itself).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { name, publisher } from '../../package.json';

export const EXTENSION_ID = `${publisher}.${name}`;

/** The extension, activated; fails the test when VS Code did not load it. */
export async function activatedExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `VS Code did not load ${EXTENSION_ID}`);
  await extension.activate();
  return extension;
}

/** The sandbox the harness started for this run (scripts/test-integration.mjs passes its URL). */
export function sandboxUrl(): string {
  const url = process.env.PC_SANDBOX_URL;
  assert.ok(url, 'PC_SANDBOX_URL is not set: run the suite with `npm run test:integration`');
  return url;
}
