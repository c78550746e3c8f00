// The growth tenants (`growth-1k`, `growth-10k`, `growth-50k`): 1,000, 10,000 and 50,000 generated customers for
// the bench's "how cost grows" table. Deterministic (a seeded PRNG per tenant) and lazy: a tenant's customers
// are generated the first time something reads them (its first list page or by-id read), so the sandbox starts
// as fast as before and the seeded tenants (seed.ts) and every test's expectations are untouched. They are not
// in `seedTenants()`: the server adds them to the tenants it authenticates (server.ts).
import { createRandom } from './prng';
import { adminCenterUrl, type SandboxTenant } from './seed';
import { COMPANY_BASES, LOCALE_WEIGHTS, LOCALES, SECTORS, draftCustomer, slug, weighted } from './seedCatalog';
import { customerDocument, type SandboxCustomer } from './seedModel';

export interface GrowthTenantSpec {
  readonly id: string;
  readonly customers: number;
}

export const GROWTH_TENANTS: readonly GrowthTenantSpec[] = [
  { id: 'growth-1k', customers: 1_000 },
  { id: 'growth-10k', customers: 10_000 },
  { id: 'growth-50k', customers: 50_000 },
];

/** One customer in this many is named "Contoso …" (so a `Contoso` search finds 1 %, spread through the list). */
export const GROWTH_CONTOSO_EVERY = 100;
export const GROWTH_SEARCH_PREFIX = 'Contoso';

/** A customer of a growth tenant: what `draftCustomer` makes for the seeded ones, with unique names and domains. */
function buildCustomers(spec: GrowthTenantSpec): readonly SandboxCustomer[] {
  const random = createRandom(`sandbox:${spec.id}`);
  const names = uniqueness(' ');
  const labels = uniqueness('');
  const customers: SandboxCustomer[] = [];
  for (let i = 0; i < spec.customers; i++) {
    const locale = LOCALES[weighted(random, LOCALE_WEIGHTS)];
    const base = i % GROWTH_CONTOSO_EVERY === GROWTH_CONTOSO_EVERY - 1 ? GROWTH_SEARCH_PREFIX : random.pick(COMPANY_BASES);
    const city = random.pick(locale.places).city;
    const companyName = names(`${base} ${random.pick(SECTORS)} ${city} ${random.pick(locale.legalSuffixes)}`);
    const domainLabel = labels(slug(companyName).slice(0, 24) || `customer${i}`);
    customers.push(deepFreeze(customerDocument(draftCustomer(random, { id: random.guid(), companyName, domainLabel, locale }))));
  }
  return Object.freeze(customers);
}

/** Makes each text unique in one tenant (`text`, `text<join>2`, …), as Partner Center keeps names and domains. */
function uniqueness(join: string): (text: string) => string {
  const used = new Set<string>();
  const next = new Map<string, number>();
  return (text) => {
    let unique = text;
    for (let n = next.get(text) ?? 2; used.has(unique); n++) {
      unique = `${text}${join}${n}`;
      next.set(text, n + 1);
    }
    used.add(unique);
    return unique;
  };
}

function lazyTenant(spec: GrowthTenantSpec): SandboxTenant {
  const partnerTenantId = createRandom(`sandbox:${spec.id}:partner`).guid();
  let customers: readonly SandboxCustomer[] | undefined;
  return Object.freeze({
    id: spec.id,
    name: `Growth Partners ${spec.customers.toLocaleString('en-US')}`,
    partnerTenantId,
    get customers(): readonly SandboxCustomer[] {
      customers ??= buildCustomers(spec);
      return customers;
    },
    relationshipRequestUrl: adminCenterUrl(partnerTenantId),
    nextLinkStyle: 'v1' as const,
    indirectProviderId: null,
  });
}

let tenants: readonly SandboxTenant[] | undefined;

/** The growth tenants; their customers are generated on first read, then kept (frozen) for the process's life. */
export function growthTenants(): readonly SandboxTenant[] {
  tenants ??= Object.freeze(GROWTH_TENANTS.map(lazyTenant));
  return tenants;
}

/** Builds a growth tenant's customers from scratch (for tests and the bench, without touching the shared one). */
export function buildGrowthCustomers(id: string): readonly SandboxCustomer[] {
  const spec = GROWTH_TENANTS.find((t) => t.id === id);
  if (!spec) throw new Error(`growth: no tenant ${id}`);
  return buildCustomers(spec);
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
