/**
 * A customer of a partner tenant: the one identity that the client's cache, the tree, the billing panels, the
 * JSON documents and the commands share. Customer ids are GUIDs and tenant ids GUIDs or domain names; both reach
 * us in either case (a ticket, a PSA tool, a link), and both are case-insensitive, so every comparison and every
 * key here is too. The original spelling is kept for display and for requests.
 */
export interface CustomerRef {
  readonly tenantId: string;
  readonly customerId: string;
  /** A label for titles and messages when known; never part of the identity. */
  readonly companyName?: string;
}

/** The key of a partner tenant: the same for `Contoso.onmicrosoft.com` and `contoso.onmicrosoft.com`. */
export function tenantKey(tenantId: string): string {
  return tenantId.toLowerCase();
}

/** The key of a customer id within one tenant: the same for a GUID in upper and lower case. */
export function customerIdKey(customerId: string): string {
  return customerId.toLowerCase();
}

/** The key of a customer: equal exactly when `sameCustomer` says so. */
export function customerKey(ref: CustomerRef): string {
  // NUL cannot occur in a tenant id, so the pair cannot be read two ways.
  return `${tenantKey(ref.tenantId)}\u0000${customerIdKey(ref.customerId)}`;
}

export function sameTenant(a: string, b: string): boolean {
  return tenantKey(a) === tenantKey(b);
}

export function sameCustomer(a: CustomerRef, b: CustomerRef): boolean {
  return customerKey(a) === customerKey(b);
}

/** The tenant and customer only: a node or a picked item carries more than the identity. */
export function customerRef(tenantId: string, customerId: string, companyName?: string): CustomerRef {
  return companyName === undefined ? { tenantId, customerId } : { tenantId, customerId, companyName };
}

/** A map keyed by customer identity, which can also drop a whole tenant's entries. */
export class CustomerMap<V> {
  private readonly entries = new Map<string, { readonly ref: CustomerRef; value: V }>();

  get size(): number {
    return this.entries.size;
  }

  get(ref: CustomerRef): V | undefined {
    return this.entries.get(customerKey(ref))?.value;
  }

  has(ref: CustomerRef): boolean {
    return this.entries.has(customerKey(ref));
  }

  set(ref: CustomerRef, value: V): this {
    this.entries.set(customerKey(ref), { ref: customerRef(ref.tenantId, ref.customerId), value });
    return this;
  }

  delete(ref: CustomerRef): boolean {
    return this.entries.delete(customerKey(ref));
  }

  /** Drops every customer of a tenant. */
  deleteTenant(tenantId: string): void {
    for (const [key, entry] of this.entries) if (sameTenant(entry.ref.tenantId, tenantId)) this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }

  values(): IterableIterator<V> {
    return Array.from(this.entries.values(), (entry) => entry.value)[Symbol.iterator]();
  }

  *[Symbol.iterator](): IterableIterator<[CustomerRef, V]> {
    for (const entry of [...this.entries.values()]) yield [entry.ref, entry.value];
  }
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A customer id as Partner Center writes them (a GUID, in either case): what a lookup by id and a link accept. */
export function isCustomerGuid(text: string): boolean {
  return GUID.test(text);
}
