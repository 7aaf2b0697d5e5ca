import type { Series } from './entities.js';

/**
 * Membership follows the Teams chat. The two members of a 1:1 stay its
 * manager and report, but one who leaves the chat loses access until they
 * are back, and while the chat is anything other than exactly these two
 * people the bot holds back everything with shared content (summaries,
 * prompts), and the panel says why.
 */

/** A member of the series who is still in its chat: the only people who may read or change it. */
export function isActiveMember(series: Pick<Series, 'members' | 'leftChat'>, userId: string): boolean {
  return series.members.some((m) => m.userId === userId) && !(series.leftChat ?? []).includes(userId);
}

/** Whether the chat's people (Entra object ids, bots excluded) are exactly the series' two members. */
export function chatIsTheOneOnOne(series: Pick<Series, 'members'>, chatUserIds: readonly string[]): boolean {
  const people = new Set(chatUserIds);
  return people.size === 2 && series.members.every((m) => people.has(m.userId));
}

/**
 * The series as the chat's current people make it. Answers the same object
 * when nothing changes, so replaying a Teams update writes nothing.
 */
export function followChat(series: Series, chatUserIds: readonly string[], now: Date): Series {
  const people = new Set(chatUserIds);
  const leftChat = series.members.filter((m) => !people.has(m.userId)).map((m) => m.userId);
  const sharingPaused = chatIsTheOneOnOne(series, chatUserIds)
    ? undefined
    : {
        code: 'chat_not_one_on_one' as const,
        message: pausedMessage(series, leftChat, people.size),
        since: now.toISOString(),
      };
  const sameLeft = JSON.stringify(leftChat) === JSON.stringify(series.leftChat ?? []);
  const samePause = sharingPaused?.message === series.sharingPaused?.message;
  if (sameLeft && samePause) return series;
  const { leftChat: _left, sharingPaused: _paused, ...rest } = series;
  return {
    ...rest,
    ...(leftChat.length > 0 ? { leftChat } : {}),
    ...(sharingPaused
      ? {
          sharingPaused: series.sharingPaused ? { ...sharingPaused, since: series.sharingPaused.since } : sharingPaused,
        }
      : {}),
  };
}

function pausedMessage(series: Pick<Series, 'members'>, leftChat: readonly string[], chatSize: number): string {
  const hold =
    'so the bot holds back the summary and the pre-meeting prompt until the chat is just the two of you again.';
  if (leftChat.length > 0) {
    const names = series.members.filter((m) => leftChat.includes(m.userId)).map((m) => m.name);
    return `${names.join(' and ')} left the meeting chat: this 1:1 is closed to them, ${hold}`;
  }
  return `The meeting chat now has ${chatSize} people, ${hold}`;
}
