import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { cardText, cardTextInline, plainCardText } from '../../bot/src/cards/text.js';

// Teams renders TextBlock text as a CommonMark subset; markdown-it (what the
// local page's Adaptive Cards renderer uses) stands in for it here. HTML is off
// in both, so "<b>" must come out as text too.
const markdown = new MarkdownIt({ html: false, linkify: false });

function rendered(text: string): string {
  return markdown.renderInline(text);
}

function asHtmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const hostile = [
  '[click me](https://evil.example)',
  '![img](https://evil.example/x.png)',
  '**bold** and __bold__ and *it* and _it_',
  '# heading',
  '> quoted',
  '- bullet',
  '+ bullet',
  '* bullet',
  '1. numbered',
  '2) numbered',
  '`code` and ```fence```',
  '<b>html</b> & &amp; &#60;',
  '~~strike~~',
  'back\\slash \\[still text\\]',
  '<https://autolink.example>',
  'a | table | row',
];

describe('user text on cards', () => {
  it.each(hostile)('shows %j as the same text, not as Markdown', (input) => {
    expect(rendered(cardText(input))).toBe(asHtmlText(input));
  });

  it('defuses the date and time functions so a topic cannot rewrite itself into a date', () => {
    const input = 'Meet on {{DATE(2030-01-01T00:00:00Z, LONG)}} at {{TIME(2030-01-01T00:00:00Z)}}';
    const escaped = cardText(input);
    expect(escaped).not.toMatch(/\{\{(DATE|TIME)\(/);
    expect(rendered(escaped)).toBe(asHtmlText(input));
  });

  it('keeps the lines of a multi-line note as paragraphs and escapes list markers on each line', () => {
    const escaped = cardText('first line\n- not a list\n\n\n3. not numbered');
    expect(markdown.render(escaped)).toBe('<p>first line</p>\n<p>- not a list</p>\n<p>3. not numbered</p>\n');
  });

  it('puts a one-line field on one line', () => {
    expect(cardTextInline('a topic\nwith - a break')).toBe('a topic with - a break');
  });

  it('leaves ordinary punctuation in the middle of a sentence alone', () => {
    expect(cardText('Q3 plans - budget, hiring. Done?')).toBe('Q3 plans - budget, hiring. Done?');
  });

  it('removes control characters and breaks the function syntax in plain fields', () => {
    const plain = plainCardText('a\u0007b {{DATE(2030-01-01T00:00:00Z)}}');
    expect(plain).not.toContain('\u0007');
    expect(plain).not.toMatch(/\{\{DATE/);
  });
});
