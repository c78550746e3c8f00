// The partner's activity log (`GET /v1/auditrecords`): seeded records over the last 90 days of the big tenant,
// and a record appended for every change the sandbox makes (its own writes, the admin API's external changes).
// `recordAuditRecord` is the one way a write records what it did.
import { createHmac } from 'node:crypto';
import { type IncomingHttpHeaders } from 'node:http';
import { createRandom } from './prng';
import { apiFault, type Reply } from './reply';
import { type SandboxTenant } from './seed';
import { link, type SandboxCustomer } from './seedModel';

/** An AuditRecord as the wire carries it (camelCase fields; old and new values are strings of PascalCase JSON). */
export interface WireAuditRecord {
  readonly id: string;
  readonly partnerId: string;
  readonly customerId?: string;
  readonly customerName?: string;
  readonly userPrincipalName: string;
  readonly applicationId: string;
  readonly resourceType: string;
  readonly resourceOldValue?: string;
  readonly resourceNewValue?: string;
  readonly operationType: string;
  readonly originalCorrelationId: string;
  readonly operationDate: string;
  readonly operationStatus: 'succeeded' | 'failed' | 'progress';
  readonly customizedData: readonly { readonly key: string; readonly value: string | null }[];
  readonly attributes: { readonly objectType: 'AuditRecord' };
}

/** What a write says about itself; the log adds id, partner, date and correlation id. */
export interface AuditEntry {
  readonly operationType: string;
  readonly resourceType?: string;
  readonly customer?: { readonly id: string; readonly name?: string };
  /** Objects are serialized with PascalCase keys, as the real API does; strings are sent as given. */
  readonly oldValue?: unknown;
  readonly newValue?: unknown;
  readonly status?: WireAuditRecord['operationStatus'];
  readonly userPrincipalName?: string;
  readonly at?: Date;
}

export const AUDIT_RETENTION_DAYS = 90;
export const AUDIT_MAX_WINDOW_DAYS = 30;
const DAY_MS = 86_400_000;
/** How many records the big tenant has over its 90 days (the others start empty). */
export const SEEDED_AUDIT_RECORD_COUNT = 240;
const SEEDED_TENANT = 'default';

/** The activity log of one running sandbox, newest record first per tenant. */
export class AuditLog {
  private records = new Map<string, WireAuditRecord[]>();
  private sequence = 0;

  constructor(private readonly tenants: readonly SandboxTenant[], private readonly now: () => Date = () => new Date()) {
    this.reset();
  }

  reset(): void {
    this.records = new Map(this.tenants.map((t) => [t.id, t.id === SEEDED_TENANT ? seededRecords(t, this.now()) : []]));
  }

  of(tenantId: string): readonly WireAuditRecord[] {
    return this.records.get(tenantId) ?? [];
  }

  append(tenant: SandboxTenant, entry: AuditEntry): WireAuditRecord {
    const record = wireRecord(tenant, entry, entry.at ?? this.now(), `live${++this.sequence}`);
    const list = this.records.get(tenant.id) ?? [];
    list.unshift(record);
    list.sort((a, b) => b.operationDate.localeCompare(a.operationDate));
    this.records.set(tenant.id, list);
    return record;
  }

  /** `GET /v1/auditrecords`: startDate, endDate, size, filter; later pages by `seekOperation=Next` + token. */
  answer(tenant: SandboxTenant, params: URLSearchParams, headers: IncomingHttpHeaders): Reply {
    const today = utcDay(this.now());
    let position: AuditPosition;
    if (param(params, 'seekOperation') !== null) {
      const raw = headers['ms-continuationtoken'];
      const decoded = decodeAuditToken(Array.isArray(raw) ? raw[0] : raw);
      if (!decoded || decoded.tenant !== tenant.id) return badRequest('The continuation token is invalid or has expired.');
      position = decoded;
    } else {
      const parsed = firstPosition(tenant.id, params, today);
      if (typeof parsed === 'string') return badRequest(parsed);
      position = parsed;
    }
    const matches = this.of(tenant.id).filter((record) => inRange(record, position) && matchesAuditFilter(record, position.filter));
    const end = position.offset + position.size;
    const items = matches.slice(position.offset, end);
    const query = `startDate=${position.start}&endDate=${position.end}&size=${position.size}`;
    const self = link(`/auditrecords?${query}${position.filter ? `&filter=${encodeURIComponent(position.filter)}` : ''}`);
    if (end >= matches.length) return ok({ totalCount: items.length, items, links: { self }, attributes: { objectType: 'Collection' } });
    const token = encodeAuditToken({ ...position, offset: end });
    const next = { uri: `/v1/auditrecords?${query}&seekOperation=Next`, method: 'GET', headers: [{ key: 'MS-ContinuationToken', value: token }] };
    return ok({ totalCount: items.length, items, links: { self, next }, continuationToken: token, attributes: { objectType: 'Collection' } });
  }
}

/** Records a write in the log of its tenant: every change the sandbox makes goes through here. */
export function recordAuditRecord(log: AuditLog, tenant: SandboxTenant, entry: AuditEntry): WireAuditRecord {
  return log.append(tenant, entry);
}

interface AuditPosition {
  readonly tenant: string;
  readonly start: string;
  readonly end: string;
  readonly size: number;
  /** The filter JSON as received (decoded), or null. */
  readonly filter: string | null;
  readonly offset: number;
}

const ok = (body: unknown): Reply => ({ status: 200, body });
const badRequest = (description: string): Reply => apiFault(400, 400, description);

function param(params: URLSearchParams, name: string): string | null {
  for (const [key, value] of params) if (key.toLowerCase() === name.toLowerCase()) return value;
  return null;
}

const utcDay = (moment: Date): string => moment.toISOString().slice(0, 10);
const addDays = (day: string, days: number): string => utcDay(new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS));

/** `yyyy-mm-dd`, or a date-time as the SDK sends it (`06/01/2017 00:00:00`): the server keeps only the day. */
function readDay(value: string): string | undefined {
  const trimmed = value.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) return Number.isNaN(Date.parse(`${trimmed}T00:00:00Z`)) ? undefined : trimmed;
  const parsed = Date.parse(trimmed.endsWith('Z') ? trimmed : `${trimmed} UTC`);
  return Number.isNaN(parsed) ? undefined : utcDay(new Date(parsed));
}

function firstPosition(tenant: string, params: URLSearchParams, today: string): AuditPosition | string {
  const startText = param(params, 'startDate');
  const endText = param(params, 'endDate');
  const end = endText ? readDay(endText) : today;
  if (!end) return `Invalid endDate "${endText}": expected yyyy-mm-dd.`;
  const start = startText ? readDay(startText) : addDays(end, -(AUDIT_MAX_WINDOW_DAYS - 1));
  if (!start) return `Invalid startDate "${startText}": expected yyyy-mm-dd.`;
  if (start < addDays(today, -AUDIT_RETENTION_DAYS)) {
    return `Audit records are only available for the past ${AUDIT_RETENTION_DAYS} days: startDate ${start} is too far back.`;
  }
  if (end < start) return `endDate ${end} is before startDate ${start}.`;
  if ((Date.parse(end) - Date.parse(start)) / DAY_MS + 1 > AUDIT_MAX_WINDOW_DAYS) {
    return `A query spans at most ${AUDIT_MAX_WINDOW_DAYS} days; ${start} to ${end} is longer.`;
  }
  const sizeText = param(params, 'size');
  const size = sizeText === null || sizeText === '' || sizeText === '0' ? 500 : Number(sizeText);
  if (!Number.isInteger(size) || size < 0) return `Invalid size "${sizeText}".`;
  const filter = param(params, 'filter');
  if (filter !== null) {
    const problem = checkAuditFilter(filter);
    if (problem) return problem;
  }
  return { tenant, start, end, size: Math.min(size, 500), filter, offset: 0 };
}

const FILTERS: Record<string, { operator: string; field: (record: WireAuditRecord) => string | undefined }> = {
  customerid: { operator: 'equals', field: (r) => r.customerId },
  companyname: { operator: 'substring', field: (r) => r.customerName },
  resourcetype: { operator: 'equals', field: (r) => r.resourceType },
};

function readFilter(text: string): { field: string; value: string; operator: string } | undefined {
  try {
    const json = JSON.parse(text) as Record<string, unknown>;
    const get = (name: string): unknown => json[Object.keys(json).find((k) => k.toLowerCase() === name) ?? ''];
    const [field, value, operator] = [get('field'), get('value'), get('operator')];
    if (typeof field !== 'string' || typeof value !== 'string' || typeof operator !== 'string') return undefined;
    return { field: field.toLowerCase(), value, operator: operator.toLowerCase() };
  } catch {
    return undefined;
  }
}

function checkAuditFilter(text: string): string | undefined {
  const filter = readFilter(text);
  if (!filter) return 'The filter must be JSON {"Field":…,"Value":…,"Operator":…}.';
  const known = FILTERS[filter.field];
  if (!known) return `Invalid filter field. Audit records can be filtered by CustomerId, CompanyName, ResourceType.`;
  if (known.operator !== filter.operator) return `The operator for ${filter.field} is "${known.operator}".`;
  return undefined;
}

function matchesAuditFilter(record: WireAuditRecord, text: string | null): boolean {
  if (text === null) return true;
  const filter = readFilter(text);
  const known = filter && FILTERS[filter.field];
  if (!filter || !known) return false;
  const subject = known.field(record)?.toLowerCase();
  if (subject === undefined) return false;
  const value = filter.field === 'resourcetype' ? snakeCase(filter.value) : filter.value.toLowerCase();
  return filter.operator === 'substring' ? subject.includes(value) : subject === value;
}

/** `CustomerUser` and `customer_user` name the same resource type. */
const snakeCase = (value: string): string => value.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();

function inRange(record: WireAuditRecord, position: AuditPosition): boolean {
  const day = record.operationDate.slice(0, 10);
  return day >= position.start && day <= position.end;
}

// Not a secret: the MAC only lets the sandbox tell a garbled token from one of its own.
const TOKEN_KEY = 'partner-center-sandbox/audit-continuation';
const mac = (payload: string): string => createHmac('sha256', TOKEN_KEY).update(payload).digest('base64').slice(0, 16);

function encodeAuditToken(position: AuditPosition): string {
  const payload = Buffer.from(JSON.stringify(position), 'utf8').toString('base64');
  return `sbx-audit/+${payload},${mac(payload)}`;
}

function decodeAuditToken(token: string | undefined): AuditPosition | undefined {
  const match = /^sbx-audit\/\+([A-Za-z0-9+/]+={0,2}),([A-Za-z0-9+/]{16})$/.exec(token?.trim() ?? '');
  if (!match || mac(match[1]) !== match[2]) return undefined;
  return JSON.parse(Buffer.from(match[1], 'base64').toString('utf8')) as AuditPosition;
}

/** Keys as the contract objects serialize them inside old/new values: `companyProfile` → `CompanyProfile`. */
export function pascalCaseKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pascalCaseKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, child]) => [key.charAt(0).toUpperCase() + key.slice(1), pascalCaseKeys(child)]));
}

const serialized = (value: unknown): string | undefined =>
  value === undefined ? undefined : typeof value === 'string' ? value : JSON.stringify(pascalCaseKeys(value));

/** `2020-09-02T17:34:12.8069005Z`: seven fractional digits, as the API writes dates. */
function wireDate(moment: Date, extraDigits: string): string {
  return moment.toISOString().replace(/\.(\d{3})Z$/, `.$1${extraDigits}Z`);
}

function wireRecord(tenant: SandboxTenant, entry: AuditEntry, at: Date, unique: string): WireAuditRecord {
  const customerId = entry.customer?.id;
  const operationDate = wireDate(at, '0000');
  const oldValue = serialized(entry.oldValue);
  const newValue = serialized(entry.newValue);
  return {
    id: `${tenant.partnerTenantId}_${customerId ?? 'none'}_${entry.operationType.replace(/_/g, '')}_${unique}`,
    partnerId: tenant.partnerTenantId,
    ...(customerId ? { customerId } : {}),
    ...(entry.customer?.name ? { customerName: entry.customer.name } : {}),
    userPrincipalName: entry.userPrincipalName ?? 'admin@contoso-csp.example',
    applicationId: 'Partner Center Native App',
    resourceType: entry.resourceType ?? 'customer',
    ...(oldValue !== undefined ? { resourceOldValue: oldValue } : {}),
    ...(newValue !== undefined ? { resourceNewValue: newValue } : {}),
    operationType: entry.operationType,
    originalCorrelationId: correlationOf(unique),
    operationDate,
    operationStatus: entry.status ?? 'succeeded',
    customizedData: [],
    attributes: { objectType: 'AuditRecord' },
  };
}

function correlationOf(unique: string): string {
  const hex = createHmac('sha256', 'audit-correlation').update(unique).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** The operation types of the seeded log, with how often each occurs. */
const SEEDED_OPERATIONS = [
  'update_customer_billing_profile', 'update_customer_billing_profile', 'update_customer_billing_profile',
  'create_customer_user', 'create_customer_user', 'update_customer_qualification', 'update_customer_spending_budget',
  'add_customer', 'reset_customer_user_password', 'create_order',
] as const;

/**
 * The big tenant's seeded log: deterministic (its own PRNG stream over the seeded customers), spread over days
 * 1 to 89 before today, so today's changes are only those a test makes. A few are failed, one has a value that
 * is not JSON and one has an empty value, as the real log can.
 */
function seededRecords(tenant: SandboxTenant, now: Date): WireAuditRecord[] {
  const random = createRandom('sandbox:audit');
  const todayStart = Date.parse(`${utcDay(now)}T00:00:00Z`);
  const records: WireAuditRecord[] = [];
  for (let n = 0; n < SEEDED_AUDIT_RECORD_COUNT; n++) {
    const customer = random.pick(tenant.customers);
    const operationType = random.pick(SEEDED_OPERATIONS);
    const at = new Date(todayStart - random.int(1, AUDIT_RETENTION_DAYS - 1) * DAY_MS + random.int(0, DAY_MS / 1000 - 1) * 1000);
    const failed = random.chance(0.05);
    records.push(wireRecord(tenant, seededEntry(customer, operationType, n, failed), at, `seed${n}`));
  }
  return records.sort((a, b) => b.operationDate.localeCompare(a.operationDate));
}

function seededEntry(customer: SandboxCustomer, operationType: string, n: number, failed: boolean): AuditEntry {
  const base = { customer: { id: customer.id, name: customer.companyProfile.companyName }, operationType, status: failed ? 'failed' as const : 'succeeded' as const };
  if (n === 7) return { ...base, operationType: 'update_customer_billing_profile', oldValue: 'not json {', newValue: '' };
  switch (operationType) {
    case 'update_customer_billing_profile':
      return { ...base, oldValue: { ...customer.billingProfile, email: `old-${n}@example.com` }, newValue: customer.billingProfile };
    case 'add_customer':
      return { ...base, newValue: customer };
    case 'create_customer_user':
    case 'reset_customer_user_password':
      return { ...base, resourceType: 'customer_user', newValue: { id: `user-${n}`, userPrincipalName: `user${n}@${customer.companyProfile.domain ?? 'example.com'}` } };
    case 'create_order':
      return { ...base, resourceType: 'order', newValue: { id: `order-${n}`, lineItems: [{ offerId: 'CFQ7TTC0LH18', quantity: 1 + (n % 9) }] } };
    default:
      return { ...base, newValue: { customerId: customer.id, value: n } };
  }
}
