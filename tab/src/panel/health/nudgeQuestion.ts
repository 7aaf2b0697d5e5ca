import type { TopicCategory } from '../../../../domain/entities.js';
import { QUESTIONS } from '../../../../domain/questions.js';
import { normalizeText } from '../../../../domain/textMatch.js';

/** A nudge that quotes a question ("e.g. “Where do you want to grow?”") can add it to the agenda. */
export function questionInNudge(nudge: string): { text: string; category: TopicCategory } | null {
  const quoted = /["“]([^"”]+\?)["”]/.exec(nudge)?.[1];
  if (!quoted) return null;
  const known = QUESTIONS.find((q) => normalizeText(q.text) === normalizeText(quoted));
  return { text: quoted, category: known?.category ?? 'growth' };
}
