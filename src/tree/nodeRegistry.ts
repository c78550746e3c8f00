import type { Customer } from '../api/schemas';
import { type CustomerRef, CustomerMap, customerRef } from '../customerRef';
import { type CustomerDetailsSource, CustomerNode } from './nodes/customerNode';
import { PinnedNode, type PinnedCustomersSource } from './nodes/pinnedNode';
import { type CustomerListSource, TenantNode } from './nodes/tenantNode';
import type { TreeNode } from './nodes/treeNode';

/**
 * The tenant and customer nodes of the tree, one object per row: `onDidChangeTreeData` and `TreeView.reveal`
 * need the instance the tree already knows, not an equal one.
 */
export class NodeRegistry {
  private readonly customers = new CustomerMap<CustomerNode>();
  private readonly tenants = new Map<string, TenantNode>();
  private readonly pinnedCustomers = new CustomerMap<CustomerNode>();
  private readonly pinnedGroups = new Map<string, PinnedNode>();

  constructor(private readonly source: CustomerDetailsSource & CustomerListSource & PinnedCustomersSource) {}

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

  /** The node of a customer in its tenant's Pinned node, made once. */
  pinnedCustomer(group: PinnedNode, customer: Customer): CustomerNode {
    const ref = customerRef(group.tenantId, customer.id);
    let node = this.pinnedCustomers.get(ref);
    if (!node || node.parent !== group) {
      node = new CustomerNode(group.tenantId, customer, group, this.source, true);
      this.pinnedCustomers.set(ref, node);
    }
    node.update(customer);
    return node;
  }

  existingPinned(ref: CustomerRef): CustomerNode | undefined {
    return this.pinnedCustomers.get(ref);
  }

  pinnedGroup(tenantId: string, parent: TreeNode | undefined): PinnedNode {
    let node = this.pinnedGroups.get(tenantId);
    if (!node || node.parent !== parent) {
      node = new PinnedNode(tenantId, parent, this.source);
      this.pinnedGroups.set(tenantId, node);
    }
    return node;
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
    this.pinnedCustomers.clear();
    this.pinnedGroups.clear();
  }
}
