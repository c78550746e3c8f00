import * as z from 'zod/mini';

// The audit records (`GET /v1/auditrecords`) as the extension reads them, in zod/mini (the bundle is moving
// to it). Objects are loose and every field but the operation and its date is optional: the real API leaves
// out customerId on some failed records, applicationId on old ones, and adds operation types over time.

const text = z.nullish(z.string());

const customizedDataSchema = z.looseObject({ key: z.string(), value: text });

/** An ISO-8601 date the API sends with up to seven fractional digits; one that does not parse fails the record. */
const operationDate = z.string().check(
  z.refine((value) => !Number.isNaN(Date.parse(value)), { message: 'expected an ISO-8601 date' }),
);

export const auditRecordSchema = z.looseObject({
  id: text,
  partnerId: text,
  customerId: text,
  customerName: text,
  userPrincipalName: text,
  applicationId: text,
  resourceType: text,
  /** Strings holding serialized (PascalCase) objects, sometimes empty or not JSON: see auditValue.ts. */
  resourceOldValue: text,
  resourceNewValue: text,
  operationType: z.string(),
  originalCorrelationId: text,
  operationDate,
  operationStatus: text,
  customizedData: z.nullish(z.array(customizedDataSchema)),
});

export type AuditRecord = z.infer<typeof auditRecordSchema>;

const headerSchema = z.looseObject({ key: z.string(), value: z.string() });
const linkSchema = z.looseObject({ uri: z.string(), headers: z.nullish(z.array(headerSchema)) });

/** One record of a page as validated on its own: a broken record must not hide its siblings. */
export type AuditItem =
  | { readonly ok: true; readonly record: AuditRecord }
  | { readonly ok: false; readonly index: number; readonly problem: string; readonly raw: unknown };

const itemsSchema = z.pipe(
  z.array(z.unknown()),
  z.transform((items): AuditItem[] =>
    items.flatMap((raw, index): AuditItem[] => {
      if (raw === null) return [];
      const parsed = z.safeParse(auditRecordSchema, raw);
      if (parsed.success) return [{ ok: true, record: parsed.data }];
      const problem = parsed.error.issues
        .slice(0, 3)
        .map((issue) => `items[${index}]${issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}: ${issue.message}`)
        .join('; ');
      return [{ ok: false, index, problem, raw }];
    }),
  ),
);

/** PagedResourceCollection[AuditRecord]: the same envelope and paging as the customers list. */
export const auditCollectionSchema = z.looseObject({
  totalCount: z.nullish(z.number()),
  items: z.pipe(
    z.nullable(itemsSchema),
    z.transform((items) => items ?? []),
  ),
  links: z.nullish(z.looseObject({ next: z.nullish(linkSchema) })),
  continuationToken: text,
});

export type AuditCollection = z.infer<typeof auditCollectionSchema>;
