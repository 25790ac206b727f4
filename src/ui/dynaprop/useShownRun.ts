/** The record and run whose results the panel shows (the newest, its last run, unless chosen). */
import { useShallow } from 'zustand/react/shallow';
import { useLab } from '../../state/dynaprop/appLab.ts';
import { shownRecord, shownRunIndex } from '../../state/dynaprop/labStore.ts';
import type { LabRecord, LabRun } from '../../state/dynaprop/labRecord.ts';

export interface ShownRun {
  record: LabRecord | null;
  index: number;
  run: LabRun | null;
}

export function useShownRun(): ShownRun {
  return useLab(useShallow((s) => {
    const record = shownRecord(s);
    const index = shownRunIndex(s);
    return { record, index, run: record && index >= 0 ? record.runs[index] : null };
  }));
}
