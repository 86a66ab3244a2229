'use client';

import { useId } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { Tone } from '@/lib/instruments/interpretation';
import { bandShading, patternIdPrefix } from './band-shading';

/** One published period of a group: its whole-number mean, or null where the period's figures are hidden (a gap in the line). */
export type GroupTrendPoint = { label: string; mean: number | null };
export type GroupTrendMarker = { label: string; title: string };

/**
 * A group's mean on one subscale over published periods, with the band regions
 * shaded by what they mean on this subscale and initiatives drawn as dashed
 * lines at the period they started in. Hidden from assistive technology: the
 * table beside it carries the same figures and the initiatives are listed.
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
          {markers.map((m) => (
            <ReferenceLine key={`${m.label}-${m.title}`} x={m.label} className="trend__marker" strokeDasharray="4 3" label={{ value: '▲', position: 'top', fontSize: 11 }} />
          ))}
          <Tooltip isAnimationActive={false} formatter={(value) => [value === null ? 'hidden' : String(value), `${name}, mean`]} />
          <Line type="linear" dataKey="mean" className="trend__line" isAnimationActive={false} strokeWidth={2} connectNulls={false} dot={{ r: 3 }} activeDot={{ r: 5 }} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
