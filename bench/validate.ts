/**
 * `npm run validate`: prints the tables and key figures of docs/elector-validation.md as
 * Markdown (src/core/elector/validation/report.ts). The doc's tables are pasted from this
 * output; `npx vitest run src/core/elector/validation` checks that they still match.
 */
import { validationReport } from '../src/core/elector/validation/report.ts';

process.stdout.write(validationReport() + '\n');
