import Link from 'next/link';
import { ActionForm, SelectField, TextField } from '@/components/ui/Form';
import { requireAdmin } from '@/lib/auth/session';
import { WORDING_PRESET_IDS, WORDING_PRESETS } from '@/lib/instruments/wording';
import { getOrganisationSettings, getSupportInformation, supportPageUrl } from '@/lib/services/organisation-settings';
import { getRuleSchedule } from '@/lib/services/reporting-rules';
import { formatLocalDay } from '@/lib/format/date-time';
import { TIME_ZONES } from '@/lib/validation/admin';
import { addSupportContactAction, updateCrisisLineAction, updateSettingsAction } from '../actions';

export const metadata = { title: 'Settings' };

export default async function SettingsPage({ searchParams }: { searchParams: Promise<{ done?: string }> }) {
  const actor = await requireAdmin();
  const { done } = await searchParams;
  const [settings, { contacts, crisisLine }, schedule] = await Promise.all([
    getOrganisationSettings(actor),
    getSupportInformation(actor),
    getRuleSchedule(actor.organisation!.id),
  ]);
  const nextStart = formatLocalDay(schedule.nextStart, schedule.inForce.timeZone);
  const ruleHint = `Fixed for the period under way: a change applies from the next reporting period, which starts on ${nextStart}. Published figures never change.`;
  // A stored zone this runtime no longer lists (its time zone data renamed it) stays selected
  // rather than the form silently offering the first zone; saving it then asks for a new one.
  const timeZones = TIME_ZONES.includes(settings.timeZone) ? TIME_ZONES : [settings.timeZone, ...TIME_ZONES];
  return (
    <>
      <h1>Settings</h1>
      {done === 'contact-removed' ? (
        <p className="notice" role="status">
          Support contact removed.
        </p>
      ) : null}
      <section className="panel" aria-labelledby="org-settings">
        <h2 id="org-settings">Organisation</h2>
        <ActionForm action={updateSettingsAction} submitLabel="Save settings">
          <TextField name="name" label="Organisation name" defaultValue={settings.name} />
          <TextField
            name="checkInCadenceDays"
            label="Check-in cadence (days)"
            type="number"
            inputMode="numeric"
            min={7}
            max={365}
            hint="How often clinicians are invited to check in. 30 days matches the ProQOL’s recall period."
            defaultValue={String(settings.checkInCadenceDays)}
          />
          <SelectField
            name="reportingPeriod"
            label="Reporting period"
            hint={`Team aggregates cover closed periods only. ${ruleHint}`}
            options={[
              { value: 'month', label: 'Month' },
              { value: 'quarter', label: 'Quarter' },
            ]}
            defaultValue={settings.reportingPeriod}
          />
          <SelectField
            name="timeZone"
            label="Time zone"
            hint={`Reporting periods begin and end at midnight in this time zone. ${ruleHint}`}
            options={timeZones.map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }))}
            defaultValue={settings.timeZone}
          />
          <TextField
            name="anonymityThreshold"
            label="Anonymity threshold"
            type="number"
            inputMode="numeric"
            min={3}
            max={50}
            hint={`The fewest people an aggregate may cover. Never below 3; 5 or more is recommended. ${ruleHint}`}
            defaultValue={String(settings.anonymityThreshold)}
          />
          <SelectField
            name="wordingPreset"
            label="Word used for the people who answer"
            hint="The ProQOL lets you change only its bracketed words, for example “helper” to “nurse”."
            options={WORDING_PRESET_IDS.map((id) => ({ value: id, label: WORDING_PRESETS[id].label }))}
            defaultValue={settings.wordingPreset}
          />
        </ActionForm>
      </section>

      <section className="panel" aria-labelledby="support">
        <h2 id="support">Support contacts</h2>
        <p>
          Shown to clinicians with their results, and prominently when burnout or secondary traumatic stress is high, and on the
          support page, which anyone can open without signing in from this link (it shows only these contacts and the crisis line):
        </p>
        <p className="support-link">
          <a href={supportPageUrl(actor.organisation!.id)}>{supportPageUrl(actor.organisation!.id)}</a>
        </p>
        {contacts.length === 0 ? <p>No support contacts yet.</p> : null}
        <ul className="plain-list">
          {contacts.map((c) => (
            <li key={c.id}>
              <strong>{c.name}</strong>
              {c.description ? ` — ${c.description}` : null}
              {c.phone ? ` · ${c.phone}` : null}
              {c.url ? ` · ${c.url}` : null}
              {' '}
              <Link href={`/admin/settings/contacts/${c.id}/remove`} className="button button--danger-outline">
                Remove {c.name}…
              </Link>
            </li>
          ))}
        </ul>
        <h3>Add a contact</h3>
        <ActionForm action={addSupportContactAction} submitLabel="Add contact" resetOnSuccess>
          <TextField name="name" label="Name" hint="For example: Employee Assistance Programme" />
          <TextField name="description" label="What they offer (optional)" />
          <TextField name="phone" label="Phone (optional)" type="tel" inputMode="tel" />
          <TextField name="url" label="Web address (optional)" type="url" inputMode="url" />
        </ActionForm>
      </section>

      <section className="panel" aria-labelledby="crisis-line">
        <h2 id="crisis-line">Crisis line</h2>
        <p>
          Every list of support ends with it: “If you are in crisis or feel unsafe right now, call your local emergency number, or …”.
          Leave all three fields empty for the default: 999, 112 or 911, or Samaritans on 116 123 (UK and Ireland).
        </p>
        <ActionForm action={updateCrisisLineAction} submitLabel="Save crisis line">
          <TextField
            name="crisisLineText"
            label="Who answers (optional)"
            hint="Needed when you give a number or a country. For example: Samaritans (free, any time)"
            defaultValue={crisisLine?.text ?? ''}
          />
          <TextField
            name="crisisLinePhone"
            label="Crisis line phone number (optional)"
            type="tel"
            inputMode="tel"
            autoComplete="off"
            hint="Digits, spaces, + ( ) or -. For example: 116 123"
            defaultValue={crisisLine?.phone ?? ''}
          />
          <TextField
            name="crisisLineCountry"
            label="Where the number works (optional)"
            hint="A country or region in words. For example: UK and Ireland"
            defaultValue={crisisLine?.country ?? ''}
          />
        </ActionForm>
      </section>
    </>
  );
}
