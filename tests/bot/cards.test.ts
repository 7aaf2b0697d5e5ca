import { describe, expect, it } from 'vitest';
import { localText } from '../../domain/localText.js';
import { questionText } from '../../domain/questions.js';
import { adaptiveCard, textBlock } from '../../bot/src/cards/adaptiveCard.js';
import { helpCard } from '../../bot/src/cards/helpCard.js';
import { noticeCard, skippedNudgeCard } from '../../bot/src/cards/noticeCard.js';
import { promptCard, type PromptView } from '../../bot/src/cards/promptCard.js';
import { summaryCard, type SummaryView } from '../../bot/src/cards/summaryCard.js';
import { CARD_VERBS, PROMPT_INPUTS } from '../../bot/src/cards/verbs.js';
import { welcomeCard } from '../../bot/src/cards/welcomeCard.js';
import { describeProblems, validateCard } from './cardSchema.js';

const link = '[win a prize](https://evil.example)';

function promptView(overrides: Partial<PromptView> = {}): PromptView {
  return {
    seriesId: 'series-1',
    meetingId: 'meeting-2',
    promptId: 'prompt~meeting-2',
    scheduledStart: '2026-12-01T09:00:00.000Z',
    agenda: [
      { text: 'Career path', category: 'growth', addedByName: 'Riya', carriedOver: true },
      { text: link, category: 'work', addedByName: 'Max', carriedOver: false },
    ],
    openActionItems: [{ id: 'ai-1', text: 'Draft the *Q3* plan', ownerName: 'Riya', dueDate: '2026-12-03' }],
    question: questionText({ id: 'q-work-01' }),
    refreshUserIds: ['29:riya', '29:max'],
    ...overrides,
  };
}

function summaryView(overrides: Partial<SummaryView> = {}): SummaryView {
  return {
    heldAt: '2026-12-01T09:31:12.345Z',
    discussed: [
      { text: 'Career path', category: 'growth', notes: [{ authorName: 'Max', text: 'Look at the\n- staff track' }] },
    ],
    actionItems: [{ text: 'Book the course', ownerName: 'Riya', dueDate: '2026-12-15', state: 'open' }],
    carriedOver: [{ text: link }],
    nextMeeting: '2026-12-08T09:00:00Z',
    health: [
      {
        label: localText('bot.summary.health.leadership.label', { report: 'Riya (she/her)' }),
        value: localText('bot.summary.health.ofTheLast', { count: 3, total: 5 }),
      },
    ],
    narrative: 'You talked about the career path.',
    panelUrl: 'https://companion.example/panel',
    ...overrides,
  };
}

const everyCard = {
  welcome: welcomeCard({
    members: [
      { name: 'Max [admin]', role: 'manager' },
      { name: 'Riya', role: 'report' },
    ],
    nextMeeting: '2026-12-01T09:00:00Z',
    leadHours: 24,
    panelUrl: 'https://companion.example/panel',
  }),
  welcomeWithoutSchedule: welcomeCard({ members: [], leadHours: 24 }),
  help: helpCard({ hasSeries: true, nextMeeting: '2026-12-01T09:00:00Z', panelUrl: 'https://companion.example/panel' }),
  helpWithoutSeries: helpCard({ hasSeries: false }),
  prompt: promptCard(promptView()),
  promptEmpty: promptCard(
    promptView({ agenda: [], openActionItems: [], question: undefined, notice: { text: 'Nope', tone: 'error' } }),
  ),
  summary: summaryCard(summaryView()),
  summaryEmpty: summaryCard(
    summaryView({
      discussed: [],
      actionItems: [],
      carriedOver: [],
      health: [],
      narrative: undefined,
      nextMeeting: undefined,
    }),
  ),
  notice: noticeCard(`You are not a member of this 1:1. ${link}`, 'error'),
  nudge: skippedNudgeCard({ nextMeeting: '2026-12-01T09:00:00Z' }),
};

describe('cards', () => {
  it.each(Object.entries(everyCard))('the %s card is a valid Adaptive Card 1.5', (_name, card) => {
    expect(describeProblems(validateCard(card))).toBe('');
  });

  it('no card lets user text become a link', () => {
    for (const card of Object.values(everyCard)) {
      expect(JSON.stringify(card)).not.toContain('](https://evil');
    }
  });

  it('the prompt card asks for a topic and a category and adds it with the add-topic verb', () => {
    const card = promptCard(promptView());
    const json = JSON.stringify(card);
    expect(json).toContain('What would you like to talk about?');
    const inputs = card.body
      .filter((e) => e.type === 'Input.Text' || e.type === 'Input.ChoiceSet')
      .map((e) => ('id' in e ? e.id : ''));
    expect(inputs).toEqual([PROMPT_INPUTS.topicText, PROMPT_INPUTS.category]);
    expect(json).toContain(`"verb":"${CARD_VERBS.addTopic}"`);
    expect(card.refresh).toMatchObject({ action: { verb: CARD_VERBS.refreshPrompt }, userIds: ['29:riya', '29:max'] });
  });

  it('the prompt card offers to mark each open action item done without needing a topic typed', () => {
    const json = JSON.stringify(promptCard(promptView()));
    expect(json).toMatch(
      /"verb":"prompt\.completeActionItem","title":"Done","data":\{[^}]*"actionItemId":"ai-1"\},"associatedInputs":"none"/,
    );
    expect(json).toContain('Draft the \\\\*Q3\\\\* plan');
    expect(json).toContain('What is the biggest obstacle you are facing right now?');
  });

  it('the summary card shows discussed topics with their notes, action items with owner and due date, carry-overs, the next date and health', () => {
    const json = JSON.stringify(summaryCard(summaryView()));
    for (const expected of [
      'Career path (Growth)',
      'Look at the',
      '\\\\- staff track',
      'Book the course — Riya, due Tuesday, December 15, 2026',
      'Carried over to next time',
      'Next 1:1: {{DATE(2026-12-08T09:00:00Z, LONG)}} {{TIME(2026-12-08T09:00:00Z)}}',
      '{{DATE(2026-12-01T09:31:12Z, LONG)}}',
      'Topics raised by Riya \\\\(she/her\\\\)',
      '3 of the last 5',
      'You talked about the career path.',
    ]) {
      expect(json).toContain(expected);
    }
  });

  it('the summary card without an AI narrative is complete and says nothing about AI', () => {
    const json = JSON.stringify(summaryCard(summaryView({ narrative: undefined })));
    expect(json).not.toContain('AI');
    expect(json).toContain('Book the course');
  });
});

describe('the card validator', () => {
  const valid = () => adaptiveCard([textBlock('hello')]);

  it('accepts a minimal card', () => {
    expect(validateCard(valid())).toEqual([]);
  });

  it.each([
    ['a misspelt property', { type: 'TextBlock', text: 'x', wieght: 'Bolder' }, 'wieght'],
    ['an invalid enum value', { type: 'TextBlock', text: 'x', weight: 'Heavy' }, 'weight'],
    ['an unknown element', { type: 'TextBox', text: 'x' }, 'TextBox'],
    ['an input without an id', { type: 'Input.Text', label: 'Topic' }, 'Id'],
    ['a value of the wrong type', { type: 'TextBlock', text: 'x', wrap: 'yes' }, 'wrap'],
  ])('rejects %s', (_what, element, mentioned) => {
    const card = { ...valid(), body: [element] };
    const report = describeProblems(validateCard(card));
    expect(report).toContain(mentioned);
  });

  it('rejects two inputs with the same id', () => {
    const card = {
      ...valid(),
      body: [
        { type: 'Input.Text', id: 'a' },
        { type: 'Input.Text', id: 'a' },
      ],
    };
    expect(validateCard(card).length).toBeGreaterThan(0);
  });

  it('rejects a card that does not declare version 1.5', () => {
    expect(describeProblems(validateCard({ ...valid(), version: '1.2' }))).toContain('version');
  });

  it('rejects an action the schema does not know', () => {
    const card = { ...valid(), actions: [{ type: 'Action.Teleport', title: 'Go' }] };
    expect(describeProblems(validateCard(card))).toContain('Action.Teleport');
  });
});
