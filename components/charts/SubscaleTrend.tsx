'use client';

import { useId } from 'react';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from 'recharts';
import { formatAxisDate, formatDayMonth, formatShortDate } from '@/lib/format/date';
import type { AxisTicks } from '@/lib/format/axis-ticks';
import type { Tone } from '@/lib/instruments/interpretation';
import { bandShading, patternIdPrefix } from './band-shading';

/** One check-in on the chart: its score, its band in words, whether it changed reliably, whether it has a note. */
export type TrendPoint = { at: number; raw: number; band: string; reliable: boolean; note: boolean };

type DotProps = { cx?: number; cy?: number; payload?: TrendPoint; index?: number };

/**
 * Every check-in is a dot; one whose change from the previous is reliable gets
 * a ring around it, and one with a note a small diamond above it.
 */
function Dot({ cx, cy, payload, index, small }: DotProps & { small: boolean }) {
  if (cx === undefined || cy === undefined || !payload) return null;
  const lift = small ? 11 : 15;
  const size = small ? 3 : 4;
  return (
    <g key={`dot-${index}`}>
      {payload.reliable ? <circle cx={cx} cy={cy} r={small ? 6 : 8} className="trend__ring" /> : null}
      <circle cx={cx} cy={cy} r={small ? 2.5 : 4} className="trend__dot" />
      {payload.note ? (
        <path d={`M${cx} ${cy - lift - size}l${size} ${size}l${-size} ${size}l${-size} ${-size}z`} className="trend__note" data-note="true" />
      ) : null}
    </g>
  );
}

/** The tooltip, in Tend's words: the date, the score and its band, and what the marks mean. */
function TrendTooltip({ active, payload }: TooltipContentProps) {
  const point = active ? (payload?.[0]?.payload as TrendPoint | undefined) : undefined;
  if (!point) return null;
  return (
    <div className="trend-tooltip">
      <p className="trend-tooltip__date">{formatShortDate(point.at)}</p>
      <p>
        <strong>{point.raw}</strong>, {point.band.toLowerCase()}
      </p>
      {point.reliable ? <p>A real change from the check-in before</p> : null}
      {point.note ? <p>You wrote a note (in the table below)</p> : null}
    </div>
  );
}

/**
 * One subscale over time, with the low / moderate / high regions shaded by what
 * they mean on this subscale (`tones`, from lib/instruments bandTones), and the
 * time axis ticked where `ticks` says (lib/format/axis-ticks, worked out on the
 * server). Hidden from assistive technology: the table beside it carries the
 * same data, notes included.
 */
export function SubscaleTrend({ name, points, tones, ticks }: { name: string; points: TrendPoint[]; tones: Record<'low' | 'moderate' | 'high', Tone>; ticks: AxisTicks }) {
  const small = points.length > 24;
  const patterns = patternIdPrefix(useId());
  return (
    <div className="trend" aria-hidden="true" data-testid={`trend-${name}`}>
      <ResponsiveContainer width="100%" height={220}>
        <LineChart data={points} margin={{ top: 20, right: 16, bottom: 4, left: -12 }} accessibilityLayer={false}>
          {bandShading(patterns, tones)}
          <CartesianGrid vertical={false} strokeDasharray="2 4" className="trend__grid" />
          <XAxis
            dataKey="at"
            type="number"
            scale="time"
            domain={['dataMin', 'dataMax']}
            ticks={ticks.ticks}
            interval={0}
            tickFormatter={ticks.unit === 'month' ? formatAxisDate : formatDayMonth}
            tick={{ fontSize: 12 }}
            padding={{ left: 12, right: 12 }}
          />
          <YAxis domain={[10, 50]} ticks={[10, 22, 41, 50]} tick={{ fontSize: 12 }} width={40} />
          <Tooltip isAnimationActive={false} content={TrendTooltip} />
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
