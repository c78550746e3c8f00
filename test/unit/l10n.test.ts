// The French localization is complete and well-formed: every manifest string (package.nls.json) and every
// string the code passes to l10n.t / vscode.l10n.t (extracted fresh from src/ with @vscode/l10n-dev, the
// tool behind `npm run l10n:export`) has a French entry with the same placeholders, none is left in
// English, and the French follows one typographic convention throughout.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import type * as L10nDev from '@vscode/l10n-dev';

const ROOT = path.resolve(__dirname, '../../..');
const SRC = path.join(ROOT, 'src');

type Strings = Record<string, string>;

function readJson(relative: string): Strings {
  return JSON.parse(fs.readFileSync(path.join(ROOT, relative), 'utf8')) as Strings;
}

/** Loaded from node_modules at run time: bundled by esbuild, it would not find its tree-sitter grammars. */
function l10nDev(): typeof L10nDev {
  return createRequire(path.join(ROOT, 'package.json'))('@vscode/l10n-dev') as typeof L10nDev;
}

function sourceFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join(dir, file))
    .sort();
}

/** What `npm run l10n:export` would write today: the message of every l10n.t call in src/. */
async function extractedMessages(): Promise<Strings> {
  const files = sourceFiles(SRC).map((file) => ({ contents: fs.readFileSync(file, 'utf8'), extension: '.ts' }));
  const bundle = await l10nDev().getL10nJson(files);
  return Object.fromEntries(Object.entries(bundle).map(([key, value]) => [key, typeof value === 'string' ? value : value.message]));
}

const L10N_CALL = /\bl10n\.t\(\s*/g;
const LITERAL_FIRST_ARGUMENT = /\bl10n\.t\(\s*(?:'((?:\\.|[^'\\])*)'|"((?:\\.|[^"\\])*)")/g;

/** A quoted TypeScript string's value (the escapes the sources use: \' \" \\ \n). */
function unquote(body: string): string {
  return body.replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c));
}

/**
 * Every l10n.t call of every source file, read with a plain regex as a second opinion on the extractor:
 * calls whose message is not a string literal (the extractor cannot see them), and literal messages the
 * extractor did not report (e.g. an import style it does not recognise).
 */
function callsTheExtractorCannotSee(extracted: Strings): string[] {
  const problems: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const text = fs.readFileSync(file, 'utf8');
    const where = path.relative(ROOT, file);
    const literals = [...text.matchAll(LITERAL_FIRST_ARGUMENT)].map((m) => unquote(m[1] ?? m[2] ?? ''));
    const calls = text.match(L10N_CALL)?.length ?? 0;
    if (calls !== literals.length) problems.push(`${where}: ${calls - literals.length} l10n.t call(s) whose message is not a string literal`);
    for (const message of literals) if (!Object.hasOwn(extracted, message)) problems.push(`${where}: not extracted: ${JSON.stringify(message)}`);
  }
  return problems;
}

/** Values that are the same words in French (names, and words French shares with English). */
const SAME_IN_FRENCH = new Set([
  'Partner Center', // the product's name
  'Partner Center Customers', // the extension's name, as on the Marketplace
  'Contact',
  'Culture', // Partner Center's own French label for the billing profile's culture
  'Syndication', // Partner Center's French name of the relationship
  '(code {0})',
]);

function placeholders(text: string): string[] {
  return [...new Set(text.match(/\{\d+\}/g) ?? [])].sort();
}

/**
 * The French typography used everywhere: guillemets « » with non-breaking spaces inside (never "…"), a
 * non-breaking space before : ; ? ! (a space that cannot break the mark onto the next line), straight
 * apostrophes. `Partner Center: …` is exempt: it names a command or setting exactly as VS Code prints it.
 */
function typographyProblems(french: string): string[] {
  const problems: string[] = [];
  const prose = french.replace(/Partner Center: /g, '');
  if (prose.includes('"')) problems.push('uses " instead of « »');
  if (/«(?!\u00a0)|(?<!\u00a0)»/.test(prose)) problems.push('« » without non-breaking spaces inside');
  if (/(?<!\u00a0)[:;?!](?=\s|$)/.test(prose)) problems.push('no non-breaking space before : ; ? or !');
  if (prose.includes('\u2019')) problems.push('uses ’ instead of a straight apostrophe');
  return problems;
}

/** Every problem of a French table against its English one, one line each. */
function translationProblems(english: Strings, french: Strings): string[] {
  const problems: string[] = [];
  for (const [key, source] of Object.entries(english)) {
    const target = french[key];
    const name = JSON.stringify(key);
    if (target === undefined) {
      problems.push(`${name}: no French entry`);
      continue;
    }
    if (!target.trim()) problems.push(`${name}: empty`);
    else if (target === source && /\p{L}/u.test(source) && !SAME_IN_FRENCH.has(source)) problems.push(`${name}: still English`);
    const [want, got] = [placeholders(source), placeholders(target)];
    if (want.join() !== got.join()) problems.push(`${name}: placeholders ${got.join(' ') || 'none'}, expected ${want.join(' ') || 'none'}`);
    for (const problem of typographyProblems(target)) problems.push(`${name}: ${problem}`);
  }
  for (const key of Object.keys(french)) if (!Object.hasOwn(english, key)) problems.push(`${JSON.stringify(key)}: stale (no such English string)`);
  return problems;
}

/** Every `%key%` the manifest uses. */
function manifestKeys(value: unknown, found = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    const match = /^%(.+)%$/.exec(value);
    if (match?.[1]) found.add(match[1]);
  } else if (value && typeof value === 'object') {
    for (const child of Object.values(value)) manifestKeys(child, found);
  }
  return found;
}

function assertNone(problems: string[], what: string): void {
  if (problems.length) assert.fail(`${what}:\n  ${problems.join('\n  ')}`);
}

describe('French localization', function () {
  this.timeout(20_000); // the extractor loads its parsers on first use

  let extracted: Strings;
  before(async () => {
    extracted = await extractedMessages();
  });

  describe('the manifest (package.nls.json)', () => {
    const english = readJson('package.nls.json');
    const used = manifestKeys(readJson('package.json'));

    it('defines every %key% package.json uses, and only those', () => {
      assertNone([...used].filter((key) => !Object.hasOwn(english, key)).map((key) => `%${key}% is not in package.nls.json`), 'missing');
      assertNone(Object.keys(english).filter((key) => !used.has(key)).map((key) => `${key} is not used by package.json`), 'unused');
    });

    it('has a French entry for every key (package.nls.fr.json), with the same placeholders and French typography', () => {
      assertNone(translationProblems(english, readJson('package.nls.fr.json')), 'package.nls.fr.json');
    });
  });

  describe('the strings of the code (l10n.t, vscode.l10n.t)', () => {
    it('are all string literals the extractor finds', () => {
      assert.ok(Object.keys(extracted).length > 0, 'the extractor found no string at all in src/');
      assertNone(callsTheExtractorCannotSee(extracted), 'src/');
    });

    it('are exported in l10n/bundle.l10n.json (run `npm run l10n:export` after changing one)', () => {
      const exported = readJson('l10n/bundle.l10n.json');
      assertNone(
        [
          ...Object.keys(extracted).filter((key) => exported[key] !== extracted[key]).map((key) => `missing: ${JSON.stringify(key)}`),
          ...Object.keys(exported).filter((key) => !Object.hasOwn(extracted, key)).map((key) => `stale: ${JSON.stringify(key)}`),
        ],
        'l10n/bundle.l10n.json is not what `npm run l10n:export` writes',
      );
    });

    it('each have a French entry (l10n/bundle.l10n.fr.json), with the same placeholders and French typography', () => {
      assertNone(translationProblems(extracted, readJson('l10n/bundle.l10n.fr.json')), 'l10n/bundle.l10n.fr.json');
    });
  });
});
