// The Activity view inside the real VS Code against the sandbox's seeded audit log: days, paging, the diff of
// a record's values, and one customer's activity (the API's CustomerId filter).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ActivityNode } from '../../src/activity/activityView';
import type { PartnerCenterExports } from '../../src/extension';
import { SEEDED_AUDIT_RECORD_COUNT } from '../sandbox/auditLog';
import { NOTABLE } from '../sandbox/seed';
import { extensionExports } from './helpers/activation';
import { clearSandboxRequests, externalChange, resetSandbox, routeOf, sandboxRequests } from './helpers/sandbox';
import { useSettings } from './helpers/settings';
import { waitFor } from './helpers/waitFor';

const TENANT = 'default';

async function allNodes(api: PartnerCenterExports): Promise<ActivityNode[]> {
  const roots = await api.activity.getChildren();
  const days = roots.filter((n) => n.kind === 'day');
  const records = (await Promise.all(days.map((d) => api.activity.getChildren(d)))).flat();
  return [...roots, ...records];
}

describe('Activity view', () => {
  let api: PartnerCenterExports;
  let restore: () => Promise<void>;

  before(async () => {
    api = await extensionExports();
    restore = await useSettings({ 'activity.days': 90, pageSize: 50 });
  });
  after(async () => {
    await restore();
    // Shown by Show Activity: hidden again, so the suites after this one see only the requests they make.
    if (api.activity.view.visible) await vscode.commands.executeCommand('partnerCenter.activity.toggleVisibility');
  });

  beforeEach(async () => {
    await resetSandbox();
    await api.activity.clearFilter();
  });
  afterEach(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('lists the seeded records grouped by day, newest first, and pages through all with none lost or duplicated', async () => {
    api.activity.refresh();
    let nodes = await allNodes(api);
    let pages = 1;
    while (nodes.some((n) => n.kind === 'loadMore')) {
      await vscode.commands.executeCommand('partnerCenter.activity.loadMore', TENANT);
      nodes = await allNodes(api);
      pages++;
    }
    const records = nodes.flatMap((n) => (n.kind === 'record' ? [n.record] : []));
    assert.equal(records.length, SEEDED_AUDIT_RECORD_COUNT);
    assert.equal(new Set(records.map((r) => r.id)).size, SEEDED_AUDIT_RECORD_COUNT, 'no record twice');
    const days = nodes.flatMap((n) => (n.kind === 'day' ? [n.day] : []));
    assert.deepEqual(days, [...days].sort().reverse(), 'newest day first');
    for (const day of nodes.filter((n) => n.kind === 'day')) {
      assert.ok(day.records.every((r) => r.operationDate.startsWith(day.day)), `every record of ${day.day} is of that day`);
    }
    assert.ok(nodes.some((n) => n.kind === 'record' && n.record.operationStatus === 'failed'), 'failed records are listed too');
    const failed = nodes.find((n): n is Extract<ActivityNode, { kind: 'record' }> => n.kind === 'record' && n.record.operationStatus === 'failed')!;
    assert.match(String(api.activity.getTreeItem(failed).description), /^failed · /);
    assert.ok(pages >= 6, `${SEEDED_AUDIT_RECORD_COUNT} records in pages of 50 over three 30-day windows`);
  });

  it('opens the diff of a record with its old and new values as read-only JSON, titled with operation, customer and time', async () => {
    const customerId = NOTABLE.default.contoso;
    await externalChange({ kind: 'rename', customerId, companyName: 'Contoso Diffed' });
    api.activity.refresh();
    const nodes = await allNodes(api);
    const node = nodes.find((n): n is Extract<ActivityNode, { kind: 'record' }> => n.kind === 'record' && n.record.customerId === customerId)!;
    await vscode.commands.executeCommand('partnerCenter.activity.openDiff', node);
    const tab = await waitFor('the diff tab', () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputTextDiff),
    );
    const input = tab.input as vscode.TabInputTextDiff;
    assert.equal(input.original.scheme, 'partnercenter-audit');
    assert.match(tab.label, /Company name updated: Contoso Diffed \(.+UTC\)/);
    const [left, right] = await Promise.all([vscode.workspace.openTextDocument(input.original), vscode.workspace.openTextDocument(input.modified)]);
    assert.deepEqual(JSON.parse(right.getText()), { CompanyName: 'Contoso Diffed' });
    assert.ok(JSON.parse(left.getText()).CompanyName !== 'Contoso Diffed');
    assert.equal(left.languageId, 'json');
  });

  it('opens a record whose old value is not JSON as text, not an error', async () => {
    let nodes = await allNodes(api);
    const find = () => nodes.find((n): n is Extract<ActivityNode, { kind: 'record' }> => n.kind === 'record' && n.record.resourceOldValue === 'not json {');
    while (!find() && nodes.some((n) => n.kind === 'loadMore')) {
      await vscode.commands.executeCommand('partnerCenter.activity.loadMore', TENANT);
      nodes = await allNodes(api);
    }
    await vscode.commands.executeCommand('partnerCenter.activity.openDiff', find()!);
    const tab = await waitFor('the diff tab', () =>
      vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputTextDiff),
    );
    const left = await vscode.workspace.openTextDocument((tab.input as vscode.TabInputTextDiff).original);
    assert.equal(left.getText(), 'not json {');
    assert.equal(left.languageId, 'plaintext');
  });

  it("Show Activity sends the CustomerId filter and lists only that customer's records", async () => {
    const customerId = NOTABLE.default.contoso;
    await externalChange({ kind: 'rename', customerId, companyName: 'Contoso Filtered' });
    await clearSandboxRequests();
    await vscode.commands.executeCommand('partnerCenter.showCustomerActivity', { tenantId: TENANT, customerId });
    const nodes = await allNodes(api);
    const records = nodes.flatMap((n) => (n.kind === 'record' ? [n.record] : []));
    assert.ok(records.length >= 1);
    assert.ok(records.every((r) => r.customerId === customerId));
    const audit = (await sandboxRequests()).filter((r) => routeOf(r) === '/auditrecords');
    const filter = new URL(audit[0]!.path, 'http://x').searchParams.get('filter');
    assert.deepEqual(JSON.parse(filter!), { Field: 'CustomerId', Value: customerId, Operator: 'equals' });
    assert.match(api.activity.view.message ?? '', /only/);
  });

  it('never asks for more than 90 days: with the longest setting no audit request is refused', async () => {
    await clearSandboxRequests();
    api.activity.refresh();
    let nodes = await allNodes(api);
    while (nodes.some((n) => n.kind === 'loadMore')) {
      await vscode.commands.executeCommand('partnerCenter.activity.loadMore', TENANT);
      nodes = await allNodes(api);
    }
    const audit = (await sandboxRequests()).filter((r) => routeOf(r) === '/auditrecords');
    assert.ok(audit.length > 0);
    assert.deepEqual(audit.filter((r) => r.status !== 200), []);
  });
});
