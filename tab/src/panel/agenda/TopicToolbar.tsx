import { Button, makeStyles, tokens } from '@fluentui/react-components';
import {
  ArrowDownRegular,
  ArrowUndoRegular,
  ArrowUpRegular,
  CalendarArrowRightRegular,
  CheckmarkRegular,
  DeleteRegular,
  EditRegular,
  NoteRegular,
  TaskListAddRegular,
} from '@fluentui/react-icons';
import type { ReactElement, Ref } from 'react';
import type { Topic } from '../../../../domain/entities.js';
import { useSeriesView } from '../SeriesContext.js';
import type { MoveControl } from './TopicItem.js';

const useStyles = makeStyles({
  toolbar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalXXS },
});

export type TopicPanel = 'notes' | 'actionItem' | null;

interface TopicToolbarProps {
  topic: Topic;
  quoted: string;
  editing: boolean;
  editButton: Ref<HTMLButtonElement>;
  isFirst: boolean;
  isLast: boolean;
  open: TopicPanel;
  onEdit(): void;
  onMove(direction: -1 | 1, control: MoveControl): void;
  onToggle(panel: Exclude<TopicPanel, null>): void;
}

/** What either person can do with a topic: close or reopen it, edit, move, delete, take notes, agree an action. */
export function TopicToolbar(props: TopicToolbarProps) {
  const { topic, quoted, editing, editButton, isFirst, isLast, open, onEdit, onMove, onToggle } = props;
  const styles = useStyles();
  const { actions } = useSeriesView();
  const closed = topic.status !== 'open';
  const icon = (label: string, title: string, element: ReactElement, onClick: () => void, extra = {}) => (
    <Button
      size="small"
      appearance="subtle"
      icon={element}
      aria-label={label}
      title={title}
      onClick={onClick}
      {...extra}
    />
  );

  return (
    <div className={styles.toolbar}>
      {closed ? (
        icon(`Reopen ${quoted}`, 'Reopen', <ArrowUndoRegular />, () => void actions.setTopicStatus(topic.id, 'open'))
      ) : (
        <>
          {icon(
            `Mark ${quoted} discussed`,
            'Mark discussed',
            <CheckmarkRegular />,
            () => void actions.setTopicStatus(topic.id, 'discussed'),
          )}
          {icon(
            `Defer ${quoted}`,
            'Defer to next meeting',
            <CalendarArrowRightRegular />,
            () => void actions.setTopicStatus(topic.id, 'deferred'),
          )}
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
        onClick={onEdit}
      />
      {icon(`Move ${quoted} up`, 'Move up (Alt+↑)', <ArrowUpRegular />, () => onMove(-1, 'up'), {
        'data-move': 'up',
        disabled: isFirst,
      })}
      {icon(`Move ${quoted} down`, 'Move down (Alt+↓)', <ArrowDownRegular />, () => onMove(1, 'down'), {
        'data-move': 'down',
        disabled: isLast,
      })}
      {icon(`Delete ${quoted}`, 'Delete (you can undo)', <DeleteRegular />, () => void actions.deleteTopic(topic.id))}
      <Button
        size="small"
        appearance={open === 'notes' ? 'secondary' : 'subtle'}
        icon={<NoteRegular />}
        aria-label={`Notes on ${quoted}`}
        aria-expanded={open === 'notes'}
        onClick={() => onToggle('notes')}
      >
        Notes
      </Button>
      <Button
        size="small"
        appearance={open === 'actionItem' ? 'secondary' : 'subtle'}
        icon={<TaskListAddRegular />}
        aria-label={`Add an action item for ${quoted}`}
        aria-expanded={open === 'actionItem'}
        onClick={() => onToggle('actionItem')}
      >
        Action item
      </Button>
    </div>
  );
}
