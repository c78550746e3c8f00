// Customer data is never trusted: wherever VS Code interprets text, it is escaped so it shows as typed.

/**
 * Makes any text literal inside Markdown: every ASCII punctuation character is backslash-escaped (CommonMark
 * lets any of them be), so markup, links, HTML, entities and `$(icon)` syntax show as the literal text; line
 * breaks and runs of spaces become one space.
 */
export function escapeMarkdown(text: string): string {
  return text.replace(/\s+/g, ' ').replace(/[!-/:-@[-`{-~]/g, '\\$&');
}

/** Quick pick labels and status bar texts draw `$(name)` as an icon; `\$(name)` shows as typed. */
export function escapeIconSyntax(text: string): string {
  return text.replace(/\$\(/g, '\\$(');
}
