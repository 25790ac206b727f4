import { useEffect, useState } from 'react';
import { simulateLatest } from '../workers-client/electorClient.ts';
import { MODEL_PRESETS } from '../core/space/transformer/presets.ts';
import { ACCELERATOR_PRESETS } from '../core/space/accelerator/presets.ts';
import type { SimulationReply } from '../core/elector/run.ts';

/** First slice of the explorer: one preset pair, simulated in the ELECTOR worker. */
export function App() {
  const [reply, setReply] = useState<SimulationReply | null>(null);
  useEffect(() => {
    const model = MODEL_PRESETS['bert-tiny'].model;
    const accelerator = ACCELERATOR_PRESETS['acceltran-edge'].config;
    void simulateLatest(model, accelerator, { mode: 'inference', costModel: 'reference' }).then((o) => {
      if (!o.superseded) setReply(o.value);
    });
  }, []);
  return (
    <main>
      <h1>TransCODE Explorer</h1>
      <p>BERT-Tiny on AccelTran-Edge, inference, reference cost model</p>
      {!reply && <p role="status">Simulating…</p>}
      {reply && !reply.ok && <p role="alert">{reply.error}</p>}
      {reply?.ok && (
        <dl>
          <dt>Cycles</dt>
          <dd data-testid="cycles">{reply.result.cycles}</dd>
          <dt>Area (mm²)</dt>
          <dd data-testid="area">{reply.result.areaMm2}</dd>
        </dl>
      )}
    </main>
  );
}
