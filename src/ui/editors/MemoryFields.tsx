/**
 * Main memory: the type first, then the configurations that type has. Banks,
 * ranks and channels only exist in certain combinations, so each option says
 * what else it changes; the bandwidth mode follows the type unless overridden.
 */
import {
  BANDWIDTH_MODES,
  bandwidthModeFor,
  MAIN_MEMORY_PARAM,
  MEMORY_GEOMETRY_PARAMS,
  MEMORY_TYPES,
} from '../../core/space/accelerator/params.ts';
import type { AcceleratorSpace } from '../../core/space/accelerator/schema.ts';
import type { AcceleratorConfig, BandwidthMode, MemoryType } from '../../core/space/accelerator/types.ts';
import { memoryGeometryChoices, setMemoryGeometry, setMemoryType } from './acceleratorEdits.ts';
import { SelectField } from './SelectField.tsx';

interface Props {
  acc: AcceleratorConfig;
  space: AcceleratorSpace;
  onChange: (next: AcceleratorConfig) => void;
}

const MODE_OPTIONS = (Object.keys(BANDWIDTH_MODES) as BandwidthMode[]).map((m) => ({
  value: m,
  label: `${m} — ${BANDWIDTH_MODES[m].label}`,
  title: BANDWIDTH_MODES[m].about,
}));

export function MemoryFields({ acc, space, onChange }: Props) {
  const memory = acc.mainMemory;
  const types = Object.keys(space.mainMemory) as MemoryType[];
  const usual = bandwidthModeFor(memory.type);
  return (
    <fieldset className="field-group">
      <legend>{MAIN_MEMORY_PARAM.label}</legend>
      <SelectField
        label="Memory type"
        value={memory.type}
        options={types.map((t) => ({ value: t, label: MEMORY_TYPES[t].label, title: MEMORY_TYPES[t].about }))}
        onChange={(t) => onChange(setMemoryType(acc, t, space))}
        about={
          <>
            {MAIN_MEMORY_PARAM.about} <strong>{MEMORY_TYPES[memory.type].label}:</strong> {MEMORY_TYPES[memory.type].about}
          </>
        }
      />
      {MEMORY_GEOMETRY_PARAMS.map((param) => (
        <SelectField
          key={param.key}
          label={param.label}
          value={memory[param.key]}
          options={memoryGeometryChoices(acc, param.key, space).map((c) => ({
            value: c.value,
            label: c.alsoChanges ? `${c.value} (sets ${c.alsoChanges})` : String(c.value),
          }))}
          onChange={(v) => onChange(setMemoryGeometry(acc, param.key, v, space))}
          about={`${param.about} Only some (banks, ranks, channels) combinations exist for ${MEMORY_TYPES[memory.type].label}; an option that needs others says so.`}
        />
      ))}
      <SelectField
        label="Bandwidth mode"
        value={memory.mode}
        options={MODE_OPTIONS}
        onChange={(mode) => onChange({ ...acc, mainMemory: { ...memory, mode } })}
        about={`${BANDWIDTH_MODES[memory.mode].about} Choosing a memory type sets the mode the embedding pairs with it.`}
      />
      {memory.mode !== usual && (
        <p className="field-note" role="note">
          {MEMORY_TYPES[memory.type].label} usually runs in {usual}; the 12-number embedding stores {usual}, so this pairing does
          not survive an embedding round trip.
        </p>
      )}
    </fieldset>
  );
}
