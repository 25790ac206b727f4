/** Data moved during the run: main-memory reads and writes, and on-chip buffer traffic (bytes, whole run). */
import type { SimResult } from '../core/elector/types.ts';
import { formatSI } from '../ui/common/format.ts';
import { ChartFrame } from './ChartFrame.tsx';
import { DataTable } from './DataTable.tsx';
import { HBarChart } from './HBarChart.tsx';

const bytes = (b: number) => formatSI(b, 'B');

export function trafficRows(result: SimResult): { label: string; value: number }[] {
  const t = result.traffic;
  return [
    { label: 'Main-memory reads', value: t.mainMemoryReadBytes },
    { label: 'Main-memory writes', value: t.mainMemoryWriteBytes },
    { label: 'On-chip buffers', value: t.bufferBytes },
  ];
}

export function TrafficChart({ result }: { result: SimResult }) {
  const rows = trafficRows(result);
  const note =
    result.costModel === 'reference'
      ? 'Reference model: it never writes main memory; reads count every load (the embedding table included) and buffer traffic counts stores only.'
      : 'Elector model: every bit read or written, at the stored width (compressed by sparsity where the format allows).';
  const summary = `Whole run: ${rows.map((r) => `${r.label.toLowerCase()} ${bytes(r.value)}`).join(', ')}.`;
  return (
    <ChartFrame
      id="traffic"
      title="Data moved (whole run)"
      summary={summary}
      table={<DataTable caption="Bytes moved during the whole run" columns={['Where', 'Bytes']} rows={rows.map((r) => [r.label, bytes(r.value)])} note={note} />}
    >
      <HBarChart rows={rows.map((r) => ({ label: r.label, values: [r.value] }))} parts={[{ label: 'Bytes', color: 'var(--series-4)' }]} formatTick={bytes} formatTotal={bytes} />
      <p className="chart-note">{note}</p>
    </ChartFrame>
  );
}
