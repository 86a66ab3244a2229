'use client';

import { useId } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Tone } from '@/lib/instruments/interpretation';
import { bandShading, patternIdPrefix } from './band-shading';

/** One published period of a group: its whole-number mean, or null where the period's figures are hidden (a gap in the line). */
export type GroupTrendPoint = { label: string; mean: number | null };
/** An initiative on the chart: the period it started in (`label` on the axis, `period` in words), its title and its number. */
export type GroupTrendMarker = { label: string; period: string; title: string; number: number };

/**
 * A group's mean on one subscale over published periods, with the band regions
 * shaded by what they mean on this subscale and initiatives drawn as numbered
 * dashed lines at the period they started in, named in a key under the chart.
 * The chart is hidden from assistive technology: the table beside it carries
 * the same figures, and the key and the initiatives' list name the markers.
 */
export function GroupTrend({
  name,
  points,
  markers,
  tones,
}: {
  name: string;
  points: GroupTrendPoint[];
  markers: GroupTrendMarker[];
  tones: Record<'low' | 'moderate' | 'high', Tone>;
}) {
  const patterns = patternIdPrefix(useId());
  return (
    <div className="trend" aria-hidden="true" data-testid={`group-trend-${name}`}>
      <ResponsiveContainer width="100%" height={220}>
        <LineChart data={points} margin={{ top: 16, right: 12, bottom: 4, left: -12 }} accessibilityLayer={false}>
          {bandShading(patterns, tones)}
          <CartesianGrid vertical={false} strokeDasharray="2 4" className="trend__grid" />
          <XAxis dataKey="label" type="category" minTickGap={16} tick={{ fontSize: 12 }} padding={{ left: 12, right: 12 }} />
          <YAxis domain={[10, 50]} ticks={[10, 22, 41, 50]} tick={{ fontSize: 12 }} width={40} />
          {markers.map((m, i) => (
            <ReferenceLine
              key={m.number}
              x={m.label}
              className="trend__marker"
              strokeDasharray="4 3"
              // Two starting in one period: their numbers side by side rather than on top of each other.
              label={{ value: String(m.number), position: 'top', fontSize: 13, fontWeight: 700, fill: '#3d2c6b', dx: sameBefore(markers, i) * 12 }}
            />
          ))}
          <Tooltip isAnimationActive={false} formatter={(value) => [value === null ? 'hidden' : String(value), `${name}, mean`]} />
          <Line type="linear" dataKey="mean" className="trend__line" isAnimationActive={false} strokeWidth={2} connectNulls={false} dot={{ r: 3 }} activeDot={{ r: 5 }} />
        </LineChart>
      </ResponsiveContainer>
      {markers.length > 0 ? (
        <ol className="trend-key" aria-label="Initiatives on this chart">
          {markers.map((m) => (
            <li key={m.number}>
              <span className="marker-number">{m.number}</span> {m.title} <span className="muted">(from {m.period})</span>
            </li>
          ))}
        </ol>
      ) : null}
    </div>
  );
}

/** How many markers before the i-th fall in the same period. */
function sameBefore(markers: readonly GroupTrendMarker[], i: number): number {
  return markers.slice(0, i).filter((m) => m.label === markers[i]!.label).length;
}
