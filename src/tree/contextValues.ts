/**
 * The tokens of the customers tree's context values. package.json's `when` clauses match them with
 * `viewItem =~ /\btoken\b/`, so a row can carry several (`customer;hasDomain`) and a menu can ask for any one.
 */
export const ContextToken = {
  tenant: 'tenant',
  customer: 'customer',
  hasDomain: 'hasDomain',
  companyProfile: 'companyProfile',
  billingProfile: 'billingProfile',
  customDomains: 'customDomains',
  property: 'property',
  hasValue: 'hasValue',
  loadMore: 'loadMore',
  message: 'message',
  error: 'error',
  /** A pinned customer (in the Pinned node or in a list), or the error row of a pinned customer that is gone. */
  pinned: 'pinned',
  pinnedGroup: 'pinnedGroup',
} as const;

export type ContextToken = (typeof ContextToken)[keyof typeof ContextToken];

/** A row's context value: its tokens `;`-joined; absent ones (`false`, `undefined`) are left out. */
export function contextValue(...tokens: (ContextToken | false | undefined)[]): string {
  return tokens.filter((token): token is ContextToken => typeof token === 'string' && token.length > 0).join(';');
}
