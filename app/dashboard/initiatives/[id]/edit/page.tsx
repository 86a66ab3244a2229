import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { InitiativeForm } from '@/components/dashboard/InitiativeForm';
import { getCurrentUser } from '@/lib/auth/session';
import { NotFoundError } from '@/lib/services/actor';
import { canViewOrganisationDashboard, listDashboardTeams } from '@/lib/services/aggregates';
import { getInitiativeForEdit } from '@/lib/services/initiatives';
import { ZDashboardReturnTo } from '@/lib/validation/initiatives';
import { updateInitiativeAction } from '../../actions';

export const metadata: Metadata = { title: 'Edit initiative' };

/** Edits an initiative the person may change; anyone else gets not-found. */
export default async function EditInitiativePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ returnTo?: string }> }) {
  const { id } = await params;
  const actor = await getCurrentUser();
  if (!actor) notFound();
  const initiative = await getInitiativeForEdit(actor, id).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const asked = ZDashboardReturnTo.safeParse((await searchParams).returnTo);
  const returnTo = asked.success && asked.data ? asked.data : '/dashboard/organisation';
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
