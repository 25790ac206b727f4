/** A layer's feed-forward stack: 1–3 widths from the allowed list; add or remove a width. */
import { TRANSFORMER_SPACE } from '../../core/space/transformer/schema.ts';
import { addFfWidth, MAX_FF_STACK, MIN_FF_STACK, removeFfWidth, setFfWidth } from './modelEdits.ts';
import type { ModelEdit } from './useModelDraft.ts';

interface Props {
  index: number;
  widths: readonly number[];
  issues: readonly string[];
  onEdit: (change: ModelEdit) => void;
}

export function LayerFeedForward({ index, widths, issues, onEdit }: Props) {
  const layer = index + 1;
  return (
    <div className="layer-ff" role="group" aria-label={`Feed-forward stack of layer ${layer}`}>
      <span className="layer-ff-label" title={`Dense layers h → ${widths.join(' → ')} → h`}>Feed-forward</span>
      {widths.map((w, j) => (
        <span key={j} className="ff-width">
          <select
            aria-label={`Feed-forward width ${j + 1}`}
            value={String(w)}
            onChange={(e) => onEdit((m) => setFfWidth(m, index, j, Number(e.target.value)))}
          >
            {TRANSFORMER_SPACE.ffWidths.map((v) => (
              <option key={v} value={String(v)}>{v}</option>
            ))}
          </select>
          {widths.length > MIN_FF_STACK && (
            <button
              type="button"
              className="icon"
              aria-label={`Remove width ${j + 1} from the stack of layer ${layer}`}
              title="Remove this width"
              onClick={() => onEdit((m) => removeFfWidth(m, index, j))}
            >
              ×
            </button>
          )}
        </span>
      ))}
      <button
        type="button"
        className="icon"
        aria-label={`Add a width to the stack of layer ${layer}`}
        title={widths.length >= MAX_FF_STACK ? `A stack has at most ${MAX_FF_STACK} widths` : 'Add a width (copies the last one)'}
        disabled={widths.length >= MAX_FF_STACK}
        onClick={() => onEdit((m) => addFfWidth(m, index))}
      >
        +
      </button>
      {issues.length > 0 && <p className="field-error">{issues.join(' · ')}</p>}
    </div>
  );
}
