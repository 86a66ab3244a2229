import type { Metadata } from 'next';
import { loadEditableInitiative } from '../../editable';
import Link from 'next/link';
import { InitiativeForm } from '@/components/dashboard/InitiativeForm';
import { canViewOrganisationDashboard, listDashboardTeams } from '@/lib/services/aggregates';
import { updateInitiativeAction } from '../../actions';

export const metadata: Metadata = { title: 'Edit initiative' };

/** Edits an initiative the person may change; anyone else gets not-found. */
export default async function EditInitiativePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ returnTo?: string }> }) {
  const { actor, initiative, returnTo } = await loadEditableInitiative(params, searchParams);
  const teams = (await listDashboardTeams(actor)).filter((t) => !t.archived || initiative.teamIds.includes(t.id));
  return (
    <div className="page">
      <p className="muted">
        <Link href={returnTo}>Back to the dashboard</Link>
      </p>
      <h1>Edit “{initiative.title}”</h1>
      <InitiativeForm
        teams={teams}
        allowWholeOrganisation={canViewOrganisationDashboard(actor)}
        initial={initiative}
        action={updateInitiativeAction}
        returnTo={returnTo}
        submitLabel="Save initiative"
      />
    </div>
  );
}
