import { randomBytes } from 'node:crypto';

// Writing the export's file so that the target name only ever holds a complete file: the content goes to a
// temporary sibling, which is then renamed over the target. The file system comes in as functions (the command
// passes vscode.workspace.fs; unit tests pass node:fs with injected failures), so this runs without VS Code.

/** The file operations a write needs, on any kind of path (a vscode.Uri, a node path string). */
export interface AtomicWriteFs<P> {
  writeFile(file: P, content: Uint8Array): PromiseLike<void>;
  /** Replaces `to` if it exists. */
  rename(from: P, to: P): PromiseLike<void>;
  delete(file: P): PromiseLike<void>;
}

/** The temporary sibling's name: hidden, unique per write, recognisable as unfinished. */
export function temporaryNameFor(targetName: string): string {
  return `.${targetName}.${randomBytes(4).toString('hex')}.partial`;
}

/**
 * Writes `content` to `temporary`, then renames it over `target`. Any failure (a full disk mid-write, a refused
 * rename) removes the temporary file, which may exist and be half-written even when the write itself threw, and
 * leaves an existing target untouched. The write's own error is what surfaces, not a failure to clean up.
 */
export async function writeAtomically<P>(fs: AtomicWriteFs<P>, target: P, temporary: P, content: Uint8Array): Promise<void> {
  try {
    await fs.writeFile(temporary, content);
    await fs.rename(temporary, target);
  } catch (error) {
    await Promise.resolve(fs.delete(temporary)).catch(() => undefined);
    throw error;
  }
}
