import { Button, makeStyles, Text, tokens, typographyStyles } from '@fluentui/react-components';
import { AddRegular, ArrowShuffleRegular, LightbulbRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { questionText, suggestQuestion } from '../../../../domain/questions.js';
import { useT } from '../../i18n/useT.js';
import { selectMeetings } from '../../store/meetingSelectors.js';
import { visibleRecords } from '../../store/selectors.js';
import { categoryOf } from '../agenda/categories.js';
import { useDomainTexts } from '../domainTexts.js';
import { useSeriesView } from '../SeriesContext.js';

const useStyles = makeStyles({
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke2}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  heading: {
    ...typographyStyles.subtitle2,
    margin: 0,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
  },
  question: { ...typographyStyles.body1Strong, overflowWrap: 'anywhere' },
  reason: { color: tokens.colorNeutralForeground2 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/**
 * An open-ended question chosen by what the series lacks, in the viewer's
 * voice (a report gets questions for their manager), one click away from the
 * agenda, where it is counted as from the question bank.
 */
export function TryAsking() {
  useDomainTexts();
  const styles = useStyles();
  const t = useT();
  const { state, actions, series, viewer } = useSeriesView();
  const meetings = selectMeetings(state);
  const [offset, setOffset] = useState(0);
  const question = suggestQuestion({
    meetings,
    topics: visibleRecords(state, 'topic'),
    currentMeetingId: series.currentMeetingId,
    seed: meetings.length + offset,
    askedBy: viewer.role,
  });
  if (!question) return null;
  // The question in the reader's words, on screen and on the agenda alike.
  const words = t(questionText(question));

  return (
    <section className={styles.card} aria-labelledby="try-asking-heading">
      <h2 id="try-asking-heading" className={styles.heading}>
        <LightbulbRegular aria-hidden />
        {t('panel.question.heading')}
      </h2>
      <Text className={styles.question}>{words}</Text>
      <Text size={200} className={styles.reason}>
        {t(categoryOf(question.category).label)}
        {' · '}
        {t(question.reasonText)}
      </Text>
      <div className={styles.buttons}>
        <Button
          size="small"
          appearance="primary"
          icon={<AddRegular />}
          onClick={() => void actions.addTopic(words, question.category, 'question')}
        >
          {t('panel.question.add')}
        </Button>
        <Button size="small" icon={<ArrowShuffleRegular />} onClick={() => setOffset((n) => n + 1)}>
          {t('panel.question.another')}
        </Button>
      </div>
    </section>
  );
}
