// Changes made "outside" the extension (another admin, the dashboard) while it runs: the customers they touch
// and the audit record each leaves. The seed stays frozen; a running sandbox serves it with these applied.
import { type AuditLog, recordAuditRecord } from './auditLog';
import { createRandom } from './prng';
import { type SandboxTenant } from './seed';
import { customerDocument, type SandboxCustomer } from './seedModel';

/** What the admin API's `POST /_sandbox/changes` accepts. */
export type ExternalChange =
  | { readonly kind: 'rename'; readonly tenant?: string; readonly customerId: string; readonly companyName: string }
  | { readonly kind: 'add'; readonly tenant?: string; readonly companyName: string }
  | { readonly kind: 'removeRelationship'; readonly tenant?: string; readonly customerId: string };

/** The customers of each tenant as they are now: the seed with the changes made since start (or reset). */
export class LiveCustomers {
  private changed = new Map<string, SandboxCustomer[]>();
  private added = 0;

  constructor(private readonly audit: AuditLog) {}

  reset(): void {
    this.changed.clear();
    this.added = 0;
  }

  /** The tenant as the API serves it now (the seeded object itself while nothing changed). */
  live(tenant: SandboxTenant): SandboxTenant {
    const customers = this.changed.get(tenant.id);
    return customers ? { ...tenant, customers } : tenant;
  }

  /** Applies a change and records its audit record; a message when the change names nothing that exists. */
  apply(tenant: SandboxTenant, change: ExternalChange): { customerId: string } | string {
    const customers = [...this.live(tenant).customers];
    if (change.kind === 'add') {
      const customer = newCustomer(change.companyName, ++this.added);
      this.changed.set(tenant.id, [customer, ...customers]);
      recordAuditRecord(this.audit, tenant, { operationType: 'add_customer', customer: { id: customer.id, name: change.companyName }, newValue: customer });
      return { customerId: customer.id };
    }
    const index = customers.findIndex((c) => c.id.toLowerCase() === change.customerId.toLowerCase());
    const before = customers[index];
    if (!before) return `No customer ${change.customerId} in tenant ${tenant.id}.`;
    const name = before.companyProfile.companyName;
    if (change.kind === 'rename') {
      const after: SandboxCustomer = {
        ...before,
        companyProfile: { ...before.companyProfile, companyName: change.companyName },
        billingProfile: { ...before.billingProfile, companyName: change.companyName },
      };
      customers[index] = after;
      recordAuditRecord(this.audit, tenant, {
        operationType: 'update_customer_partner_contract_company_name',
        customer: { id: before.id, name: change.companyName },
        oldValue: { companyName: name },
        newValue: { companyName: change.companyName },
      });
    } else {
      customers[index] = { ...before, relationshipToPartner: 'none' };
      recordAuditRecord(this.audit, tenant, {
        operationType: 'remove_partner_customer_relationship',
        customer: { id: before.id, name },
        oldValue: { relationshipToPartner: before.relationshipToPartner },
        newValue: { relationshipToPartner: 'none' },
      });
    }
    this.changed.set(tenant.id, customers);
    return { customerId: before.id };
  }
}

/** Checks a `POST /_sandbox/changes` body; a message when it is not one. */
export function parseExternalChange(value: unknown): ExternalChange | string {
  const body = (value ?? {}) as Record<string, unknown>;
  const text = (name: string): string | undefined => (typeof body[name] === 'string' && (body[name] as string).trim() ? (body[name] as string) : undefined);
  const tenant = text('tenant') ?? 'default';
  const kind = text('kind');
  const customerId = text('customerId');
  const companyName = text('companyName');
  if (kind === 'add' && companyName) return { kind, tenant, companyName };
  if (kind === 'rename' && customerId && companyName) return { kind, tenant, customerId, companyName };
  if (kind === 'removeRelationship' && customerId) return { kind, tenant, customerId };
  return 'A change is {"kind":"rename","customerId","companyName"}, {"kind":"add","companyName"} or {"kind":"removeRelationship","customerId"}, with an optional "tenant".';
}

/** A customer created by an external change: deterministic ids (the n-th customer added since start). */
function newCustomer(companyName: string, n: number): SandboxCustomer {
  const random = createRandom(`sandbox:added:${n}`);
  const id = random.guid();
  const label = companyName.toLowerCase().replace(/[^a-z0-9]+/g, '').slice(0, 20) || `added${n}`;
  return customerDocument({
    id,
    commerceId: random.guid(),
    companyName,
    domain: `${label}.onmicrosoft.com`,
    companyEmail: undefined,
    companyAddress: undefined,
    billing: {
      id: random.guid(), firstName: 'New', lastName: 'Customer', email: `admin@${label}.onmicrosoft.com`, culture: 'en-US', language: 'en',
      companyName, defaultAddress: { country: 'US', city: 'Redmond', state: 'WA', addressLine1: '1 Microsoft Way', postalCode: '98052' }, etag: `W/"added-${n}"`,
    },
    relationshipToPartner: 'reseller',
    allowDelegatedAccess: true,
    customDomains: undefined,
    associatedPartnerId: undefined,
  });
}
