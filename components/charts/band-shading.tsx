import { ReferenceArea } from 'recharts';
import { BAND_EDGE_COLOUR, TONE_COLOURS, TONE_PATTERN_INK, type Tone } from '@/lib/instruments/interpretation';

type Band = 'low' | 'moderate' | 'high';

/** Band edges on the score axis (between the whole-number scores 22|23 and 41|42). */
const BANDS = [
  { from: 10, to: 22.5, band: 'low' },
  { from: 22.5, to: 41.5, band: 'moderate' },
  { from: 41.5, to: 50, band: 'high' },
] as const;

/** An id usable in url(#…): React's ids carry characters that are not. */
export function patternIdPrefix(reactId: string): string {
  return `bands-${reactId.replace(/[^A-Za-z0-9_-]/g, '')}`;
}

/**
 * The band regions of a chart, as children of a Recharts chart (a list, not a
 * component, so Recharts sees its own elements): each filled with its tone's
 * colour and pattern and outlined by a dark edge, as on the score bar and in
 * the legend. `prefix` keeps several charts on one page from sharing patterns.
 */
export function bandShading(prefix: string, tones: Record<Band, Tone>) {
  const fill = (tone: Tone) => (TONE_PATTERN_INK[tone] ? `url(#${prefix}-${tone})` : TONE_COLOURS[tone]);
  return [
    <defs key="band-patterns">
      <pattern id={`${prefix}-middle`} width="5" height="5" patternUnits="userSpaceOnUse">
        <rect width="5" height="5" fill={TONE_COLOURS.middle} />
        <circle cx="2.5" cy="2.5" r="1" fill={TONE_PATTERN_INK.middle!} />
      </pattern>
      <pattern id={`${prefix}-concern`} width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width="5" height="5" fill={TONE_COLOURS.concern} />
        <rect width="1.5" height="5" fill={TONE_PATTERN_INK.concern!} />
      </pattern>
    </defs>,
    // Each region outlined: adjacent regions share an edge, so a dark line runs between every two bands.
    ...BANDS.map((band) => (
      <ReferenceArea key={band.band} y1={band.from} y2={band.to} fill={fill(tones[band.band])} fillOpacity={1} stroke={BAND_EDGE_COLOUR} strokeWidth={1} ifOverflow="hidden" />
    )),
  ];
}
