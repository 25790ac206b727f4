/** CSV helpers of the sweep export; the export itself is `core/sweep/exportTable.ts`, run on the export worker. */
export { csvCell, objectiveHeader, toCsv, type CsvValue } from '../../core/sweep/exportTable.ts';
