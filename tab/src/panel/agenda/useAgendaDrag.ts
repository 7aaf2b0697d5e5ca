import { useState, type DragEvent, type HTMLAttributes } from 'react';
import type { Topic } from '../../../../domain/entities.js';

export interface DragState {
  dragging: boolean;
  drop: 'before' | 'after' | null;
  handle: HTMLAttributes<HTMLSpanElement>;
  item: HTMLAttributes<HTMLLIElement>;
}

interface DropTarget {
  topicId: string;
  drop: 'before' | 'after';
}

/**
 * Reordering with the mouse (native HTML5 drag and drop): a topic is picked
 * up by its handle and dropped before or after another, depending on which
 * half of that topic the pointer is over. The drop becomes the same
 * "move after" request the buttons and Alt+Arrow keys send.
 */
export function useAgendaDrag(agenda: readonly Topic[], move: (topicId: string, afterId: string | null) => void) {
  const [dragged, setDragged] = useState<string | null>(null);
  const [target, setTarget] = useState<DropTarget | null>(null);

  const reset = () => {
    setDragged(null);
    setTarget(null);
  };

  const dropAt = (topicId: string, drop: DropTarget['drop']) => {
    if (!dragged || dragged === topicId) return;
    const others = agenda.filter((t) => t.id !== dragged);
    const index = others.findIndex((t) => t.id === topicId);
    const afterId = drop === 'after' ? topicId : (others[index - 1]?.id ?? null);
    const current = agenda.findIndex((t) => t.id === dragged);
    const currentAfter = agenda[current - 1]?.id ?? null;
    if (afterId !== currentAfter) move(dragged, afterId);
  };

  return (topic: Topic): DragState => ({
    dragging: dragged === topic.id,
    drop: dragged && dragged !== topic.id && target?.topicId === topic.id ? target.drop : null,
    handle: {
      draggable: true,
      onDragStart: (event: DragEvent<HTMLSpanElement>) => {
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', topic.text);
        const item = event.currentTarget.closest('li');
        if (item) event.dataTransfer.setDragImage(item, 16, 16);
        setDragged(topic.id);
      },
      onDragEnd: reset,
    },
    item: {
      onDragOver: (event: DragEvent<HTMLLIElement>) => {
        if (!dragged) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'move';
        const box = event.currentTarget.getBoundingClientRect();
        const drop = event.clientY < box.top + box.height / 2 ? 'before' : 'after';
        if (target?.topicId !== topic.id || target.drop !== drop) setTarget({ topicId: topic.id, drop });
      },
      onDrop: (event: DragEvent<HTMLLIElement>) => {
        event.preventDefault();
        const box = event.currentTarget.getBoundingClientRect();
        dropAt(topic.id, event.clientY < box.top + box.height / 2 ? 'before' : 'after');
        reset();
      },
    },
  });
}
