import * as l10n from '@vscode/l10n';
import { type PartnerCenterError, isPartnerCenterError, errorMessage } from '../api/errors';
import type { Customer } from '../api/schemas';
import { customerDisplayName, customerDomain, delegatedAdminLabel, relationshipLabel, shown } from '../presentation/customerFacts';
import { escapeMarkdown } from '../presentation/escaping';

// Tooltip texts. Customer data is never trusted: it goes into Markdown escaped (see presentation/escaping.ts).

/** The Markdown of a customer node's tooltip: name, then one line per known fact. */
export function customerTooltipMarkdown(customer: Customer): string {
  const lines: string[] = [];
  const domain = customerDomain(customer);
  if (domain) lines.push(l10n.t('Domain: {0}', escapeMarkdown(domain)));
  lines.push(
    l10n.t('Customer ID: {0}', escapeMarkdown(customer.id)),
    l10n.t('Relationship: {0}', escapeMarkdown(relationshipLabel(customer.relationshipToPartner))),
  );
  if (customer.allowDelegatedAccess !== undefined && customer.allowDelegatedAccess !== null) {
    lines.push(l10n.t('Delegated admin: {0}', delegatedAdminLabel(customer.allowDelegatedAccess)));
  }
  const partner = shown(customer.associatedPartnerId);
  if (partner) lines.push(l10n.t('Associated partner (indirect reseller): {0}', escapeMarkdown(partner)));
  // Two trailing spaces: a line break inside one paragraph.
  return `**${escapeMarkdown(customerDisplayName(customer))}**\n\n${lines.join('  \n')}`;
}

/** A plain-text tooltip for a failure: the message, then what support needs (status, code, request id). */
export function errorTooltip(error: unknown): string {
  if (!isPartnerCenterError(error)) return errorMessage(error);
  return [error.message, ...errorFacts(error)].join('\n');
}

function errorFacts(error: PartnerCenterError): string[] {
  const facts: string[] = [];
  if (error.description && !error.message.includes(error.description)) facts.push(error.description);
  if (error.status !== undefined) facts.push(l10n.t('HTTP status: {0}', error.status));
  if (error.code) facts.push(l10n.t('Partner Center error code: {0}', error.code));
  if (error.fieldPath) facts.push(l10n.t('Field: {0}', error.fieldPath));
  if (error.request) facts.push(l10n.t('Request: {0}', error.request));
  if (error.requestId) facts.push(l10n.t('Request ID: {0}', error.requestId));
  if (error.correlationId) facts.push(l10n.t('Correlation ID: {0}', error.correlationId));
  return facts;
}
