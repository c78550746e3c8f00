// The page's DOM builders: every element is made here, and text only ever goes in as `textContent`.

export function button(action: string, codicon: string, label: string, disabled = false, type = 'button'): HTMLButtonElement {
  const result = element('button', { type, id: `action-${action}` }, icon(codicon), textElement('span', label)) as HTMLButtonElement;
  result.dataset.action = action;
  // aria-disabled rather than disabled: a disabled button drops keyboard focus, this one keeps it.
  if (disabled) result.setAttribute('aria-disabled', 'true');
  return result;
}

export function icon(name: string): HTMLElement {
  const result = element('span', { className: `codicon codicon-${name}` });
  result.setAttribute('aria-hidden', 'true');
  return result;
}

/** The only way text reaches the DOM: `textContent`, never markup. */
export function textElement(tag: string, text: string): HTMLElement {
  const result = element(tag, {});
  result.textContent = text;
  return result;
}

export function element(tag: string, attributes: Record<string, string>, ...children: HTMLElement[]): HTMLElement {
  const result = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'className') result.className = value;
    else result.setAttribute(name, value);
  }
  result.append(...children);
  return result;
}
