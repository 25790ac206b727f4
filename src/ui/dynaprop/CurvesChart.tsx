/**
 * Training loss and validation accuracy against the step: live while a run goes
 * (points arrive at most 10 times a second), then the finished run on show.
 */
import { useShallow } from 'zustand/react/shallow';
import { ChartFrame } from '../../charts/ChartFrame.tsx';
import { DataTable } from '../../charts/DataTable.tsx';
import { useLab } from '../../state/dynaprop/appLab.ts';
import { LineChart } from './LineChart.tsx';
import { frac } from './labView.ts';
import { useShownRun } from './useShownRun.ts';

interface Point { step: number; loss: number | null; validationAccuracy?: number }

export function CurvesCharts() {
  const live = useLab(useShallow((s) => ({ running: s.status === 'running', points: s.live, steps: s.progress?.steps ?? null, label: s.job?.label ?? '' })));
  const shown = useShownRun();
  const points: readonly Point[] = live.running ? live.points : shown.run?.history ?? [];
  const steps = live.running ? live.steps ?? 1 : shown.run?.config.steps ?? 1;
  const what = live.running ? `the run in progress (${live.label})` : shown.run ? 'the run on show' : null;
  if (!what) return <p className="lab-note lab-empty">Run DynaProp to see its loss and accuracy curves here.</p>;
  const losses = points.filter((p) => p.loss !== null).map((p) => ({ x: p.step, y: p.loss as number }));
  const accuracy = points.filter((p) => p.validationAccuracy !== undefined).map((p) => ({ x: p.step, y: p.validationAccuracy as number }));
  const maxLoss = Math.max(0.1, ...losses.map((p) => p.y));
  const last = (xs: { y: number }[]) => (xs.length > 0 ? frac(xs[xs.length - 1].y) : '–');
  const table = (
    <DataTable
      caption={`Loss and validation accuracy of ${what}`}
      columns={['Step', 'Training loss', 'Validation accuracy']}
      rows={points.map((p) => [p.step, frac(p.loss), frac(p.validationAccuracy)])}
    />
  );
  return (
    <>
      <ChartFrame id="lab-loss" title="Training loss" summary={`Loss of ${what} over ${steps} steps; latest ${last(losses)}.`} table={table}>
        <LineChart
          series={[{ label: 'loss', color: 'var(--series-1)', points: losses }]}
          xDomain={[0, steps]} yDomain={[0, maxLoss]} xLabel="step" yLabel="cross-entropy" yFormat={(v) => v.toFixed(1)}
        />
      </ChartFrame>
      <ChartFrame id="lab-accuracy" title="Validation accuracy" summary={`Validation accuracy of ${what}; latest ${last(accuracy)}; a coin flip scores 0.5.`} table={table}>
        <LineChart
          series={[{ label: 'validation accuracy', color: 'var(--series-3)', points: accuracy, dots: true }]}
          xDomain={[0, steps]} yDomain={[0.4, 1]} xLabel="step" yLabel="accuracy" yFormat={(v) => v.toFixed(1)}
          reference={{ y: 0.5, label: 'coin flip' }}
        />
      </ChartFrame>
    </>
  );
}
