/**
 * The per-op timeline (elector model only): Gantt rows by layer or by op kind,
 * bars coloured and striped by what bound them (compute solid, each memory level
 * striped its own way), with a table view that aggregates rows and lists the first ops.
 */
import { useId, useMemo } from 'react';
import { useExplorer, useExplorerApi } from '../state/useExplorer.ts';
import type { SimResult } from '../core/elector/types.ts';
import { ChartFrame } from './ChartFrame.tsx';
import { DataTable } from './DataTable.tsx';
import { LimiterLegend } from './LimiterFills.tsx';
import { LIMITER_STYLES, limiterOf } from './limiters.ts';
import { opLabel } from './opNames.ts';
import { passesNote } from './runNotes.ts';
import { TimelinePlot } from './TimelinePlot.tsx';
import { layoutTimeline, type TimelineGrouping } from './timelineLayout.ts';
import { summariseRows, timelineSentence } from './timelineSummary.ts';

/** The op list in the table view stops here; the per-row table covers every op. */
export const TABLE_OP_LIMIT = 1000;
const n = (x: number) => (Number.isFinite(x) ? x.toLocaleString('en-US') : '–');

export function TimelineChart({ result }: { result: SimResult }) {
  // The row grouping is part of the view: links, reload and session files bring it back.
  const by: TimelineGrouping = useExplorer((s) => s.session.view.timelineRows);
  const api = useExplorerApi();
  const setBy = (timelineRows: TimelineGrouping) => api.getState().setView({ timelineRows });
  const selectId = useId();
  const entries = result.timeline;
  const layout = useMemo(() => (entries ? layoutTimeline(entries, by) : null), [entries, by]);
  if (!entries || !layout) {
    return (
      <section className="chart chart-wide" data-testid="chart-timeline">
        <h3>Per-op timeline</h3>
        <p className="chart-note" data-testid="timeline-unavailable">
          {result.costModel === 'reference'
            ? 'The reference cost model re-creates the published fast simulator, which keeps no per-op schedule, so it has no timeline. Choose the elector cost model under Run settings to see one.'
            : 'This result has no timeline (it was simulated with the timeline turned off).'}
        </p>
      </section>
    );
  }
  const summary = timelineSentence(entries, result.boundCycles);
  const present = new Set(layout.bars.map((b) => b.limiter));
  const rows = summariseRows(entries, layout);
  const table = (
    <>
      <DataTable
        caption={`Ops per ${by === 'layer' ? 'layer' : 'op kind'}`}
        columns={['Row', 'Ops', 'Compute-bound', 'Memory-bound', 'First cycle', 'Last cycle']}
        rows={rows.map((r) => [r.label, n(r.ops), n(r.computeBound), n(r.memoryBound), n(r.firstCycle), n(r.lastCycle)])}
      />
      <DataTable
        caption="Ops in time order"
        columns={['Op', 'Kind', 'Direction', 'Start', 'End', 'Bound by']}
        rows={layout.bars.slice(0, TABLE_OP_LIMIT).map((b) => {
          const e = entries[b.entry];
          return [opLabel(e), e.kind, e.direction, n(e.startCycle), n(e.endCycle), LIMITER_STYLES[limiterOf(e)].label];
        })}
        note={entries.length > TABLE_OP_LIMIT ? `First ${n(TABLE_OP_LIMIT)} of ${n(entries.length)} ops.` : undefined}
      />
    </>
  );
  const controls = (
    <label htmlFor={selectId} className="inline-control">
      Rows{' '}
      <select id={selectId} value={by} onChange={(e) => setBy(e.target.value as TimelineGrouping)} data-testid="timeline-grouping">
        <option value="layer">by layer</option>
        <option value="kind">by op kind</option>
      </select>
    </label>
  );
  return (
    <ChartFrame id="timeline" title="Per-op timeline" summary={summary} table={table} controls={controls} interactive wide>
      <div className="legend" aria-hidden="true">
        <LimiterLegend present={present} />
        <span className="legend-hint">Hover or focus and use arrow keys; drag to zoom, double-click to reset.</span>
      </div>
      {passesNote(result) && <p className="chart-note" data-testid="timeline-passes">{passesNote(result)}</p>}
      <TimelinePlot entries={entries} layout={layout} summary={summary} />
    </ChartFrame>
  );
}
