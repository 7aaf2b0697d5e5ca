/**
 * User text in Adaptive Cards. TextBlock and FactSet render a Markdown subset
 * and expand `{{DATE(...)}}` / `{{TIME(...)}}` functions, so a topic such as
 * "[click](https://evil)" or "{{DATE(2030-01-01T00:00:00Z)}}" would become a
 * link or a rewritten date. Every builder passes user text through `cardText`
 * (Markdown-rendered fields) or `plainCardText` (fields shown verbatim, such as
 * input values and choice titles) and nothing else.
 *
 * Escaping is CommonMark's backslash escape, which Teams and the JS renderer
 * (with markdown-it) both honour for ASCII punctuation.
 */

/** Characters that start or end Markdown constructs anywhere in a line. */
const INLINE_SPECIALS = /[\\`*_{}[\]()#<>&!~|]/g;

/** Collapse control characters (not newlines) that some renderers show as boxes or treat as breaks. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u2028\u2029]/g;

/** Lines are kept (as paragraphs: a single newline is not a break in every host). */
export function cardText(input: string): string {
  return normaliseLines(input)
    .map((line) => escapeLine(line))
    .join('\n\n');
}

/** For a single-line field (a topic title): newlines become spaces. */
export function cardTextInline(input: string): string {
  return cardText(input.replace(/\s*[\r\n]+\s*/g, ' '));
}

/**
 * For properties that are not Markdown (input values, placeholders, choice
 * titles): control characters removed, and the date-function syntax defused
 * because some hosts expand it in every string.
 */
export function plainCardText(input: string): string {
  return input.replace(CONTROL, ' ').replace(/\{\{/g, '{\u200B{');
}

function normaliseLines(input: string): string[] {
  return input
    .replace(CONTROL, ' ')
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function escapeLine(line: string): string {
  const escaped = line.replace(INLINE_SPECIALS, (ch) => `\\${ch}`);
  // '*', '#' and '>' are escaped everywhere above; '-', '+' and "1." only make a
  // block (list item) at the start of a line, so only there are they escaped.
  return escaped.replace(/^(\s*)([-+])/, '$1\\$2').replace(/^(\s*)(\d+)([.)])/, '$1$2\\$3');
}
