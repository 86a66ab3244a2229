'use client';

import { ActionForm, CheckboxGroup, TextAreaField, TextField } from '@/components/ui/Form';
import type { FormState } from '@/lib/validation/form-state';
import {
  DEFAULT_PERIODS_EACH_SIDE,
  MAX_INITIATIVE_DESCRIPTION_LENGTH,
  MAX_INITIATIVE_TITLE_LENGTH,
  MAX_PERIODS_EACH_SIDE,
  MIN_PERIODS_EACH_SIDE,
  type TInitiativeFormValues,
} from '@/lib/validation/initiative-limits';

type FormAction = (state: FormState, formData: FormData) => Promise<FormState>;

export type InitiativeFormProps = {
  /** The teams the person may choose: all of the organisation's for an admin, those they manage for a manager. */
  teams: { id: string; name: string }[];
  /** Offer "the whole organisation" (admins only; the server refuses it from anyone else). */
  allowWholeOrganisation: boolean;
  /** An initiative to edit (with its id), or values to start a new one from (e.g. the team of the dashboard). */
  initial?: Partial<TInitiativeFormValues>;
  /** createInitiativeAction, or updateInitiativeAction with `initial.id`. */
  action: FormAction;
  /** Where to go after saving: a path under /dashboard/ (anything else is refused). */
  returnTo: string;
  submitLabel: string;
};

/**
 * Records or edits an initiative. A plain form post (works without JavaScript);
 * errors appear next to each field and everything entered is kept.
 */
export function InitiativeForm({ teams, allowWholeOrganisation, initial, action, returnTo, submitLabel }: InitiativeFormProps) {
  return (
    <ActionForm action={action} submitLabel={submitLabel}>
      {initial?.id ? <input type="hidden" name="id" value={initial.id} /> : null}
      <input type="hidden" name="returnTo" value={returnTo} />
      <TextField
        name="title"
        label="Title"
        hint={`What you tried, for example “Peer-support group”. Up to ${MAX_INITIATIVE_TITLE_LENGTH} characters.`}
        defaultValue={initial?.title}
      />
      <TextAreaField
        name="description"
        label="Description (optional)"
        hint={`What changed and for whom, up to ${MAX_INITIATIVE_DESCRIPTION_LENGTH} characters. Everyone who sees the dashboard reads it: don’t name or describe individuals.`}
        limit={MAX_INITIATIVE_DESCRIPTION_LENGTH}
        rows={3}
        defaultValue={initial?.description}
      />
      <TextField
        name="startsOn"
        label="Start date"
        type="date"
        hint="For example 2026-03-01. The reporting period it starts in is left out of the comparison, because it mixes before and after."
        defaultValue={initial?.startsOn}
      />
      <TextField
        name="endsOn"
        label="End date (optional)"
        type="date"
        hint="For example 2026-06-30. Leave it empty while the initiative is ongoing."
        defaultValue={initial?.endsOn ?? undefined}
      />
      {allowWholeOrganisation ? (
        <CheckboxGroup
          name="wholeOrganisation"
          legend="Whole organisation"
          hint="An initiative for everyone appears on every team’s dashboard; the teams below are then not needed."
          options={[{ value: 'yes', label: 'It covers the whole organisation' }]}
          defaultValues={initial?.wholeOrganisation ? ['yes'] : []}
        />
      ) : null}
      <CheckboxGroup
        name="teamIds"
        legend="Teams it covers"
        hint={allowWholeOrganisation ? 'Choose one or more teams, or the whole organisation above.' : 'Choose one or more of the teams you manage.'}
        options={teams.map((t) => ({ value: t.id, label: t.name }))}
        defaultValues={initial?.teamIds ?? []}
      />
      <TextField
        name="periodsEachSide"
        label="Periods to compare on each side"
        type="number"
        inputMode="numeric"
        min={MIN_PERIODS_EACH_SIDE}
        max={MAX_PERIODS_EACH_SIDE}
        hint={`How many published reporting periods before the start and after it to compare, from ${MIN_PERIODS_EACH_SIDE} to ${MAX_PERIODS_EACH_SIDE}.`}
        defaultValue={String(initial?.periodsEachSide ?? DEFAULT_PERIODS_EACH_SIDE)}
      />
    </ActionForm>
  );
}
