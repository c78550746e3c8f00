import * as l10n from '@vscode/l10n';
import { PartnerCenterError } from './errors';
import type { PageCursor } from './types';

// The one guard of every paging loop (tree Load more and reload, search, export) against a server whose
// `links.next` names a page already read: followed, such a link loops forever, and a cached page comes back as
// an already-resolved promise, so the loop would not even let a Cancel through.

const CONTINUATION_TOKEN = 'ms-continuationtoken';

/** The cursors one walk through a collection has followed, keyed on link and continuation token. */
export class PageCursorHistory {
  private readonly followed = new Set<string>();

  /** Records that `cursor` is followed next; throws (recording nothing) if this walk already followed it. */
  follow(cursor: PageCursor): void {
    const key = cursorKey(cursor);
    if (this.followed.has(key)) throw repeatedPageError(cursor);
    this.followed.add(key);
  }
}

/** The real API keeps one link for every page and moves the token: the pair is what names a page. */
function cursorKey(cursor: PageCursor): string {
  return JSON.stringify([cursor.uri, continuationToken(cursor)]);
}

/** Header names are case-insensitive. */
function continuationToken(cursor: PageCursor): string | undefined {
  return Object.entries(cursor.headers).find(([name]) => name.toLowerCase() === CONTINUATION_TOKEN)?.[1];
}

function repeatedPageError(cursor: PageCursor): PartnerCenterError {
  // The token itself is long and opaque: the link names the page, and saying "same token" tells the two cases apart.
  const summary =
    continuationToken(cursor) === undefined
      ? l10n.t('Partner Center sent the same page link twice ({0}). Paging stopped there, as following it would loop forever; try again later.', cursor.uri)
      : l10n.t(
          'Partner Center sent the same page link twice ({0}, with the same continuation token). Paging stopped there, as following it would loop forever; try again later.',
          cursor.uri,
        );
  return new PartnerCenterError({ kind: 'invalidResponse', summary, fieldPath: 'links.next', request: `GET ${cursor.uri}` });
}

/**
 * A failed page that retrying as is cannot cure: a paging loop, or a continuation token Partner Center no longer
 * accepts (400, code 2000). The walk must start again from the first page.
 */
export function isPagingDeadEnd(error: unknown): boolean {
  if (!(error instanceof PartnerCenterError)) return false;
  return error.fieldPath === 'links.next' || (error.status === 400 && error.code === '2000');
}
