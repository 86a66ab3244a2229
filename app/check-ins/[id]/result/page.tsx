import Link from 'next/link';
import { notFound } from 'next/navigation';
import { InstrumentCredit } from '@/components/instrument/InstrumentCredit';
import { ScoreCard } from '@/components/results/ScoreCard';
import { requireUser } from '@/lib/auth/session';
import { BAND_LABELS, RESULT_TEXT, SUBSCALE_ABOUT, SUBSCALE_NAMES } from '@/lib/instruments';
import { NotFoundError } from '@/lib/services/actor';
import { getCheckInResult } from '@/lib/services/check-ins';
import { SUBSCALES } from '@/lib/scoring';
import { ZCheckInId } from '@/lib/validation/check-in';

export const metadata = { title: 'Your result' };

export default async function ResultPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireUser();
  const id = ZCheckInId.safeParse((await params).id);
  if (!id.success) notFound();
  const result = await getCheckInResult(actor, id.data).catch((error: unknown) => {
    if (error instanceof NotFoundError) notFound();
    throw error;
  });
  const date = new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' }).format(result.submittedAt);

  return (
    <div className="page">
      <h1>Your check-in result</h1>
      <p className="lede">
        From your check-in on {date}. Thank you for taking the time: noticing how work is affecting you is itself a way of
        looking after yourself.
      </p>
      <p>
        The ProQOL has three separate scales, each scored from 10 to 50. They are read one by one, never added together.
      </p>
      <div className="score-grid">
        {SUBSCALES.map((subscale) => (
          <ScoreCard
            key={subscale}
            id={subscale}
            name={SUBSCALE_NAMES[subscale]}
            raw={result.scores[subscale].raw}
            band={result.scores[subscale].band}
            bandLabel={BAND_LABELS[result.scores[subscale].band]}
            message={RESULT_TEXT[subscale][result.scores[subscale].band]}
            about={SUBSCALE_ABOUT[subscale]}
          />
        ))}
      </div>
      <p>
        <Link href="/">Back to your home page</Link>
      </p>
      <InstrumentCredit />
    </div>
  );
}
