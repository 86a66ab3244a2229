type Props = {
  id: string;
  name: string;
  raw: number;
  band: 'low' | 'moderate' | 'high';
  bandLabel: string;
  message: string;
  about: string;
  /** What changed since the previous check-in, in words (none for a first check-in). */
  change?: string;
  /** The tone of the low, moderate and high bands on this subscale (lib/instruments bandTone). */
  tones: { low: string; moderate: string; high: string };
};

const MIN = 10;
const MAX = 50;

/** One subscale's score, its band and what it means. The bar is decoration: the figures are in the text. */
export function ScoreCard({ id, name, raw, band, bandLabel, message, about, change, tones }: Props) {
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
        <div className={`scale__band scale__band--low tone--${tones.low}`} />
        <div className={`scale__band scale__band--moderate tone--${tones.moderate}`} />
        <div className={`scale__band scale__band--high tone--${tones.high}`} />
        <div className="scale__marker" style={{ left: `${position}%` }} />
      </div>
      <div className="scale__labels" aria-hidden="true">
        <span>10</span>
        <span>22</span>
        <span>41</span>
        <span>50</span>
      </div>
      {change ? <p className="score-card__change">{change}</p> : null}
      <p>{message}</p>
      <details>
        <summary>What this scale is about</summary>
        <p>{about}</p>
      </details>
    </section>
  );
}
