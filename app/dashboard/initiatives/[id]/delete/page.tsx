import type { Metadata } from 'next';
import { loadEditableInitiative } from '../../editable';
import { ConfirmPage } from '@/components/ui/Confirm';
import { formatCalendarDate } from '@/lib/format/date';
import { deleteInitiativeAction } from '../../actions';

export const metadata: Metadata = { title: 'Delete this initiative?' };

/** Asks before deleting an initiative the person may change; anyone else gets not-found. */
export default async function DeleteInitiativePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ returnTo?: string }> }) {
  const { initiative, returnTo } = await loadEditableInitiative(params, searchParams);
  return (
    <div className="page page--narrow">
      <ConfirmPage
        title={`Delete “${initiative.title}”?`}
        lede={`From ${formatCalendarDate(initiative.startsOn)}${initiative.endsOn ? ` to ${formatCalendarDate(initiative.endsOn)}` : ', ongoing'}.`}
        happens={[
          'It goes from every dashboard it shows on, with its before/after comparison and its marker on the charts.',
          'No published figure changes: an initiative holds no figures.',
          'The audit log records that you deleted it, with its title.',
        ]}
        undo="Not as it was: record it again, with its dates and description."
        action={deleteInitiativeAction}
        fields={{ id: initiative.id, returnTo }}
        confirmLabel={`Delete “${initiative.title}”`}
        cancelHref={returnTo}
        cancelLabel={`Cancel: keep “${initiative.title}”`}
      />
    </div>
  );
}
