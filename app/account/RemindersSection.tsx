import { ActionForm, RadioGroup, SelectField } from '@/components/ui/Form';
import type { ReminderSettings } from '@/lib/services/reminders';
import { updateReminderSettingsAction } from './reminder-actions';

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' });

/** How often the person checks in and whether they get reminder emails. */
export function RemindersSection({ settings, now }: { settings: ReminderSettings; now: Date }) {
  const { cadenceDays, intervalDays, dueAt, due, first } = settings;
  return (
    <section className="panel" aria-labelledby="reminders">
      <h2 id="reminders">Reminders</h2>
      <p>
        {settings.organisationName} suggests a check-in every {cadenceDays} days. {dueLine(due, first, dueAt, now)}
      </p>
      <ActionForm action={updateReminderSettingsAction} submitLabel="Save reminder settings" secondary>
        <SelectField
          name="intervalDays"
          label="Check in every"
          defaultValue={String(intervalDays)}
          hint={`You can choose a longer interval than ${cadenceDays} days, not a shorter one.`}
          options={settings.choices.map((days) => ({
            value: String(days),
            label: days === cadenceDays ? `${days} days (standard)` : `${days} days`,
          }))}
        />
        <RadioGroup
          name="emails"
          legend="Reminder emails"
          defaultValue={settings.emailsPaused ? 'off' : 'on'}
          hint="One email when a check-in is due, and at most one follow-up a week later. They never mention your answers or scores."
          options={[
            { value: 'on', label: 'On: email me' },
            { value: 'off', label: 'Off: no emails' },
          ]}
        />
      </ActionForm>
    </section>
  );
}

function dueLine(due: boolean, first: boolean, dueAt: Date, now: Date): string {
  if (due) return first ? 'Your first check-in is due now.' : 'Your next check-in is due now.';
  const days = Math.ceil((dueAt.getTime() - now.getTime()) / 86_400_000);
  return `Your next check-in is due on ${dateFormat.format(dueAt)} (in ${days} ${days === 1 ? 'day' : 'days'}).`;
}
