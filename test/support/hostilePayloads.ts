// Markup and script payloads for customer data (issue 10 §3): each one, if it ever became markup or code in the
// workbench or a webview, would create an element or set `window.__pwned`; as text, it shows as typed.
// Shared by the integration and UI tests; `hostileCustomer` puts a payload into every string field of a
// customer document (its profiles and addresses included), keeping ids and links so that it still routes.

/** A marker no page sets on its own: a payload that runs script sets it. */
export const PWNED = '__pwned';

export const HOSTILE_PAYLOADS: readonly string[] = [
  `<img src=x onerror="window.${PWNED}=1">`,
  `<svg onload="window.${PWNED}=2"><circle r="5"/></svg>`,
  `<script>window.${PWNED}=3</script>`,
  `"><img src=x onerror=window.${PWNED}=4>`,
  `<a href="javascript:window.${PWNED}=5">click</a>`,
  `javascript:window.${PWNED}=6`,
  `<iframe srcdoc="<script>parent.${PWNED}=7</script>"></iframe>`,
  `<b>bold</b><i>italic`,
  `<div style="position:fixed;inset:0;background:red">overlay</div>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=window.${PWNED}=8>`,
  `[Click me](command:partnerCenter.signOut)`,
  `**bold** _italic_ \`code\` # heading`,
  `![image](https://example.com/x.png)`,
  `$(alert) $(loading~spin) codicons`,
  `\u202Egnp.exe\u202C RTL override`,
  `zero\u200Dwidth\u200Bjoiners\u2060`,
  `lone surrogates \uD800 and \uDFFF`,
  `${'A'.repeat(10_000)}`,
  `=HYPERLINK("https://evil.example","x")`,
  `+1-2 @SUM(A1) formula`,
  `</textarea></title></style><img src=x onerror=window.${PWNED}=9>`,
  `{{constructor.constructor('window.${PWNED}=10')()}}`,
  `&lt;img src=x onerror=window.${PWNED}=11&gt; &amp; entities`,
  `line one\nline two\r\nline three`,
];

/** String fields that name or route the resource (ids, links, object types): kept so that the document still works. */
const KEPT = new Set(['id', 'tenantId', 'objectType', 'uri', 'method', 'href', 'etag']);

/** A deep copy of `document` with `payload` in every string field but those in KEPT. */
export function hostileCopy<T>(document: T, payload: string): T {
  const visit = (value: unknown, key: string | undefined): unknown => {
    if (typeof value === 'string') return key !== undefined && KEPT.has(key) ? value : payload;
    if (Array.isArray(value)) return value.map((item) => visit(item, key));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'links' ? v : visit(v, k)]));
    }
    return value;
  };
  return visit(document, undefined) as T;
}
