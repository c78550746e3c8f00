// Request paths as the real API takes them: with or without the `/v1` prefix (links come in both forms).

export interface SplitPath {
  readonly pathname: string;
  readonly query: string;
}

/** Splits at the first `?` by hand: `new URL` would read `//host/…` as an authority. */
export function splitPath(raw: string): SplitPath {
  const index = raw.indexOf('?');
  return index < 0 ? { pathname: raw, query: '' } : { pathname: raw.slice(0, index), query: raw.slice(index + 1) };
}

/** `/v1/customers?x` → `/customers?x`; paths without the prefix are returned unchanged. */
export function withoutVersion(path: string): string {
  return /^\/v1(?=[/?]|$)/i.test(path) ? path.slice(3) || '/' : path;
}
