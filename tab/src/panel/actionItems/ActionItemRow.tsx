import {
  Button,
  Checkbox,
  makeStyles,
  mergeClasses,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Text,
  tokens,
} from '@fluentui/react-components';
import { DeleteRegular, EditRegular, MoreHorizontalRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import type { ActionItem } from '../../../../domain/entities.js';
import { memberName } from '../../store/selectors.js';
import { useSeriesView } from '../SeriesContext.js';
import { ActionItemEditor } from './ActionItemEditor.js';
import { formatDueDate, todayIsoDate } from './dates.js';

const useStyles = makeStyles({
  row: { display: 'flex', flexDirection: 'column' },
  line: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalXXS },
  check: { flexGrow: 1, minWidth: 0 },
  label: { overflowWrap: 'anywhere' },
  done: { color: tokens.colorNeutralForeground2, textDecorationLine: 'line-through' },
  meta: { color: tokens.colorNeutralForeground2, paddingLeft: tokens.spacingHorizontalXXXL },
  overdue: { color: tokens.colorStatusDangerForeground1 },
});

interface ActionItemRowProps {
  item: ActionItem;
  /** False for the second click of a double click: that one changes nothing. */
  beforeToggle(id: string): boolean;
  onDeleted(): void;
}

/** One action item with its owner and due date; ticking it marks it done for both people; the menu corrects or deletes it. */
export function ActionItemRow({ item, beforeToggle, onDeleted }: ActionItemRowProps) {
  const styles = useStyles();
  const { actions, series } = useSeriesView();
  const [editing, setEditing] = useState(false);
  const done = item.doneAt !== undefined;
  const overdue = !done && item.dueDate !== undefined && item.dueDate < todayIsoDate();
  const quoted = `“${item.text}”`;

  if (editing) {
    return (
      <li className={styles.row} data-item-id={item.id}>
        <ActionItemEditor item={item} onDone={() => setEditing(false)} />
      </li>
    );
  }
  return (
    <li className={styles.row} data-item-id={item.id}>
      <div className={styles.line}>
        <Checkbox
          className={styles.check}
          checked={done}
          label={{ children: item.text, className: mergeClasses(styles.label, done && styles.done) }}
          onChange={(_, data) =>
            beforeToggle(item.id) && void actions.setActionItemDone(item.id, data.checked === true)
          }
        />
        <Menu>
          <MenuTrigger disableButtonEnhancement>
            <Button
              size="small"
              appearance="subtle"
              icon={<MoreHorizontalRegular />}
              aria-label={`More for ${quoted}`}
            />
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem icon={<EditRegular />} onClick={() => setEditing(true)}>
                Edit
              </MenuItem>
              <MenuItem
                icon={<DeleteRegular />}
                onClick={() => {
                  onDeleted();
                  void actions.deleteActionItem(item.id);
                }}
              >
                Delete
              </MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
      </div>
      <Text size={200} className={styles.meta}>
        {memberName(series, item.ownerId)}
        {item.dueDate && (
          <span className={mergeClasses(overdue && styles.overdue)}>
            {` · due ${formatDueDate(item.dueDate)}${overdue ? ' (overdue)' : ''}`}
          </span>
        )}
      </Text>
    </li>
  );
}
