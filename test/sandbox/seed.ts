// The sandbox's partner tenants and their customers: pure and deterministic (a seeded PRNG, never the clock),
// built once on first use and frozen. Tests import this module to know what the server will answer.
import { createRandom, type Random } from './prng';
import {
  COMPANY_BASES, LOCALE_WEIGHTS, LOCALES, SECTORS, draftCustomer, slug, weighted, type LocaleId,
} from './seedCatalog';
import { customerDocument, type CustomerFacts, type SandboxCustomer } from './seedModel';
import {
  CONTOSO_FAMILY, DEFAULT_LAST, DEFAULT_NOTABLE, FABRIKAM_NOTABLE, INDIRECT_RESELLER_IDS, MARKUP,
  PARTNER_TENANT_IDS, type NotableCustomer,
} from './seedNotable';

export type { SandboxBillingProfile, SandboxCompanyProfile, SandboxCustomer, WireAddress, WireLink } from './seedModel';
export { INDIRECT_RESELLER_IDS, MARKUP, PARTNER_TENANT_IDS };

export interface SandboxTenant {
  /** What goes after `Bearer sandbox:`. */
  readonly id: string;
  readonly name: string;
  /** The partner's Azure AD tenant GUID (it appears in the relationship-request URL). */
  readonly partnerTenantId: string;
  /** Full by-id documents, in list order. */
  readonly customers: readonly SandboxCustomer[];
  /** Exactly as served (the legacy form keeps its `&amp;`). */
  readonly relationshipRequestUrl: string;
  /** `v1`: next links are `/v1/customers?…`; `bare`: `/customers?…`. Both occur in the real API. */
  readonly nextLinkStyle: 'v1' | 'bare';
  /** The indirect provider this partner resells through (filter field IndirectCloudSolutionProvider). */
  readonly indirectProviderId: string | null;
}

export const TENANT_IDS = { default: 'default', fabrikam: 'fabrikam', empty: 'empty' } as const;

export const DEFAULT_CUSTOMER_COUNT = 1250;
export const FABRIKAM_CUSTOMER_COUNT = 24;

/** Ids of the notable customers of each tenant (see README.md for what each one exercises). */
export const NOTABLE = {
  default: { ...idsOf(DEFAULT_NOTABLE), last: DEFAULT_LAST.id },
  fabrikam: { ...idsOf(FABRIKAM_NOTABLE), shared: DEFAULT_NOTABLE.contoso.id },
} as const;

/** Prefixes with known, multi-page results in `default`. */
export const SEARCH_PREFIXES = {
  /** CompanyName: "Contoso Ltd", "contoso labs", "CONTOSO STEEL", "Contoso Pharma …", "Contosoville …" */
  company: 'Contoso',
  /** CompanyName: a narrower subset of `company`. */
  companyNarrow: 'Contoso Pharma',
  /** Domain: initial domains of demo tenants; no company name starts with it. */
  domain: 'm365x',
} as const;

const DOMAIN_PREFIX_COUNT = 40;

function idsOf<K extends string>(table: Record<K, NotableCustomer>): Record<K, string> {
  return Object.fromEntries(Object.entries<NotableCustomer>(table).map(([key, c]) => [key, c.id])) as Record<K, string>;
}

/** The relationship-request URL of the admin center's form (the growth tenants use it too). */
export const adminCenterUrl = (partnerId: string): string =>
  `https://admin.microsoft.com/Adminportal/Home?invType=ResellerRelationship&partnerId=${partnerId}` +
  '&msppId=0&DAP=false#/BillingAccounts/partner-invitation';

/** The 2020 portal form, with `&` HTML-escaped as older responses had it. */
const legacyPortalUrl = (partnerId: string): string =>
  `https://portal.office.com/partner/partnersignup.aspx?type=ResellerRelationship&amp;id=${partnerId}` +
  '&amp;csp=1&amp;msppid=0';

/** Keeps company names and initial domains unique within one tenant, as Partner Center does. */
class TenantBuilder {
  private readonly names = new Set<string>();
  private readonly domainLabels = new Set<string>();
  readonly customers: SandboxCustomer[] = [];

  constructor(readonly random: Random) {}

  add(facts: CustomerFacts): void {
    this.names.add(facts.companyName);
    this.customers.push(deepFreeze(customerDocument(facts)));
  }

  addNotable(notable: NotableCustomer): void {
    this.domainLabels.add(notable.domainLabel);
    const facts = draftCustomer(this.random, {
      id: notable.id, companyName: notable.companyName, domainLabel: notable.domainLabel, locale: LOCALES[notable.locale],
    });
    facts.relationshipToPartner = notable.relationship;
    facts.allowDelegatedAccess = notable.delegated === 'absent' ? undefined : notable.delegated;
    notable.customize?.(facts);
    this.add(facts);
  }

  addGenerated(kind: 'generic' | 'domainPrefix', fixedName?: readonly [string, LocaleId]): void {
    const { random } = this;
    const localeId = fixedName?.[1] ?? weighted(random, LOCALE_WEIGHTS);
    const locale = LOCALES[localeId];
    const companyName = fixedName?.[0] ?? this.uniqueName(random.pick(COMPANY_BASES), random.pick(SECTORS), locale.legalSuffixes, locale.places.map((p) => p.city));
    const label = kind === 'domainPrefix' ? `${SEARCH_PREFIXES.domain}${random.digits(6)}` : slug(companyName).slice(0, 24);
    const facts = draftCustomer(random, { id: random.guid(), companyName, domainLabel: this.uniqueLabel(label), locale });
    if (facts.relationshipToPartner === 'reseller' && random.chance(0.12)) {
      facts.associatedPartnerId = random.pick(INDIRECT_RESELLER_IDS);
    }
    this.add(facts);
  }

  private uniqueName(base: string, sector: string, suffixes: readonly string[], cities: readonly string[]): string {
    const suffix = this.random.pick(suffixes);
    const candidates = [`${base} ${sector} ${suffix}`, ...cities.map((city) => `${base} ${sector} ${city} ${suffix}`)];
    for (const name of candidates) if (!this.names.has(name)) return name;
    for (let n = 2; ; n++) if (!this.names.has(`${candidates[0]} ${n}`)) return `${candidates[0]} ${n}`;
  }

  private uniqueLabel(label: string): string {
    let unique = label;
    for (let n = 2; this.domainLabels.has(unique); n++) unique = `${label}${n}`;
    this.domainLabels.add(unique);
    return unique;
  }
}

function shuffle<T>(random: Random, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = random.int(0, i);
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

function buildDefault(): SandboxTenant {
  const builder = new TenantBuilder(createRandom('sandbox:default'));
  for (const notable of Object.values<NotableCustomer>(DEFAULT_NOTABLE)) builder.addNotable(notable);
  const generatedCount = DEFAULT_CUSTOMER_COUNT - builder.customers.length - 1;
  // Contoso names and m365x domains are scattered through the list, so a search spans many list pages.
  const slots = shuffle(builder.random, [
    ...CONTOSO_FAMILY.map((name) => ({ kind: 'generic' as const, name })),
    ...Array.from({ length: DOMAIN_PREFIX_COUNT }, () => ({ kind: 'domainPrefix' as const, name: undefined })),
    ...Array.from({ length: generatedCount - CONTOSO_FAMILY.length - DOMAIN_PREFIX_COUNT }, () => ({
      kind: 'generic' as const,
      name: undefined,
    })),
  ]);
  for (const slot of slots) builder.addGenerated(slot.kind, slot.name);
  builder.addNotable(DEFAULT_LAST);
  return {
    id: TENANT_IDS.default,
    name: 'Contoso Cloud Solutions',
    partnerTenantId: PARTNER_TENANT_IDS.default,
    customers: builder.customers,
    relationshipRequestUrl: adminCenterUrl(PARTNER_TENANT_IDS.default),
    nextLinkStyle: 'v1',
    indirectProviderId: null,
  };
}

function buildFabrikam(shared: SandboxCustomer): SandboxTenant {
  const builder = new TenantBuilder(createRandom('sandbox:fabrikam'));
  for (const notable of Object.values<NotableCustomer>(FABRIKAM_NOTABLE)) builder.addNotable(notable);
  // One customer with two partners (multi-partner): same tenant id as under `default`, its own relationship.
  builder.customers.push(deepFreeze({ ...shared, relationshipToPartner: 'advisor' }));
  while (builder.customers.length < FABRIKAM_CUSTOMER_COUNT) builder.addGenerated('generic');
  return {
    id: TENANT_IDS.fabrikam,
    name: 'Fabrikam Partners',
    partnerTenantId: PARTNER_TENANT_IDS.fabrikam,
    customers: builder.customers,
    relationshipRequestUrl: legacyPortalUrl(PARTNER_TENANT_IDS.fabrikam),
    nextLinkStyle: 'bare',
    indirectProviderId: PARTNER_TENANT_IDS.default,
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** Builds the tenants from scratch (tests use it to prove the data is the same on every build). */
export function buildSeedTenants(): readonly SandboxTenant[] {
  const contoso = buildDefault();
  const shared = contoso.customers.find((c) => c.id === DEFAULT_NOTABLE.contoso.id);
  if (!shared) throw new Error('seed: the shared customer is missing from default');
  return deepFreeze([
    contoso,
    buildFabrikam(shared),
    {
      id: TENANT_IDS.empty,
      name: 'Northwind Partners',
      partnerTenantId: PARTNER_TENANT_IDS.empty,
      customers: [],
      relationshipRequestUrl: adminCenterUrl(PARTNER_TENANT_IDS.empty),
      nextLinkStyle: 'v1',
      indirectProviderId: null,
    },
  ]);
}

let tenants: readonly SandboxTenant[] | undefined;

/** The sandbox's partner tenants, `default` first. Built once, frozen. */
export function seedTenants(): readonly SandboxTenant[] {
  tenants ??= buildSeedTenants();
  return tenants;
}

export function seedTenant(id: string): SandboxTenant | undefined {
  return seedTenants().find((t) => t.id === id);
}

/** A seeded customer by tenant and id; throws when absent (a test asking for it has a typo). */
export function seedCustomer(tenantId: string, customerId: string): SandboxCustomer {
  const customer = seedTenant(tenantId)?.customers.find((c) => c.id === customerId);
  if (!customer) throw new Error(`seed: no customer ${customerId} in tenant ${tenantId}`);
  return customer;
}
