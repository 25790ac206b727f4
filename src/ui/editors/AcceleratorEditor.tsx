/**
 * The accelerator editor: every parameter of the AccelTran design space (the
 * superset variant, so every shipped config is editable), allowed values only,
 * read from the space tables. Options that would break a cross-field rule are
 * disabled with the rule as their tooltip, so the store only receives valid configs.
 */
import { useId } from 'react';
import { ACCELERATOR_PRESETS, type AcceleratorPresetName } from '../../core/space/accelerator/presets.ts';
import { flattenAccelerator } from '../../core/space/accelerator/flat.ts';
import { allowedValues, NON_LINEARITY_PARAM, NUMERIC_PARAMS } from '../../core/space/accelerator/params.ts';
import { ACCELTRAN_SPACE } from '../../core/space/accelerator/schema.ts';
import type { AcceleratorConfig, NonLinearity } from '../../core/space/accelerator/types.ts';
import { validateAccelerator } from '../../core/space/accelerator/validate.ts';
import { formatIssues } from '../../core/space/issues.ts';
import { useExplorer, useExplorerApi } from '../../state/useExplorer.ts';
import { Explain } from '../common/Explain.tsx';
import { numericOptionProblem, setNumericParam } from './acceleratorEdits.ts';
import { AreaReadout } from './AreaReadout.tsx';
import { MemoryFields } from './MemoryFields.tsx';
import { matchPreset } from './presetMatch.ts';
import { SelectField } from './SelectField.tsx';
import './editors.css';
import { SQUARE_TILE_REASON } from '../../core/space/accelerator/squareTile.ts';

const SPACE = ACCELTRAN_SPACE;
const CUSTOM = 'custom';
const PRESET_OPTIONS = [
  { value: CUSTOM, label: 'Custom', disabled: true },
  ...Object.entries(ACCELERATOR_PRESETS).map(([key, p]) => ({ value: key, label: p.name, title: p.description })),
];
type Param = (typeof NUMERIC_PARAMS)[number];
const isBuffer = (p: Param) => p.path.endsWith('BufferMB');
const COMPUTE_PARAMS = NUMERIC_PARAMS.filter((p) => !isBuffer(p));
const BUFFER_PARAMS = NUMERIC_PARAMS.filter(isBuffer);

export function AcceleratorEditor() {
  const api = useExplorerApi();
  const acc = useExplorer((s) => s.session.design.accelerator);
  const lockedId = useId();
  const preset = matchPreset(acc, ACCELERATOR_PRESETS, (p) => p.config) ?? CUSTOM;

  const commit = (next: AcceleratorConfig) => {
    const checked = validateAccelerator(next, SPACE.variant);
    // Disabled options make this unreachable from the UI; keep the guarantee anyway.
    if (checked.ok) api.getState().setAccelerator(checked.value);
    else api.getState().notify('error', `That change would make an invalid accelerator: ${formatIssues(checked.issues)}`);
  };

  const numbers = flattenAccelerator(acc);
  const numericField = (param: Param) => {
    const label = `${param.label} (${param.unit})`;
    const value = numbers[param.path];
    if (param.path === 'tile.y') {
      return (
        <div className="field" key={param.path}>
          <label htmlFor={lockedId}>{label}</label>
          <span className="field-control">
            <input id={lockedId} className="locked" readOnly value={value} size={4} aria-describedby={`${lockedId}-note`} />
          </span>
          <p className="field-note" id={`${lockedId}-note`}>Locked to tile rows: {SQUARE_TILE_REASON}.</p>
          <Explain>{param.about}</Explain>
        </div>
      );
    }
    return (
      <SelectField
        key={param.path}
        label={label}
        value={value}
        options={allowedValues(param, SPACE.variant).map((v) => {
          const problem = v === value ? null : numericOptionProblem(acc, param.path, v, SPACE.variant);
          return { value: v, label: String(v), disabled: problem !== null, title: problem ?? undefined };
        })}
        onChange={(v) => commit(setNumericParam(acc, param.path, v))}
        about={param.about}
      />
    );
  };

  return (
    <div className="editor accelerator-editor">
      <SelectField
        label="Preset"
        value={preset}
        options={PRESET_OPTIONS}
        testId="accelerator-preset"
        onChange={(key) => {
          if (key !== CUSTOM) api.getState().setAccelerator(structuredClone(ACCELERATOR_PRESETS[key as AcceleratorPresetName].config));
        }}
        about="The reference simulator's shipped configs: config_tiny (edge) and config_base (server)."
      />
      <MemoryFields acc={acc} space={SPACE} onChange={commit} />
      <fieldset className="field-group">
        <legend>Compute</legend>
        {COMPUTE_PARAMS.map(numericField)}
        <SelectField
          label={NON_LINEARITY_PARAM.label}
          value={acc.nonLinearity}
          options={SPACE.nonLinearity.map((v: NonLinearity) => ({
            value: v,
            label: NON_LINEARITY_PARAM.options[v].label,
            title: NON_LINEARITY_PARAM.options[v].about,
          }))}
          onChange={(v) => commit({ ...acc, nonLinearity: v })}
          about={NON_LINEARITY_PARAM.about}
        />
      </fieldset>
      <fieldset className="field-group">
        <legend>On-chip buffers</legend>
        {BUFFER_PARAMS.map(numericField)}
      </fieldset>
      <AreaReadout acc={acc} />
    </div>
  );
}
