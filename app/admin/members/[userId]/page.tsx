import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ActionForm, CheckboxGroup } from '@/components/ui/Form';
import { requireAdmin } from '@/lib/auth/session';
import { NotFoundError } from '@/lib/services/actor';
import { getMember } from '@/lib/services/members';
import { listTeams } from '@/lib/services/teams';
import { ROLE_NAMES } from '@/lib/validation/admin';
import { restoreMemberAction, updateMemberAction } from '../../actions';

export const metadata = { title: 'Member' };

const ROLE_LABELS = { clinician: 'Clinician (checks in)', manager: 'Manager (sees team aggregates)', admin: 'Admin (manages the organisation)' };

export default async function MemberPage({ params, searchParams }: { params: Promise<{ userId: string }>; searchParams: Promise<{ done?: string }> }) {
  const actor = await requireAdmin();
  const { userId } = await params;
  const { done } = await searchParams;
  const member = await getMember(actor, userId).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const teams = (await listTeams(actor)).filter((t) => !t.archived || member.teams.some((m) => m.id === t.id));
  return (
    <>
      <p>
        <Link href="/admin/members">All members</Link>
      </p>
      <h1>{member.name}</h1>
      {done === 'removed' && member.removed ? (
        <p className="notice" role="status">
          {member.name} was removed from the organisation.
        </p>
      ) : null}
      {done === 'restored' && !member.removed ? (
        <p className="notice" role="status">
          {member.name} was restored to the organisation. Choose their teams again below.
        </p>
      ) : null}
      <p>
        {member.email}
        {member.removed
          ? ' — removed from the organisation: they can still sign in to read their own results, but cannot check in. Restoring them does not bring back their teams: choose those again afterwards.'
          : null}
      </p>
      <section className="panel" aria-labelledby="roles-teams">
        <h2 id="roles-teams">Roles and teams</h2>
        <ActionForm action={updateMemberAction} submitLabel="Save changes">
          <input type="hidden" name="userId" value={member.userId} />
          <CheckboxGroup
            name="roles"
            legend="Roles"
            options={ROLE_NAMES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
            defaultValues={member.roles}
          />
          <CheckboxGroup
            name="teamIds"
            legend="Teams"
            hint="Check-ins count for the teams a person is in when they submit."
            options={teams.map((t) => ({ value: t.id, label: t.name }))}
            defaultValues={member.teams.map((t) => t.id)}
          />
          <CheckboxGroup
            name="managerTeamIds"
            legend="Manages"
            hint="Managers see only aggregates of their teams, never an individual."
            options={teams.map((t) => ({ value: t.id, label: t.name }))}
            defaultValues={member.teams.filter((t) => t.isManager).map((t) => t.id)}
          />
        </ActionForm>
      </section>
      <section className="panel" aria-labelledby="membership">
        <h2 id="membership">{member.removed ? 'Restore' : 'Remove from the organisation'}</h2>
        {member.removed ? (
          <ActionForm action={restoreMemberAction} submitLabel="Restore membership" secondary>
            <input type="hidden" name="userId" value={member.userId} />
          </ActionForm>
        ) : (
          <p>
            <Link href={`/admin/members/${member.userId}/remove`} className="button button--danger-outline">
              Remove from organisation…
            </Link>
          </p>
        )}
      </section>
    </>
  );
}
