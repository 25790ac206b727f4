/**
 * The validation report printed by `npm run validate` (bench/validate.ts): every table and
 * key figure of docs/elector-validation.md, as Markdown. Each table is preceded by a
 * `<!-- table: id -->` marker; the doc carries the same markers, and docCheck.test.ts checks
 * that its tables match these.
 */
import { REFERENCE_CONSTANTS } from '../constants/reference.ts';
import { chipSection } from './reportChip.ts';
import { referenceSection } from './reportReference.ts';
import { rooflineSection } from './reportRoofline.ts';

/** The whole report. */
export function validationReport(): string {
  const out: string[] = [
    '# Elector model validation figures (`npm run validate`)',
    '',
    `Defaults: ${REFERENCE_CONSTANTS.clockMHz} MHz, sparsity ${REFERENCE_CONSTANTS.sparsity.activation} / ${REFERENCE_CONSTANTS.sparsity.weight} / ${REFERENCE_CONSTANTS.sparsity.gradient}, batch 4, 128 tokens.`,
    '',
  ];
  rooflineSection(out);
  referenceSection(out);
  chipSection(out);
  return out.join('\n');
}
