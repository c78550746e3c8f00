import * as l10n from '@vscode/l10n';
import { PartnerCenterError } from './errors';
import { isRecord } from './json';
import { type CustomerCollection, type InvalidItem, describeIssues, formatPath } from './schemas';
import type { CustomerPage, CustomerPageEntry, InvalidCustomer, PageCursor } from './types';

// A validated customers collection (a list or search page) as the views get it. The one place that turns an
// invalid list item into an error, so the tree, search and export all read it the same way.

/** What identifies the page request, for the error of an invalid item (as http.ts gives for a whole body). */
export interface PageRequest {
  readonly requestId: string;
  readonly correlationId: string;
  /** `GET <path and query>`. */
  readonly label: string;
}

export function customerPage(collection: CustomerCollection, request: PageRequest, next: PageCursor | undefined): CustomerPage {
  const entries = collection.entries.map(
    (entry): CustomerPageEntry =>
      entry.ok ? { kind: 'customer', customer: entry.value } : { kind: 'invalid', invalid: invalidCustomer(entry, request) },
  );
  return { customers: collection.items, entries, ...(next ? { next } : {}) };
}

function invalidCustomer(item: InvalidItem, request: PageRequest): InvalidCustomer {
  const problem = describeIssues(item.issues);
  const raw = item.raw;
  const id = isRecord(raw) && typeof raw.id === 'string' && raw.id.trim() ? raw.id : undefined;
  const error = new PartnerCenterError({
    kind: 'invalidResponse',
    status: 200,
    summary: id
      ? l10n.t('Partner Center sent customer {0} in a form that cannot be shown: {1}', id, problem)
      : l10n.t('Partner Center sent a customer that cannot be shown: {0}', problem),
    fieldPath: formatPath(item.issues[0]?.path ?? ['items', item.index]),
    requestId: request.requestId,
    correlationId: request.correlationId,
    request: request.label,
  });
  return { index: item.index, ...(id ? { id } : {}), problem, error, raw };
}
