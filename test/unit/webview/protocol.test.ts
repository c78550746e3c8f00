import assert from 'node:assert/strict';
import { billingFormOf } from '../../../src/api/billingChanges';
import { hostMessageSchema, pageMessageSchema, panelStateSchema, panelTargetSchema } from '../../../src/webview/protocol';
import { billingPageStrings } from '../../../src/webview/billingView';

const dataView = {
  kind: 'data',
  heading: 'Billing — Contoso',
  busy: false,
  contactName: 'Ada Lovelace',
  email: 'ada@contoso.com',
  company: 'Contoso',
  culture: 'en-US',
  language: 'en',
  address: '1 Microsoft Way, Redmond, WA 98052, US',
  fetched: { display: 'Nov 22, 2025, 3:00:00 AM', iso: '2025-11-22T03:00:00.000Z' },
  editable: null,
};

const form = billingFormOf({ firstName: 'Ada', email: 'ada@contoso.com', defaultAddress: { country: 'US' } });

describe('billing webview protocol', () => {
  describe('host → page', () => {
    it('accepts the messages the host sends', () => {
      for (const message of [
        { type: 'init', strings: billingPageStrings(), target: { tenantId: 'default', customerId: 'c1' }, lang: 'en' },
        { type: 'render', revision: 3, view: dataView },
        { type: 'render', revision: 0, view: { kind: 'loading' } },
        { type: 'render', revision: 1, view: { kind: 'error', message: 'Partner Center answered 503.' } },
        { type: 'render', revision: 2, view: { ...dataView, email: null, address: null } },
        { type: 'status', text: 'Copied.' },
        { type: 'render', revision: 4, view: { ...dataView, editable: { form, etag: '-42' } } },
        { type: 'startEdit' },
        { type: 'saveResult', result: { outcome: 'saved' } },
        { type: 'saveResult', result: { outcome: 'conflict', theirs: form, etag: '-43' } },
        { type: 'saveResult', result: { outcome: 'notSaved', message: 'Timed out.' } },
        { type: 'saveResult', result: { outcome: 'refused', field: 'email', message: "Invalid value for field 'email'" } },
      ]) {
        assert.ok(hostMessageSchema.safeParse(message).success, JSON.stringify(message));
      }
    });

    it('rejects malformed messages', () => {
      for (const message of [
        null,
        'render',
        { type: 'html', html: '<img src=x onerror=alert(1)>' },
        { type: 'render', revision: -1, view: dataView },
        { type: 'render', revision: 1.5, view: dataView },
        { type: 'render', revision: 1, view: { ...dataView, kind: 'partial' } },
        // a data view is complete or it is not a data view: no half-rendered customer
        { type: 'render', revision: 1, view: { kind: 'data', heading: 'Billing — X', busy: false } },
        { type: 'render', revision: 1, view: { ...dataView, email: 42 } },
        { type: 'render', revision: 1, view: { ...dataView, innerHTML: '<b>x</b>' } },
        { type: 'render', revision: 1, view: { ...dataView, company: 'x'.repeat(20_001) } },
        { type: 'init', strings: { loading: 'Loading' }, target: { tenantId: 'default', customerId: 'c1' }, lang: 'en' },
        { type: 'status' },
        { type: 'saveResult', result: { outcome: 'refused', field: 'culture', message: 'culture is not writable' } },
        { type: 'render', revision: 1, view: { ...dataView, editable: { form: { ...form, culture: 'fr-FR' }, etag: '-1' } } },
      ]) {
        assert.equal(hostMessageSchema.safeParse(message).success, false, JSON.stringify(message)?.slice(0, 120));
      }
    });
  });

  describe('page → host', () => {
    it('accepts the messages the page sends', () => {
      for (const message of [
        { type: 'ready' },
        { type: 'refresh' },
        { type: 'copyEmail' },
        { type: 'openJson' },
        { type: 'rendered', revision: 4, kind: 'data', text: 'Billing — Contoso', fields: [{ label: 'Email', value: 'a@b.c' }], canEdit: true },
        { type: 'save', session: { base: form, etag: '-42', mine: { ...form, firstName: 'Zoë' } } },
      ]) {
        assert.ok(pageMessageSchema.safeParse(message).success, JSON.stringify(message));
      }
    });

    it('rejects malformed messages, including commands the page has no business sending', () => {
      for (const message of [
        undefined,
        {},
        { type: 'runCommand', command: 'workbench.action.terminal.new' },
        { type: 'copyEmail', email: 'attacker@example.com' },
        { type: 'ready', extra: true },
        { type: 'rendered', revision: 'one', kind: 'data', text: '', fields: [] },
        { type: 'rendered', revision: 1, kind: 'html', text: '', fields: [] },
        { type: 'rendered', revision: 1, kind: 'data', text: '', fields: [{ label: 'x' }] },
        // a save names every writable field and nothing else
        { type: 'save', session: { base: form, etag: '-42', mine: { firstName: 'Zoë' } } },
        { type: 'save', session: { base: form, etag: '-42', mine: { ...form, id: 'other' } } },
        { type: 'save', session: { base: form, etag: '', mine: form } },
      ]) {
        assert.equal(pageMessageSchema.safeParse(message).success, false, JSON.stringify(message));
      }
    });
  });

  it('restores only a well-formed panel state', () => {
    assert.ok(panelTargetSchema.safeParse({ tenantId: 'fabrikam', customerId: 'c1' }).success);
    for (const state of [undefined, null, {}, { tenantId: 'fabrikam' }, { tenantId: '', customerId: 'c1' }, { tenantId: 'a', customerId: 'b', x: 1 }]) {
      assert.equal(panelTargetSchema.safeParse(state).success, false, JSON.stringify(state));
      assert.equal(panelStateSchema.safeParse(state).success, false, JSON.stringify(state));
    }
  });

  it('keeps an edit in progress in the panel state (with its conflict), so a reload loses nothing typed', () => {
    const edit = { base: form, etag: '-42', mine: { ...form, city: 'Lyon' }, conflict: { theirs: { ...form, city: 'Paris' }, etag: '-43' } };
    const parsed = panelStateSchema.safeParse({ tenantId: 'default', customerId: 'c1', edit });
    assert.ok(parsed.success);
    assert.equal(parsed.data.edit?.mine.city, 'Lyon');
    assert.equal(panelStateSchema.safeParse({ tenantId: 'default', customerId: 'c1', edit: { ...edit, mine: { city: 'Lyon' } } }).success, false);
  });
});
