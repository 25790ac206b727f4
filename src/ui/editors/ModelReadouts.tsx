/**
 * Live figures of the stored (valid) model: parameter count, MACs per sequence
 * and the 37-entry embedding, each with where it comes from. They are computed on
 * the main thread: closed forms over at most 12 layers, microseconds.
 */
import { useMemo, useState } from 'react';
import { macsByLayer, modelCounts } from '../../core/space/transformer/counts.ts';
import { encodeModel } from '../../core/space/transformer/embedding.ts';
import { TRANSFORMER_SPACE } from '../../core/space/transformer/schema.ts';
import { useExplorer, useExplorerApi } from '../../state/useExplorer.ts';
import { Explain } from '../common/Explain.tsx';
import { formatCount, formatSI } from '../common/format.ts';

const S = TRANSFORMER_SPACE;

export function ModelReadouts({ stale }: { stale: boolean }) {
  const model = useExplorer((s) => s.session.design.model);
  const seqLen = useExplorer((s) => s.session.settings.seqLen);
  const api = useExplorerApi();
  const [copied, setCopied] = useState(false);
  const figures = useMemo(() => {
    const { parameters, macs } = modelCounts(model, seqLen);
    let relativePosition = 0;
    for (const layer of macsByLayer(model, seqLen)) relativePosition += layer.relativePosition;
    const pooler = model.h[model.l - 1] ** 2;
    return { params: parameters, macs, relativePosition, pooler, embedding: `[${encodeModel(model).join(', ')}]` };
  }, [model, seqLen]);

  const copy = () => {
    navigator.clipboard.writeText(figures.embedding).then(
      () => {
        setCopied(true);
        setTimeout(() => setCopied(false), 1500);
      },
      () => api.getState().notify('error', 'Could not copy: the browser denied clipboard access. Select the embedding text and copy it by hand.'),
    );
  };

  return (
    <div className={stale ? 'readouts stale' : 'readouts'} aria-label="Model figures" role="group">
      {stale && <p className="muted small">Figures of the last valid model.</p>}
      <dl className="readout-list">
        <div>
          <dt>Parameters</dt>
          <dd data-testid="param-count" title={`${formatCount(figures.params)} parameters`}>
            {formatCount(figures.params)} <span className="muted">({formatSI(figures.params, '')})</span>
          </dd>
        </div>
        <div>
          <dt>MACs per sequence ({seqLen} tokens)</dt>
          <dd data-testid="macs" data-seq-len={seqLen} title={`${formatCount(figures.macs)} multiply–accumulates for ${seqLen} tokens`}>
            {formatSI(figures.macs, 'MAC')}
          </dd>
        </div>
      </dl>
      <Explain always label="Where this comes from">
        <p>
          Parameters: embeddings (V + P + 1)·h₁ + 2h₁ with V = {formatCount(S.modelVocabulary)} and P = {S.maxPositions}; per
          layer Q, K, V 3(hA + A), a relative-position table (2P − 1)·d, extra weights of WMA and convolution heads, the
          attention output and LayerNorm, the feed-forward chain h → f₁ → … → h, and a projection where the next hidden size
          differs; plus the pooler h² + h (docs/flexibert.md §6).
        </p>
        <p>
          MACs: forward multiply–accumulates for one sequence of T = {seqLen} tokens (the run settings&apos; sequence length): Q, K, V 3·T·h·A, relative
          positions and probs·V 2·n·T²·d, each head type&apos;s own work, output T·A·h, the feed-forward chain and the pooler
          h² (docs/flexibert.md §7). A = n·d is the concatenated head width.
        </p>
        <p data-testid="macs-simulated">
          The simulators, like AccelTran&apos;s, run neither the relative-position scores ({formatSI(figures.relativePosition, 'MAC')} here)
          nor the pooler ({formatSI(figures.pooler, 'MAC')}), and they run each head type&apos;s own work as its ops (listed in
          the Ops table), which for WMA, DFT, DCT and convolution heads can count fewer MACs than the formula above (up to 15 %
          fewer on 1,000 random models).
          The Ops table&apos;s MACs column is after zero-skipping, for the sequences of the pass it shows.
        </p>
      </Explain>
      <div className="embedding">
        <span className="embedding-label">Embedding (37 entries)</span>
        <code data-testid="embedding">
          {figures.embedding}
        </code>
        <button type="button" onClick={copy} aria-label="Copy embedding">
          {copied ? 'Copied' : 'Copy'}
        </button>
      </div>
      <Explain label="What is the embedding?">
        Entry 0 is the position of the layer count in {S.layers.join(', ')}. Layer i uses entries 3i+1 (position of the hidden
        size), 3i+2 (index of the feed-forward stack among 258 options) and 3i+3 (index of the layer&apos;s multiset of head
        types among 21,805 options); entries past the last layer are 0 (docs/flexibert.md §4). The surrogate models of
        co-design read this vector.
      </Explain>
    </div>
  );
}
