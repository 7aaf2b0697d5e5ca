import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { CheckmarkCircleRegular } from '@fluentui/react-icons';
import type { Meeting } from '../../../../domain/entities.js';
import { useLocale } from '../../i18n/I18nRoot.js';
import { useT } from '../../i18n/useT.js';
import { selectItemsAgreedIn, selectTopicsOf } from '../../store/meetingSelectors.js';
import { memberName } from '../../store/selectors.js';
import { outlinedBox, plainList, sectionHeading } from '../../ui/styles.js';
import { formatDueDate } from '../actionItems/dates.js';
import { meetingDate } from '../../../../domain/meetingDate.js';
import { meetingTime } from '../header/cadenceText.js';
import { HeldSlotNote } from '../header/HeldSlotNote.js';
import { useSeriesView } from '../SeriesContext.js';

const useStyles = makeStyles({
  box: { ...outlinedBox(tokens.colorBrandStroke2), backgroundColor: tokens.colorNeutralBackground2 },
  heading: { ...sectionHeading, display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  list: plainList(tokens.spacingVerticalXXS),
  text: { overflowWrap: 'anywhere' },
  muted: { color: tokens.colorNeutralForeground2 },
});

/** Just after a 1:1: what was agreed there (who, by when) and how much of the agenda was covered. */
export function WrapUp({ meeting }: { meeting: Meeting }) {
  const styles = useStyles();
  const t = useT();
  const { tag } = useLocale();
  const { state, series } = useSeriesView();
  const items = selectItemsAgreedIn(state, meeting.id);
  const topics = selectTopicsOf(state, meeting.id);
  const discussed = topics.filter((t) => t.status === 'discussed').length;

  return (
    <section className={styles.box} aria-labelledby="wrap-up-heading">
      <h2 id="wrap-up-heading" className={styles.heading}>
        <CheckmarkCircleRegular aria-hidden />
        {t('panel.wrapUp.heading', { when: meetingTime(meetingDate(meeting), tag) })}
      </h2>
      <HeldSlotNote meeting={meeting} />
      <Text size={200} className={styles.muted}>
        {t('panel.wrapUp.covered', { discussed, total: topics.length })}
      </Text>
      {items.length === 0 ? (
        <Text size={200}>{t('panel.wrapUp.noItems')}</Text>
      ) : (
        <ul className={styles.list} aria-label={t('panel.wrapUp.list')}>
          {items.map((item) => (
            <li key={item.id} className={styles.text}>
              <Text size={200} weight="semibold">
                {item.text}
              </Text>
              <Text size={200} className={styles.muted}>
                {' — '}
                {t('panel.wrapUp.itemMeta', {
                  name: memberName(series, item.ownerId, t),
                  date: item.dueDate ? formatDueDate(item.dueDate, tag) : '',
                  due: item.dueDate ? 'yes' : 'no',
                })}
              </Text>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
