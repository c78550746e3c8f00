import assert from 'node:assert/strict';
import { literalText } from '../../../src/presentation/literalText';

/**
 * How VS Code finds links in a notification's message (`parseLinkedText`, src/vs/base/common/linkedText.ts,
 * as shipped in code-server 4.139's workbench): the oracle the escaped text must not match.
 */
const VSCODE_LINK = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;

/** How VS Code finds `$(icon)`s in labels and messages (`renderLabelWithIcons`); group 1 is the escape. */
const VSCODE_ICON = /(\\)?\$\(([A-Za-z0-9-]+(?:~[A-Za-z0-9-]*)?)\)/g;

const links = (text: string) => [...text.matchAll(VSCODE_LINK)].map((m) => m[2]);
const icons = (text: string) => [...text.matchAll(VSCODE_ICON)].filter((m) => !m[1]).map((m) => m[2]);
/** What the user reads: the joiner is invisible. */
const read = (text: string) => text.replace(/\u2060/g, '');

describe('literalText (customer data in notifications and quick picks)', () => {
  const hostile = [
    '[Click me](command:partnerCenter.signOut)',
    'Fourth Coffee [docs](https://evil.example/x "title") and [file](file:///etc/passwd)',
    '[a]([b](command:workbench.action.quit))',
    '[[nested]](command:x) ]](( [x](COMMAND:upper)',
  ];

  it('leaves no link VS Code would make clickable, and reads the same', () => {
    for (const text of hostile) {
      assert.notDeepEqual(links(text), [], `the case itself has a link: ${text}`);
      const escaped = literalText(text);
      assert.deepEqual(links(escaped), [], escaped);
      assert.equal(read(escaped), text);
    }
  });

  it('shows $(icon) syntax as typed', () => {
    const escaped = literalText('$(zap) Relecloud $(alert~spin)');
    assert.deepEqual(icons(escaped), []);
    assert.equal(escaped, '\\$(zap) Relecloud \\$(alert~spin)');
  });

  it('changes nothing in ordinary names, brackets and parentheses included', () => {
    for (const text of ['Contoso Ltd', 'Müller & Söhne (EU) [old]', 'Société Générale d\'Électricité', '株式会社さくらクラウド', '']) {
      assert.equal(literalText(text), text);
    }
  });
});
