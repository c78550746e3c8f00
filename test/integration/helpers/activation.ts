// The extension under test, as the extension host loaded it (development mode: the repository itself): its id,
// its activation, and what `activate` returned.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { name, publisher } from '../../../package.json';
import type { PartnerCenterExports } from '../../../src/extension';

export const EXTENSION_ID = `${publisher}.${name}`;

/** The extension, activated; fails the test when VS Code did not load it. */
export async function activatedExtension(): Promise<vscode.Extension<unknown>> {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `VS Code did not load ${EXTENSION_ID}`);
  await extension.activate();
  return extension;
}

/** What `activate` returned: the client, the session, the customers view, the panels… */
export async function extensionExports(): Promise<PartnerCenterExports> {
  return (await activatedExtension()).exports as PartnerCenterExports;
}
