/**
 * One encoder layer: hidden size, heads, feed-forward stack, and the buttons
 * that move, duplicate and remove it. Memoised: an edit of one layer of
 * BERT-Base re-renders that row, not the other eleven (edits keep the arrays of
 * untouched layers, and `onEdit` is stable).
 */
import { memo } from 'react';
import { TRANSFORMER_SPACE } from '../../core/space/transformer/schema.ts';
import { duplicateLayer, headTypesOf, removeLayer, setHiddenSize } from './modelEdits.ts';
import type { LayerIssues } from './modelIssues.ts';
import { LayerFeedForward } from './LayerFeedForward.tsx';
import { HEAD_TYPE_LABEL, HeadCountField, LayerHeads } from './LayerHeads.tsx';
import { numberOptions, SelectField } from './SelectField.tsx';
import type { ModelEdit } from './useModelDraft.ts';

const HIDDEN_OPTIONS = numberOptions(TRANSFORMER_SPACE.hidden);
const NONE: readonly string[] = [];

export interface LayerRowProps {
  index: number;
  ops: readonly string[];
  hidden: number;
  ff: readonly number[];
  issues: LayerIssues | undefined;
  isFirst: boolean;
  isLast: boolean;
  canGrow: boolean;
  canRemove: boolean;
  /** Prefix for the move buttons' ids, so focus can follow a moved layer. */
  idPrefix: string;
  onEdit: (change: ModelEdit) => void;
  onMove: (index: number, direction: -1 | 1) => void;
  /** Expanded: the layer's controls are shown and in the tab order; collapsed, one toggle and a summary. */
  open: boolean;
  onToggle: (index: number, open: boolean) => void;
}

/** One line for a collapsed layer: "768 wide · 12 heads: Attn SDP ×12 · FF 3072". */
export function layerSummary(ops: readonly string[], hidden: number, ff: readonly number[]): string {
  const counts = new Map<string, number>();
  for (const t of headTypesOf(ops)) counts.set(HEAD_TYPE_LABEL[t], (counts.get(HEAD_TYPE_LABEL[t]) ?? 0) + 1);
  const types = [...counts].map(([label, k]) => `${label.replace(' ', '\u00a0')}\u00a0×${k}`).join(', ');
  // No-break spaces keep each part on one line when the summary wraps.
  return `${hidden}\u00a0wide · ${ops.length}\u00a0head${ops.length === 1 ? '' : 's'}: ${types} · FF\u00a0${ff.join('/')}`;
}

/** Two overlapping squares; the ⧉ glyph is missing from common system fonts. */
function DuplicateIcon() {
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
      <rect x="0.75" y="3.75" width="7.5" height="7.5" rx="1" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M3.75 2.5V1.75a1 1 0 0 1 1-1h5.5a1 1 0 0 1 1 1v5.5a1 1 0 0 1-1 1H9.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}

export const LayerRow = memo(function LayerRow(p: LayerRowProps) {
  const { index, onEdit } = p;
  const n = index + 1;
  const bodyId = `${p.idPrefix}-${index}-body`;
  const summaryId = `${p.idPrefix}-${index}-summary`;
  return (
    <li className="layer-row" data-open={p.open}>
      <section role="group" aria-label={`Layer ${n}`} className="layer">
        <header className="layer-head">
          <h3 className="layer-title">
            {/* The whole row is the toggle (a big touch target); its name is "Layer n", the summary its description. */}
            <button
              type="button" className="layer-toggle" aria-expanded={p.open} aria-controls={bodyId} aria-label={`Layer ${n}`}
              aria-describedby={p.open ? undefined : summaryId} onClick={() => p.onToggle(index, !p.open)}
            >
              <span className="chevron" aria-hidden="true">{p.open ? '▾' : '▸'}</span>
              <span className="layer-name">Layer {n}</span>
              {!p.open && <span className="layer-summary" id={summaryId}>{layerSummary(p.ops, p.hidden, p.ff)}</span>}
            </button>
          </h3>
          {p.open && (
          <span className="layer-actions">
            <button type="button" className="icon" id={`${p.idPrefix}-${index}-up`} aria-label={`Move layer ${n} up`} title="Move up" disabled={p.isFirst} onClick={() => p.onMove(index, -1)}>
              ↑
            </button>
            <button type="button" className="icon" id={`${p.idPrefix}-${index}-down`} aria-label={`Move layer ${n} down`} title="Move down" disabled={p.isLast} onClick={() => p.onMove(index, 1)}>
              ↓
            </button>
            <button type="button" className="icon" aria-label={`Duplicate layer ${n}`} title={p.canGrow ? 'Duplicate' : 'A model has at most 12 layers'} disabled={!p.canGrow} onClick={() => onEdit((m) => duplicateLayer(m, index))}>
              <DuplicateIcon />
            </button>
            <button type="button" className="icon danger" aria-label={`Remove layer ${n}`} title={p.canRemove ? 'Remove' : 'The last layer cannot be removed'} disabled={!p.canRemove} onClick={() => onEdit((m) => removeLayer(m, index))}>
              ×
            </button>
          </span>
          )}
        </header>
        {/* Collapsed layers keep their controls in the page (hidden), so a 12-layer model is a dozen tab stops, not 250. */}
        <div className="layer-body" id={bodyId} hidden={!p.open}>
          <div className="layer-dims">
            <SelectField
              inline
              label="Hidden size"
              value={p.hidden}
              options={HIDDEN_OPTIONS}
              issues={p.issues?.hidden ?? NONE}
              onChange={(h) => onEdit((m) => setHiddenSize(m, index, h))}
            />
            <HeadCountField index={index} ops={p.ops} hidden={p.hidden} onEdit={onEdit} />
          </div>
          <LayerHeads index={index} ops={p.ops} issues={p.issues?.heads ?? NONE} onEdit={onEdit} />
          <LayerFeedForward index={index} widths={p.ff} issues={p.issues?.ff ?? NONE} onEdit={onEdit} />
        </div>
      </section>
    </li>
  );
});
