import * as vscode from 'vscode';
import type { AuditRecord } from '../api/auditSchemas';
import { auditValueText, readAuditValue } from '../api/auditValue';

// The read-only `partnercenter-audit:` documents a record's diff shows: its old and new values, pretty JSON
// when they parse, the text as received when not (named .txt, so it opens as text rather than as broken JSON).

export const AUDIT_DOCUMENT_SCHEME = 'partnercenter-audit';

export class AuditDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private readonly registration = vscode.workspace.registerTextDocumentContentProvider(AUDIT_DOCUMENT_SCHEME, this);
  private serial = 0;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? '';
  }

  /** A document of one value: `side` names it (old/new) in the tab; the extension says JSON or text. */
  uriFor(record: AuditRecord, value: string | null | undefined, side: string): vscode.Uri {
    const read = readAuditValue(value);
    const extension = read.kind === 'text' ? 'txt' : 'json';
    const id = encodeURIComponent(record.id ?? `record-${++this.serial}`);
    const uri = vscode.Uri.from({ scheme: AUDIT_DOCUMENT_SCHEME, path: `/${id}/${side}.${extension}` });
    this.contents.set(uri.toString(), auditValueText(read));
    return uri;
  }

  dispose(): void {
    this.registration.dispose();
    this.contents.clear();
  }
}
