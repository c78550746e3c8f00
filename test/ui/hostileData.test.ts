// Hostile customer data in the real browser: the first customers of the sandbox's default tenant carry markup
// and script payloads (test/support/hostilePayloads.ts) in every string field. Shown in the tree, its tooltips,
// an expanded customer and the billing webview, none of it creates an element or runs: no `window.__pwned` in the
// workbench or the webview's frames, no element a payload describes, no dialog.
import * as assert from 'node:assert/strict';
import type { Dialog, Frame } from 'playwright-core';
import { HOSTILE_PAYLOADS, PWNED, hostileCopy } from '../support/hostilePayloads';
import { clearFaults, injectFault, sandboxUrl } from './sandbox';
import { UI_TIMEOUT_MS, afterImageErrors, useWorkbench } from './workbench';

const TENANT = 'default';
/** The extension's default page size: the first page the view asks for. */
const PAGE_SIZE = 100;
/** Elements only a payload would make. */
const PAYLOAD_ELEMENTS = 'img[src="x"], circle[r="5"], iframe[srcdoc], div[style*="background:red"], mglyph, a[href^="javascript:"]';

async function sandboxJson(route: string): Promise<Record<string, unknown>> {
  const headers = { Accept: 'application/json', Authorization: `Bearer sandbox:${TENANT}` };
  return JSON.parse((await (await fetch(`${sandboxUrl()}${route}`, { headers })).text()).replace(/^\uFEFF/, '')) as Record<string, unknown>;
}

/** In a frame: the marker a payload would set, and how many payload-made elements it holds. */
function inspect(frame: Frame, selector: string): Promise<{ pwned: unknown; elements: number }> {
  return frame.evaluate(
    ([marker, elements]) => ({ pwned: (window as unknown as Record<string, unknown>)[marker!], elements: document.querySelectorAll(elements!).length }),
    [PWNED, selector],
  );
}

describe('hostile customer data in the workbench', () => {
  const names: string[] = [];
  before(async () => {
    // Before the workbench opens: its first page is the hostile one.
    const page = (await sandboxJson(`/v1/customers?size=${PAGE_SIZE}`)) as { items: { id: string; companyProfile: { companyName: string } }[] };
    const items = page.items.map((item, i) => (i < HOSTILE_PAYLOADS.length ? hostileCopy(item, HOSTILE_PAYLOADS[i]!) : item));
    await injectFault({ pathRegex: `^/v1/customers\\?size=${PAGE_SIZE}$`, tenant: TENANT, status: 200, body: { ...page, items }, times: 0 });
    for (const [i, payload] of HOSTILE_PAYLOADS.entries()) {
      const id = page.items[i]!.id;
      await injectFault({ path: `/v1/customers/${id}`, tenant: TENANT, status: 200, body: hostileCopy(await sandboxJson(`/v1/customers/${id}`), payload), times: 0 });
      names.push(payload);
    }
  });
  const workbench = useWorkbench();
  after(clearFaults);

  it('creates no element and runs no script from any payload: tree, tooltips, details, billing webview', async () => {
    const wb = workbench();
    const dialogs: string[] = [];
    wb.page.on('dialog', (dialog: Dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await wb.openPartnerCenter();
    const first = wb.treeRow(names[0]!).first();
    await first.waitFor({ timeout: UI_TIMEOUT_MS });
    assert.equal(await first.locator('.label-name').textContent(), names[0], 'the label shows the payload as typed');

    // Tooltips of the first rows, an expanded customer, its billing details.
    for (const name of names.slice(0, 6)) {
      const row = wb.treeRow(name.replace(/\s+/g, ' ').trim().slice(0, 30)).first();
      if (await row.count()) await wb.hoverOver(row.locator('.label-name'));
    }
    await wb.page.mouse.move(0, 0);
    await first.locator('.monaco-tl-twistie').click();
    await first.and(wb.page.locator('[aria-expanded="true"]')).waitFor({ timeout: UI_TIMEOUT_MS });
    await wb.runContextMenuEntry(first, wb.strings['command.openBillingDetails']);
    const heading = wb.webview().locator('main h1');
    await heading.waitFor({ timeout: UI_TIMEOUT_MS });
    assert.equal(await heading.textContent(), `Billing — ${names[0]}`);
    // An onerror or onload handler fires as its element loads: wait for the page to have rendered and settled.
    await wb.webview().locator('main dl').waitFor({ timeout: UI_TIMEOUT_MS });
    await wb.page.waitForLoadState('load');
    // Positive controls, one in the webview and one in the workbench: their image errors come after any from the data.
    await afterImageErrors(wb.webview().locator('body'));
    await afterImageErrors(wb.page.locator('.part.sidebar'));

    const frames = wb.page.frames();
    assert.ok(frames.length > 2, 'the webview frames are there');
    for (const frame of frames) {
      const seen = await inspect(frame, PAYLOAD_ELEMENTS);
      assert.equal(seen.pwned, undefined, `a payload ran in ${frame.url().slice(0, 80)}`);
      assert.equal(seen.elements, 0, `a payload made an element in ${frame.url().slice(0, 80)}`);
    }
    assert.deepEqual(dialogs, [], 'a script from the data ran');
    await wb.screenshot('hostile-data');
  });
});
