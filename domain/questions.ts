import type { MessageKey } from '../i18n/keys.js';
import type { Meeting, Role, Topic, TopicCategory } from './entities.js';
import { localText, type LocalText } from './localText.js';
import { normalizeText } from './textMatch.js';

/**
 * Open-ended questions for the pre-meeting card and the panel: "go beyond
 * 'How are things going?'". Each asks for a story or a choice, not a yes/no
 * or a status update. Ids are stable (cards and analytics refer to them);
 * add new questions at the end of a category, never renumber.
 */
export interface Question {
  id: string;
  category: TopicCategory;
  /** English, as the catalog's source; readers get `questionText(question)` in their language. */
  text: string;
}

/** A question in the reader's words: catalog key `domain.question.<id>` (i18n/catalogs/<locale>/domain.json). */
export function questionText(question: Pick<Question, 'id'>): LocalText {
  return localText(`domain.question.${question.id}` as MessageKey);
}

/** A category's name in the reader's words (`domain.category.<category>`). */
export function categoryText(category: TopicCategory): LocalText {
  return localText(`domain.category.${category}` as MessageKey);
}

const bank = (category: TopicCategory, texts: readonly string[], prefix = 'q'): Question[] =>
  texts.map((text, i) => ({ id: `${prefix}-${category}-${String(i + 1).padStart(2, '0')}`, category, text }));

/** Questions a manager asks their report (addressed to "you", the report). */
export const QUESTIONS: readonly Question[] = [
  ...bank('work', [
    'What is the biggest obstacle you are facing right now?',
    'What are you working on that you are most excited about?',
    'If you could change one thing about how our team works, what would it be?',
    'Where are you spending time that does not feel worth it?',
    'Which decision are you waiting on, from me or from someone else?',
    'Which of your priorities feels least clear right now?',
    'What have you done recently that you are proud of?',
    'How does what you are working on connect to the team’s goals?',
    'What would make next week go better than this one?',
  ]),
  ...bank('growth', [
    'Where do you want to grow?',
    'Which skill would you like to build over the next six months?',
    'Which part of your work gives you the most energy?',
    'What kind of work would you like to do more of?',
    'Where do you see yourself in two years, and how can I help you get there?',
    'Who would you like to learn from, inside or outside the team?',
    'Which of your goals feels stuck, and what would get it moving?',
    'What stretch assignment would you take on if you had the chance?',
    'What have you learned recently that surprised you?',
  ]),
  ...bank('wellbeing', [
    'How are you feeling about your workload right now?',
    'What is draining your energy at the moment?',
    'How sustainable does your current pace feel?',
    'Is there anything outside work affecting you that you would like me to know about?',
    'When did you last end a workday feeling really good, and what made it so?',
    'What helps you switch off after work, and are you getting enough of it?',
    'How connected do you feel to the rest of the team?',
    'What would make your week less stressful?',
    'How is your energy this week, and what would lift it a little?',
  ]),
  ...bank('feedback', [
    'What is one thing I could do differently to support you better?',
    'What feedback have you been holding back that you would like to share with me?',
    'Is there anything I do that gets in your way?',
    'How useful are these 1:1s for you, and what would make them better?',
    'What feedback would help you most right now?',
    'What recent feedback surprised you, and what did you do with it?',
    'Whose work would you like to recognise this week?',
    'How clear is it to you how your work is evaluated?',
    'What should I start, stop or continue doing as your manager?',
  ]),
];

/**
 * Questions a report brings to their manager: the same four kinds of
 * conversation, in the report's voice ("you" is the manager). Offering a
 * report the manager's questions ("Where do you want to grow?") would have
 * them ask their manager about the manager's career.
 */
export const REPORT_QUESTIONS: readonly Question[] = [
  ...bank(
    'work',
    [
      'Which of my priorities matters most to you this month, and which could wait?',
      'Is there a decision I am waiting on that you could help unblock?',
      'How does my current work connect to what the team needs most?',
      'What is one thing I could hand off or stop doing?',
      'What would you like to see more of in my work?',
      'Is there context about the team’s plans I should know?',
      'Where am I spending time that you think is not worth it?',
    ],
    'q-r',
  ),
  ...bank(
    'growth',
    [
      'Which skill do you think I should build next?',
      'What would I need to show to take on more responsibility?',
      'Is there a stretch project I could take on this quarter?',
      'Who could I learn from, inside or outside the team?',
      'How do you see my growth over the next year?',
      'Could we set a development goal for me for the next three months?',
      'What opportunities are coming up that would help me grow?',
    ],
    'q-r',
  ),
  ...bank(
    'wellbeing',
    [
      'Can we talk about my workload and what to drop when it gets too much?',
      'How can we protect focus time on my calendar?',
      'Something is draining my energy lately; can we talk about it?',
      'How flexible can my hours be when I need it?',
      'How do you manage your own workload, and what could I borrow from that?',
      'Can we look at how sustainable my current pace is?',
      'What would help me feel more connected to the team?',
    ],
    'q-r',
  ),
  ...bank(
    'feedback',
    [
      'What is one thing I could do better, from your point of view?',
      'What feedback do you have on my recent work?',
      'Is there anything I do that makes your job harder?',
      'How would you like me to share problems: early and rough, or later and worked out?',
      'How useful are these 1:1s for you, and what would make them better?',
      'May I share some feedback with you about how we work together?',
      'How is my work evaluated, and how am I doing against that?',
    ],
    'q-r',
  ),
];

/**
 * Questions to think about, in a neutral voice: the prompt card shows its
 * question to both people, so it speaks as neither ("Which skill would be
 * worth building next…", not the manager's "…that you want to tell me
 * about?"). One per category, picked by the same gap the banks fill.
 */
export const THINKING_PROMPTS: readonly Question[] = [
  ...bank(
    'growth',
    [
      'Which skill would be worth building next, and how could the 1:1 help with it?',
      'What would a good next step in growth look like over the coming months?',
      'Which stretch project or responsibility could help growth this quarter?',
    ],
    'p',
  ),
  ...bank(
    'wellbeing',
    [
      'How sustainable does the current pace of work feel?',
      'What is draining energy lately, and what would give some back?',
      'Is the workload in balance, and what could be dropped when it gets too much?',
    ],
    'p',
  ),
  ...bank(
    'feedback',
    [
      'What feedback has been waiting to be said, in either direction?',
      'What is one thing that would make working together easier?',
      'How useful are these 1:1s, and what would make them better?',
    ],
    'p',
  ),
  ...bank(
    'work',
    [
      'Which priority feels least clear right now?',
      'What is the biggest obstacle at the moment, and who could help remove it?',
      'Which decision is waiting, and what would it take to make it?',
    ],
    'p',
  ),
];

/** A neutral question of `category` for a card both people read (catalog key `domain.prompt.<id>`). */
export function thinkingPrompt(category: TopicCategory, rotation: number): { id: string; text: LocalText } {
  const pool = THINKING_PROMPTS.filter((q) => q.category === category);
  const prompt = pool[((Math.trunc(rotation) % pool.length) + pool.length) % pool.length]!;
  return { id: prompt.id, text: localText(`domain.prompt.${prompt.id}` as MessageKey) };
}

/** The bank for the person asking: a manager's questions for their report, a report's for their manager. */
export function questionBankFor(askedBy: Role): readonly Question[] {
  return askedBy === 'report' ? REPORT_QUESTIONS : QUESTIONS;
}

export function questionById(id: string): Question | undefined {
  return QUESTIONS.find((q) => q.id === id) ?? REPORT_QUESTIONS.find((q) => q.id === id);
}

/**
 * Which gap to fill first. Growth and wellbeing lead because the mission's
 * pitfall is the status report: work topics arrive on their own, the person
 * behind them needs an invitation. Feedback comes next (it flows both ways in
 * a good 1:1); work last.
 */
const PRIORITY: readonly TopicCategory[] = ['growth', 'wellbeing', 'feedback', 'work'];
/** How far back "the series lacks X" looks: about a month of weekly 1:1s. */
export const LOOKBACK_MEETINGS = 4;

export interface SuggestedQuestion extends Question {
  /** Why this one, in words for the people in the meeting (English; readers get `reasonText`). */
  reason: string;
  reasonText: LocalText;
}

export interface SuggestQuestionInput {
  meetings: readonly Meeting[];
  topics: readonly Topic[];
  currentMeetingId: string;
  /** Rotates through a category's questions; defaults to the number of meetings so far, so each meeting gets a new one. */
  seed?: number;
  /** Whose voice: a report gets questions to bring to their manager; defaults to the manager's questions. */
  askedBy?: Role;
}

/**
 * One question chosen by what the series lacks: the first category (in
 * PRIORITY order) absent from the current agenda and the last
 * LOOKBACK_MEETINGS meetings held; when none is absent, the rarest one.
 * Never a question already on the current agenda, and preferably not one
 * asked in those recent meetings. Deterministic: the same input gives the
 * same question. Null only if every candidate is already on the agenda.
 */
export function suggestQuestion({
  meetings,
  topics,
  currentMeetingId,
  seed,
  askedBy = 'manager',
}: SuggestQuestionInput): SuggestedQuestion | null {
  const questions = questionBankFor(askedBy);
  const live = meetings.filter((m) => !m.deletedAt);
  const current = live.find((m) => m.id === currentMeetingId);
  const held = live
    .filter((m) => m.status === 'ended' && m.id !== currentMeetingId)
    .filter((m) => !current || Date.parse(m.scheduledStart) < Date.parse(current.scheduledStart))
    .sort((a, b) => Date.parse(b.scheduledStart) - Date.parse(a.scheduledStart))
    .slice(0, LOOKBACK_MEETINGS);
  const heldIds = new Set(held.map((m) => m.id));
  const liveTopics = topics.filter((t) => !t.deletedAt);
  const onAgenda = new Set(
    liveTopics.filter((t) => t.meetingId === currentMeetingId).map((t) => normalizeText(t.text)),
  );
  const recent = liveTopics.filter((t) => t.meetingId === currentMeetingId || heldIds.has(t.meetingId));
  const askedRecently = new Set(recent.map((t) => normalizeText(t.text)));

  const counts = new Map<TopicCategory, number>(PRIORITY.map((c) => [c, 0]));
  for (const t of recent) counts.set(t.category, (counts.get(t.category) ?? 0) + 1);
  // Stable sort keeps PRIORITY order among equal counts.
  const ranked = [...PRIORITY].sort((a, b) => (counts.get(a) ?? 0) - (counts.get(b) ?? 0));
  const rotation = seed ?? live.length;

  for (const category of ranked) {
    const inCategory = questions.filter((q) => q.category === category && !onAgenda.has(normalizeText(q.text)));
    const fresh = inCategory.filter((q) => !askedRecently.has(normalizeText(q.text)));
    const pool = fresh.length > 0 ? fresh : inCategory;
    if (pool.length === 0) continue;
    const question = pool[((Math.trunc(rotation) % pool.length) + pool.length) % pool.length]!;
    const count = counts.get(category) ?? 0;
    // "Least often" only when it is: a category tied with another (or all four even) is no rarer than it.
    const tied = PRIORITY.some((other) => other !== category && (counts.get(other) ?? 0) <= count);
    const kind = count === 0 ? 'absent' : tied ? 'tied' : 'rarest';
    return {
      ...question,
      reason: reasonFor(category, kind, held.length),
      reasonText: localText(`domain.question.reason.${kind}`, { category, held: held.length }),
    };
  }
  return null;
}

function reasonFor(category: TopicCategory, kind: 'absent' | 'tied' | 'rarest', heldCount: number): string {
  const where =
    heldCount === 0 ? 'on the agenda yet' : `in your last ${heldCount === 1 ? 'meeting' : `${heldCount} meetings`}`;
  if (kind === 'absent') return `No ${category} topic ${where}.`;
  const onThis = heldCount === 0 ? 'on this agenda' : where;
  if (kind === 'tied') return `${capitalise(category)} came up no more often than any other kind of topic ${onThis}.`;
  return `${capitalise(category)} came up least often ${onThis}.`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
