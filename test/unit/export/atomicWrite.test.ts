import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type AtomicWriteFs, temporaryNameFor, writeAtomically } from '../../../src/export/atomicWrite';

// Issue 10, defect 7: an export that fails while writing must leave no `*.partial` file, and the target as it was.

const PREVIOUS = 'Customer ID,Company name\r\nan earlier export,kept\r\n';

/** The real file system, as the command's adapter of vscode.workspace.fs gives it. */
const nodeFs: AtomicWriteFs<string> = {
  writeFile: (file, content) => fs.promises.writeFile(file, content),
  rename: (from, to) => fs.promises.rename(from, to),
  delete: (file) => fs.promises.rm(file),
};

/** A disk that fills up: the first `bytes` of a write land, then ENOSPC. */
function fullAfter(bytes: number): AtomicWriteFs<string> {
  return {
    ...nodeFs,
    writeFile: async (file, content) => {
      await fs.promises.writeFile(file, content.subarray(0, bytes));
      throw Object.assign(new Error(`ENOSPC: no space left on device, write '${file}'`), { code: 'ENOSPC' });
    },
  };
}

describe('export: writing the file (temporary sibling, then rename)', () => {
  let dir: string;
  let target: string;
  const content = new TextEncoder().encode('\uFEFFCustomer ID,Company name\r\n' + 'id-1,Contoso\r\n'.repeat(100));
  const temporary = () => path.join(dir, temporaryNameFor(path.basename(target)));

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pc-atomic-'));
    target = path.join(dir, 'customers.csv');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('replaces the target with the whole content and leaves nothing beside it', async () => {
    fs.writeFileSync(target, PREVIOUS);
    await writeAtomically(nodeFs, target, temporary(), content);
    assert.deepEqual(new Uint8Array(fs.readFileSync(target)), content);
    assert.deepEqual(fs.readdirSync(dir), ['customers.csv']);
  });

  it('removes the partial file and keeps the existing target when the disk fills up after 20 bytes', async () => {
    fs.writeFileSync(target, PREVIOUS);
    await assert.rejects(writeAtomically(fullAfter(20), target, temporary(), content), /ENOSPC/);
    assert.deepEqual(fs.readdirSync(dir), ['customers.csv'], 'a .partial file was left beside the target');
    assert.equal(fs.readFileSync(target, 'utf8'), PREVIOUS);
  });

  it('creates no file at all when there was no target and the write fails', async () => {
    await assert.rejects(writeAtomically(fullAfter(20), target, temporary(), content), /ENOSPC/);
    assert.deepEqual(fs.readdirSync(dir), []);
  });

  it('removes the temporary file and keeps the target when the rename fails', async () => {
    fs.writeFileSync(target, PREVIOUS);
    const failingRename: AtomicWriteFs<string> = {
      ...nodeFs,
      rename: () => Promise.reject(Object.assign(new Error('EPERM: operation not permitted, rename'), { code: 'EPERM' })),
    };
    await assert.rejects(writeAtomically(failingRename, target, temporary(), content), /EPERM/);
    assert.deepEqual(fs.readdirSync(dir), ['customers.csv']);
    assert.equal(fs.readFileSync(target, 'utf8'), PREVIOUS);
  });

  it('surfaces the write error, not a failure to clean up after it', async () => {
    const cannotDelete: AtomicWriteFs<string> = { ...fullAfter(20), delete: () => Promise.reject(new Error('EBUSY: resource busy')) };
    await assert.rejects(writeAtomically(cannotDelete, target, temporary(), content), /ENOSPC/);
  });

  it('names the temporary file as a hidden, unique sibling ending in .partial', () => {
    const name = temporaryNameFor('customers.csv');
    assert.match(name, /^\.customers\.csv\.[0-9a-f]{8}\.partial$/);
    assert.notEqual(name, temporaryNameFor('customers.csv'));
  });
});
