import { Badge, makeStyles, mergeClasses, Spinner, Text, tokens } from '@fluentui/react-components';
import { ReOrderDotsVerticalRegular } from '@fluentui/react-icons';
import { Suspense, useId, useRef, useState, type HTMLAttributes, type KeyboardEvent, type Ref } from 'react';
import type { Topic } from '../../../../domain/entities.js';
import { memberName } from '../../store/selectors.js';
import { CarriedOverBadge, DecisionPrompt } from '../decisions/TopicFlags.js';
import { AddActionItemForm, TopicNotes } from '../lazySections.js';
import { useSeriesView } from '../SeriesContext.js';
import { categoryOf, STATUS_LABELS } from './categories.js';
import { TopicTextEditor } from './TopicTextEditor.js';
import { TopicToolbar, type TopicPanel } from './TopicToolbar.js';

export type MoveControl = 'item' | 'up' | 'down';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  closed: { backgroundColor: tokens.colorNeutralBackground2 },
  dropBefore: { boxShadow: `0 calc(-1 * ${tokens.strokeWidthThickest}) 0 0 ${tokens.colorBrandStroke1}` },
  dropAfter: { boxShadow: `0 ${tokens.strokeWidthThickest} 0 0 ${tokens.colorBrandStroke1}` },
  dragging: { opacity: 0.5 },
  top: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalXS },
  handle: { cursor: 'grab', color: tokens.colorNeutralForeground3, flexShrink: 0, paddingTop: '2px' },
  text: { overflowWrap: 'anywhere', whiteSpace: 'pre-wrap', flexGrow: 1, minWidth: 0 },
  closedText: { color: tokens.colorNeutralForeground3 },
  meta: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  by: { color: tokens.colorNeutralForeground2 },
});

export interface DragState {
  dragging: boolean;
  drop: 'before' | 'after' | null;
  handle: HTMLAttributes<HTMLSpanElement>;
  item: HTMLAttributes<HTMLLIElement>;
}

interface TopicItemProps {
  ref: Ref<HTMLLIElement>;
  topic: Topic;
  isFirst: boolean;
  isLast: boolean;
  drag: DragState;
  onMove(direction: -1 | 1, control: MoveControl): void;
}

/** One topic: what it is, who raised it, where it stands, and what either person can do with it. */
export function TopicItem({ ref, topic, isFirst, isLast, drag, onMove }: TopicItemProps) {
  const styles = useStyles();
  const { actions, series } = useSeriesView();
  const [editing, setEditing] = useState(false);
  const [open, setOpen] = useState<TopicPanel>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const metaId = useId();
  const category = categoryOf(topic.category);
  const closed = topic.status !== 'open';
  const quoted = `“${topic.text}”`;

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (!event.altKey || editing || event.target !== event.currentTarget) return;
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
    event.preventDefault();
    onMove(event.key === 'ArrowUp' ? -1 : 1, 'item');
  };

  const stopEditing = () => {
    setEditing(false);
    requestAnimationFrame(() => editButton.current?.focus());
  };

  return (
    <li
      ref={ref}
      tabIndex={0}
      aria-label={topic.text}
      aria-describedby={metaId}
      aria-keyshortcuts="Alt+ArrowUp Alt+ArrowDown"
      className={mergeClasses(
        styles.item,
        closed && styles.closed,
        drag.dragging && styles.dragging,
        drag.drop === 'before' && styles.dropBefore,
        drag.drop === 'after' && styles.dropAfter,
      )}
      onKeyDown={onKeyDown}
      {...drag.item}
    >
      {editing ? (
        <TopicTextEditor
          initialText={topic.text}
          onSave={async (text) => {
            if (await actions.editTopicText(topic.id, text)) stopEditing();
          }}
          onCancel={stopEditing}
        />
      ) : (
        <div className={styles.top}>
          {/* Mouse-only affordance; keyboard users move topics with the buttons or Alt+Arrow. */}
          <span className={styles.handle} title="Drag to reorder" aria-hidden {...drag.handle}>
            <ReOrderDotsVerticalRegular />
          </span>
          <Text className={mergeClasses(styles.text, closed && styles.closedText)}>{topic.text}</Text>
        </div>
      )}
      <div className={styles.meta} id={metaId}>
        <Badge appearance="tint" color={category.color} size="small">
          {category.label}
        </Badge>
        {closed && (
          <Badge appearance="outline" color={topic.status === 'discussed' ? 'success' : 'warning'} size="small">
            {STATUS_LABELS[topic.status]}
          </Badge>
        )}
        <CarriedOverBadge topic={topic} />
        <Text size={200} className={styles.by}>
          {`by ${memberName(series, topic.addedBy)}`}
        </Text>
      </div>
      <DecisionPrompt topic={topic} quoted={quoted} />
      <TopicToolbar
        topic={topic}
        quoted={quoted}
        editing={editing}
        editButton={editButton}
        isFirst={isFirst}
        isLast={isLast}
        open={open}
        onEdit={() => setEditing(true)}
        onMove={onMove}
        onToggle={(panel) => setOpen((current) => (current === panel ? null : panel))}
      />
      {open !== null && (
        <Suspense fallback={<Spinner size="tiny" label="Opening…" />}>
          {open === 'notes' ? (
            <TopicNotes topic={topic} />
          ) : (
            <AddActionItemForm topic={topic} onAdded={() => setOpen(null)} />
          )}
        </Suspense>
      )}
    </li>
  );
}
