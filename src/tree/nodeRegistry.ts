import type { Customer } from '../api/schemas';
import { type CustomerRef, CustomerMap, customerRef } from '../customerRef';
import { type CustomerDetailsSource, CustomerNode } from './nodes/customerNode';
import { type CustomerListSource, TenantNode } from './nodes/tenantNode';

/**
 * The tenant and customer nodes of the tree, one object per row: `onDidChangeTreeData` and `TreeView.reveal`
 * need the instance the tree already knows, not an equal one.
 */
export class NodeRegistry {
  private readonly customers = new CustomerMap<CustomerNode>();
  private readonly tenants = new Map<string, TenantNode>();

  constructor(private readonly source: CustomerDetailsSource & CustomerListSource) {}

  /**
   * The node of a customer in a list, made once per place in the tree. `newer` is true when the tree holds
   * details fetched after the list item: the node keeps showing those.
   */
  customer(tenantId: string, customer: Customer, parent: TenantNode | undefined, newer: boolean): CustomerNode {
    const ref = customerRef(tenantId, customer.id);
    let node = this.customers.get(ref);
    if (node && node.parent === parent) {
      if (!newer) node.update(customer);
      return node;
    }
    node = new CustomerNode(tenantId, customer, parent, this.source);
    this.customers.set(ref, node);
    return node;
  }

  /** The node already made for a customer, in whichever case its id is written. */
  existingCustomer(ref: CustomerRef): CustomerNode | undefined {
    return this.customers.get(ref);
  }

  tenant(tenantId: string, cloudLabel: string): TenantNode {
    let node = this.tenants.get(tenantId);
    if (!node) {
      node = new TenantNode(tenantId, cloudLabel, this.source);
      this.tenants.set(tenantId, node);
    }
    return node;
  }

  clear(): void {
    this.customers.clear();
    this.tenants.clear();
  }
}
