// partnerCenter.exportCustomers inside the real VS Code, against the sandbox: the files it writes are read back
// with an independent RFC 4180 reader and compared with the sandbox's seed.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PartnerCenterExports } from '../../src/extension';
import { NOTABLE, type SandboxCustomer, seedTenant } from '../sandbox/seed';
import { parseCsv } from '../support/csv';
import { extensionExports } from './helpers/activation';
import { recordNotifications } from './helpers/notifications';
import { recordProgress } from './helpers/progress';
import { requestsBeforeMarker } from './helpers/requestBarrier';
import { type LoggedRequest, clearFaults, clearSandboxRequests, injectFault, resetSandbox, routeOf, sandboxRequests } from './helpers/sandbox';
import { useSettings } from './helpers/settings';
import { waitFor } from './helpers/waitFor';

const BASE_HEADER = ['Customer ID', 'Company name', 'Primary domain', 'Relationship'];
const BILLING_HEADER = ['Billing first name', 'Billing last name', 'Billing email', 'Culture', 'Language', 'Country'];
const BY_ID = /^\/customers\/[0-9a-f-]{36}$/i;

function baseCells(customer: SandboxCustomer): string[] {
  return [customer.id, customer.companyProfile.companyName ?? '', customer.companyProfile.domain ?? '', customer.relationshipToPartner ?? ''];
}

function billingCells(customer: SandboxCustomer): string[] {
  const billing = customer.billingProfile;
  return [billing.firstName, billing.lastName, billing.email, billing.culture, billing.language, billing.defaultAddress?.country].map(
    (value) => value ?? '',
  );
}

const isByIdRead = (request: LoggedRequest): boolean => BY_ID.test(routeOf(request));

/** What a file at the target held before an export that must not touch it. */
const PREVIOUS_EXPORT = 'Customer ID,Company name\r\nan earlier export,kept\r\n';

describe('CSV export (partnerCenter.exportCustomers)', () => {
  let api: PartnerCenterExports;
  let restoreSettings: () => Promise<void>;
  let dir: string;

  before(async () => {
    api = await extensionExports();
    await resetSandbox();
    restoreSettings = await useSettings({ tenants: ['default', 'fabrikam'] });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-export-'));
  });

  after(async () => {
    await clearFaults();
    await restoreSettings();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  afterEach(async () => {
    await clearFaults();
  });

  it('writes every customer of fabrikam: four columns, RFC 4180 quoting, non-Latin text, UTF-8 with a BOM', async () => {
    const tenant = seedTenant('fabrikam')!;
    const file = path.join(dir, 'fabrikam.csv');
    const rows = await vscode.commands.executeCommand<number>('partnerCenter.exportCustomers', {
      tenantId: 'fabrikam',
      includeBilling: false,
      uri: vscode.Uri.file(file),
    });
    assert.equal(rows, tenant.customers.length);

    const bytes = fs.readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));
    const { records } = parseCsv('\uFEFF' + text);
    assert.deepEqual(records, [BASE_HEADER, ...tenant.customers.map(baseCells)]);

    // The quoting itself, as written: the CSV-hostile name is quoted, its quotes doubled, its line break kept.
    const hostile = tenant.customers.find((c) => c.id === NOTABLE.fabrikam.csv)!.companyProfile.companyName!;
    assert.ok(/[",\n]/.test(hostile), 'the seed has a name with a comma, a quote and a newline');
    assert.ok(text.includes(`,"${hostile.replace(/"/g, '""')}",`), 'the hostile name is not quoted as RFC 4180 says');
    assert.ok(text.endsWith('\r\n'), 'the last record ends with CRLF (the reader checks the others)');
    for (const id of [NOTABLE.fabrikam.japanese, NOTABLE.fabrikam.arabic, NOTABLE.fabrikam.ukrainian]) {
      const name = tenant.customers.find((c) => c.id === id)!.companyProfile.companyName!;
      assert.ok(text.includes(`${id},${name},`), `${name} is not written as is`);
    }
  });

  it('adds the billing contact columns, reading each customer once (path given as a string)', async () => {
    const tenant = seedTenant('fabrikam')!;
    const file = path.join(dir, 'fabrikam-billing.csv');
    api.client.invalidate('fabrikam');
    await clearSandboxRequests();
    const rows = await vscode.commands.executeCommand<number>('partnerCenter.exportCustomers', {
      tenantId: 'fabrikam',
      includeBilling: true,
      uri: file,
    });
    assert.equal(rows, tenant.customers.length);
    const { records } = parseCsv(fs.readFileSync(file, 'utf8'));
    assert.deepEqual(records, [[...BASE_HEADER, ...BILLING_HEADER], ...tenant.customers.map((c) => [...baseCells(c), ...billingCells(c)])]);
    const reads = (await sandboxRequests()).filter(isByIdRead);
    assert.equal(reads.length, tenant.customers.length, 'one by-id request per customer');
    assert.equal(new Set(reads.map((r) => routeOf(r).toLowerCase())).size, tenant.customers.length);
  });

  it('shows its progress (customers listed, then billing contacts read) and, when done, Open File opens the CSV', async () => {
    const tenant = seedTenant('fabrikam')!;
    const count = tenant.customers.length;
    const file = path.join(dir, 'fabrikam-progress.csv');
    api.client.invalidate('fabrikam');
    const progress = recordProgress();
    const notifications = recordNotifications();
    try {
      assert.equal(await vscode.commands.executeCommand('partnerCenter.exportCustomers', { tenantId: 'fabrikam', includeBilling: true, uri: file }), count);
      // Only the export's own notification (the views may show their own progress meanwhile).
      const runs = progress.runs.filter((r) => r.title === 'Exporting the customers of fabrikam');
      assert.equal(runs.length, 1, `progress titles: ${JSON.stringify(progress.runs.map((r) => r.title))}`);
      const [run] = runs;
      assert.equal(run!.cancellable, true, 'the notification has a Cancel button');
      // Listing first, then the billing reads counted up to all of them (with the time left while it is known).
      const billing = run!.messages.map((message) => /^Billing contacts: (\d+) of (\d+)(, about .+ left)?$/.exec(message));
      const firstBilling = billing.findIndex(Boolean);
      assert.ok(firstBilling > 0, `no listing before the billing reads: ${JSON.stringify(run!.messages)}`);
      assert.deepEqual(run!.messages.slice(0, firstBilling), [`Customers listed: ${count}…`]);
      const done = billing.slice(firstBilling).map((match, i) => {
        assert.ok(match, `not a billing progress message: ${run!.messages[firstBilling + i]}`);
        assert.equal(Number(match[2]), count);
        return Number(match[1]);
      });
      assert.deepEqual(done, [...done].sort((a, b) => a - b), 'the count went down');
      assert.equal(done.at(-1), count);

      const finished = await waitFor('the notification that it is done', () => notifications.shown.find((n) => n.severity === 'information'));
      assert.equal(finished.message, `Exported ${count} customers of fabrikam to ${file}.`);
      assert.deepEqual(finished.buttons, ['Open File']);
      finished.press('Open File');
      const editor = await waitFor('the CSV in an editor', () =>
        vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'file' && e.document.uri.fsPath === file),
      );
      assert.equal(editor.document.lineAt(0).text.replace(/^\uFEFF/, ''), [...BASE_HEADER, ...BILLING_HEADER].join(','));
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    } finally {
      progress.stop();
      notifications.stop();
    }
  });

  it('writes to a URI given as JSON (as it arrives from another process)', async () => {
    const file = path.join(dir, 'fabrikam-json-uri.csv');
    const uri: unknown = JSON.parse(JSON.stringify(vscode.Uri.file(file)));
    assert.ok(!(uri instanceof vscode.Uri));
    const rows = await vscode.commands.executeCommand<number>('partnerCenter.exportCustomers', { tenantId: 'fabrikam', uri });
    assert.equal(rows, seedTenant('fabrikam')!.customers.length);
    assert.equal(parseCsv(fs.readFileSync(file, 'utf8')).records.length, rows + 1);
  });

  it('refuses a folder as the target before sending anything, and leaves the folder and its contents alone', async () => {
    const name = 'a-folder.csv';
    const target = path.join(dir, name);
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, 'inside.txt'), 'kept');
    api.client.invalidate('fabrikam');
    await clearSandboxRequests();
    const notifications = recordNotifications();
    try {
      assert.equal(await vscode.commands.executeCommand('partnerCenter.exportCustomers', { tenantId: 'fabrikam', uri: target }), undefined);
      const error = await waitFor('an error notification', () => notifications.shown.find((n) => n.severity === 'error'));
      assert.equal(error.message, `The export could not be written to ${target}: it is a folder. Nothing in it was changed.`);
      assert.deepEqual(await requestsBeforeMarker(api, 'fabrikam'), [], 'the export sent requests for a target it could not write');
      assert.deepEqual(filesNamed(name), [name], 'a temporary file was left beside the folder');
      assert.deepEqual(fs.readdirSync(target), ['inside.txt']);
      assert.equal(fs.readFileSync(path.join(target, 'inside.txt'), 'utf8'), 'kept');
    } finally {
      notifications.stop();
    }
  });

  it('when the finished file cannot replace the old one, says so, keeps the old file and removes its temporary file', async () => {
    // An immutable file (chattr +i) cannot be replaced, even by root: the temporary file is written, the rename
    // over the target fails, as it does on a locked or read-only share.
    const name = 'locked.csv';
    const target = path.join(dir, name);
    fs.writeFileSync(target, PREVIOUS_EXPORT);
    execFileSync('chattr', ['+i', target]);
    const notifications = recordNotifications();
    try {
      assert.equal(await vscode.commands.executeCommand('partnerCenter.exportCustomers', { tenantId: 'fabrikam', uri: target }), undefined);
      const error = await waitFor('an error notification', () => notifications.shown.find((n) => n.severity === 'error'));
      assert.ok(error.message.startsWith(`The export could not be written to ${target}: `), error.message);
      assert.ok(error.message.endsWith(' The file there, if any, was left as it was.'), error.message);
      assert.deepEqual(filesNamed(name), [name], 'the temporary file was left beside the target');
      assert.equal(fs.readFileSync(target, 'utf8'), PREVIOUS_EXPORT);
    } finally {
      notifications.stop();
      execFileSync('chattr', ['-i', target]);
    }
  });

  it('pages through all the customers of default and returns the row count', async () => {
    const tenant = seedTenant('default')!;
    const file = path.join(dir, 'default.csv');
    const rows = await vscode.commands.executeCommand<number>('partnerCenter.exportCustomers', { tenantId: 'default', uri: vscode.Uri.file(file) });
    assert.equal(rows, tenant.customers.length);
    const { records } = parseCsv(fs.readFileSync(file, 'utf8'));
    assert.equal(records.length, tenant.customers.length + 1);
    assert.equal(new Set(records.slice(1).map((r) => r[0])).size, tenant.customers.length, 'a customer was written twice');
    assert.deepEqual(records.at(-1), baseCells(tenant.customers.at(-1)!));
    assert.equal(records.at(-1)![0], NOTABLE.default.last);
  });

  it('keeps going when a customer\'s billing read fails for good: empty billing cells, and the user is told', async () => {
    const tenant = seedTenant('fabrikam')!;
    const failing = NOTABLE.fabrikam.japanese;
    const file = path.join(dir, 'fabrikam-partial.csv');
    api.client.invalidate('fabrikam');
    await injectFault({ path: `/v1/customers/${failing}`, tenant: 'fabrikam', status: 500, times: 0 });
    const notifications = recordNotifications();
    try {
      const rows = await vscode.commands.executeCommand<number>('partnerCenter.exportCustomers', {
        tenantId: 'fabrikam',
        includeBilling: true,
        uri: vscode.Uri.file(file),
      });
      assert.equal(rows, tenant.customers.length);
      const { records } = parseCsv(fs.readFileSync(file, 'utf8'));
      const row = records.find((r) => r[0] === failing)!;
      assert.deepEqual(row, [...baseCells(tenant.customers.find((c) => c.id === failing)!), '', '', '', '', '', '']);
      const others = records.slice(1).filter((r) => r[0] !== failing);
      assert.deepEqual(others, tenant.customers.filter((c) => c.id !== failing).map((c) => [...baseCells(c), ...billingCells(c)]));
      const warning = await waitFor('the warning', () => notifications.shown.find((n) => n.severity === 'warning'));
      assert.match(warning.message, /billing contact of 1 customer could not be read: its billing cells are empty/);
      assert.match(warning.message, /fabrikam-partial\.csv/);
      assert.deepEqual(warning.buttons, ['Open File', 'Show Log']);
      warning.press('Show Log');
      const log = await waitFor('the log, naming the customer', () =>
        vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'output' && e.document.getText().includes(`the billing profile of ${failing}`)),
      );
      assert.match(log.document.getText(), new RegExp(`Export of tenant fabrikam: the billing profile of ${failing} \\(.+\\) could not be read`));
      await vscode.commands.executeCommand('workbench.action.closePanel');
    } finally {
      notifications.stop();
    }
  });

  /**
   * Starts a billing export of default to `file` (billing reads slowed down), cancels it once some reads were
   * sent, and resolves when the command has returned; then how many by-id reads had been sent.
   */
  async function cancelledExport(file: string): Promise<number> {
    api.client.invalidate('default');
    await clearSandboxRequests();
    // Slow billing reads, so that the export is surely still running when it is cancelled.
    await injectFault({ pathRegex: '^/v1/customers/[0-9a-f-]{36}$', tenant: 'default', delayMs: 250, times: 0 });
    const controller = new AbortController();
    const pending = vscode.commands.executeCommand<number | undefined>('partnerCenter.exportCustomers', {
      tenantId: 'default',
      includeBilling: true,
      uri: vscode.Uri.file(file),
      signal: controller.signal,
    });
    await waitFor('some billing reads', async () => (await sandboxRequests()).filter(isByIdRead).length >= 10 || undefined);
    controller.abort();
    assert.equal(await pending, undefined);
    return (await sandboxRequests()).filter(isByIdRead).length;
  }

  /** The names in the export folder that contain `part` (the target and any temporary sibling of it). */
  const filesNamed = (part: string) => fs.readdirSync(dir).filter((name) => name.includes(part));

  it('cancelled midway, leaves nothing under the target name and stops sending', async () => {
    const file = path.join(dir, 'cancelled.csv');
    const notifications = recordNotifications();
    try {
      const sentAtCancel = await cancelledExport(file);

      assert.equal(fs.existsSync(file), false, 'a file was left under the target name');
      assert.deepEqual(filesNamed('cancelled'), [], 'a temporary file was left behind');
      const info = await waitFor('the cancellation message', () => notifications.shown.find((n) => /cancelled/.test(n.message)));
      assert.match(info.message, /Nothing was written/);

      // Anything the export still had queued for default would go out before this marker.
      const sentLater = (await requestsBeforeMarker(api, 'default')).filter(isByIdRead).length;
      assert.ok(sentLater <= sentAtCancel + 1, `${sentLater - sentAtCancel} billing reads were sent after the cancellation`);
    } finally {
      notifications.stop();
    }
  });

  it('cancelled midway, leaves a file that was already at the target as it was', async () => {
    const file = path.join(dir, 'cancelled-existing.csv');
    fs.writeFileSync(file, PREVIOUS_EXPORT);
    await cancelledExport(file);
    assert.equal(fs.readFileSync(file, 'utf8'), PREVIOUS_EXPORT);
    assert.deepEqual(filesNamed('cancelled-existing'), ['cancelled-existing.csv'], 'a temporary file was left behind');
  });

  it('fails with a clear error when a page of the customer list fails: nothing written, an existing file kept as it was', async () => {
    const notifications = recordNotifications();
    try {
      for (const existing of [undefined, PREVIOUS_EXPORT]) {
        const name = existing === undefined ? 'list-failed.csv' : 'list-failed-existing.csv';
        const file = path.join(dir, name);
        if (existing !== undefined) fs.writeFileSync(file, existing);
        api.client.invalidate('default');
        await clearSandboxRequests();
        // The first page answers; the second (and its retries) fail.
        await injectFault({ path: '/v1/customers?', tenant: 'default', status: 500, skip: 1, times: 0 });
        notifications.shown.length = 0;

        const rows = await vscode.commands.executeCommand('partnerCenter.exportCustomers', { tenantId: 'default', uri: vscode.Uri.file(file) });
        assert.equal(rows, undefined);
        const error = await waitFor('an error notification', () => notifications.shown.find((n) => n.severity === 'error'));
        assert.match(error.message, /Partner Center answered 500/);
        assert.ok((await sandboxRequests()).filter((r) => routeOf(r).toLowerCase() === '/customers').length >= 2, 'the second page was not asked for');
        assert.deepEqual(notifications.shown.filter((n) => /Exported/.test(n.message)), [], 'a success was reported');
        if (existing === undefined) assert.equal(fs.existsSync(file), false, 'a file was written under the target name');
        else assert.equal(fs.readFileSync(file, 'utf8'), existing);
        assert.deepEqual(filesNamed(path.basename(name, '.csv')), existing === undefined ? [] : [name], 'a temporary file was left behind');
        await clearFaults();
      }
    } finally {
      notifications.stop();
    }
  });

  it('refuses arguments it cannot honour, with a clear error and no file', async () => {
    const notifications = recordNotifications();
    try {
      const cases: [unknown, RegExp][] = [
        [{ tenantId: 'fabrikam', includeBilling: 'yes', uri: path.join(dir, 'bad-billing.csv') }, /"includeBilling" must be true or false/],
        [{ tenantId: 'fabrikam', uri: 'relative/bad-path.csv' }, /"uri" must be a file URI or an absolute file path/],
        [{ tenantId: 'northwind', uri: path.join(dir, 'bad-tenant.csv') }, /"northwind" is not one of the configured partner tenants/],
      ];
      for (const [arg, expected] of cases) {
        notifications.shown.length = 0;
        assert.equal(await vscode.commands.executeCommand('partnerCenter.exportCustomers', arg), undefined);
        const error = await waitFor('an error notification', () => notifications.shown.find((n) => n.severity === 'error'));
        assert.match(error.message, expected);
      }
      assert.deepEqual(fs.readdirSync(dir).filter((name) => name.startsWith('bad')), []);
    } finally {
      notifications.stop();
    }
  });
});
