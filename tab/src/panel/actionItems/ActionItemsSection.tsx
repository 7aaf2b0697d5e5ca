import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { selectActionItems } from '../../store/selectors.js';
import { useSeriesView } from '../SeriesContext.js';
import { ActionItemRow } from './ActionItemRow.js';
import { AddActionItemForm } from './AddActionItemForm.js';
import { mutedText, plainList, sectionHeading, stack } from '../../ui/styles.js';

const useStyles = makeStyles({
  section: stack(tokens.spacingVerticalS),
  heading: sectionHeading,
  list: plainList(tokens.spacingVerticalXS),
  empty: mutedText,
});

/** Follow up on action points: what was agreed, who owns it, by when. */
export function ActionItemsSection() {
  const styles = useStyles();
  const { state } = useSeriesView();
  const items = selectActionItems(state);

  return (
    <section className={styles.section} aria-labelledby="action-items-heading">
      <h2 id="action-items-heading" className={styles.heading}>
        Action items
      </h2>
      {items.length === 0 ? (
        <Text className={styles.empty}>
          No action items agreed in this meeting yet. Capture what you agree on, with an owner and a due date.
        </Text>
      ) : (
        <ul className={styles.list} aria-label="Action items">
          {items.map((item) => (
            <ActionItemRow key={item.id} item={item} />
          ))}
        </ul>
      )}
      <AddActionItemForm />
    </section>
  );
}
