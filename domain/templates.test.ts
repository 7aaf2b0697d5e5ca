import { describe, expect, it } from 'vitest';
import { agendaOf } from './agenda.js';
import { RecordId, TEXT_LIMITS, Topic as TopicSchema } from './entities.js';
import { Forbidden, Invalid } from './errors.js';
import { TEMPLATE_LIST, TEMPLATES, TemplateId, topicsFromTemplate } from './templates.js';
import type { TemplateContext } from './templates.js';
import { aSeries, aTopic, MANAGER, REPORT } from './testFactories.js';

const now = new Date('2026-03-25T12:00:00.000Z');
const context = (overrides: Partial<TemplateContext> = {}): TemplateContext => ({
  series: aSeries(),
  agenda: [],
  addedBy: REPORT.userId,
  meetingId: 'm-1',
  now,
  ...overrides,
});

describe('the templates', () => {
  it('are the four kinds of 1:1, each with 3 to 6 distinct topics that fit a topic', () => {
    expect(TemplateId.options).toEqual([
      'first-one-on-one',
      'regular-check-in',
      'career-conversation',
      'quarterly-goals',
    ]);
    expect(TEMPLATE_LIST.map((t) => t.id)).toEqual(TemplateId.options);
    for (const template of TEMPLATE_LIST) {
      expect(template.topics.length, template.id).toBeGreaterThanOrEqual(3);
      expect(template.topics.length, template.id).toBeLessThanOrEqual(6);
      expect(new Set(template.topics.map((t) => t.text)).size).toBe(template.topics.length);
      for (const topic of template.topics) {
        expect(topic.text.length).toBeLessThanOrEqual(TEXT_LIMITS.topic);
        expect(topic.text.endsWith('?'), topic.text).toBe(true);
      }
    }
  });

  it('every template except the career one mixes work with the person; the career one is about growth', () => {
    for (const template of TEMPLATE_LIST) {
      const categories = new Set(template.topics.map((t) => t.category));
      if (template.id === 'career-conversation') expect(categories.has('growth')).toBe(true);
      else expect(categories.size, template.id).toBeGreaterThanOrEqual(3);
    }
  });

  it('the id enum validates API input', () => {
    expect(TemplateId.safeParse('regular-check-in').success).toBe(true);
    expect(TemplateId.safeParse('weekly').success).toBe(false);
  });
});

describe('applying a template', () => {
  it('adds the template’s topics as valid open topics by the person who applied it', () => {
    const topics = topicsFromTemplate('regular-check-in', context({ addedBy: MANAGER.userId }));
    expect(topics.map((t) => t.text)).toEqual(TEMPLATES['regular-check-in'].topics.map((t) => t.text));
    for (const topic of topics) {
      expect(TopicSchema.safeParse(topic).success).toBe(true);
      expect(topic).toMatchObject({
        meetingId: 'm-1',
        seriesId: 's-1',
        addedBy: MANAGER.userId,
        status: 'open',
        carriedOverCount: 0,
        version: 1,
        createdAt: now.toISOString(),
      });
      expect(topic.originId).toBe(topic.id);
    }
    expect(topics[0]!.id).toBe('m-1~tpl~regular-check-in~0');
  });

  it('appends after the current agenda, in the template’s order', () => {
    const agenda = [
      aTopic({ id: 'a', meetingId: 'm-1', order: 'V' }),
      aTopic({ id: 'b', meetingId: 'm-1', order: 'x' }),
    ];
    const added = topicsFromTemplate('career-conversation', context({ agenda }));
    const all = agendaOf([...agenda, ...added], 'm-1');
    expect(all.map((t) => t.id)).toEqual(['a', 'b', ...added.map((t) => t.id)]);
  });

  it('applying twice adds nothing the second time', () => {
    const first = topicsFromTemplate('first-one-on-one', context());
    expect(topicsFromTemplate('first-one-on-one', context({ agenda: first }))).toEqual([]);
  });

  it('skips texts already on the agenda, however they were typed', () => {
    const agenda = [aTopic({ id: 'mine', meetingId: 'm-1', text: '  where do you WANT to grow ' })];
    const added = topicsFromTemplate('career-conversation', context({ agenda }));
    expect(added.map((t) => t.text)).not.toContain('Where do you want to grow?');
    expect(added).toHaveLength(TEMPLATES['career-conversation'].topics.length - 1);
  });

  it('does not bring back a templated topic someone deleted', () => {
    const [first, ...rest] = topicsFromTemplate('regular-check-in', context());
    const agenda = [{ ...first!, deletedAt: now.toISOString() }, ...rest];
    expect(topicsFromTemplate('regular-check-in', context({ agenda }))).toEqual([]);
  });

  it('ignores topics of other meetings', () => {
    const elsewhere = topicsFromTemplate('regular-check-in', context({ meetingId: 'm-0' }));
    expect(topicsFromTemplate('regular-check-in', context({ agenda: elsewhere }))).toHaveLength(elsewhere.length);
  });

  it('uses the caller’s ids when given, and keeps derived ids valid for long meeting ids', () => {
    const custom = topicsFromTemplate('quarterly-goals', context({ idFor: (i) => `client-${i}` }));
    expect(custom.map((t) => t.id)).toEqual(custom.map((_, i) => `client-${i}`));
    const long = topicsFromTemplate('quarterly-goals', context({ meetingId: 'm'.repeat(128) }));
    for (const t of long) expect(RecordId.safeParse(t.id).success).toBe(true);
    expect(new Set(long.map((t) => t.id)).size).toBe(long.length);
  });

  it('refuses someone outside the 1:1 and an unknown template', () => {
    expect(() => topicsFromTemplate('regular-check-in', context({ addedBy: 'u-stranger' }))).toThrowError(Forbidden);
    expect(() => topicsFromTemplate('weekly' as TemplateId, context())).toThrowError(Invalid);
  });
});
