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
import { useLocale } from '../../i18n/I18nRoot.js';
import { useT } from '../../i18n/useT.js';
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
  meta: { color: tokens.colorNeutralForeground2, paddingInlineStart: tokens.spacingHorizontalXXXL },
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
  const t = useT();
  const { tag } = useLocale();
  const { actions, series } = useSeriesView();
  const [editing, setEditing] = useState(false);
  const done = item.doneAt !== undefined;
  const overdue = !done && item.dueDate !== undefined && item.dueDate < todayIsoDate();

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
              aria-label={t('panel.topic.more', { text: item.text })}
            />
          </MenuTrigger>
          <MenuPopover>
            <MenuList>
              <MenuItem icon={<EditRegular />} onClick={() => setEditing(true)}>
                {t('panel.item.menu.edit')}
              </MenuItem>
              <MenuItem
                icon={<DeleteRegular />}
                onClick={() => {
                  onDeleted();
                  void actions.deleteActionItem(item.id);
                }}
              >
                {t('panel.topic.menu.delete')}
              </MenuItem>
            </MenuList>
          </MenuPopover>
        </Menu>
      </div>
      <Text size={200} className={styles.meta}>
        {memberName(series, item.ownerId, t)}
        {item.dueDate && (
          <>
            {' · '}
            <span className={mergeClasses(overdue && styles.overdue)}>
              {t('panel.item.dueOn', { date: formatDueDate(item.dueDate, tag), overdue: overdue ? 'yes' : 'no' })}
            </span>
          </>
        )}
      </Text>
    </li>
  );
}
