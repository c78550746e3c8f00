// The billing page's edit mode: the form of the writable fields (each checked as the user types with the
// schema the host checks again), the conflict view (yours / now on Partner Center / when you started) and the
// merge behind "Apply my changes to the latest". Builds DOM only through ./dom (text as textContent).
import {
  ADDRESS_FORM_FIELDS,
  BILLING_FORM_FIELDS,
  type BillingForm,
  type BillingFormField,
  type BillingView,
  type EditSession,
  FIELD_MAX_LENGTH,
  type FieldProblem,
  type PageStrings,
  REQUIRED_FIELDS,
  changedFields,
  mergeThreeWay,
  validateBillingForm,
} from '../protocol';
import { button, element, icon, textElement } from './dom';

export interface EditContext {
  readonly edit: EditSession;
  readonly words: PageStrings;
  /** A save is on its way: Save is disabled and says so. */
  readonly saving: boolean;
}

type DataView = Extract<BillingView, { kind: 'data' }>;

const CONTACT_FIELDS = BILLING_FORM_FIELDS.filter((name) => !ADDRESS_FORM_FIELDS.includes(name));

/** What the browser may offer to fill each field with. */
const AUTOCOMPLETE: Readonly<Record<BillingFormField, string>> = {
  firstName: 'given-name',
  lastName: 'family-name',
  email: 'email',
  companyName: 'organization',
  addressLine1: 'address-line1',
  addressLine2: 'address-line2',
  addressLine3: 'address-line3',
  city: 'address-level2',
  state: 'address-level1',
  region: 'off',
  postalCode: 'postal-code',
  country: 'country',
  phoneNumber: 'tel',
};

/** The edit mode's content: heading, conflict view (after a conflict), notices, the form and its buttons. */
export function editElements(view: DataView, context: EditContext): HTMLElement[] {
  const { edit, words } = context;
  return [
    textElement('h1', view.heading),
    ...(edit.conflict ? [conflictElement(edit, words)] : []),
    ...(edit.notice ? [element('p', { id: 'edit-notice', className: 'notice', role: 'status', tabindex: '-1' }, textElement('span', edit.notice))] : []),
    ...(edit.refused && !edit.refused.field
      ? [element('div', { id: 'edit-refused', className: 'error', role: 'alert', tabindex: '-1' }, textElement('p', edit.refused.message))]
      : []),
    formElement(view, context),
  ];
}

/** The words shown beside a field: its schema problem, else Partner Center's refusal of it; '' when none. */
export function fieldError(name: BillingFormField, context: EditContext): string {
  const problem = validateBillingForm(context.edit.mine)[name];
  if (problem) return problemText(problem, name, context.words);
  const refused = context.edit.refused;
  return refused?.field === name ? refused.message : '';
}

/** Save is possible when every field is valid, something changed, and no save is on its way. */
export function isSaveAllowed(context: EditContext): boolean {
  const { edit } = context;
  return !context.saving && Object.keys(validateBillingForm(edit.mine)).length === 0 && changedFields(edit.base, edit.mine).length > 0;
}

export function saveButtonLabel(context: EditContext): string {
  return context.saving ? context.words.saving : context.words.save;
}

/** The form's values as typed (fields not in the DOM keep their value). */
export function readForm(root: HTMLElement, previous: BillingForm): BillingForm {
  const values: Record<string, string> = { ...previous };
  for (const input of root.querySelectorAll<HTMLInputElement>('input[data-field]')) values[input.dataset.field!] = input.value;
  return values as BillingForm;
}

/** "Apply my changes to the latest": the latest profile with only my changed fields, to save with its etag. */
export function mergedSession(edit: EditSession): EditSession {
  const conflict = edit.conflict!;
  const merge = mergeThreeWay(edit.base, edit.mine, conflict.theirs);
  return { base: conflict.theirs, etag: conflict.etag, mine: merge.form };
}

function problemText(problem: FieldProblem, name: BillingFormField, words: PageStrings): string {
  switch (problem) {
    case 'required':
      return words.required;
    case 'tooLong':
      return words.tooLong.replace('{0}', String(FIELD_MAX_LENGTH[name]));
    case 'email':
      return words.emailProblem;
    case 'country':
      return words.countryProblem;
    case 'phone':
      return words.phoneProblem;
  }
}

function formElement(view: DataView, context: EditContext): HTMLElement {
  const { words } = context;
  const save = button('save', context.saving ? 'sync codicon-modifier-spin' : 'save', saveButtonLabel(context), !isSaveAllowed(context), 'submit');
  return element(
    'form',
    { className: 'edit', 'aria-labelledby': 'edit-heading', novalidate: '' },
    element('h2', { id: 'edit-heading' }, textElement('span', words.editHeading)),
    textElement('p', words.readOnlyNote),
    element(
      'dl',
      { className: 'read-only' },
      textElement('dt', words.culture),
      textElement('dd', view.culture ?? words.notProvided),
      textElement('dt', words.language),
      textElement('dd', view.language ?? words.notProvided),
    ),
    fieldset(words.contactSection, CONTACT_FIELDS, context),
    fieldset(words.addressSection, ADDRESS_FORM_FIELDS, context),
    element('div', { className: 'actions' }, save, button('cancel', 'close', words.cancel)),
  );
}

function fieldset(legend: string, names: readonly BillingFormField[], context: EditContext): HTMLElement {
  return element('fieldset', {}, textElement('legend', legend), ...names.map((name) => fieldElement(name, context)));
}

function fieldElement(name: BillingFormField, context: EditContext): HTMLElement {
  const id = `field-${name}`;
  const required = REQUIRED_FIELDS.has(name);
  const label = element('label', { for: id }, textElement('span', context.words.fields[name]));
  if (required) label.append(element('span', { className: 'required', 'aria-hidden': 'true' }, textElement('span', ' *')));
  const input = element('input', {
    id,
    name,
    type: name === 'email' ? 'email' : name === 'phoneNumber' ? 'tel' : 'text',
    autocomplete: AUTOCOMPLETE[name],
    spellcheck: 'false',
  }) as HTMLInputElement;
  input.dataset.field = name;
  input.value = context.edit.mine[name];
  if (required) input.setAttribute('aria-required', 'true');
  const error = fieldError(name, context);
  if (error) {
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', `error-${name}`);
  }
  const message = element('p', { id: `error-${name}`, className: 'field-error' });
  message.textContent = error;
  return element('div', { className: 'field' }, label, input, message);
}

/** Field by field, what differs: yours, now on Partner Center, when you started; then the two ways out. */
function conflictElement(edit: EditSession, words: PageStrings): HTMLElement {
  const theirs = edit.conflict!.theirs;
  const differing = BILLING_FORM_FIELDS.filter((name) => edit.mine[name] !== edit.base[name] || theirs[name] !== edit.base[name]);
  const cell = (tag: string, value: string) => (value ? textElement(tag, value) : element(tag, { className: 'missing' }, textElement('span', words.notProvided)));
  return element(
    'section',
    { className: 'conflict', 'aria-labelledby': 'conflict-heading', role: 'region' },
    element('h2', { id: 'conflict-heading', tabindex: '-1' }, icon('warning'), textElement('span', words.conflictTitle)),
    textElement('p', words.conflictIntro),
    element(
      'table',
      {},
      element(
        'thead',
        {},
        element('tr', {}, ...[words.conflictField, words.yours, words.theirs, words.original].map((title) => element('th', { scope: 'col' }, textElement('span', title)))),
      ),
      element(
        'tbody',
        {},
        ...differing.map((name) =>
          element('tr', {}, element('th', { scope: 'row' }, textElement('span', words.fields[name])), cell('td', edit.mine[name]), cell('td', theirs[name]), cell('td', edit.base[name])),
        ),
      ),
    ),
    element('div', { className: 'actions' }, button('applyMine', 'check', words.applyMine), button('discardMine', 'discard', words.discardMine)),
  );
}
