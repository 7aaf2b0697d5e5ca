import { Button, Field, Input, makeStyles, Select, Text, tokens } from '@fluentui/react-components';
import { useState, type FocusEvent, type FormEvent } from 'react';
import { TEXT_LIMITS, type ActionItem } from '../../../../domain/entities.js';
import { otherMember } from '../../store/selectors.js';
import { limitOf } from '../../ui/limits.js';
import { useLocale } from '../../i18n/I18nRoot.js';
import { useT } from '../../i18n/useT.js';
import { fieldHalf, fieldRow } from '../../ui/styles.js';
import { useSeriesView } from '../SeriesContext.js';
import { rebaseDraft } from '../rebaseDraft.js';
import { onFocusLeft, useEditorDraft } from '../useEditorDraft.js';
import { formatDueDate, todayIsoDate } from './dates.js';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  row: fieldRow,
  half: fieldHalf,
  fill: { width: '100%', minWidth: 0 },
  buttons: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  theirs: {
    padding: tokens.spacingHorizontalS,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorStatusWarningBorder2}`,
  },
});

/**
 * Correcting an action item: text, owner, due date; leaving the editor or
 * the page saves what was changed. A due date in the past asks once; a change the other person made meanwhile is shown, and the
 * person keeps theirs (on top of the other's change to the fields they left alone) or takes the other's.
 */
export function ActionItemEditor({ item, onDone }: { item: ActionItem; onDone(): void }) {
  const styles = useStyles();
  const t = useT();
  const { tag } = useLocale();
  const { actions, series, viewer } = useSeriesView();
  const [base, setBase] = useState(item);
  const [text, setText] = useState(item.text);
  const [ownerId, setOwnerId] = useState(item.ownerId);
  const [dueDate, setDueDate] = useState(item.dueDate ?? '');
  const [pastOk, setPastOk] = useState(false);
  const [saving, setSaving] = useState(false);
  const limit = limitOf(text, TEXT_LIMITS.actionItem, 'actionItem', t);
  const past = dueDate !== '' && dueDate < todayIsoDate() && dueDate !== base.dueDate;
  const changedMeanwhile = item.version > base.version;
  const other = otherMember(series, viewer)?.name ?? t('panel.otherPerson');

  const changes = {
    ...(text.trim() !== base.text ? { text } : {}),
    ...(ownerId !== base.ownerId ? { ownerId } : {}),
    ...(dueDate !== (base.dueDate ?? '') ? { dueDate: dueDate || null } : {}),
  };
  const savable = text.trim() !== '' && !limit.over;
  // Leaving the page saves even a past date the person has not confirmed yet:
  // they typed it, and a date to correct beats a change lost.
  const draft = useEditorDraft({
    pending: () => savable && Object.keys(changes).length > 0,
    save: () => save(true),
  });
  const close = () => {
    draft.settle();
    onDone();
  };

  const save = (pastConfirmed: boolean) => {
    if (!savable) return;
    if (past && !pastConfirmed) return setPastOk(true);
    if (Object.keys(changes).length === 0) return close();
    setSaving(true);
    void actions.editActionItem(item.id, { ...changes, baseVersion: base.version }).then((outcome) => {
      setSaving(false);
      if (outcome.kind === 'saved') close();
    });
  };
  const keepMine = () => {
    const fieldsOf = (record: ActionItem) => ({
      text: record.text,
      ownerId: record.ownerId,
      dueDate: record.dueDate ?? '',
    });
    const mine = rebaseDraft({ text: text.trim(), ownerId, dueDate }, fieldsOf(base), fieldsOf(item));
    if (mine.text !== text.trim()) setText(mine.text);
    setOwnerId(mine.ownerId);
    setDueDate(mine.dueDate);
    setBase(item);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    save(pastOk);
  };
  // Clicking or tabbing outside keeps the changes; while the other person's
  // change is shown, or a past date waits for its answer, the person decides.
  const onBlur = (event: FocusEvent<HTMLFormElement>) =>
    onFocusLeft(event, () => {
      if (Object.keys(changes).length > 0 && !changedMeanwhile && !saving && !(past && pastOk)) save(false);
    });

  return (
    <form
      className={styles.form}
      onSubmit={submit}
      onBlur={onBlur}
      aria-label={t('panel.change.edit', { text: item.text })}
    >
      <Field label={t('panel.item.label')} validationState={limit.state} validationMessage={limit.message}>
        <Input value={text} autoFocus onChange={(_, d) => setText(d.value)} />
      </Field>
      <div className={styles.row}>
        <Field label={t('panel.item.owner')} className={styles.half}>
          <Select className={styles.fill} value={ownerId} onChange={(_, d) => setOwnerId(d.value)}>
            {series.members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {m.name}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={t('panel.item.due')} className={styles.half}>
          <Input
            className={styles.fill}
            type="date"
            value={dueDate}
            onChange={(_, d) => (setDueDate(d.value), setPastOk(false))}
          />
        </Field>
      </div>
      {past && pastOk && (
        <Text role="alert">{t('panel.item.pastDate', { date: formatDueDate(dueDate, tag), action: 'save' })}</Text>
      )}
      {changedMeanwhile && (
        <div className={styles.theirs} role="alert">
          <Text size={200}>{t('panel.item.changedMeanwhile', { name: other, text: item.text })}</Text>{' '}
          <Button size="small" onClick={keepMine}>
            {t('panel.edit.keepMine')}
          </Button>{' '}
          <Button size="small" onClick={close}>
            {t('panel.edit.takeTheirs')}
          </Button>
        </div>
      )}
      <div className={styles.buttons}>
        <Button
          type="submit"
          size="small"
          appearance="primary"
          disabled={saving || text.trim() === '' || limit.over || changedMeanwhile}
        >
          {past && pastOk ? t('panel.item.saveAnyway') : t('panel.edit.save')}
        </Button>
        <Button size="small" onClick={close}>
          {t('panel.edit.cancel')}
        </Button>
      </div>
    </form>
  );
}
