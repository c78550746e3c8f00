// The billing page (browser side, bundled by esbuild into dist/webview/billing.js). It shows what the host
// sends and nothing else: every message is validated, every string is inserted with textContent (customer
// data can contain markup; it must show as text and never run), and the page has no words of its own.
import {
  type BillingFormField,
  type BillingView,
  type EditSession,
  type HostMessage,
  type PageMessage,
  type PageStrings,
  type PanelState,
  type SaveResult,
  hostMessageSchema,
  panelStateSchema,
} from '../protocol';
import { button, element, icon, textElement } from './dom';
import { type EditContext, editElements, fieldError, isSaveAllowed, mergedSession, readForm, saveButtonLabel } from './billingEditor';

interface VsCodeApi {
  postMessage(message: PageMessage): void;
  setState(state: PanelState): void;
  getState(): unknown;
}
declare function acquireVsCodeApi(): VsCodeApi;

/** Buttons whose click goes to the host. */
type Action = 'refresh' | 'copyEmail' | 'openJson';
/** Buttons the page handles itself (the edit form's). */
type LocalAction = 'edit' | 'save' | 'cancel' | 'applyMine' | 'discardMine';
const LOCAL_ACTIONS: readonly string[] = ['edit', 'save', 'cancel', 'applyMine', 'discardMine'] satisfies LocalAction[];

const vscode = acquireVsCodeApi();
const content = document.getElementById('content') as HTMLElement;
const status = document.getElementById('status') as HTMLElement;

/** The state VS Code kept for this panel (after a hide, a webview reload or a window reload): the edit in progress. */
const restored = panelStateSchema.safeParse(vscode.getState());
let state: PanelState | undefined = restored.success ? restored.data : undefined;
/** A save sent and not answered yet (not kept: a reload shows the form ready to save again). */
let saving = false;
/** The last view the host sent: the edit form is shown over its `data`. */
let current: { revision: number; view: BillingView } | undefined;

let strings: PageStrings | undefined;
/** A render that arrived before the strings (the host sends `init` first; this only guards the order). */
let pendingRender: Extract<HostMessage, { type: 'render' }> | undefined;
let statusTimer: ReturnType<typeof setTimeout> | undefined;

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  const parsed = hostMessageSchema.safeParse(event.data);
  if (!parsed.success) {
    console.error('Partner Center billing: ignored an invalid message from the extension.', parsed.error.issues);
    return;
  }
  receive(parsed.data);
});

content.addEventListener('click', (event) => {
  const button = (event.target as Element | null)?.closest<HTMLButtonElement>('button[data-action]');
  if (!button || button.getAttribute('aria-disabled') === 'true') return;
  const action = button.dataset.action ?? '';
  if (LOCAL_ACTIONS.includes(action)) {
    event.preventDefault();
    act(action as LocalAction);
  } else {
    vscode.postMessage({ type: action as Action });
  }
});

// Enter in a field saves (the form's submit), as in any form.
content.addEventListener('submit', (event) => {
  event.preventDefault();
  if (state?.edit && isSaveAllowed(editContext())) act('save');
});

// Typing: the edit is kept at once (state), and the field's problem and Save follow without re-rendering.
content.addEventListener('input', (event) => {
  const edit = state?.edit;
  const input = event.target as HTMLInputElement | null;
  if (!edit || !input?.dataset.field) return;
  const mine = readForm(content, edit.mine);
  const refused = edit.refused?.field === input.dataset.field ? undefined : edit.refused;
  keepEdit({ ...edit, mine, refused, notice: undefined });
  const context = editContext();
  for (const field of content.querySelectorAll<HTMLInputElement>('input[data-field]')) showFieldError(field, context);
  const save = content.querySelector<HTMLButtonElement>('button[data-action="save"]');
  if (save) setDisabled(save, !isSaveAllowed(context));
});

// The handshake: the host sends nothing until this arrives, and everything again whenever the page is re-created.
vscode.postMessage({ type: 'ready' });

function receive(message: HostMessage): void {
  switch (message.type) {
    case 'init':
      strings = message.strings;
      document.documentElement.lang = message.lang;
      // What the serializer restores after a window reload; an edit in progress of the same customer is kept.
      state = { ...message.target, edit: sameTarget(state, message.target) ? state?.edit : undefined };
      vscode.setState(state);
      if (pendingRender) render(pendingRender.revision, pendingRender.view);
      pendingRender = undefined;
      return;
    case 'render':
      if (strings) render(message.revision, message.view);
      else pendingRender = message;
      return;
    case 'status':
      announce(message.text);
      return;
    case 'startEdit':
      if (!state?.edit) act('edit');
      return;
    case 'saveResult':
      saved(message.result);
      return;
  }
}

function sameTarget(a: PanelState | undefined, b: { tenantId: string; customerId: string }): boolean {
  return !!a && a.tenantId === b.tenantId && a.customerId.toLowerCase() === b.customerId.toLowerCase();
}

/** The edit in progress, kept in the webview's state: nothing typed is lost to a hide or a reload. */
function keepEdit(edit: EditSession | undefined): void {
  if (!state) return;
  state = { ...state, edit };
  vscode.setState(state);
}

function editContext(): EditContext {
  return { edit: state!.edit!, words: strings!, saving };
}

function act(action: LocalAction): void {
  const view = current?.view;
  const edit = state?.edit;
  switch (action) {
    case 'edit':
      if (view?.kind !== 'data' || !view.editable) return;
      keepEdit({ base: view.editable.form, etag: view.editable.etag, mine: view.editable.form });
      rerender('field-firstName');
      return;
    case 'save':
      if (!edit || !isSaveAllowed(editContext())) return;
      saving = true;
      vscode.postMessage({ type: 'save', session: { base: edit.base, etag: edit.etag, mine: edit.mine } });
      rerender();
      return;
    case 'cancel':
    case 'discardMine':
      keepEdit(undefined);
      rerender('action-edit');
      return;
    case 'applyMine': {
      if (!edit?.conflict) return;
      // Only the fields I changed come from me; the rest is the latest. Then saved with the latest etag.
      keepEdit(mergedSession(edit));
      act('save');
      return;
    }
  }
}

function saved(message: SaveResult): void {
  saving = false;
  const edit = state?.edit;
  if (!edit) return;
  switch (message.outcome) {
    case 'saved':
      keepEdit(undefined);
      rerender('action-edit');
      return;
    case 'conflict':
      keepEdit({ ...edit, conflict: { theirs: message.theirs, etag: message.etag }, refused: undefined, notice: undefined });
      rerender('conflict-heading');
      return;
    case 'notSaved':
      keepEdit({ ...edit, notice: message.message, refused: undefined });
      rerender('edit-notice');
      return;
    case 'refused':
      keepEdit({ ...edit, refused: { field: message.field, message: message.message }, notice: undefined });
      rerender(message.field ? `field-${message.field}` : 'edit-refused');
      return;
  }
}

/** Renders the last view again (after a change of the edit), moving focus to `focusId` when given. */
function rerender(focusId?: string): void {
  if (!current) return;
  render(current.revision, current.view, focusId);
}

function showFieldError(input: HTMLInputElement, context: EditContext): void {
  const error = fieldError(input.dataset.field as Parameters<typeof fieldError>[0], context);
  const holder = document.getElementById(`error-${input.dataset.field}`);
  if (holder) holder.textContent = error;
  if (error) {
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', `error-${input.dataset.field}`);
  } else {
    input.removeAttribute('aria-invalid');
    input.removeAttribute('aria-describedby');
  }
}

function setDisabled(button: HTMLButtonElement, disabled: boolean): void {
  if (disabled) button.setAttribute('aria-disabled', 'true');
  else button.removeAttribute('aria-disabled');
  const label = button.querySelector('span:not(.codicon)');
  if (label && button.dataset.action === 'save') label.textContent = saveButtonLabel(editContext());
}

function render(revision: number, view: BillingView, focusId?: string): void {
  const words = strings!;
  const editing = view.kind === 'data' && view.editable !== null && state?.edit !== undefined;
  // A new view of the customer while editing (a refresh, a save elsewhere) leaves the form as typed.
  const formShown = content.querySelector('form.edit') !== null;
  const previous = current;
  current = { revision, view };
  if (editing && formShown && focusId === undefined && previous !== undefined) {
    reportRendered(revision, view.kind);
    return;
  }
  // Keyboard users keep their place: the control that had focus gets it back in the new content.
  const active = document.activeElement as HTMLElement | null;
  const focused = active?.id && content.contains(active) ? active.id : undefined;
  const busy = view.kind === 'data' && view.busy;
  content.setAttribute('aria-busy', String(view.kind === 'loading' || busy || (editing && saving)));
  content.replaceChildren(...(editing && view.kind === 'data' ? editElements(view, editContext()) : viewElements(view, words)));
  const target = focusId ?? focused;
  if (target) document.getElementById(target)?.focus();
  reportRendered(revision, view.kind);
}

function viewElements(view: BillingView, words: PageStrings): HTMLElement[] {
  switch (view.kind) {
    case 'loading':
      return [element('p', { className: 'loading' }, icon('loading codicon-modifier-spin'), textElement('span', words.loading))];
    case 'error':
      return [
        element(
          'div',
          { className: 'error', role: 'alert' },
          element('h1', {}, icon('error'), textElement('span', words.errorTitle)),
          textElement('p', view.message),
          button('refresh', 'refresh', words.retry),
        ),
      ];
    case 'data':
      return [
        textElement('h1', view.heading),
        element(
          'div',
          { className: 'actions', role: 'group', 'aria-label': words.actions },
          button('refresh', view.busy ? 'sync codicon-modifier-spin' : 'refresh', words.refresh, view.busy),
          button('copyEmail', 'copy', words.copyEmail, !view.email),
          button('openJson', 'json', words.openJson),
          ...(view.editable ? [button('edit', 'edit', words.edit)] : []),
        ),
        element(
          'section',
          { 'aria-labelledby': 'details-heading' },
          element('h2', { id: 'details-heading' }, textElement('span', words.details)),
          element(
            'dl',
            {},
            ...entry(words.contactName, view.contactName, words),
            ...entry(words.email, view.email, words),
            ...entry(words.company, view.company, words),
            ...entry(words.culture, view.culture, words),
            ...entry(words.language, view.language, words),
            ...entry(words.address, view.address, words),
            textElement('dt', words.fetched),
            element('dd', {}, timeElement(view.fetched.display, view.fetched.iso)),
          ),
        ),
      ];
  }
}

function entry(label: string, value: string | null, words: PageStrings): HTMLElement[] {
  const dd = value ? textElement('dd', value) : element('dd', { className: 'missing' }, textElement('span', words.notProvided));
  return [textElement('dt', label), dd];
}



function timeElement(display: string, iso: string): HTMLElement {
  const time = textElement('time', display);
  time.setAttribute('datetime', iso);
  return time;
}



function announce(text: string): void {
  // Emptied first so the same words ("Copied") are announced again on a second copy.
  status.textContent = '';
  clearTimeout(statusTimer);
  requestAnimationFrame(() => {
    status.textContent = text;
    statusTimer = setTimeout(() => (status.textContent = ''), 6000);
  });
}

/** Tells the host what is on screen, read back from the DOM (tests read the panel through this). */
function reportRendered(revision: number, kind: BillingView['kind']): void {
  const fields = [...content.querySelectorAll('dt')].map((dt) => ({
    label: dt.textContent ?? '',
    value: dt.nextElementSibling?.textContent ?? '',
  }));
  const inputs = [...content.querySelectorAll<HTMLInputElement>('input[data-field]')];
  const form = inputs.map((input) => ({
    name: input.dataset.field as BillingFormField,
    value: input.value,
    error: document.getElementById(`error-${input.dataset.field}`)?.textContent ?? '',
  }));
  vscode.postMessage({
    type: 'rendered',
    revision,
    kind,
    text: content.textContent ?? '',
    fields,
    canEdit: content.querySelector('button[data-action="edit"]') !== null,
    ...(inputs.length ? { form, conflict: content.querySelector('.conflict') !== null } : {}),
  });
}
