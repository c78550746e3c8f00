import * as l10n from '@vscode/l10n';
import * as z from 'zod/mini';
import { TEMPLATE_VARIABLES, type TemplateValues, expandTemplate, isTemplateVariable, templateVariables } from './linkTemplate';
import type { PortalLink } from './portals';

/** A partner's own portal link from `partnerCenter.portalLinks`, validated: offered as `custom:<name>`. */
export interface CustomPortal {
  readonly id: string;
  readonly name: string;
  readonly template: string;
}

export interface PortalLinksResult {
  readonly portals: readonly CustomPortal[];
  /** One sentence per refused entry, naming it; the valid entries are offered all the same. */
  readonly problems: readonly string[];
}

export const PORTAL_LINKS_SETTING = 'partnerCenter.portalLinks';

const entrySchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  url: z.string().check(z.trim(), z.minLength(1), z.maxLength(2000)),
});

/**
 * Validates `partnerCenter.portalLinks`: each entry `{ name, url }` whose url is an https template with a written-out
 * host and only the known variables. A bad entry is refused with a sentence naming it (its index and name).
 */
export function parsePortalLinks(raw: unknown): PortalLinksResult {
  if (raw === undefined || raw === null) return { portals: [], problems: [] };
  if (!Array.isArray(raw)) return { portals: [], problems: [l10n.t('{0}: expected a list of {1}.', PORTAL_LINKS_SETTING, '{ "name", "url" }')] };
  const portals: CustomPortal[] = [];
  const problems: string[] = [];
  raw.forEach((entry: unknown, index) => {
    const parsed = entrySchema.safeParse(entry);
    if (!parsed.success) {
      problems.push(l10n.t('{0}[{1}]: expected {2} with a non-empty name and url.', PORTAL_LINKS_SETTING, index, '{ "name", "url" }'));
      return;
    }
    const { name, url } = parsed.data;
    const problem = portals.some((portal) => portal.name === name)
      ? l10n.t('another entry has this name')
      : templateProblem(url);
    if (problem === undefined) portals.push({ id: `custom:${name}`, name, template: url });
    else problems.push(l10n.t('{0}[{1}] "{2}": {3}.', PORTAL_LINKS_SETTING, index, name, problem));
  });
  return { portals, problems };
}

/** What is wrong with a template, undefined when it is a usable https link. */
function templateProblem(template: string): string | undefined {
  const unknown = templateVariables(template).filter((name) => !isTemplateVariable(name));
  if (unknown.length) {
    return l10n.t('unknown variable {0} (known: {1})', unknown.map((name) => `{${name}}`).join(', '), TEMPLATE_VARIABLES.map((name) => `{${name}}`).join(', '));
  }
  // The scheme and the host are written out: a customer's data never decides where a link goes.
  const origin = /^([a-z][a-z0-9+.-]*:)(\/\/[^/?#{}]*)?/i.exec(template);
  if (origin?.[1]?.toLowerCase() !== 'https:') return l10n.t('only https links are allowed');
  const sample = expandTemplate(template, Object.fromEntries(TEMPLATE_VARIABLES.map((name) => [name, 'x'])));
  let url: URL | undefined;
  try {
    url = new URL(sample ?? '');
  } catch {
    url = undefined;
  }
  if (!url || !url.hostname || !origin[2] || origin[2].length <= 2 || /[{}]/.test(template.slice(0, origin[0].length + 1))) {
    return l10n.t('expected an https URL with its host written out, e.g. {0}', 'https://example.com/customers/{customerId}');
  }
  if (url.username || url.password) return l10n.t('the link must not contain credentials');
  return undefined;
}

/** The partner's own portals for one customer, after the built-in ones; one needing a value the customer lacks is left out. */
export function customPortalLinks(portals: readonly CustomPortal[], values: TemplateValues): PortalLink[] {
  return portals.flatMap((portal) => {
    const url = expandTemplate(portal.template, values);
    return url === undefined ? [] : [{ id: portal.id, name: portal.name, url }];
  });
}
