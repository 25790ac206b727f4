/**
 * A layer's heads: the head count (from the allowed counts) and each head's type.
 * The op strings' width d = floor(h/n) is maintained by the edits, and shown.
 * `HeadCountField` sits on the layer's size line; `LayerHeads` is the type grid.
 */
import { HEAD_TYPE_INFO, TRANSFORMER_SPACE } from '../../core/space/transformer/schema.ts';
import { HEAD_TYPES, type HeadType } from '../../core/space/transformer/types.ts';
import { headTypesOf, setAllHeadTypes, setHeadCount, setHeadType } from './modelEdits.ts';
import { numberOptions, SelectField } from './SelectField.tsx';
import type { ModelEdit } from './useModelDraft.ts';

/** Short names that fit a narrow select (shared with the sweep table and tooltips); the full explanation is the select's tooltip and the head-type list. */
import { HEAD_TYPE_LABEL } from '../../core/space/designNames.ts';
import { headWidth } from '../../core/space/transformer/ops.ts';
export { HEAD_TYPE_LABEL };

// No per-option tooltips: BERT-Base renders these options 1,000+ times. The select's own title explains the current type.
const TYPE_OPTIONS = HEAD_TYPES.map((t) => ({ value: t, label: HEAD_TYPE_LABEL[t] }));
const COUNT_OPTIONS = numberOptions(TRANSFORMER_SPACE.heads);

interface Props {
  index: number;
  ops: readonly string[];
  hidden: number;
  issues: readonly string[];
  onEdit: (change: ModelEdit) => void;
}

export function HeadCountField({ index, ops, hidden, onEdit }: Omit<Props, 'issues'>) {
  return (
    <SelectField
      inline
      label="Heads"
      value={ops.length}
      options={COUNT_OPTIONS}
      onChange={(n) => onEdit((m) => setHeadCount(m, index, n))}
      suffix={
        <span className="derived" title="Per-head width d = floor(hidden size / heads), written into every op string">
          d = ⌊{hidden}/{ops.length}⌋ = {headWidth(hidden, ops.length)}
        </span>
      }
    />
  );
}

export function LayerHeads({ index, ops, issues, onEdit }: Omit<Props, 'hidden'>) {
  const types = headTypesOf(ops);
  const uniform = types.every((t) => t === types[0]);
  return (
    <div className="layer-heads">
      <div className="layer-heads-top">
        <span className="caption">Head types</span>
        <label className="all-heads" title="Set every head of this layer to one type">
          <span>Set all</span>
          <select
            value={uniform ? types[0] : ''}
            onChange={(e) => {
              const t = e.target.value as HeadType;
              if ((HEAD_TYPES as readonly string[]).includes(t)) onEdit((m) => setAllHeadTypes(m, index, t));
            }}
          >
            {!uniform && <option value="">mixed</option>}
            {TYPE_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>{o.label}</option>
            ))}
          </select>
        </label>
      </div>
      <div className="head-grid" role="group" aria-label={`Head types of layer ${index + 1}`}>
        {types.map((t, j) => (
          <select
            key={j}
            aria-label={`Head ${j + 1} type`}
            title={`${ops[j]}: ${HEAD_TYPE_INFO[t]}`}
            value={t}
            onChange={(e) => onEdit((m) => setHeadType(m, index, j, e.target.value as HeadType))}
          >
            {TYPE_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>{o.label}</option>
            ))}
          </select>
        ))}
      </div>
      {issues.length > 0 && <p className="field-error">{issues.join(' · ')}</p>}
    </div>
  );
}
