import { Badge, Button, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import {
  ArrowDownRegular,
  ArrowUndoRegular,
  ArrowUpRegular,
  CalendarArrowRightRegular,
  CheckmarkRegular,
  EditRegular,
} from '@fluentui/react-icons';
import { useId, useRef, useState, type KeyboardEvent, type Ref } from 'react';
import type { Topic } from '../../../../domain/entities.js';
import { memberName } from '../../store/selectors.js';
import { useSeriesView } from '../SeriesContext.js';
import { categoryOf, STATUS_LABELS } from './categories.js';
import { TopicTextEditor } from './TopicTextEditor.js';

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
  text: { overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' },
  closedText: { color: tokens.colorNeutralForeground3 },
  meta: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  by: { color: tokens.colorNeutralForeground2 },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXXS },
});

interface TopicItemProps {
  ref: Ref<HTMLLIElement>;
  topic: Topic;
  isFirst: boolean;
  isLast: boolean;
  onMove(direction: -1 | 1, control: MoveControl): void;
}

/** One topic: what it is, who raised it, where it stands, and what either person can do with it. */
export function TopicItem({ ref, topic, isFirst, isLast, onMove }: TopicItemProps) {
  const styles = useStyles();
  const { actions, series } = useSeriesView();
  const [editing, setEditing] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const metaId = useId();
  const category = categoryOf(topic.category);
  const closed = topic.status !== 'open';
  const quoted = `“${topic.text}”`;

  const onKeyDown = (event: KeyboardEvent<HTMLLIElement>) => {
    if (!event.altKey || editing) return;
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
      className={mergeClasses(styles.item, closed && styles.closed)}
      onKeyDown={onKeyDown}
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
        <Text className={mergeClasses(styles.text, closed && styles.closedText)}>{topic.text}</Text>
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
        {topic.carriedOverCount > 0 && (
          <Badge appearance="outline" color="informative" size="small">
            Carried over
          </Badge>
        )}
        <Text size={200} className={styles.by}>
          {`by ${memberName(series, topic.addedBy)}`}
        </Text>
      </div>
      <div className={styles.toolbar}>
        {closed ? (
          <Button
            size="small"
            appearance="subtle"
            icon={<ArrowUndoRegular />}
            aria-label={`Reopen ${quoted}`}
            title="Reopen"
            onClick={() => void actions.setTopicStatus(topic.id, 'open')}
          />
        ) : (
          <>
            <Button
              size="small"
              appearance="subtle"
              icon={<CheckmarkRegular />}
              aria-label={`Mark ${quoted} discussed`}
              title="Mark discussed"
              onClick={() => void actions.setTopicStatus(topic.id, 'discussed')}
            />
            <Button
              size="small"
              appearance="subtle"
              icon={<CalendarArrowRightRegular />}
              aria-label={`Defer ${quoted}`}
              title="Defer to next meeting"
              onClick={() => void actions.setTopicStatus(topic.id, 'deferred')}
            />
          </>
        )}
        <Button
          ref={editButton}
          size="small"
          appearance="subtle"
          icon={<EditRegular />}
          aria-label={`Edit ${quoted}`}
          title="Edit text"
          disabled={editing}
          onClick={() => setEditing(true)}
        />
        <Button
          size="small"
          appearance="subtle"
          icon={<ArrowUpRegular />}
          aria-label={`Move ${quoted} up`}
          title="Move up (Alt+↑)"
          data-move="up"
          disabled={isFirst}
          onClick={() => onMove(-1, 'up')}
        />
        <Button
          size="small"
          appearance="subtle"
          icon={<ArrowDownRegular />}
          aria-label={`Move ${quoted} down`}
          title="Move down (Alt+↓)"
          data-move="down"
          disabled={isLast}
          onClick={() => onMove(1, 'down')}
        />
      </div>
    </li>
  );
}
