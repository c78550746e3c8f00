/** The variables a portal URL template may use. */
export const TEMPLATE_VARIABLES = ['customerId', 'domain', 'partnerTenantId', 'companyName'] as const;

export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number];

/** A customer's values for a template; a missing one makes every template using it unavailable for that customer. */
export type TemplateValues = Readonly<Partial<Record<TemplateVariable, string>>>;

const VARIABLE = /\{([^{}]*)\}/g;

/** The `{names}` a template uses, in order, known or not. */
export function templateVariables(template: string): string[] {
  return Array.from(template.matchAll(VARIABLE), (match) => match[1]!);
}

export function isTemplateVariable(name: string): name is TemplateVariable {
  return (TEMPLATE_VARIABLES as readonly string[]).includes(name);
}

/**
 * The URL a template gives for these values, each URL-encoded where it is put in (a company name `A&B #1?`
 * cannot add a query parameter or a fragment); undefined when a value the template uses is missing or empty.
 */
export function expandTemplate(template: string, values: TemplateValues): string | undefined {
  let missing = false;
  const url = template.replace(VARIABLE, (_whole, name: string) => {
    const value = isTemplateVariable(name) ? values[name] : undefined;
    if (value === undefined || value === '') {
      missing = true;
      return '';
    }
    return encodeURIComponent(value);
  });
  return missing ? undefined : url;
}
