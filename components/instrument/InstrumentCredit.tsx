import { PROQOL5, SCREEN_NOT_DIAGNOSIS } from '@/lib/instruments/proqol5';

/** The licence's credit line and the reminder that the ProQOL is a screen; shown with the questionnaire and every result. */
export function InstrumentCredit() {
  return (
    <aside className="credit" aria-label="About the ProQOL">
      <p className="credit__screen">{SCREEN_NOT_DIAGNOSIS}</p>
      <p>{PROQOL5.creditLine}</p>
      <p>{PROQOL5.maintainerCredit}</p>
    </aside>
  );
}
