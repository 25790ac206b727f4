/**
 * The roofline view of the per-op timeline (issue 13), in the manner of LLM-Viewer:
 * the compute ceiling and each memory level's bandwidth ceiling, every op with MACs as
 * a point at its arithmetic intensity and achieved rate, coloured by kind. Loaded lazily
 * (RooflineSection), so it costs the main bundle nothing until opened.
 */
import { useId, useMemo, useState } from 'react';
import type { ElectorSimResult } from '../../core/elector/types.ts';
import type { AcceleratorConfig } from '../../core/space/accelerator/types.ts';
import { peaks } from '../../core/elector/validation/hardware.ts';
import { ChartFrame } from '../ChartFrame.tsx';
import { DataTable } from '../DataTable.tsx';
import { opLabel } from '../opNames.ts';
import { MEMORY_LEVELS, rooflinePoints, type MemoryLevel } from './rooflineGeometry.ts';
import { RooflinePlot } from './RooflinePlot.tsx';
import { ceilingFormulas, CEILING_NAMES, KIND_ORDER, KIND_STYLES, omittedNote, pct, rooflineSummary, sig3 } from './rooflineText.ts';

/** Like the timeline's op list: the table stops here. */
const TABLE_OP_LIMIT = 1000;

export default function RooflineChart({ result, accelerator }: { result: ElectorSimResult; accelerator: AcceleratorConfig }) {
  const entries = result.timeline ?? [];
  const [level, setLevel] = useState<MemoryLevel>('mainMemory');
  const selectId = useId();
  // The app runs the default elector constants, so these are the peaks the simulation used.
  const p = useMemo(() => peaks(accelerator, result.clockMHz), [accelerator, result.clockMHz]);
  const r = useMemo(() => rooflinePoints(entries, p, accelerator), [entries, p, accelerator]);
  const formulas = ceilingFormulas(accelerator, p, result.clockMHz);
  const summary = rooflineSummary(r, level);
  const kinds = KIND_ORDER.filter((k) => r.points.some((pt) => pt.kind === k));
  const edgeCount = r.points.filter((pt) => !Number.isFinite(pt.macsPerByte[level])).length;
  const table = (
    <DataTable
      caption={`Ops on the roofline (intensity against the ${CEILING_NAMES[level].toLowerCase()})`}
      columns={['Op', 'Kind', 'MACs', 'Cycles', 'Achieved MAC/cycle', 'Intensity MAC/B', 'Under ceiling', 'Ceiling MAC/cycle', '% of ceiling']}
      rows={r.points.slice(0, TABLE_OP_LIMIT).map((pt) => [
        opLabel(entries[pt.entry]), KIND_STYLES[pt.kind].label, sig3(pt.macs), sig3(pt.cycles), sig3(pt.macsPerCycle),
        Number.isFinite(pt.macsPerByte[level]) ? sig3(pt.macsPerByte[level]) : 'no bytes',
        CEILING_NAMES[pt.ceiling], sig3(pt.attainableMacsPerCycle), pct(pt.ofCeiling),
      ])}
      note={[r.points.length > TABLE_OP_LIMIT ? `First ${TABLE_OP_LIMIT} of ${r.points.length} ops.` : '', omittedNote(r)].filter(Boolean).join(' ')}
    />
  );
  const controls = (
    <label htmlFor={selectId} className="inline-control">
      Intensity of{' '}
      <select id={selectId} value={level} onChange={(e) => setLevel(e.target.value as MemoryLevel)} data-testid="roofline-level">
        {MEMORY_LEVELS.map((l) => <option key={l} value={l}>{CEILING_NAMES[l].toLowerCase()}</option>)}
      </select>
    </label>
  );
  return (
    <ChartFrame id="roofline" title="Roofline" summary={summary} table={table} controls={controls} wide>
      <div className="legend" aria-hidden="true">
        <span className="legend-title">Op kind:</span>
        {kinds.map((k) => (
          <span key={k} className="legend-item" data-testid={`roofline-legend-${k}`}>
            <svg width="10" height="10"><circle cx="5" cy="5" r="4.5" style={{ fill: KIND_STYLES[k].color }} /></svg>
            {KIND_STYLES[k].label}
          </span>
        ))}
        <span className="legend-hint">Hover a point to find its op in the timeline.</span>
      </div>
      {r.points.length > 0 ? (
        <RooflinePlot entries={entries} points={r.points} peaks={p} level={level} />
      ) : (
        <p className="chart-note">{summary}</p>
      )}
      <div className="roofline-caption chart-note" data-testid="roofline-caption">
        <p>
          Ceilings: {formulas.compute}; {formulas.mainMemory} (wire rate, η = 1); {formulas.activationBuffer}; {formulas.weightBuffer};{' '}
          {formulas.maskBuffer}. Each roof is min(compute, intensity × bandwidth).
        </p>
        <p>
          Point: achieved = MACs (after zero-skipping) ÷ the op&apos;s cycles on the timeline; intensity = MACs ÷ bytes the chosen level
          moves in the op&apos;s own time (main memory: weights prefetched during the previous op are left out, as in the validation&apos;s
          bounds; buffers: busy cycles × bank bandwidth). An op&apos;s ceiling is the lowest roof over it across all levels.
          {edgeCount > 0 && ` ${edgeCount} op${edgeCount === 1 ? '' : 's'} move no bytes at this level: drawn hollow in the “no B” strip.`}
        </p>
        <p data-testid="roofline-omitted">{omittedNote(r)}</p>
      </div>
    </ChartFrame>
  );
}
