/** The readable (non-JSON) form of a simulation result. */
import type { ElectorRunInfo, SimResult } from '../core/elector/types.ts';

const si = (x: number, unit: string): string => {
  const abs = Math.abs(x);
  const scales: [number, string][] = [[1e9, 'G'], [1e6, 'M'], [1e3, 'k'], [1, ''], [1e-3, 'm'], [1e-6, 'µ'], [1e-9, 'n']];
  for (const [scale, prefix] of scales) if (abs >= scale) return `${(x / scale).toPrecision(4)} ${prefix}${unit}`;
  return `${x.toPrecision(4)} ${unit}`;
};

/** Sequence length and the other run settings the elector model reports. */
function runLine(run: ElectorRunInfo, mode: SimResult['mode'], batch: number): string {
  const parts = [`${run.seqLen} tokens per sequence`];
  if (mode === 'training' && run.accumulationSteps !== undefined) parts.push(`${run.accumulationSteps} accumulation steps`);
  parts.push(run.mlmHead ? 'MLM head' : 'no MLM head', run.powerGating ? 'idle units power-gated' : 'no power gating');
  parts.push(`${run.mappingObjective} mapping`);
  if (run.subBatch > 0 && run.subBatch < batch) parts.push(`${Math.ceil(batch / run.subBatch)} passes of ${run.subBatch}`);
  return parts.join(', ');
}

export function formatSummary(r: SimResult, title: string): string {
  const energy = Object.entries(r.energyNJ)
    .map(([k, v]) => (Array.isArray(v) ? `  ${k.padEnd(18)} ${si(v[0] * 1e-9, 'J')} dynamic, ${si(v[1] * 1e-9, 'J')} leakage` : `  ${k.padEnd(18)} ${si(v * 1e-9, 'J')}`))
    .join('\n');
  const lines = [
    title,
    `  cost model         ${r.costModel}, ${r.mode}, ${r.clockMHz} MHz, batch ${r.batchSize}`,
    ...(r.run ? [`  run                ${runLine(r.run, r.mode, r.batchSize)}`] : []),
    `  cycles             ${r.cycles.toLocaleString('en-US')}`,
    `  latency            ${si(r.latencyS, 's')}`,
    `  throughput         ${r.throughputSeqPerS.toPrecision(4)} sequences/s`,
    `  energy             ${si(r.totalEnergyNJ * 1e-9, 'J')} (${si(r.dynamicNJ * 1e-9, 'J')} dynamic, ${si(r.leakageNJ * 1e-9, 'J')} leakage)`,
    `  energy per seq     ${si((r.totalEnergyNJ * 1e-9) / r.batchSize, 'J')}`,
    `  area               ${r.areaMm2.toFixed(2)} mm²`,
    `  main memory        ${si(r.traffic.mainMemoryReadBytes, 'B')} read, ${si(r.traffic.mainMemoryWriteBytes, 'B')} written`,
    'energy by module',
    energy,
  ];
  if (r.warnings.length) lines.push('warnings', ...r.warnings.map((w) => `  ! ${w}`));
  return lines.join('\n') + '\n';
}
