import {
  Button,
  Menu,
  MenuDivider,
  MenuGroup,
  MenuGroupHeader,
  MenuItem,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
} from '@fluentui/react-components';
import {
  ArrowDownRegular,
  ArrowUndoRegular,
  ArrowUpRegular,
  CalendarArrowRightRegular,
  DeleteRegular,
  EditRegular,
  MoreHorizontalRegular,
  NoteRegular,
  TaskListAddRegular,
  TextBulletListSquareRegular,
} from '@fluentui/react-icons';
import { useState } from 'react';
import type { Topic } from '../../../../domain/entities.js';
import { TopicCategory } from '../../../../domain/entities.js';
import { useT } from '../../i18n/useT.js';
import { useSeriesView } from '../SeriesContext.js';
import { CATEGORIES } from './categories.js';
import type { TopicOpen } from './TopicDetails.js';

export interface TopicMenuProps {
  topic: Topic;
  isFirst: boolean;
  isLast: boolean;
  onOpen(open: TopicOpen): void;
  onMove(to: 'up' | 'down' | 'top'): void;
  onDelete(): void;
  /** Mounted by the first click on its button: opens at once. */
  initiallyOpen?: boolean;
}

/** Everything else a person can do with a topic, behind one button (Shift+F10 on the row opens it too). */
export function TopicMenu(props: TopicMenuProps) {
  const { topic, isFirst, isLast, onOpen, onMove, onDelete, initiallyOpen = false } = props;
  const t = useT();
  const { actions } = useSeriesView();
  const [open, setOpen] = useState(initiallyOpen);
  const closed = topic.status !== 'open';
  const setCategory = (value: string | undefined) => {
    const category = TopicCategory.safeParse(value);
    if (category.success && category.data !== topic.category)
      void actions.editTopic(topic.id, { category: category.data });
  };

  return (
    <Menu
      open={open}
      onOpenChange={(_, data) => setOpen(data.open)}
      checkedValues={{ category: [topic.category] }}
      onCheckedValueChange={(_, data) => setCategory(data.checkedItems[0])}
    >
      <MenuTrigger disableButtonEnhancement>
        <Button
          size="small"
          appearance="subtle"
          tabIndex={-1}
          aria-haspopup="menu"
          icon={<MoreHorizontalRegular />}
          aria-label={t('panel.topic.more', { text: topic.text })}
          data-topic-menu=""
        />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuItem icon={<NoteRegular />} onClick={() => onOpen('details')}>
            {t('panel.topic.menu.notes')}
          </MenuItem>
          <MenuItem icon={<TaskListAddRegular />} onClick={() => onOpen('actionItem')}>
            {t('panel.topic.menu.addActionItem')}
          </MenuItem>
          <MenuItem icon={<EditRegular />} onClick={() => onOpen('edit')}>
            {t('panel.topic.menu.edit')}
          </MenuItem>
          {closed ? (
            <MenuItem icon={<ArrowUndoRegular />} onClick={() => void actions.setTopicStatus(topic.id, 'open')}>
              {t('panel.topic.menu.reopen')}
            </MenuItem>
          ) : (
            <MenuItem
              icon={<CalendarArrowRightRegular />}
              onClick={() => void actions.setTopicStatus(topic.id, 'deferred')}
            >
              {t('panel.topic.menu.park')}
            </MenuItem>
          )}
          <MenuDivider />
          <MenuItem icon={<ArrowUpRegular />} disabled={isFirst} onClick={() => onMove('top')}>
            {t('panel.topic.menu.moveTop')}
          </MenuItem>
          <MenuItem icon={<ArrowUpRegular />} disabled={isFirst} onClick={() => onMove('up')}>
            {t('panel.topic.menu.moveUp')}
          </MenuItem>
          <MenuItem icon={<ArrowDownRegular />} disabled={isLast} onClick={() => onMove('down')}>
            {t('panel.topic.menu.moveDown')}
          </MenuItem>
          <MenuDivider />
          <MenuGroup>
            <MenuGroupHeader>{t('panel.agenda.category')}</MenuGroupHeader>
            {CATEGORIES.map((c) => (
              <MenuItemRadio key={c.value} name="category" value={c.value} icon={<TextBulletListSquareRegular />}>
                {t(c.label)}
              </MenuItemRadio>
            ))}
          </MenuGroup>
          <MenuDivider />
          <MenuItem icon={<DeleteRegular />} onClick={onDelete}>
            {t('panel.topic.menu.delete')}
          </MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
