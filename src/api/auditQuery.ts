import * as l10n from '@vscode/l10n';
import { PartnerCenterError } from './errors';

// What an audit-records query may ask, checked before anything is sent: Partner Center keeps records for 90
// days and answers 400 to a start date further back, and one query spans at most 30 days. Dates are whole UTC
// days (`yyyy-mm-dd`), the end inclusive.

export const AUDIT_RETENTION_DAYS = 90;
export const AUDIT_MAX_WINDOW_DAYS = 30;

/** The fields the audit log can be filtered on (one filter per request). */
export type AuditFilterField = 'CustomerId' | 'CompanyName' | 'ResourceType';

export interface AuditFilter {
  readonly field: AuditFilterField;
  readonly value: string;
}

export interface AuditQuery {
  /** `yyyy-mm-dd` (UTC). */
  readonly startDate: string;
  /** `yyyy-mm-dd` (UTC), inclusive; absent: up to today. */
  readonly endDate?: string;
  readonly filter?: AuditFilter;
}

const DAY_MS = 86_400_000;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** The UTC day of a moment, as the API's dates name it. */
export function utcDay(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}

/** `yyyy-mm-dd` moved by whole days. */
export function addDays(day: string, days: number): string {
  return utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));
}

/** Whole days from `from` to `to` (both `yyyy-mm-dd`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The oldest start date the API accepts today: the 90 days kept end today. */
export function oldestAuditDay(today: Date): string {
  return addDays(utcDay(today), -(AUDIT_RETENTION_DAYS - 1));
}

/** Throws a `settings` error (nothing is sent) when the query is malformed, reaches past 90 days or spans more than 30. */
export function checkAuditQuery(query: AuditQuery, today: Date): void {
  for (const day of [query.startDate, query.endDate]) {
    if (day !== undefined && (!DATE_PATTERN.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`)))) {
      throw refused(l10n.t('The activity date {0} is not a date of the form yyyy-mm-dd.', day));
    }
  }
  const oldest = oldestAuditDay(today);
  if (query.startDate < oldest) {
    throw refused(
      l10n.t('Partner Center keeps activity for {0} days: {1} is before {2}, so it was not asked for.', AUDIT_RETENTION_DAYS, query.startDate, oldest),
    );
  }
  const end = query.endDate ?? utcDay(today);
  if (end < query.startDate) throw refused(l10n.t('The activity range ends ({0}) before it starts ({1}).', end, query.startDate));
  if (daysBetween(query.startDate, end) + 1 > AUDIT_MAX_WINDOW_DAYS) {
    throw refused(l10n.t('One activity query spans at most {0} days; {1} to {2} is longer.', AUDIT_MAX_WINDOW_DAYS, query.startDate, end));
  }
}

/** The query string of a first page: dates as `yyyy-mm-dd`, the filter as encoded JSON (key order Field, Value, Operator). */
export function auditQueryString(query: AuditQuery, pageSize: number): string {
  const parts = [`startDate=${query.startDate}`];
  if (query.endDate) parts.push(`endDate=${query.endDate}`);
  parts.push(`size=${pageSize}`);
  if (query.filter) parts.push(`filter=${auditFilterParam(query.filter)}`);
  return parts.join('&');
}

export function auditFilterParam(filter: AuditFilter): string {
  const operator = filter.field === 'CompanyName' ? 'substring' : 'equals';
  return encodeURIComponent(JSON.stringify({ Field: filter.field, Value: filter.value, Operator: operator }));
}

/** The whole days from `start` to `end` (inclusive) cut into the 30-day windows one query may span, newest first. */
export function auditWindows(start: string, end: string): { startDate: string; endDate: string }[] {
  const windows: { startDate: string; endDate: string }[] = [];
  for (let windowEnd = end; windowEnd >= start; windowEnd = addDays(windowEnd, -AUDIT_MAX_WINDOW_DAYS)) {
    const windowStart = addDays(windowEnd, -(AUDIT_MAX_WINDOW_DAYS - 1));
    windows.push({ startDate: windowStart < start ? start : windowStart, endDate: windowEnd });
  }
  return windows;
}

function refused(summary: string): PartnerCenterError {
  return new PartnerCenterError({ kind: 'settings', summary, request: 'GET /v1/auditrecords' });
}
