import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PanelState } from '../../domain/api.js';
import { TEXT_LIMITS } from '../../domain/entities.js';
import { connectPanel, eventually, seriesPath } from '../support/api.js';
import type { EmulatedMember } from '../support/fakeConnector.js';
import { devToken } from '../support/service.js';
import { topicIdFromMessage } from '../../bot/src/teams/messageExtension.js';
import { describeProblems, validateCard } from './cardSchema.js';
import { startBotHarness, type BotHarness } from './harness.js';

let h: BotHarness;

beforeAll(async () => {
  h = await startBotHarness();
});
afterAll(() => h?.stop());

const LINK = 'https://teams.microsoft.com/l/message/19:team-channel@thread.tacv2/1712345678901';

/** A message in some other chat or channel, as Teams describes it in the action's invoke. */
function messagePayload(
  content = '<p>Can we talk about the <b>on-call rota</b>?</p><p>It&#39;s getting heavy &amp; late.</p>',
) {
  return {
    id: '1712345678901',
    body: { contentType: 'html', content },
    linkToMessage: LINK,
    from: { user: { displayName: 'Dana Teammate' } },
  };
}

function invoke(from: EmulatedMember, name: string, value: Record<string, unknown>) {
  return h.chat.post(
    h.chat.activity(from, {
      type: 'invoke',
      name,
      value,
      // Started from a message elsewhere, not in the 1:1's chat.
      conversation: { id: '19:team-channel@thread.tacv2', conversationType: 'channel', tenantId: h.chat.tenantId },
    }),
  );
}

const fetchTask = (from: EmulatedMember, payload = messagePayload()) =>
  invoke(from, 'composeExtension/fetchTask', {
    commandId: 'addToAgenda',
    commandContext: 'message',
    messagePayload: payload,
  });

const submit = (from: EmulatedMember, data: Record<string, unknown>, payload = messagePayload()) =>
  invoke(from, 'composeExtension/submitAction', {
    commandId: 'addToAgenda',
    commandContext: 'message',
    messagePayload: payload,
    data,
  });

interface TaskResponse {
  task: { type: 'continue' | 'message'; value: string | { card: { content: Record<string, unknown> } } };
}

function dialogCard(body: unknown): {
  content: Record<string, unknown>;
  inputs: Record<string, Record<string, unknown>>;
} {
  const task = (body as TaskResponse).task;
  expect(task.type).toBe('continue');
  const content = (task.value as { card: { content: Record<string, unknown> } }).card.content;
  const inputs = Object.fromEntries(
    (content.body as Record<string, unknown>[]).filter((e) => typeof e.id === 'string').map((e) => [e.id as string, e]),
  );
  return { content, inputs };
}

async function state(member: EmulatedMember) {
  return PanelState.parse((await (await h.api(member)).get(`${seriesPath(h.seriesId)}/state`)).body);
}

describe('"Add to 1:1 agenda" on a message', () => {
  it('opens a dialog listing the presser’s 1:1s, with the message’s text to edit and a category', async () => {
    const response = await fetchTask(h.chat.report);
    expect(response.status).toBe(200);
    const { content, inputs } = dialogCard(response.body);
    expect(describeProblems(validateCard(content))).toBe('');
    expect((inputs.seriesId!.choices as { value: string; title: string }[]).map((c) => c.value)).toEqual([h.seriesId]);
    expect((inputs.seriesId!.choices as { title: string }[])[0]!.title).toContain('Alex Morgan');
    expect(inputs.text!.value).toBe("Can we talk about the on-call rota?\nIt's getting heavy & late.");
    expect(inputs.category!.value).toBe('work');
  });

  it('adds the edited text as a topic of the next meeting, as the presser, live in an open panel, with a link to the message', async () => {
    const token = await devToken(h.svc.service, h.chat.tenantId, {
      userId: h.chat.manager.aadObjectId,
      name: h.chat.manager.name,
    });
    const panel = await connectPanel(h.svc.url, token, h.seriesId);
    try {
      const text = 'The on-call rota is getting heavy';
      const response = await submit(h.chat.report, { seriesId: h.seriesId, category: 'wellbeing', text });
      expect(response.status).toBe(200);
      expect((response.body as TaskResponse).task).toEqual({
        type: 'message',
        value: `Added to the agenda of your next 1:1: ${text}`,
      });

      const after = await state(h.chat.manager);
      const topic = after.topics.find((t) => t.text === text)!;
      expect(topic).toMatchObject({
        category: 'wellbeing',
        addedBy: h.chat.report.aadObjectId,
        meetingId: after.series.currentMeetingId,
      });
      const note = after.sharedNotes.find((n) => n.topicId === topic.id)!;
      expect(note).toMatchObject({
        authorId: h.chat.report.aadObjectId,
        text: `From a Teams message by Dana Teammate: ${LINK}`,
      });
      await eventually(
        () => panel.records().some((r) => r.type === 'topic' && r.id === topic.id),
        'the topic live in the panel',
      );

      // The same submit again (a retry, a double click) adds nothing more.
      expect((await submit(h.chat.report, { seriesId: h.seriesId, category: 'wellbeing', text })).status).toBe(200);
      expect((await state(h.chat.manager)).topics.filter((t) => t.text === text)).toHaveLength(1);
    } finally {
      panel.close();
    }
  });

  it('a topic added from a message, then deleted, comes back with the link note when the message is added again (issue 23.1)', async () => {
    const payload = { ...messagePayload(), id: '1712345670001' };
    const first = 'Team offsite budget';
    expect((await submit(h.chat.report, { seriesId: h.seriesId, category: 'work', text: first }, payload)).status).toBe(
      200,
    );
    const topic = (await state(h.chat.report)).topics.find((t) => t.text === first)!;
    const asReport = await h.api(h.chat.report);
    expect((await asReport.delete(`${seriesPath(h.seriesId)}/topics/${encodeURIComponent(topic.id)}`)).status).toBe(
      200,
    );
    expect((await state(h.chat.report)).topics.find((t) => t.id === topic.id)?.deletedAt).toBeDefined();

    const again = 'Team offsite budget, second try';
    const response = await submit(h.chat.report, { seriesId: h.seriesId, category: 'growth', text: again }, payload);
    expect((response.body as TaskResponse).task).toEqual({
      type: 'message',
      value: `Added to the agenda of your next 1:1: ${again}`,
    });
    const after = await state(h.chat.manager);
    const back = after.topics.filter((t) => t.text === again || t.text === first);
    expect(back).toHaveLength(1);
    expect(back[0]!.deletedAt).toBeUndefined();
    expect(back[0]!.text).toBe(again);
    expect(back[0]).toMatchObject({ category: 'growth', addedBy: h.chat.report.aadObjectId });
    expect(after.sharedNotes.find((n) => n.topicId === back[0]!.id)).toMatchObject({
      text: `From a Teams message by Dana Teammate: ${LINK}`,
    });
  });

  it('the other member cannot create the message’s topic first: its id is the server’s (issue 23.2)', async () => {
    const payload = { ...messagePayload(), id: '1712345670002' };
    const before = await state(h.chat.manager);
    const id = topicIdFromMessage(payload.id, h.chat.report.aadObjectId, h.seriesId, before.series.currentMeetingId);
    const asManager = await h.api(h.chat.manager);
    const squat = await asManager.post(`${seriesPath(h.seriesId)}/topics`, {
      id,
      text: 'Words the report never wrote',
    });
    expect(squat.status).toBe(400);
    // Positive control: the same body with an id of the manager's own is accepted.
    const own = await asManager.post(`${seriesPath(h.seriesId)}/topics`, {
      id: 'c8d1f4e0-1f6b-4f0e-9f55-1d2b3c4d5e6f',
      text: 'Mine',
    });
    expect(own.status).toBe(201);

    const text = 'Moving to the platform team';
    const response = await submit(h.chat.report, { seriesId: h.seriesId, category: 'growth', text }, payload);
    expect((response.body as TaskResponse).task).toEqual({
      type: 'message',
      value: `Added to the agenda of your next 1:1: ${text}`,
    });
    const after = await state(h.chat.manager);
    expect(after.topics.find((t) => t.id === id)).toMatchObject({ text, addedBy: h.chat.report.aadObjectId });
    expect(JSON.stringify(after)).not.toContain('Words the report never wrote');
  });

  it('refuses someone who is not a member of the 1:1 and writes nothing', async () => {
    const outsider: EmulatedMember = {
      id: '29:outsider',
      name: 'Olivia Outsider',
      aadObjectId: `aad-outsider-${h.chat.tenantId}`,
      tenantId: h.chat.tenantId,
    };
    const before = (await state(h.chat.manager)).topics.length;
    // Someone with no 1:1s still gets a dialog (a bare message is no answer to opening the action), saying why.
    const fetched = dialogCard((await fetchTask(outsider)).body);
    expect(describeProblems(validateCard(fetched.content))).toBe('');
    expect(JSON.stringify(fetched.content)).toMatch(/no 1:1s yet/);
    expect(fetched.inputs).toEqual({});

    const response = await submit(outsider, { seriesId: h.seriesId, category: 'work', text: 'Salary review for Sam' });
    expect(response.status).toBe(200);
    expect((response.body as TaskResponse).task).toEqual({
      type: 'message',
      value: 'You can add topics only to the 1:1s you are part of.',
    });
    const after = await state(h.chat.manager);
    expect(after.topics).toHaveLength(before);
    expect(JSON.stringify(after)).not.toContain('Salary review');
  });

  it('shows the dialog again with the reason when the text is too long, and adds nothing', async () => {
    const before = (await state(h.chat.manager)).topics.length;
    const text = 'x'.repeat(TEXT_LIMITS.topic + 1);
    const response = await submit(h.chat.manager, { seriesId: h.seriesId, category: 'work', text });
    const { inputs, content } = dialogCard(response.body);
    expect(JSON.stringify(content)).toContain(`at most ${TEXT_LIMITS.topic} characters`);
    expect(inputs.text!.value).toBe(text);
    expect((await state(h.chat.manager)).topics).toHaveLength(before);
  });

  it('starts a long message as an editable prefill and says it was cut', async () => {
    const long = `<p>${'word '.repeat(200)}</p>`;
    const { inputs, content } = dialogCard((await fetchTask(h.chat.manager, messagePayload(long))).body);
    expect((inputs.text!.value as string).length).toBe(TEXT_LIMITS.topic);
    expect(JSON.stringify(content)).toMatch(/longer than 500 characters/);
  });
});
