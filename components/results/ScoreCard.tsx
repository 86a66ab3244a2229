import type { Tone } from '@/lib/instruments/interpretation';

type Band = 'low' | 'moderate' | 'high';

type Props = {
  id: string;
  name: string;
  raw: number;
  band: Band;
  bandLabel: string;
  message: string;
  about: string;
  /** The published average of helpers beside this score, in words (lib/instruments describeNorm). */
  norm: string;
  /** What changed since the previous check-in, in words (none for a first check-in). */
  change?: string;
  /** The tone of the low, moderate and high bands on this subscale (lib/instruments bandTone). */
  tones: Record<Band, Tone>;
};

const MIN = 10;
const MAX = 50;

/** Each band's name and scores, as printed under its segment of the bar. */
const SEGMENTS: readonly { band: Band; name: string; range: string }[] = [
  { band: 'low', name: 'Low', range: '10–22' },
  { band: 'moderate', name: 'Moderate', range: '23–41' },
  { band: 'high', name: 'High', range: '42–50' },
];

/**
 * One subscale's score, its band and what it means. The bar is decoration (the
 * figures are in the text), and it does not lean on colour: its segments are
 * separated by dark edges, patterned by what they mean, and named beneath.
 */
export function ScoreCard({ id, name, raw, band, bandLabel, message, about, norm, change, tones }: Props) {
  const position = ((raw - MIN) / (MAX - MIN)) * 100;
  return (
    <section className={`score-card score-card--${band}`} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{name}</h2>
      <p className="score-card__figure">
        <span className="score-card__raw">{raw}</span>
        <span className="score-card__band">{bandLabel}</span>
      </p>
      <p className="visually-hidden">
        {name}: {raw}, {bandLabel.toLowerCase()} (scores run from 10 to 50; 22 or less is low, 23 to 41 moderate, 42 or more high).
      </p>
      <div className="scale" aria-hidden="true">
        {SEGMENTS.map((segment) => (
          <div key={segment.band} className={`scale__band scale__band--${segment.band} tone--${tones[segment.band]}`} />
        ))}
        <div className="scale__marker" style={{ left: `${position}%` }} />
      </div>
      <div className="scale__labels" aria-hidden="true">
        {SEGMENTS.map((segment) => (
          <span key={segment.band} className={segment.band === band ? 'scale__label scale__label--current' : 'scale__label'}>
            {segment.name}
            <span className="scale__range">{segment.range}</span>
          </span>
        ))}
      </div>
      <p className="score-card__norm">{norm}</p>
      {change ? <p className="score-card__change">{change}</p> : null}
      <p>{message}</p>
      <details>
        <summary>What this scale is about</summary>
        <p>{about}</p>
      </details>
    </section>
  );
}
