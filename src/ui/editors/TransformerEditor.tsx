/**
 * The transformer editor: a preset picker, the layer count, one row per layer,
 * and live figures. Valid edits reach the store (and re-simulate) at once; a
 * draft that breaks the layer-count rule stays local and is flagged at the field.
 */
import { useCallback, useDeferredValue, useEffect, useId, useRef, useState } from 'react';
import { MODEL_PRESETS, type ModelPresetName } from '../../core/space/transformer/presets.ts';
import { HEAD_TYPE_INFO, TRANSFORMER_SPACE } from '../../core/space/transformer/schema.ts';
import { HEAD_TYPES } from '../../core/space/transformer/types.ts';
import { useExplorerApi } from '../../state/useExplorer.ts';
import { Explain } from '../common/Explain.tsx';
import { HEAD_TYPE_LABEL } from './LayerHeads.tsx';
import { LayerRow } from './LayerRow.tsx';
import { ModelReadouts } from './ModelReadouts.tsx';
import { addLayer, MAX_LAYERS, MIN_DRAFT_LAYERS, moveLayer, setLayerCount } from './modelEdits.ts';
import { matchPreset } from './presetMatch.ts';
import { numberOptions, SelectField } from './SelectField.tsx';
import { useModelDraft } from './useModelDraft.ts';
import './editors.css';

const CUSTOM = 'custom';
const PRESET_OPTIONS = [
  { value: CUSTOM, label: 'Custom', disabled: true },
  ...Object.entries(MODEL_PRESETS).map(([key, p]) => ({ value: key, label: p.name, title: p.description })),
];
const LAYER_OPTIONS = numberOptions(TRANSFORMER_SPACE.layers);
/** Models with more layers start with their layers collapsed: BERT-Base's 144 head selects stay out of the tab order. */
export const AUTO_OPEN_LAYERS = 4;

export function TransformerEditor() {
  const api = useExplorerApi();
  const { draft, pending, issues, edit, revert } = useModelDraft();
  const idPrefix = useId().replace(/:/g, '');
  const focusAfterMove = useRef<string | null>(null);
  const preset = pending ? CUSTOM : (matchPreset(draft, MODEL_PRESETS, (p) => p.model) ?? CUSTOM);
  // Layers the user opened or closed; the others follow the model's size (and open when they hold an error).
  const [openOverride, setOpenOverride] = useState<ReadonlyMap<number, boolean>>(() => new Map());
  const onToggle = useCallback((index: number, open: boolean) => setOpenOverride((m) => new Map(m).set(index, open)), []);

  const onMove = useCallback(
    (index: number, direction: -1 | 1) => {
      focusAfterMove.current = `${idPrefix}-${index + direction}-${direction < 0 ? 'up' : 'down'}`;
      edit((m) => moveLayer(m, index, direction));
    },
    [edit, idPrefix],
  );
  // Keyboard reordering: focus follows the moved layer (or its other move button at the ends).
  useEffect(() => {
    const target = focusAfterMove.current;
    if (!target) return;
    focusAfterMove.current = null;
    const el = document.getElementById(target) as HTMLButtonElement | null;
    const other = document.getElementById(target.endsWith('-up') ? target.replace(/-up$/, '-down') : target.replace(/-down$/, '-up'));
    (el && !el.disabled ? el : other)?.focus();
  });

  // Switching to BERT-Base creates 144 head selects: let React build the rows in an
  // interruptible background render so the figures and the page stay responsive.
  const shown = useDeferredValue(draft);
  const count = shown.o.length;
  const isOpen = (i: number) => openOverride.get(i) ?? (count <= AUTO_OPEN_LAYERS || issues.byLayer.has(i));
  const allOpen = shown.o.every((_, i) => isOpen(i));
  const setAll = (open: boolean) => setOpenOverride(new Map(shown.o.map((_, i) => [i, open])));
  return (
    <div className="editor transformer-editor">
      <SelectField
        label="Preset"
        value={preset}
        options={PRESET_OPTIONS}
        testId="model-preset"
        onChange={(key) => {
          if (key === CUSTOM) return;
          setOpenOverride(new Map());
          api.getState().setModel(structuredClone(MODEL_PRESETS[key as ModelPresetName].model));
        }}
        about="Compact BERTs of Turc et al. (2019); all lie inside the FlexiBERT 2.0 space. Any edit turns the model into a custom one."
      />
      <SelectField
        label="Layers"
        value={draft.o.length}
        options={LAYER_OPTIONS}
        testId="layer-count"
        issues={issues.layers}
        onChange={(n) => edit((m) => setLayerCount(m, n))}
        about="Encoder layers. Choosing a count repeats the last layer or drops layers from the end; add, duplicate and remove act on single layers."
      />
      {pending && (
        <div className="draft-note" role="status">
          <span>Not simulated yet: this model breaks a rule (see above). Results still show the last valid model.</span>
          <button type="button" onClick={revert}>Revert</button>
        </div>
      )}
      <Explain label="What are the head types?">
        <ul className="head-type-list">
          {HEAD_TYPES.map((t) => (
            <li key={t}>
              <strong>{HEAD_TYPE_LABEL[t]}</strong> (<code>{t}</code>): {HEAD_TYPE_INFO[t]}
            </li>
          ))}
        </ul>
        Each op string is <code>type_d</code> with d = ⌊h/n⌋; the editor keeps d in step with the hidden size and head count.
      </Explain>
      {count > 1 && (
        <button type="button" className="layers-toggle-all" aria-controls={`${idPrefix}-layers`} onClick={() => setAll(!allOpen)}>
          {allOpen ? 'Collapse all layers' : 'Expand all layers'}
        </button>
      )}
      <ol className="layer-list" aria-label="Layers" id={`${idPrefix}-layers`}>
        {shown.o.map((ops, i) => (
          <LayerRow
            key={i}
            index={i}
            ops={ops}
            hidden={shown.h[i]}
            ff={shown.f[i]}
            issues={issues.byLayer.get(i)}
            isFirst={i === 0}
            isLast={i === count - 1}
            canGrow={count < MAX_LAYERS}
            canRemove={count > MIN_DRAFT_LAYERS}
            idPrefix={idPrefix}
            onEdit={edit}
            onMove={onMove}
            open={isOpen(i)}
            onToggle={onToggle}
          />
        ))}
      </ol>
      <button type="button" className="add-layer" disabled={count >= MAX_LAYERS} onClick={() => edit(addLayer)}>
        Add layer
      </button>
      <ModelReadouts stale={pending} />
    </div>
  );
}
