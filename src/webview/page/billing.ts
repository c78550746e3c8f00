// The billing page (browser side, bundled by esbuild into dist/webview/billing.js). It shows what the host
// sends and nothing else: every message is validated, every string is inserted with textContent (customer
// data can contain markup; it must show as text and never run), and the page has no words of its own.
import {
  type BillingView,
  type HostMessage,
  type PageMessage,
  type PageStrings,
  type PanelTarget,
  hostMessageSchema,
} from '../protocol';

interface VsCodeApi {
  postMessage(message: PageMessage): void;
  setState(state: PanelTarget): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

type Action = 'refresh' | 'copyEmail' | 'openJson';

const vscode = acquireVsCodeApi();
const content = document.getElementById('content') as HTMLElement;
const status = document.getElementById('status') as HTMLElement;

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
  vscode.postMessage({ type: button.dataset.action as Action });
});

// The handshake: the host sends nothing until this arrives, and everything again whenever the page is re-created.
vscode.postMessage({ type: 'ready' });

function receive(message: HostMessage): void {
  switch (message.type) {
    case 'init':
      strings = message.strings;
      document.documentElement.lang = message.lang;
      vscode.setState(message.target); // what the serializer restores after a window reload
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
  }
}

function render(revision: number, view: BillingView): void {
  const words = strings!;
  // Keyboard users keep their place: the control that had focus gets it back in the new content.
  const focused = (document.activeElement as HTMLElement | null)?.dataset?.action;
  const busy = view.kind === 'data' && view.busy;
  content.setAttribute('aria-busy', String(view.kind === 'loading' || busy));
  content.replaceChildren(...viewElements(view, words));
  if (focused) content.querySelector<HTMLElement>(`button[data-action="${focused}"]`)?.focus();
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

function button(action: Action, codicon: string, label: string, disabled = false): HTMLButtonElement {
  const result = element('button', { type: 'button' }, icon(codicon), textElement('span', label)) as HTMLButtonElement;
  result.dataset.action = action;
  // aria-disabled rather than disabled: a disabled button drops keyboard focus, this one keeps it.
  if (disabled) result.setAttribute('aria-disabled', 'true');
  return result;
}

function icon(name: string): HTMLElement {
  const result = element('span', { className: `codicon codicon-${name}` });
  result.setAttribute('aria-hidden', 'true');
  return result;
}

function timeElement(display: string, iso: string): HTMLElement {
  const time = textElement('time', display);
  time.setAttribute('datetime', iso);
  return time;
}

/** The only way text reaches the DOM: `textContent`, never markup. */
function textElement(tag: string, text: string): HTMLElement {
  const result = element(tag, {});
  result.textContent = text;
  return result;
}

function element(tag: string, attributes: Record<string, string>, ...children: HTMLElement[]): HTMLElement {
  const result = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'className') result.className = value;
    else result.setAttribute(name, value);
  }
  result.append(...children);
  return result;
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
  vscode.postMessage({ type: 'rendered', revision, kind, text: content.textContent ?? '', fields });
}
