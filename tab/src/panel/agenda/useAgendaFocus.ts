import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Topic } from '../../../../domain/entities.js';
import type { PanelActions } from '../../store/panelActions.js';
import type { TopicOpen } from './TopicDetails.js';

/** The "New topic" field: where focus goes when the agenda empties, and where N jumps to. */
export const NEW_TOPIC_INPUT_ID = 'new-topic-input';

type Target = { topicId: string } | 'newTopic';

/**
 * The agenda is one Tab stop (a roving tabindex): arrow keys go from topic
 * to topic, and keys act on the focused topic. After every change focus
 * lands somewhere sensible: a moved topic keeps it (reordering moves DOM
 * nodes, which drops focus), a deleted one hands it to its neighbour.
 */
export function useAgendaFocus(agenda: readonly Topic[], actions: PanelActions, pending: Record<string, unknown>) {
  const rows = useRef(new Map<string, HTMLLIElement>());
  const [activeId, setActiveId] = useState<string | null>(null);
  const [target, setTarget] = useState<Target | null>(null);
  const active = agenda.find((t) => t.id === activeId)?.id ?? agenda[0]?.id ?? null;

  useLayoutEffect(() => {
    if (!target) return;
    if (target === 'newTopic') {
      document.getElementById(NEW_TOPIC_INPUT_ID)?.focus();
      return setTarget(null);
    }
    const row = rows.current.get(target.topicId);
    if (row && !row.contains(document.activeElement)) row.focus();
    // Once the server's answer has landed, focus stays put by itself.
    if (!(target.topicId in pending)) setTarget(null);
  });

  const focusRow = (index: number) => {
    const topic = agenda[Math.max(0, Math.min(index, agenda.length - 1))];
    if (topic) rows.current.get(topic.id)?.focus();
  };

  const move = (index: number, to: 'up' | 'down' | 'top') => {
    const topic = agenda[index];
    if (!topic) return;
    const target = to === 'top' ? 0 : to === 'up' ? index - 1 : index + 1;
    if (target < 0 || target >= agenda.length || target === index) return;
    const afterId = to === 'top' ? null : to === 'up' ? (agenda[index - 2]?.id ?? null) : agenda[index + 1]!.id;
    setActiveId(topic.id);
    setTarget({ topicId: topic.id });
    void actions.moveTopic(topic.id, afterId);
  };

  const remove = (index: number) => {
    const topic = agenda[index];
    if (!topic) return;
    const neighbour = agenda[index + 1] ?? agenda[index - 1];
    setActiveId(neighbour?.id ?? null);
    setTarget(neighbour ? { topicId: neighbour.id } : 'newTopic');
    void actions.deleteTopic(topic.id);
  };

  const onKeyDown = (
    index: number,
    event: KeyboardEvent<HTMLLIElement>,
    open: TopicOpen,
    setOpen: (o: TopicOpen) => void,
  ) => {
    if (event.target !== event.currentTarget) return;
    const topic = agenda[index]!;
    const key = event.key;
    const plain = !event.altKey && !event.ctrlKey && !event.metaKey;
    let handled = true;
    if (event.altKey && (key === 'ArrowUp' || key === 'ArrowDown')) move(index, key === 'ArrowUp' ? 'up' : 'down');
    else if (plain && key === 'ArrowUp') focusRow(index - 1);
    else if (plain && key === 'ArrowDown') focusRow(index + 1);
    else if (plain && key === 'Home') focusRow(0);
    else if (plain && key === 'End') focusRow(agenda.length - 1);
    else if (plain && key === 'Enter') setOpen(open ? null : 'details');
    else if (plain && (key === 'd' || key === 'D' || key === ' '))
      void actions.setTopicStatus(topic.id, topic.status === 'discussed' ? 'open' : 'discussed');
    else if (plain && (key === 'e' || key === 'E')) setOpen('edit');
    else if (plain && (key === 'a' || key === 'A')) setOpen('actionItem');
    else if (plain && key === 'Delete') remove(index);
    else if ((event.shiftKey && key === 'F10') || key === 'ContextMenu')
      event.currentTarget.querySelector<HTMLElement>('[data-topic-menu]')?.click();
    else handled = false;
    if (handled) event.preventDefault();
  };

  const rowRef = (topicId: string) => (node: HTMLLIElement | null) => {
    if (node) rows.current.set(topicId, node);
    else rows.current.delete(topicId);
  };

  return { active, setActiveId, rowRef, move, remove, onKeyDown, forget: () => setTarget(null) };
}
