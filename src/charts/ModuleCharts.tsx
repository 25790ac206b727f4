/**
 * The three per-module bar charts of a simulation: energy (stacked dynamic and
 * leakage, per sequence), area, and utilisation by module type.
 */
import type { SimResult } from '../core/elector/types.ts';
import { formatAreaMm2, formatSI } from '../ui/common/format.ts';
import { ChartFrame } from './ChartFrame.tsx';
import { DataTable } from './DataTable.tsx';
import { HBarChart, type BarPart } from './HBarChart.tsx';
import { energyParts, recordRows } from './energyParts.ts';
import { energySummary, utilisationSummary, valueSummary } from './summaries.ts';

const ENERGY_PARTS: BarPart[] = [
  { label: 'Dynamic', color: 'var(--series-1)' },
  { label: 'Leakage (hatched)', color: 'var(--series-2)', hatch: true },
];

const joules = (nJ: number) => formatSI(nJ * 1e-9, 'J');
const mm2 = formatAreaMm2;
const percent = (f: number) => `${Math.round(f * 100)}%`;
const share = (v: number, total: number) => (total === 0 ? '–' : `${((100 * v) / total).toFixed(1)}%`);

export function EnergyChart({ result }: { result: SimResult }) {
  const batch = result.batchSize > 0 ? result.batchSize : 1;
  // Per sequence, like the headline energy, so the two can be read together.
  const rows = energyParts(result).map((r) => ({ ...r, dynamicNJ: r.dynamicNJ / batch, leakageNJ: r.leakageNJ / batch }));
  const total = rows.reduce((s, r) => s + r.dynamicNJ + r.leakageNJ, 0);
  const summary = energySummary(rows, joules);
  return (
    <ChartFrame
      id="energy"
      title="Energy per sequence by module"
      summary={summary}
      table={
        <DataTable
          caption={`Energy per sequence by module (run total ÷ batch of ${result.batchSize}). Other PE logic: DMA, FIFO, dataflow${result.mode === 'training' ? ', stochastic rounding' : ''}.`}
          columns={['Module', 'Dynamic', 'Leakage', 'Total', 'Share']}
          rows={rows.map((r) => [r.label, joules(r.dynamicNJ), joules(r.leakageNJ), joules(r.dynamicNJ + r.leakageNJ), share(r.dynamicNJ + r.leakageNJ, total)])}
        />
      }
    >
      <HBarChart rows={rows.map((r) => ({ label: r.label, values: [r.dynamicNJ, r.leakageNJ] }))} parts={ENERGY_PARTS} formatTick={joules} formatTotal={joules} />
      {result.costModel === 'reference' && (
        <p className="chart-note">Reference model: buffers and main memory are charged access energy only, no leakage.</p>
      )}
    </ChartFrame>
  );
}

export function AreaChart({ result }: { result: SimResult }) {
  const rows = recordRows(result.areaByModuleMm2);
  const summary = valueSummary(rows, 'area', mm2);
  return (
    <ChartFrame
      id="area"
      title="Area by module"
      summary={summary}
      table={
        <DataTable
          caption="Area by module (mm²); it does not depend on the model"
          columns={['Module', 'Area', 'Share']}
          rows={rows.map((r) => [r.label, mm2(r.value), share(r.value, result.areaMm2)])}
        />
      }
    >
      <HBarChart rows={rows.map((r) => ({ label: r.label, values: [r.value] }))} parts={[{ label: 'Area', color: 'var(--series-3)' }]} formatTick={mm2} formatTotal={mm2} />
    </ChartFrame>
  );
}

export function UtilisationChart({ result }: { result: SimResult }) {
  if (!result.utilisation) {
    return (
      <section className="chart" data-testid="chart-utilisation">
        <h3>Utilisation by module type</h3>
        <p className="chart-note">Only the elector cost model tracks how busy each module is. Choose it under Run settings → Cost model.</p>
      </section>
    );
  }
  const rows = recordRows(result.utilisation, true);
  return (
    <ChartFrame
      id="utilisation"
      title="Utilisation by module type"
      summary={utilisationSummary(rows)}
      table={
        <DataTable
          caption="Busy fraction of each module type over the run"
          columns={['Module type', 'Utilisation']}
          rows={rows.map((r) => [r.label, `${(r.value * 100).toFixed(1)}%`])}
        />
      }
    >
      <HBarChart
        rows={rows.map((r) => ({ label: r.label, values: [Math.min(1, Math.max(0, r.value))] }))}
        parts={[{ label: 'Busy', color: 'var(--series-6)' }]}
        domain={[0, 1]}
        formatTick={percent}
        formatTotal={percent}
      />
    </ChartFrame>
  );
}
