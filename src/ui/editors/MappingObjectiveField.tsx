/**
 * The mapping objective: what the elector model's mapper optimises when it cuts a batch
 * into passes (docs/elector-model.md §4). The choices and their default are the core's
 * (`MAPPING_OBJECTIVES`, `RUN_SETTING_LIMITS`).
 */
import { MAPPING_OBJECTIVES, RUN_SETTING_LIMITS, type MappingObjective } from '../../core/elector/types.ts';
import { useExplorer, useExplorerApi } from '../../state/useExplorer.ts';
import { SelectField, type SelectOption } from './SelectField.tsx';

const LABELS: Record<MappingObjective, string> = {
  balanced: 'Balanced (default)',
  time: 'Fastest',
  energy: 'Energy-capped',
};

/** What each choice does, in a sentence the field shows under it. */
export const MAPPING_OBJECTIVE_NOTES: Record<MappingObjective, string> = {
  balanced:
    'The fastest passes whose energy per sequence is at most (T_half / T)^0.1 times that of half-size passes, T_half and T being their times: 2× faster may cost 7 % more energy.',
  time: 'The fastest passes at this clock, every sub-batch tried: more hardware is then slower only in rare cases (none of the 2,000 random designs the tests check; 1 of 16,000 others, by under 0.1 %), but a bigger batch may spend more energy per sequence.',
  energy: 'The fastest passes that spend no more energy per sequence than half-size passes: energy per sequence never grows with the batch.',
};

const OPTIONS: SelectOption<MappingObjective>[] = MAPPING_OBJECTIVES.map((value) => ({ value, label: LABELS[value] }));

export function MappingObjectiveField({ disabled }: { disabled: boolean }) {
  const api = useExplorerApi();
  // Absent in settings from before the field existed: the core's default.
  const value = useExplorer((s) => s.session.settings.mappingObjective) ?? RUN_SETTING_LIMITS.mappingObjective.default;
  return (
    <SelectField
      label="Mapping objective"
      value={value}
      options={OPTIONS}
      onChange={(v) => api.getState().setSettings({ mappingObjective: v })}
      disabled={disabled}
      testId="mapping-objective"
      title={disabled ? 'The reference (AccelTran) model does not cut the batch into passes; choose ELECTOR to change it.' : undefined}
      note={disabled ? undefined : <span data-testid="mapping-objective-note">{MAPPING_OBJECTIVE_NOTES[value]}</span>}
      about={
        <>
          When a batch does not fit on chip, or one pass of it leaves its first loads and last stores exposed, the mapper may run
          it as several passes of fewer sequences. No single rule makes both time and energy improve with every knob: this
          chooses which one the mapper protects.
        </>
      }
    />
  );
}
