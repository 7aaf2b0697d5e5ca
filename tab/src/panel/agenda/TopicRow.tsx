import { Badge, Checkbox, makeStyles, mergeClasses, Spinner, tokens } from '@fluentui/react-components';
import { ArrowRepeatAllRegular, ReOrderDotsVerticalRegular } from '@fluentui/react-icons';
import { lazy, Suspense, useId, useState, type KeyboardEvent, type Ref } from 'react';
import { needsDecision } from '../../../../domain/carryOver.js';
import type { Topic } from '../../../../domain/entities.js';
import { useT } from '../../i18n/useT.js';
import { useClickGuard } from '../../ui/clickGuard.js';
import { visuallyHidden } from '../../ui/styles.js';
import { useSeriesView } from '../SeriesContext.js';
import { categoryOf, STATUS_LABELS } from './categories.js';
import type { TopicOpen } from './TopicDetails.js';
import { TopicMenuButton } from './TopicMenuButton.js';
import type { DragState } from './useAgendaDrag.js';

// Opened on demand: notes, the editor and the action item form stay out of the panel's first load.
const TopicDetails = lazy(() => import('./TopicDetails.js').then((m) => ({ default: m.TopicDetails })));

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: '1px' },
  },
  current: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandStroke1}`,
    boxShadow: `inset ${tokens.strokeWidthThickest} 0 0 0 ${tokens.colorBrandStroke1}`,
  },
  dropBefore: { boxShadow: `0 calc(-1 * ${tokens.strokeWidthThickest}) 0 0 ${tokens.colorBrandStroke1}` },
  dropAfter: { boxShadow: `0 ${tokens.strokeWidthThickest} 0 0 ${tokens.colorBrandStroke1}` },
  dragging: { opacity: 0.5 },
  line: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS, minHeight: '36px' },
  handle: { cursor: 'grab', color: tokens.colorNeutralForeground3, flexShrink: 0, display: 'flex', paddingLeft: '2px' },
  check: { flexShrink: 0 },
  // Text and chips share a wrapping box: when both fit they are one line;
  // when not, the chips go under the text, which keeps the row's width (two
  // lines, about 60 characters at 320 px) whatever chips the topic carries.
  body: {
    flexGrow: 1,
    minWidth: 0,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalXS,
  },
  text: {
    flexGrow: 1,
    flexShrink: 1,
    flexBasis: 'auto',
    minWidth: 0,
    overflowWrap: 'anywhere',
    whiteSpace: 'pre-wrap',
    cursor: 'pointer',
    paddingTop: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalXXS,
  },
  clamped: { display: '-webkit-box', WebkitLineClamp: 2, WebkitBoxOrient: 'vertical', overflow: 'hidden' },
  closedText: { color: tokens.colorNeutralForeground2, textDecorationLine: 'line-through' },
  hidden: visuallyHidden,
  chips: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXXS,
    flexShrink: 0,
    paddingBottom: tokens.spacingVerticalXXS,
  },
});

interface TopicRowProps {
  ref: Ref<HTMLLIElement>;
  topic: Topic;
  /** The row the agenda's one Tab stop lands on. */
  active: boolean;
  /** While the 1:1 is live: the first open topic, the one being talked about. */
  current: boolean;
  isFirst: boolean;
  isLast: boolean;
  drag: DragState;
  onKeyDown(event: KeyboardEvent<HTMLLIElement>, open: TopicOpen, setOpen: (open: TopicOpen) => void): void;
  onFocus(): void;
  onMove(to: 'up' | 'down' | 'top'): void;
  onDelete(): void;
}

/**
 * One topic in one row: a "discussed" tick, the text (two lines until
 * opened), its category, and a menu for the rest. Opening it (click, or
 * Enter) shows who raised it, notes and the forms inline under the row.
 */
export function TopicRow({ ref, topic, active, current, isFirst, isLast, drag, ...handlers }: TopicRowProps) {
  const styles = useStyles();
  const t = useT();
  const { actions } = useSeriesView();
  const [open, setOpen] = useState<TopicOpen>(null);
  const guard = useClickGuard();
  const descriptionId = useId();
  const category = categoryOf(topic.category);
  const discussed = topic.status === 'discussed';
  const closed = topic.status !== 'open';
  const toggle = () => setOpen((o) => (o ? null : 'details'));

  return (
    <li
      ref={ref}
      tabIndex={active ? 0 : -1}
      data-topic-id={topic.id}
      aria-label={topic.text}
      aria-describedby={descriptionId}
      aria-expanded={open !== null}
      aria-current={current ? 'true' : undefined}
      aria-keyshortcuts="Enter D Alt+ArrowUp Alt+ArrowDown Delete"
      className={mergeClasses(
        styles.item,
        current && styles.current,
        drag.dragging && styles.dragging,
        drag.drop === 'before' && styles.dropBefore,
        drag.drop === 'after' && styles.dropAfter,
      )}
      onKeyDown={(event) => handlers.onKeyDown(event, open, setOpen)}
      onFocus={handlers.onFocus}
      {...drag.item}
    >
      <div className={styles.line}>
        {/* Mouse-only affordance; keyboard users move topics with Alt+Arrow or the menu. */}
        <span className={styles.handle} title={t('panel.topic.drag')} aria-hidden {...drag.handle}>
          <ReOrderDotsVerticalRegular />
        </span>
        <Checkbox
          className={styles.check}
          tabIndex={-1}
          checked={discussed}
          aria-label={t('panel.topic.discussedBox', { text: topic.text })}
          onChange={(_, data) =>
            guard.accept(topic.id) &&
            void actions.setTopicStatus(topic.id, data.checked === true ? 'discussed' : 'open')
          }
        />
        <span className={styles.body}>
          <span
            className={mergeClasses(styles.text, open === null && styles.clamped, closed && styles.closedText)}
            data-topic-text
            onClick={toggle}
          >
            {topic.text}
          </span>
          <span className={styles.chips} id={descriptionId}>
            {topic.carriedOverCount > 0 && (
              <Badge appearance="outline" color="informative" size="small" icon={<ArrowRepeatAllRegular />}>
                <span className={styles.hidden}>{t('panel.topic.carriedOver')} </span>
                {t('panel.topic.carriedBadge', { count: topic.carriedOverCount })}
              </Badge>
            )}
            {needsDecision(topic) && topic.status === 'open' && (
              <Badge appearance="filled" color="warning" size="small">
                {t('panel.topic.decideBadge')}
              </Badge>
            )}
            {topic.status === 'deferred' && (
              <Badge appearance="outline" color="warning" size="small">
                {t(STATUS_LABELS.deferred)}
              </Badge>
            )}
            <Badge appearance="tint" color={category.color} size="small">
              {t(category.label)}
            </Badge>
          </span>
        </span>
        <TopicMenuButton
          topic={topic}
          isFirst={isFirst}
          isLast={isLast}
          onOpen={setOpen}
          onMove={handlers.onMove}
          onDelete={handlers.onDelete}
        />
      </div>
      {open !== null && (
        <Suspense fallback={<Spinner size="tiny" label={t('panel.opening')} />}>
          <TopicDetails topic={topic} open={open} setOpen={setOpen} />
        </Suspense>
      )}
    </li>
  );
}
