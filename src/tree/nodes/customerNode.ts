import * as vscode from 'vscode';
import type { Customer } from '../../api/schemas';
import { customerDetails, customerDisplayName, customerDomain, hasNoRelationship } from '../../presentation/customerFacts';
import { customerAccessibilityLabel } from '../../presentation/customerAccessibility';
import { customerTooltipMarkdown } from '../tooltips';
import type { CustomerRef } from '../../customerRef';
import { ContextToken, contextValue } from '../contextValues';
import { NodeIds } from '../nodeIds';
import { DomainsNode } from './domainsNode';
import { ProfileNode } from './profileNode';
import { PropertyNode } from './propertyNode';
import type { TreeNode } from './treeNode';

/** Loads a customer's details (one request) and returns its children; the view implements it. */
export interface CustomerDetailsSource {
  customerChildren(node: CustomerNode): Promise<TreeNode[]>;
  /** Whether the customer is pinned: its rows (in a list or in Pinned) offer Unpin instead of Pin. */
  isPinned(ref: CustomerRef): boolean;
}

const DETAIL_ICONS: Readonly<Record<string, string>> = {
  relationship: 'link',
  delegatedAdmin: 'shield',
  commerceId: 'tag',
  associatedPartnerId: 'person',
};

/** A customer: company name and domain; expands to its profiles and facts. Id `tenant/customer` (`tenant/#pinned/customer` in Pinned). */
export class CustomerNode implements TreeNode, CustomerRef {
  readonly id: string;
  /** The list item, replaced by the full customer once its details were fetched. */
  private shownCustomer: Customer;

  constructor(
    readonly tenantId: string,
    customer: Customer,
    readonly parent: TreeNode | undefined,
    private readonly source: CustomerDetailsSource,
    /** Shown in the tenant's Pinned node rather than in its list. */
    readonly inPinned = false,
  ) {
    const ref = { tenantId, customerId: customer.id };
    this.id = inPinned ? NodeIds.pinnedCustomer(ref) : NodeIds.customer(ref);
    this.shownCustomer = customer;
  }

  get customerId(): string {
    return this.shownCustomer.id;
  }

  get customer(): Customer {
    return this.shownCustomer;
  }

  get companyName(): string {
    return customerDisplayName(this.shownCustomer);
  }

  get domain(): string | undefined {
    return customerDomain(this.shownCustomer);
  }

  /** Shows newer data for the same customer (a reloaded page, or the fetched details). */
  update(customer: Customer): void {
    if (customer.id === this.shownCustomer.id) this.shownCustomer = customer;
  }

  getTreeItem(): vscode.TreeItem {
    const name = this.companyName;
    const domain = this.domain;
    const item = new vscode.TreeItem(name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const noRelationship = hasNoRelationship(this.shownCustomer);
    const description = [domain !== name ? domain : undefined, noRelationship ? vscode.l10n.t('no relationship') : undefined];
    item.description = description.filter((part) => part !== undefined).join(' · ') || undefined;
    // Untrusted, no HTML, no command links, no $(icon) syntax: customer data is escaped and shows as text.
    const tooltip = new vscode.MarkdownString(customerTooltipMarkdown(this.shownCustomer), false);
    tooltip.isTrusted = false;
    tooltip.supportHtml = false;
    item.tooltip = tooltip;
    // A customer whose relationship was removed stays listed until a reload, marked so it is not mistaken for one served.
    item.iconPath = noRelationship ? new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground')) : new vscode.ThemeIcon('briefcase');
    item.contextValue = contextValue(
      ContextToken.customer,
      domain !== undefined && ContextToken.hasDomain,
      this.source.isPinned(this) && ContextToken.pinned,
    );
    item.accessibilityInformation = { label: customerAccessibilityLabel(this.shownCustomer) };
    return item;
  }

  getChildren(): Promise<TreeNode[]> {
    return this.source.customerChildren(this);
  }

  /** The rows of the customer's details, from one fetched Customer. */
  detailNodes(customer: Customer): TreeNode[] {
    return customerDetails(customer).map((detail) => {
      switch (detail.kind) {
        case 'profile':
          return new ProfileNode(this, detail.profile, detail.label, detail.rows);
        case 'domains':
          return new DomainsNode(this, detail.label, detail.domains);
        case 'property':
          return new PropertyNode(this, {
            id: NodeIds.child(this.id, detail.row.key),
            label: detail.row.label,
            description: detail.row.value,
            value: detail.row.value,
            icon: DETAIL_ICONS[detail.row.key],
          });
      }
    });
  }
}
