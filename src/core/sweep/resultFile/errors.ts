/**
 * Errors about a result file name the file, the line (1-based) and the field,
 * so "shard-3.sweep.jsonl:17: row[4]: expected a number or null" points a person
 * straight at the problem in a file of a million lines.
 */
export interface ResultFileWhere {
  /** A file name or a description ("standard input"); empty for a problem of a set of files. */
  file: string;
  /** 1-based line number; 0 when the problem is about the file as a whole. */
  line: number;
  /** The field or cell ("header.spec.seed", "row[3]"), if one is to blame. */
  field?: string;
}

export class ResultFileError extends Error {
  override name = 'ResultFileError';
  readonly where: ResultFileWhere;
  constructor(where: ResultFileWhere, message: string) {
    super(`${describeWhere(where)}${message}`);
    this.where = where;
  }
}

export function describeWhere({ file, line, field }: ResultFileWhere): string {
  const place = `${file}${file && line > 0 ? `:${line}` : ''}`;
  return `${place ? `${place}: ` : ''}${field ? `${field}: ` : ''}`;
}
