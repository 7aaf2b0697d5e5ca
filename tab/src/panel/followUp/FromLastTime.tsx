import { Checkbox, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { WarningFilled } from '@fluentui/react-icons';
import type { ActionItem } from '../../../../domain/entities.js';
import { isOverdue } from '../../../../domain/followUp.js';
import { localDateOf } from '../../../../domain/schedule.js';
import { useLocale } from '../../i18n/I18nRoot.js';
import { useT } from '../../i18n/useT.js';
import { selectFromLastTime } from '../../store/meetingSelectors.js';
import { memberName } from '../../store/selectors.js';
import { formatDueDate } from '../actionItems/dates.js';
import { useSteadyList } from '../actionItems/useSteadyList.js';
import { viewerTimeZone } from '../header/cadenceText.js';
import { useSeriesView } from '../SeriesContext.js';
import { Disclosure } from '../../ui/Disclosure.js';
import { outlinedBox, plainList, sectionHeading } from '../../ui/styles.js';

const useStyles = makeStyles({
  section: { ...outlinedBox(tokens.colorNeutralStroke1), backgroundColor: tokens.colorNeutralBackground2 },
  heading: sectionHeading,
  list: plainList(),
  label: { overflowWrap: 'anywhere' },
  done: { textDecorationLine: 'line-through', color: tokens.colorNeutralForeground3 },
  meta: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    paddingInlineStart: tokens.spacingHorizontalXXXL,
    color: tokens.colorNeutralForeground2,
  },
  overdue: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXXS,
    fontWeight: tokens.fontWeightSemibold,
    color: tokens.colorStatusDangerForeground1,
  },
});

/**
 * Follow up first: what was agreed in earlier meetings and is still open,
 * overdue ones marked. During the call (compact) it is one line that opens.
 */
export function FromLastTime({ compact = false }: { compact?: boolean }) {
  const styles = useStyles();
  const t = useT();
  const { state } = useSeriesView();
  const steady = useSteadyList(selectFromLastTime(state));
  const items = steady.items;
  if (items.length === 0) return null;
  const today = localDateOf(new Date(), viewerTimeZone());
  const open = items.filter((i) => !i.doneAt).length;
  const overdue = items.filter((i) => isOverdue(i, today)).length;
  const list = (
    <ul className={styles.list} aria-label={t('panel.followUp.list')} {...steady.listProps}>
      {items.map((item) => (
        <FollowUpRow key={item.id} item={item} overdue={isOverdue(item, today)} beforeToggle={steady.beforeToggle} />
      ))}
    </ul>
  );
  if (compact) {
    const summary = t('panel.followUp.summary', { open, overdue });
    return (
      <section aria-label={t('panel.followUp.heading')}>
        <Disclosure summary={summary}>{list}</Disclosure>
      </section>
    );
  }

  return (
    <section data-shortcut-scope className={styles.section} aria-labelledby="from-last-time-heading">
      <h2 id="from-last-time-heading" className={styles.heading}>
        {t('panel.followUp.heading')}
      </h2>
      {list}
    </section>
  );
}

interface FollowUpRowProps {
  item: ActionItem;
  overdue: boolean;
  beforeToggle(id: string): boolean;
}

function FollowUpRow({ item, overdue, beforeToggle }: FollowUpRowProps) {
  const styles = useStyles();
  const t = useT();
  const { tag } = useLocale();
  const { actions, series } = useSeriesView();
  const done = item.doneAt !== undefined;

  return (
    <li>
      <Checkbox
        checked={done}
        label={{ children: item.text, className: mergeClasses(styles.label, done && styles.done) }}
        onChange={(_, data) => beforeToggle(item.id) && void actions.setActionItemDone(item.id, data.checked === true)}
      />
      <Text size={200} className={styles.meta}>
        {overdue && (
          <span className={styles.overdue}>
            <WarningFilled aria-hidden />
            {t('panel.followUp.overdue')}
          </span>
        )}
        <span>
          {memberName(series, item.ownerId, t)}
          {(item.dueDate || done) && ' · '}
          {(item.dueDate || done) &&
            t('panel.followUp.meta', {
              date: item.dueDate ? formatDueDate(item.dueDate, tag) : '',
              due: item.dueDate ? 'yes' : 'no',
              done: done ? 'yes' : 'no',
            })}
        </span>
      </Text>
    </li>
  );
}
