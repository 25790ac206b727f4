/**
 * The runs behind the `measured` predictor (docs/codesign.md §3.3): the project's own,
 * shipped in the lab's export format (`npm run measure:lab`), and any other lab export
 * file, read by the lab's own parser so a bad field is named the same way.
 * Used by the co-design worker and the command-line tool.
 */
import bundled from '../../core/codesign/predictors/data/lab-measurements.json';
import { measuredPredictor, measuredRunOf, type MeasuredRun } from '../../core/codesign/predictors/measured.ts';
import type { Predictor } from '../../core/codesign/predictors/predictor.ts';
import { ValidationError } from '../../core/space/issues.ts';
import { parseLabFile } from '../dynaprop/labRecord.ts';

export const BUNDLED_LAB_FILE = 'lab-measurements.json';


/** Every run of a lab export file (or of one saved record); a ValidationError names the bad field. */
export function labFileRuns(text: string, name: string): MeasuredRun[] {
  const parsed = parseLabFile(text);
  if (!parsed.ok) throw new ValidationError(`lab file ${name}`, [{ path: parsed.field, message: parsed.message }]);
  return parsed.value.flatMap((r) => r.runs).map(measuredRunOf);
}

let bundledRuns: MeasuredRun[] | null = null;

/** The shipped measurements (parsed once). */
export function bundledLabRuns(): MeasuredRun[] {
  bundledRuns ??= labFileRuns(JSON.stringify(bundled), BUNDLED_LAB_FILE);
  return bundledRuns;
}

/** The shipped runs plus the user's own (the lab's IndexedDB), fitted. */
export function bundledMeasuredPredictor(own: readonly MeasuredRun[] = []): Predictor {
  const name = own.length ? `${BUNDLED_LAB_FILE} and ${own.length} of your lab runs` : BUNDLED_LAB_FILE;
  return measuredPredictor([...bundledLabRuns(), ...own], { name });
}

/** A lab export file's runs, fitted (the CLI's `--predictor measured:FILE`). */
export function fileMeasuredPredictor(text: string, name: string): Predictor {
  return measuredPredictor(labFileRuns(text, name), { name });
}
