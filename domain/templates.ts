import { z } from 'zod/v4';
import type { MessageKey } from '../i18n/keys.js';
import type { Series, Topic, TopicCategory, UserId } from './entities.js';
import { memberOf } from './entities.js';
import { Forbidden, Invalid } from './errors.js';
import { derivedId } from './ids.js';
import { localText, type LocalText } from './localText.js';
import { compareByOrder, keysAfter } from './ordering.js';
import { normalizeText } from './textMatch.js';

/**
 * Agenda templates: a starting agenda for the common kinds of 1:1, written as
 * open-ended prompts the employee can answer in their own words. Each mixes
 * work with growth, wellbeing and feedback, so even a templated 1:1 is a
 * coaching conversation rather than a status report.
 */

export const TemplateId = z.enum(['first-one-on-one', 'regular-check-in', 'career-conversation', 'quarterly-goals']);
export type TemplateId = z.infer<typeof TemplateId>;

export interface TemplateTopic {
  text: string;
  category: TopicCategory;
}

export interface AgendaTemplate {
  id: TemplateId;
  name: string;
  description: string;
  topics: readonly TemplateTopic[];
}

export const TEMPLATES: Readonly<Record<TemplateId, AgendaTemplate>> = {
  'first-one-on-one': {
    id: 'first-one-on-one',
    name: 'First 1:1',
    description: 'Get to know each other and agree how these meetings will work.',
    topics: [
      { text: 'What are you hoping to get out of our 1:1s?', category: 'feedback' },
      { text: 'What are you working on right now, and what is getting in your way?', category: 'work' },
      { text: 'What does a good week at work look like for you?', category: 'wellbeing' },
      { text: 'How do you prefer to receive feedback: in the moment, in writing, or here?', category: 'feedback' },
      { text: 'Where do you want to grow over the next year?', category: 'growth' },
    ],
  },
  'regular-check-in': {
    id: 'regular-check-in',
    name: 'Regular check-in',
    description: 'A weekly or biweekly conversation led by the employee.',
    topics: [
      { text: 'What is on your mind this week?', category: 'work' },
      { text: 'What is the biggest obstacle you are facing right now?', category: 'work' },
      { text: 'How are you feeling about your workload and energy?', category: 'wellbeing' },
      { text: 'What did you learn recently, or want to learn next?', category: 'growth' },
      { text: 'What could I do to help you this week?', category: 'feedback' },
    ],
  },
  'career-conversation': {
    id: 'career-conversation',
    name: 'Career conversation',
    description: 'Long-term goals and development, away from this week’s tasks.',
    topics: [
      { text: 'Where do you want to grow?', category: 'growth' },
      { text: 'Which moments in your career so far made you proudest, and why?', category: 'growth' },
      { text: 'What would you like to be doing in two to three years?', category: 'growth' },
      {
        text: 'Which skills or experiences would get you there, and what could we start this quarter?',
        category: 'growth',
      },
      { text: 'How can I and the team support your development?', category: 'feedback' },
    ],
  },
  'quarterly-goals': {
    id: 'quarterly-goals',
    name: 'Quarterly goals / OKR review',
    description: 'Look back on the quarter’s goals and connect the next ones to the team’s objectives.',
    topics: [
      { text: 'Looking back on this quarter’s goals: what went well, and what did not?', category: 'work' },
      { text: 'How do your goals for next quarter connect to the team’s objectives?', category: 'work' },
      { text: 'Which personal development goal do you want to set for next quarter?', category: 'growth' },
      { text: 'How sustainable was your workload this quarter?', category: 'wellbeing' },
      { text: 'What support or resources do you need to reach your goals?', category: 'feedback' },
    ],
  },
};

export const TEMPLATE_LIST: readonly AgendaTemplate[] = TemplateId.options.map((id) => TEMPLATES[id]);

/**
 * A template's words for the reader: `domain.template.<id>.name`,
 * `.description` and `.topic.<n>` (n from 1) in the catalogs. The English
 * fields above are the source the catalog is checked against.
 */
export const templateNameText = (id: TemplateId): LocalText => localText(`domain.template.${id}.name` as MessageKey);
export const templateDescriptionText = (id: TemplateId): LocalText =>
  localText(`domain.template.${id}.description` as MessageKey);
/** The `index`-th topic (from 0, as in `topics`); the catalog counts from 1. */
export const templateTopicText = (id: TemplateId, index: number): LocalText =>
  localText(`domain.template.${id}.topic.${index + 1}` as MessageKey);

/** The id of a template's i-th topic in a meeting: the same on every apply, so applying twice adds nothing. */
export function templateTopicId(meetingId: string, templateId: TemplateId, index: number): string {
  return derivedId(meetingId, 'tpl', templateId, String(index));
}

/** The ids a template's topics get in a meeting (whether or not they were added). */
export function templateTopicIds(meetingId: string, templateId: TemplateId): string[] {
  return TEMPLATES[templateId].topics.map((_, i) => templateTopicId(meetingId, templateId, i));
}

export interface TemplateContext {
  series: Series;
  /** The meeting's topics; tombstones may be included (they keep their ids taken). */
  agenda: readonly Topic[];
  addedBy: UserId;
  meetingId: string;
  now: Date;
  /** Id of the template's i-th topic; defaults to `<meetingId>~tpl~<templateId>~<i>`. */
  idFor?: (index: number) => string;
  /**
   * The words of the i-th topic (`templateTopicText`) in the language of the
   * person applying it: the topic is their text from then on, like one they
   * typed. Defaults to the English source.
   */
  wordFor?: (text: LocalText) => string;
}

/**
 * New topics for a template, appended after the current agenda in the
 * template's order. Topics whose text is already on the agenda, or whose id
 * is already taken (applied before, or deleted since), are skipped: applying
 * a template twice adds nothing the second time, and a deleted templated
 * topic is not brought back.
 */
export function topicsFromTemplate(templateId: TemplateId, context: TemplateContext): Topic[] {
  const parsedId = TemplateId.safeParse(templateId);
  if (!parsedId.success)
    throw new Invalid(
      `Unknown agenda template "${String(templateId)}". Choose one of: ${TemplateId.options.join(', ')}.`,
    ).worded(
      localText('domain.error.template.unknown', {
        templateId: String(templateId),
        choices: TemplateId.options.join(', '),
      }),
    );
  const template = TEMPLATES[parsedId.data];
  const { series, addedBy, meetingId, now } = context;
  if (!memberOf(series, addedBy)) throw new Forbidden();

  const ofMeeting = context.agenda.filter((t) => t.meetingId === meetingId);
  const live = ofMeeting.filter((t) => !t.deletedAt).sort(compareByOrder);
  const takenIds = new Set(ofMeeting.map((t) => t.id));
  const textsThere = new Set(live.map((t) => normalizeText(t.text)));
  const idFor = context.idFor ?? ((i: number) => templateTopicId(meetingId, template.id, i));
  const wordFor = context.wordFor;

  const fresh = template.topics
    .map((topic, i) => ({
      topic: wordFor ? { ...topic, text: wordFor(templateTopicText(template.id, i)) } : topic,
      id: idFor(i),
    }))
    .filter(({ topic, id }) => !takenIds.has(id) && !textsThere.has(normalizeText(topic.text)));
  const keys = keysAfter(live.at(-1)?.order ?? null, fresh.length);
  const stamp = now.toISOString();
  return fresh.map(({ topic, id }, i) => ({
    id,
    seriesId: series.id,
    version: 1,
    createdAt: stamp,
    updatedAt: stamp,
    type: 'topic',
    meetingId,
    text: topic.text,
    category: topic.category,
    addedBy,
    order: keys[i]!,
    status: 'open',
    carriedOverCount: 0,
    originId: id,
    source: 'template',
  }));
}
