'use client';

import { useId } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatAxisDate, formatShortDate } from '@/lib/format/date';
import type { Tone } from '@/lib/instruments/interpretation';
import { bandShading, patternIdPrefix } from './band-shading';

export type TrendPoint = { at: number; raw: number; reliable: boolean };

type DotProps = { cx?: number; cy?: number; payload?: TrendPoint; index?: number };

/** Every check-in is a dot; one whose change from the previous is reliable gets a ring around it. */
function Dot({ cx, cy, payload, index, small }: DotProps & { small: boolean }) {
  if (cx === undefined || cy === undefined || !payload) return null;
  return (
    <g key={`dot-${index}`}>
      {payload.reliable ? <circle cx={cx} cy={cy} r={small ? 6 : 8} className="trend__ring" /> : null}
      <circle cx={cx} cy={cy} r={small ? 2.5 : 4} className="trend__dot" />
    </g>
  );
}

/**
 * One subscale over time, with the low / moderate / high regions shaded by what
 * they mean on this subscale (`tones`, from lib/instruments bandTones).
 * Hidden from assistive technology: the table beside it carries the same data.
 */
export function SubscaleTrend({ name, points, tones }: { name: string; points: TrendPoint[]; tones: Record<'low' | 'moderate' | 'high', Tone> }) {
  const small = points.length > 24;
  const patterns = patternIdPrefix(useId());
  return (
    <div className="trend" aria-hidden="true" data-testid={`trend-${name}`}>
      <ResponsiveContainer width="100%" height={220}>
        <LineChart data={points} margin={{ top: 8, right: 12, bottom: 4, left: -12 }} accessibilityLayer={false}>
          {bandShading(patterns, tones)}
          <CartesianGrid vertical={false} strokeDasharray="2 4" className="trend__grid" />
          <XAxis
            dataKey="at"
            type="number"
            scale="time"
            domain={['dataMin', 'dataMax']}
            tickFormatter={formatAxisDate}
            minTickGap={28}
            tick={{ fontSize: 12 }}
            padding={{ left: 12, right: 12 }}
          />
          <YAxis domain={[10, 50]} ticks={[10, 22, 41, 50]} tick={{ fontSize: 12 }} width={40} />
          <Tooltip
            isAnimationActive={false}
            labelFormatter={(at) => formatShortDate(Number(at))}
            formatter={(value) => [String(value), name]}
          />
          <Line
            type="linear"
            dataKey="raw"
            className="trend__line"
            isAnimationActive={false}
            strokeWidth={2}
            dot={(props: DotProps) => <Dot {...props} small={small} />}
            activeDot={{ r: 6 }}
          />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
