/**
 * Colour by and size by for the Pareto plot's points (any objective or varied parameter),
 * with a legend that states each colour bin's range and the size classes' ranges. The
 * choice is part of the view (session `plot.colourBy` / `plot.sizeBy`), so links keep it.
 */
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { useExplorer, useExplorerApi } from '../../state/useExplorer.ts';
import { useSweepApi } from '../../state/sweep/appSweep.ts';
import { isObjective, OBJECTIVES, OBJECTIVE_INFO } from '../../core/sweep/objectives.ts';
import { binRange, COLOUR_BIN_COUNT, COLOUR_BIN_HEX, formatChannelValue, SIZE_CLASS_COUNT, type PointEncoding } from './plotEncoding.ts';

const fmt = formatChannelValue;

function ColumnSelect({ which, value }: { which: 'colourBy' | 'sizeBy'; value: string }) {
  const api = useExplorerApi();
  const { filter } = useSweepApi();
  const params = useStore(filter.store, (f) => f.params);
  const label = which === 'colourBy' ? 'Colour by' : 'Size by';
  return (
    <label>
      {label}{' '}
      <select
        data-testid={`plot-${which === 'colourBy' ? 'colour' : 'size'}-by`} value={value}
        // The parameters' columns are built when someone may want them, not for every sweep.
        onFocus={() => filter.requestParams()} onPointerDown={() => filter.requestParams()}
        onChange={(e) => api.getState().setPlot({ [which]: e.target.value })}
      >
        <option value="">none</option>
        <optgroup label="Objectives">{OBJECTIVES.map((o) => <option key={o} value={o}>{OBJECTIVE_INFO[o].label}</option>)}</optgroup>
        {params && params.length > 0 && (
          <optgroup label="Parameters">{params.map((c) => <option key={c.param.id} value={c.param.id}>{c.param.label}</option>)}</optgroup>
        )}
        {/* A link may name a parameter before its columns exist: keep the choice visible. */}
        {value !== '' && !isObjective(value) && !params?.some((c) => c.param.id === value) && <option value={value}>{value}</option>}
      </select>
    </label>
  );
}

export function PlotEncodingControls({ encoding }: { encoding: PointEncoding | null }) {
  const { colourBy, sizeBy } = useExplorer(useShallow((s) => ({ colourBy: s.session.plot.colourBy ?? '', sizeBy: s.session.plot.sizeBy ?? '' })));
  const colour = encoding?.colour ?? null;
  const size = encoding?.size ?? null;
  return (
    <div className="plot-encoding">
      <ColumnSelect which="colourBy" value={colourBy} />
      <ColumnSelect which="sizeBy" value={sizeBy} />
      {colour?.domain && (
        <span className="plot-encoding-legend" data-testid="plot-colour-legend" aria-label={`Colour: ${colour.label}, ${fmt(colour, colour.domain[0])} to ${fmt(colour, colour.domain[1])}, ${colour.kind} scale`}>
          <span>{colour.label}: {fmt(colour, colour.domain[0])}</span>
          <span className="plot-encoding-bar" aria-hidden="true">
            {COLOUR_BIN_HEX.map((hex, b) => {
              const r = binRange(colour, b, COLOUR_BIN_COUNT)!;
              return <span key={hex} style={{ background: hex }} title={`${fmt(colour, r[0])} – ${fmt(colour, r[1])}`} />;
            })}
          </span>
          <span>{fmt(colour, colour.domain[1])} ({colour.kind})</span>
        </span>
      )}
      {size?.domain && (
        <span className="plot-encoding-legend" data-testid="plot-size-legend" aria-label={`Size: ${size.label}, small to large`}>
          <span>{size.label}:</span>
          {Array.from({ length: SIZE_CLASS_COUNT }, (_, k) => {
            const r = binRange(size, k, SIZE_CLASS_COUNT)!;
            return <span key={k}><span className={`plot-size-mark plot-size-${k}`} aria-hidden="true" /> {fmt(size, r[0])} – {fmt(size, r[1])}</span>;
          })}
        </span>
      )}
    </div>
  );
}
