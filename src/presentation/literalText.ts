import { escapeIconSyntax } from './escaping';

// Customer data and server text in notifications, quick pick rows and status bar messages.
//
// VS Code's notifications (and progress notifications) turn `[label](command:…)`, `[label](https://…)` and
// `[label](file:…)` into links and `$(name)` into icons; quick picks and the status bar render icons. A company
// named `[Click me](command:partnerCenter.signOut)` would otherwise be a button that runs a command. Those
// links have no escape syntax, so the `](` that every link needs is split by an invisible WORD JOINER: the text
// reads the same, and no link can form.

const WORD_JOINER = '\u2060';

/** `text` made to show as typed wherever VS Code renders links or icons in plain message strings. */
export function literalText(text: string): string {
  return escapeIconSyntax(text).replace(/\]\(/g, `]${WORD_JOINER}(`);
}
