/**
 * Hover details of one sweep point: its objectives and its design. Has its own
 * state behind an imperative handle, so a mousemove re-renders only this box.
 */
import { memo, useImperativeHandle, useState, type Ref } from 'react';
import { OBJECTIVES, OBJECTIVE_INFO } from '../../core/sweep/objectives.ts';
import { pointDescription } from './pointDescription.ts';
import { formatObjective } from './objectiveFormat.ts';
import { useSweepApi } from '../../state/sweep/appSweep.ts';

export interface PlotTooltipHandle {
  /** Shows point `index` at (x, y) inside a plot of the given size (null hides it). */
  show(index: number | null, x: number, y: number, width: number, height: number): void;
}

/** Memoised: only its own state (the hovered point) re-renders it, not the plot's. */
export const PlotTooltip = memo(function PlotTooltip({ ref }: { ref: Ref<PlotTooltipHandle> }) {
  const runs = useSweepApi().store;
  const [hover, setHover] = useState<{ index: number; x: number; y: number; width: number; height: number } | null>(null);
  useImperativeHandle(ref, () => ({ show: (index, x, y, width, height) => setHover(index === null ? null : { index, x, y, width, height }) }), []);
  if (!hover) return null;
  const { columns, job } = runs.getState();
  if (!columns || !job || hover.index >= job.total) return null;
  const design = pointDescription(job, hover.index);
  // Keep the box inside the plot: flip it left of / above the pointer in the right / lower half.
  const dx = hover.x > hover.width / 2 ? 'calc(-100% - 24px)' : '0px';
  const dy = hover.y > hover.height / 2 ? 'calc(-100% - 24px)' : '0px';
  const style = { left: hover.x + 12, top: hover.y + 12, transform: `translate(${dx}, ${dy})` };
  return (
    <div className="sweep-tooltip" style={style} role="status" data-testid="pareto-tooltip">
      <div className="sweep-tooltip-title">Point #{hover.index}</div>
      <dl>
        {OBJECTIVES.map((o) => (
          <div key={o}>
            <dt>{OBJECTIVE_INFO[o].label}</dt>
            <dd>{formatObjective(o, columns[o][hover.index])}</dd>
          </div>
        ))}
      </dl>
      <p>{design.levels || 'Model drawn from the whole FlexiBERT 2.0 space'}</p>
      <p className="muted">{design.model}</p>
      <p className="muted">{design.accelerator}</p>
    </div>
  );
});
