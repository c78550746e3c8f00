// Reading a response body with a bound: a server that sends more than any Partner Center answer needs (a page
// of 500 customers is under 1 MiB) is cut off instead of filling the extension host's memory.
import * as l10n from '@vscode/l10n';
import type { Failure } from './outcome';
import { type RequestContext, requestError } from './request';

/** Far above any Partner Center answer; a body longer than this is refused, not read. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** The body was longer than the bound: reading stopped there. */
export class BodyTooLarge extends Error {
  constructor(readonly limitBytes: number) {
    super(`response body over ${limitBytes} bytes`);
  }
}

/** The body as text (UTF-8), or BodyTooLarge once more than `maxBytes` arrived (the rest is not read). */
export async function readBody(response: Response, maxBytes = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel();
    throw new BodyTooLarge(maxBytes);
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder('utf-8');
  let received = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel();
      throw new BodyTooLarge(maxBytes);
    }
    text += decoder.decode(value, { stream: true });
  }
}

/** A body too large: the same answer would come again, so it is not retried. */
export function bodyTooLargeFailure(context: RequestContext, error: BodyTooLarge): Failure {
  const megabytes = Math.round(error.limitBytes / (1024 * 1024));
  return {
    ok: false,
    error: requestError(context, {
      kind: 'invalidResponse',
      summary: l10n.t('Partner Center sent a response larger than {0} MiB; it was not read.', megabytes),
      cause: error,
    }),
  };
}
