// The sandbox's writable billing profiles: the seeded ones, overlaid by what PUTs and the admin API wrote.
// Every write goes through `BillingProfileStore.write` (one place: an audit log can hook in there).
import { randomInt } from 'node:crypto';
import { apiFault, type Reply } from './reply';
import { type SandboxBillingProfile, type SandboxCustomer, type WireAddress } from './seedModel';

/** The profile fields a PUT may change (camelCase, as the wire answers); the address ones under `defaultAddress`. */
const PROFILE_FIELDS = ['firstName', 'lastName', 'email', 'culture', 'language', 'companyName'] as const;
const ADDRESS_FIELDS = [
  'country', 'region', 'city', 'state', 'addressLine1', 'addressLine2', 'addressLine3', 'postalCode', 'firstName', 'lastName',
  'phoneNumber',
] as const;

/** Partner Center requires a phone number in the billing address for these countries (error 600051). */
const PHONE_REQUIRED = new Set(['AM', 'AZ', 'BY', 'HU', 'KZ', 'KG', 'MD', 'RU', 'TJ', 'UZ', 'UA']);

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
type ProfileChange = Partial<Mutable<Omit<SandboxBillingProfile, 'defaultAddress' | 'id' | 'links' | 'attributes'>>> & {
  defaultAddress?: Partial<Mutable<WireAddress>> | null;
};

/** What a write asks: the change, and the etag it expects (`undefined`: the admin API's write, no check). */
export interface BillingWrite {
  readonly tenantId: string;
  readonly customer: SandboxCustomer;
  /** A PUT body (camelCase or PascalCase, any casing) or an admin change: only the writable fields are read. */
  readonly body: unknown;
  readonly expectedEtag: string | undefined;
}

export type WriteResult = { readonly ok: true; readonly profile: SandboxBillingProfile } | { readonly ok: false; readonly reply: Reply };

/** Told of every stored write: the sandbox's activity log records each one, as Partner Center's does. */
export type BillingWriteListener = (tenantId: string, customer: SandboxCustomer, before: SandboxBillingProfile, after: SandboxBillingProfile) => void;

export class BillingProfileStore {
  private readonly written = new Map<string, SandboxBillingProfile>();

  constructor(private readonly onWritten: BillingWriteListener = () => undefined) {}

  /** The customer's billing profile now. */
  profile(tenantId: string, customer: SandboxCustomer): SandboxBillingProfile {
    return this.written.get(storeKey(tenantId, customer.id)) ?? customer.billingProfile;
  }

  /** The by-id document with the current billing profile embedded. */
  customer(tenantId: string, customer: SandboxCustomer): SandboxCustomer {
    const profile = this.written.get(storeKey(tenantId, customer.id));
    return profile ? { ...customer, billingProfile: profile } : customer;
  }

  /**
   * THE write of a billing profile (PUTs and the admin API's concurrent edits alike): checks the etag when one is
   * expected (400 code 2055 on mismatch) and the fields (400 naming the field), then stores the profile with a
   * new etag.
   */
  write(request: BillingWrite): WriteResult {
    const current = this.profile(request.tenantId, request.customer);
    if (request.expectedEtag !== undefined && request.expectedEtag !== current.attributes.etag) {
      return { ok: false, reply: apiFault(400, 2055, 'Etag is no longer valid') };
    }
    const change = readChange(request.body);
    if (typeof change === 'string') return { ok: false, reply: apiFault(400, 2000, change) };
    const next = applyChange(current, change);
    const problem = fieldProblem(next);
    if (problem) return { ok: false, reply: problem };
    this.written.set(storeKey(request.tenantId, request.customer.id), next);
    this.onWritten(request.tenantId, request.customer, current, next);
    return { ok: true, profile: next };
  }

  /** Back to the seeded profiles (the admin API's reset). */
  clear(): void {
    this.written.clear();
  }
}

function storeKey(tenantId: string, customerId: string): string {
  return `${tenantId}/${customerId.toLowerCase()}`;
}

/** The value of `name` in a body bound case-insensitively (`Email`, `email`, `EMAIL`), as ASP.NET binds it. */
function property(body: Record<string, unknown>, name: string): { found: boolean; value: unknown } {
  const key = Object.keys(body).find((k) => k.toLowerCase() === name.toLowerCase());
  return key === undefined ? { found: false, value: undefined } : { found: true, value: body[key] };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The writable fields a body carries, or why it cannot be read. Fields it leaves out stay as they are. */
function readChange(body: unknown): ProfileChange | string {
  if (!isObject(body)) return 'The request body must be a CustomerBillingProfile object.';
  const change: Record<string, unknown> = {};
  for (const name of PROFILE_FIELDS) {
    const { found, value } = property(body, name);
    if (!found) continue;
    if (value !== null && typeof value !== 'string') return `Invalid value for field '${name}': expected a string or null.`;
    change[name] = value;
  }
  const address = property(body, 'defaultAddress');
  if (address.found && address.value !== null) {
    if (!isObject(address.value)) return "Invalid value for field 'defaultAddress': expected an Address object.";
    const next: Record<string, unknown> = {};
    for (const name of ADDRESS_FIELDS) {
      const { found, value } = property(address.value, name);
      if (!found) continue;
      if (value !== null && typeof value !== 'string') return `Invalid value for field 'defaultAddress.${name}': expected a string or null.`;
      next[name] = value;
    }
    change.defaultAddress = next;
  } else if (address.found) {
    change.defaultAddress = null;
  }
  return change as ProfileChange;
}

function applyChange(current: SandboxBillingProfile, change: ProfileChange): SandboxBillingProfile {
  const { defaultAddress, ...fields } = change;
  const address = defaultAddress === undefined ? current.defaultAddress : defaultAddress === null ? null : { ...current.defaultAddress, ...defaultAddress };
  return {
    ...current,
    ...fields,
    defaultAddress: address,
    attributes: { ...current.attributes, etag: newEtag() },
  };
}

/** What Partner Center checks of a billing profile (e-mail, country, the phone rule), as a 400 naming the field. */
function fieldProblem(profile: SandboxBillingProfile): Reply | undefined {
  if (profile.email != null && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(profile.email)) {
    return apiFault(400, 2000, `Invalid value for field 'email': "${profile.email}" is not a valid e-mail address.`);
  }
  const country = profile.defaultAddress?.country;
  if (country != null && !/^[A-Za-z]{2}$/.test(country)) {
    return apiFault(400, 2000, `Invalid value for field 'defaultAddress.country': "${country}" is not an ISO 3166-1 alpha-2 country code.`);
  }
  if (country != null && PHONE_REQUIRED.has(country.toUpperCase()) && !profile.defaultAddress?.phoneNumber) {
    return apiFault(400, 600051, "Customer phone number is missing (field 'defaultAddress.phoneNumber').");
  }
  return undefined;
}

/** Opaque, like Partner Center's (`-4242348048554929329`): a signed 63-bit decimal. */
function newEtag(): string {
  return `-${randomInt(1, 2 ** 47)}${randomInt(0, 1_000_000).toString().padStart(6, '0')}`;
}
