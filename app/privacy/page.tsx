import Link from 'next/link';
import type { ReactNode } from 'react';
import { getCurrentUser } from '@/lib/auth/session';
import { canCheckIn } from '@/lib/services/permissions';
import { getPrivacyRules } from '@/lib/services/privacy';
import { AcknowledgeForm, afterEach, continueTarget, DEFAULT_RULES, DEFAULTS_NOTE, pendingChange, withContinue } from './notice';

export const metadata = { title: 'Who can see what' };

const SECTIONS = [
  { id: 'only-you', title: 'What only you see' },
  { id: 'managers', title: 'What managers see, and when' },
  { id: 'admins', title: 'What admins can do' },
  { id: 'teams', title: 'Teams and reporting groups' },
  { id: 'reminders', title: 'Reminders' },
  { id: 'export', title: 'Taking your data with you' },
  { id: 'delete', title: 'Deleting your data' },
  { id: 'limits', title: 'What remains possible' },
] as const;

type SectionId = (typeof SECTIONS)[number]['id'];
const title = (id: SectionId) => SECTIONS.find((s) => s.id === id)!.title;

function Section({ id, children }: { id: SectionId; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="privacy-section">
      <h2 id={id}>{title(id)}</h2>
      {children}
    </section>
  );
}

export default async function PrivacyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await getCurrentUser();
  const [rules, query] = await Promise.all([getPrivacyRules(actor), searchParams]);
  const { anonymityThreshold: k, reportingPeriod } = rules ?? DEFAULT_RULES;
  const pending = pendingChange(rules ?? DEFAULT_RULES);
  const continueTo = continueTarget(actor, query);
  const acknowledging = actor !== null && !actor.privacyAcknowledged;
  return (
    <div className="page">
      <h1>Who can see what</h1>
      <p className="lede">Tend is built so that your check-ins stay yours. Here is who can see what, and when.</p>
      {acknowledging && continueTo ? (
        <p>
          You can confirm at the foot of this page, or go <Link href={withContinue('/privacy/summary', continueTo)}>back to the short version</Link>.
        </p>
      ) : null}
      {rules ? null : <p className="small">{DEFAULTS_NOTE}</p>}

      <nav aria-labelledby="contents" className="privacy-contents">
        <p id="contents" className="privacy-contents__title">On this page</p>
        <ol>
          {SECTIONS.map((s) => (
            <li key={s.id}>
              <a href={`#${s.id}`}>{s.title}</a>
            </li>
          ))}
        </ol>
      </nav>

      <Section id="only-you">
        <p>
          <strong>Your answers and scores: only you.</strong> Not your manager, not your organisation’s admins, not
          colleagues. Nobody else can open them, however they ask. The same goes for the private notes you write on a
          check-in.
        </p>
      </Section>

      <Section id="managers">
        <p>
          <strong>Managers see team summaries only:</strong> how many people responded, whole-number averages and the share
          in each band, for a finished reporting period in which at least {k} different people in the team checked in; each
          person counts once a period.
        </p>
        <ul className="plain-list">
          <li>
            Below {k} they see nothing, not even the count, and a group that could be worked out by subtracting the others
            from a total is hidden too.
          </li>
          <li>
            A share always stands for at least 4 people, and a band with fewer is merged with its neighbour (“moderate or
            high”) or not shown; a distribution or an average that would say that everyone, or all but one or two people,
            are in the same band is not shown.
          </li>
          <li>
            Every period’s figures are checked by a mathematical audit, across every team and the whole organisation, before
            they are stored.
          </li>
          <li>They are never shown who has or hasn’t checked in.</li>
        </ul>
        <h3>When</h3>
        <p>
          Summaries come only {afterEach(reportingPeriod)}. Nothing is shown about a period that is still open, not even
          whether {k} people have responded yet.
        </p>
        <p>
          <strong>Summaries are published once</strong> when a period ends and never change afterwards, so that nobody can
          learn about one person by watching a figure move. They are not your personal data: if you delete a check-in later,
          a summary already published stays as it was.
        </p>
        {pending ? <p className="notice">{pending}</p> : null}
      </Section>

      <Section id="admins">
        <p>
          <strong>Admins manage accounts:</strong> names, email addresses, roles and teams. They cannot see check-ins or
          scores either: only the same summaries, for each team and the whole organisation.
        </p>
        <p>
          They choose the threshold (never below 3) and whether summaries are monthly or quarterly. A change applies from
          the next reporting period, never to one already under way, and you are told before the threshold is lowered.
        </p>
      </Section>

      <Section id="teams">
        <p>
          <strong>What counts for a team</strong> is the team you were in when you submitted a check-in; moving team later
          does not move your past check-ins. You count for a team from the first reporting period that starts after you
          join it.
        </p>
        <p>
          An admin may report a small team together with others (a “reporting group”): then summaries cover the whole group,
          never the small team alone, from the next period on. Your account page says when your team is reported this way.
        </p>
      </Section>

      <Section id="reminders">
        <p>
          <strong>Reminders are yours alone:</strong> when a check-in is due we email you once, and once more a week later if
          you haven’t checked in; you can choose a longer interval or stop the emails on your account page. Nobody else sees
          whether you were reminded, or whether you have checked in.
        </p>
      </Section>

      <Section id="export">
        <p>
          <strong>You can take your data with you:</strong> your account page downloads all your check-ins as a spreadsheet
          (CSV), as JSON, or as FHIR R4 for health-records systems. Only you can download them.
        </p>
      </Section>

      <Section id="delete">
        <p>
          <strong>You can delete your data for good:</strong> one check-in from its result page, or all your check-ins and
          notes from your account page. Deleting removes the answers, scores and notes (deleting everything also removes any
          unfinished check-in and the record of reminders sent to you). Your account, teams and reminder settings stay, so
          you can check in again.
        </p>
        <p>
          A deleted check-in is not counted in summaries published afterwards; summaries already published stay as they
          are. The audit log notes only that “a member” deleted their own data, never who.
        </p>
      </Section>

      <Section id="limits">
        <p>Being honest about the limits:</p>
        <ul className="plain-list">
          <li>When everyone in a team of exactly {k} responds, the team’s count shows that everyone responded.</li>
          <li>
            Someone who controls all but one of the accounts in a team of {k} could work out the last person’s average from
            the team’s figures; that is why your account page shows how many members each of your teams has, and why you are
            told when you are added to a team and before the threshold is lowered.
          </li>
          <li>That a figure is hidden can itself be seen.</li>
        </ul>
      </Section>

      <p>The ProQOL is a screen, not a diagnosis. It describes how work has felt lately, not who you are.</p>

      {acknowledging ? (
        <div className="panel">
          <p>{canCheckIn(actor) ? 'Please confirm you have read this before your first check-in.' : 'Please confirm you have read this.'}</p>
          <AcknowledgeForm continueTo={continueTo} />
        </div>
      ) : actor ? (
        <p className="notice">You have read this notice. It stays here, linked at the foot of every page.</p>
      ) : (
        <p>
          <Link href="/sign-in">Sign in</Link>
        </p>
      )}
    </div>
  );
}
