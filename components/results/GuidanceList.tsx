import type { Guidance } from '@/lib/instruments';

/** Guidance chosen for a result: a card each, a few practical suggestions in each. */
export function GuidanceList({ guidance }: { guidance: Guidance[] }) {
  return (
    <section aria-labelledby="guidance-title">
      <h2 id="guidance-title">Ideas that may help</h2>
      <div className="guidance">
        {guidance.map((g) => (
          <section key={g.id} className="panel guidance__card" aria-labelledby={`guidance-${g.id}`}>
            <h3 id={`guidance-${g.id}`}>{g.title}</h3>
            <p>{g.intro}</p>
            <ul>
              {g.suggestions.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </section>
  );
}
