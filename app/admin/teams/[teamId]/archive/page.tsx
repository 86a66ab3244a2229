import { notFound } from 'next/navigation';
import { ConfirmPage } from '@/components/ui/Confirm';
import { requireAdmin } from '@/lib/auth/session';
import { listTeams } from '@/lib/services/teams';
import { confirmArchiveTeamAction } from '../../../actions';

export const metadata = { title: 'Archive this team?' };

/** Asks before an admin archives a team. */
export default async function ArchiveTeamPage({ params }: { params: Promise<{ teamId: string }> }) {
  const actor = await requireAdmin();
  const { teamId } = await params;
  const team = (await listTeams(actor)).find((t) => t.id === teamId && !t.archived);
  if (!team) notFound();
  return (
    <ConfirmPage
      title={`Archive ${team.name}?`}
      lede={`${team.memberCount} ${team.memberCount === 1 ? 'member' : 'members'}${team.managers.length ? `, managed by ${team.managers.join(', ')}` : ''}.`}
      happens={[
        'New check-ins no longer count for the team, and nobody can be added to it.',
        'Its published figures stay, and its managers can still open its dashboard.',
        'Nobody’s account, answers or scores are touched.',
        'The audit log records that you archived it.',
      ]}
      undo="Yes: restore it from Admin → Teams. Check-ins submitted while it was archived do not count for it afterwards."
      action={confirmArchiveTeamAction}
      fields={{ teamId: team.id }}
      confirmLabel={`Archive ${team.name}`}
      cancelHref="/admin/teams"
      cancelLabel={`Cancel: keep ${team.name}`}
    />
  );
}
