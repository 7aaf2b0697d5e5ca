import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EmulatedMember } from '../support/fakeConnector.js';
import { cardTexts, expectValidCards, startBotHarness, type BotHarness } from './harness.js';

let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness({ env: { TEAMS_APP_ID: '11111111-2222-4333-8444-555555555555' } });
});
afterAll(() => h?.stop());

/** A message to the bot in personal (1:1 with the bot) chat. */
function sayPersonally(from: EmulatedMember, text: string) {
  const conversationId = `a:personal-${from.aadObjectId}`;
  return {
    conversationId,
    response: h.chat.post(
      h.chat.activity(from, {
        type: 'message',
        text,
        conversation: { id: conversationId, conversationType: 'personal', tenantId: h.chat.tenantId },
        channelData: { tenant: { id: h.chat.tenantId } },
      }),
    ),
  };
}

describe('a message to the bot in personal chat', () => {
  it('is answered with the sender’s upcoming 1:1s and a link to My 1:1s', async () => {
    const { conversationId, response } = sayPersonally(h.chat.report, 'hi');
    expect((await response).status).toBe(200);
    const replies = h.connector.posted(conversationId);
    expect(replies).toHaveLength(1);
    const card = replies[0]!.activity.attachments?.[0]?.content;
    const texts = cardTexts(card);
    expect(texts).toContain('Your 1:1s');
    // The other person of the 1:1, with the next meeting's date for the reader's own Teams client to format.
    expect(texts.find((t) => t.startsWith('Alex Morgan: '))).toMatch(/^Alex Morgan: \{\{DATE\(/);
    expect(JSON.stringify(card)).toContain(
      '"type":"Action.OpenUrl","title":"Open My 1:1s","url":"https://teams.microsoft.com/l/entity/11111111-2222-4333-8444-555555555555/my-one-on-ones"',
    );
    expectValidCards(h.connector);
  });

  it('tells someone without a 1:1 how to start one, and lists nobody else’s', async () => {
    const stranger: EmulatedMember = {
      id: '29:stranger',
      name: 'Olivia Outsider',
      aadObjectId: `aad-stranger-${h.chat.tenantId}`,
      tenantId: h.chat.tenantId,
    };
    const { conversationId, response } = sayPersonally(stranger, 'what are my 1:1s?');
    expect((await response).status).toBe(200);
    const card = h.connector.posted(conversationId)[0]!.activity.attachments?.[0]?.content;
    expect(cardTexts(card).join(' ')).toMatch(/no 1:1s with me yet/);
    expect(JSON.stringify(card)).not.toContain('Alex Morgan');
    expect(JSON.stringify(card)).not.toContain('Sam Rivera');
  });
});

describe('adding the app as a personal app', () => {
  it('greets once with the person’s 1:1s, for the installation update and the members-added update together', async () => {
    const conversation = {
      id: `a:personal-install-${h.chat.manager.aadObjectId}`,
      conversationType: 'personal',
      tenantId: h.chat.tenantId,
    };
    const fields = { conversation, channelData: { tenant: { id: h.chat.tenantId } } };
    const install = await h.chat.post(
      h.chat.activity(h.chat.manager, { ...fields, type: 'installationUpdate', action: 'add' }),
    );
    const added = await h.chat.post(
      h.chat.activity(h.chat.manager, {
        ...fields,
        type: 'conversationUpdate',
        membersAdded: [{ id: '28:test-bot' }],
      }),
    );
    expect([install.status, added.status]).toEqual([200, 200]);
    const replies = h.connector.posted(conversation.id);
    expect(replies).toHaveLength(1);
    const texts = cardTexts(replies[0]!.activity.attachments?.[0]?.content);
    expect(texts).toContain('Your 1:1s');
    expect(texts.find((t) => t.startsWith('Sam Rivera: '))).toBeDefined();
  });
});
