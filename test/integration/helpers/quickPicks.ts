// The extension's quick picks, as a user meets them from the palette. The tests share the extension's `vscode`
// API object, so wrapping `createQuickPick` hands the test each quick pick the extension makes (typing is setting
// its value: the workbench sends it back as onDidChangeValue, as it does for keys), and wrapping `showQuickPick`
// lets the test answer a simple pick the way the user would.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { waitFor } from './waitFor';

interface Window { createQuickPick: typeof vscode.window.createQuickPick; showQuickPick: typeof vscode.window.showQuickPick }

/** A search row of the extension: a customer (`choice`) or a message (no choice). */
export type PickItem = vscode.QuickPickItem & { readonly choice?: { readonly kind: string } };

export interface CaughtQuickPicks {
  /** The quick pick the extension made most recently, once it has made one. */
  next(): Promise<vscode.QuickPick<PickItem>>;
  restore(): void;
}

/** Hands the test every quick pick the extension creates from now on; `restore()` puts the original back. */
export function catchQuickPicks(): CaughtQuickPicks {
  const window = vscode.window as unknown as Window;
  const original = window.createQuickPick;
  let latest: vscode.QuickPick<PickItem> | undefined;
  window.createQuickPick = (() => (latest = original.call(vscode.window) as vscode.QuickPick<PickItem>)) as typeof original;
  return {
    next: () => waitFor('a quick pick', () => latest),
    restore: () => {
      window.createQuickPick = original;
    },
  };
}

/** Types `text` into a search quick pick and resolves with the rows it shows once the search has answered. */
export async function typeInto(pick: vscode.QuickPick<PickItem>, text: string): Promise<readonly PickItem[]> {
  const previous = pick.items;
  pick.value = text;
  return waitFor(`the rows for "${text}"`, () => (pick.items !== previous && !pick.busy && pick.items.length ? pick.items : undefined));
}

/**
 * Moves to `item` with the quick pick's own "next" key (the workbench owns which row is active: setting
 * `activeItems` from here is not what Enter acts on), presses Enter, and resolves once the extension's own accept
 * handler has run.
 */
export async function accept(pick: vscode.QuickPick<PickItem>, item: PickItem): Promise<void> {
  let moves = 0;
  const moved = pick.onDidChangeActive(() => moves++);
  // Listeners run in the order they were added: this one runs after the extension's.
  let acceptedCount = 0;
  const accepted = pick.onDidAccept(() => acceptedCount++);
  try {
    await waitFor('an active row', () => (pick.activeItems.length ? true : undefined));
    for (let step = 0; pick.activeItems[0] !== item; step++) {
      assert.ok(step < pick.items.length, `"${item.label}" never became the active row`);
      const before = moves;
      await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
      await waitFor('the next row to be active', () => (moves > before ? true : undefined));
    }
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    await waitFor('the accept to be handled', () => (acceptedCount > 0 ? true : undefined));
  } finally {
    moved.dispose();
    accepted.dispose();
  }
}

/** Answers the next `showQuickPick` with the item `choose` picks (undefined: the user dismisses it). */
export function answerQuickPick<T extends vscode.QuickPickItem>(
  choose: (items: readonly T[]) => T | undefined,
): { readonly offered: Promise<readonly T[]>; restore(): void } {
  const window = vscode.window as unknown as Window;
  const original = window.showQuickPick;
  let offer!: (items: readonly T[]) => void;
  const offered = new Promise<readonly T[]>((resolve) => (offer = resolve));
  window.showQuickPick = (async (items: readonly T[] | Thenable<readonly T[]>) => {
    window.showQuickPick = original;
    const shown = await items;
    offer(shown);
    return choose(shown);
  }) as unknown as typeof original;
  return { offered, restore: () => (window.showQuickPick = original) };
}
