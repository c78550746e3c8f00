import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';
import { registerActivity } from './activity/activityCommands';
import { PartnerCenterClient } from './api/client';
import { overrideCloudApiBase } from './api/clouds';
import { toXLocale } from './api/locale';
import * as z from './api/zod';
import { SessionManager } from './auth/session';
import { registerCustomerLinks } from './commands/customerLinks';
import { registerCommands } from './commands/register';
import { ConfigStore } from './config';
import { registerCustomerDocuments } from './documents/customerJsonProvider';
import type { Services } from './services';
import { registerCustomersView } from './tree/customersView';
import { registerBillingPanels } from './webview/billingPanels';

/** What `activate` returns: the live pieces, for the integration tests (and only tests get the `testing` hooks). */
export type PartnerCenterExports = ReturnType<typeof wire>;

export async function activate(context: vscode.ExtensionContext): Promise<PartnerCenterExports> {
  await localize();
  return wire(context);
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}

function wire(context: vscode.ExtensionContext) {
  const log = vscode.window.createOutputChannel('Partner Center', { log: true });
  const config = new ConfigStore();
  const session = new SessionManager(config, context.globalState, log);
  const client = new PartnerCenterClient({
    settings: () => config.require(),
    tokens: session.tokens,
    logger: log,
    clientVersion: String(context.extension.packageJSON.version),
    locale: () => toXLocale(vscode.env.language),
  });
  context.subscriptions.push(log, config, session, client);
  // A new endpoint cancels what was queued for the old one at once, not at the next call.
  context.subscriptions.push(config.onDidChange(() => client.settingsChanged()));
  // Before the views hear of it: nothing queued goes out, and nothing fetched is shown, as an account no longer used.
  context.subscriptions.push(
    session.onDidChange(({ tenantsWithChangedSession }) => {
      for (const tenant of tenantsWithChangedSession) {
        client.cancel(tenant);
        client.invalidate(tenant);
      }
    }),
  );
  const services: Services = { context, log, config, session, client };

  const customers = registerCustomersView(services);
  const billing = registerBillingPanels(services);
  const documents = registerCustomerDocuments(services);
  context.subscriptions.push(customers, billing, documents);
  registerCommands(services, { customers, billing, documents });
  const links = registerCustomerLinks(services, { customers, billing, documents });
  context.subscriptions.push(links);
  const activity = registerActivity(services, customers);
  context.subscriptions.push(...activity.disposables);

  void session.evaluate();

  const testing =
    context.extensionMode === vscode.ExtensionMode.Test
      ? {
          /** Points a real cloud at a loopback server (the sandbox), so sign-in paths never leave the machine. */
          overrideCloudApiBase: (cloud: 'global' | 'china' | 'usgov', base: string | undefined) => {
            overrideCloudApiBase(cloud, base);
            config.reload();
          },
          useAuthenticationProviders: session.useAuthenticationProviders.bind(session),
          useHttpTimings: client.useHttpTimings.bind(client),
        }
      : undefined;
  return { client, session, customers, billing, documents, links, activity: activity.view, testing };
}

/** Strings of the api/ layer (which cannot import vscode) and zod's messages follow VS Code's display language. */
async function localize(): Promise<void> {
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
  // Loaded only in a French workbench (its own chunk), before anything is parsed.
  if (vscode.env.language.startsWith('fr')) z.config((await import('zod/v4/locales/fr.js')).default());
}
