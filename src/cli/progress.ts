/**
 * Progress of a long CLI job on standard error: a line at most every
 * `everyMs` (not per row: a million-row shard must not write a million lines
 * to a Slurm log), with the rate in pairs per second and the time left.
 */
export class ProgressLine {
  private readonly startMs = Date.now();
  private lastMs = this.startMs;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly stderr: (text: string) => void,
    private readonly everyMs = 5000,
  ) {}

  /** Call after each unit of work; prints when the interval has passed. */
  tick(done: number): void {
    const now = Date.now();
    if (now - this.lastMs < this.everyMs) return;
    this.lastMs = now;
    this.stderr(`${this.label}: ${this.describe(done, now)}\n`);
  }

  /** The closing line, always printed. */
  end(done: number, extra = ''): void {
    this.stderr(`${this.label}: ${this.describe(done, Date.now())}${extra}\n`);
  }

  private describe(done: number, nowMs: number): string {
    const elapsedS = (nowMs - this.startMs) / 1000;
    const ratePerS = elapsedS > 0 ? done / elapsedS : 0;
    const leftS = ratePerS > 0 ? (this.total - done) / ratePerS : NaN;
    const percent = this.total > 0 ? ((100 * done) / this.total).toFixed(1) : '100.0';
    const eta = done >= this.total ? `done in ${formatSeconds(elapsedS)}` : Number.isFinite(leftS) ? `${formatSeconds(leftS)} left` : '';
    return `${done.toLocaleString('en-US')}/${this.total.toLocaleString('en-US')} (${percent}%), ${Math.round(ratePerS).toLocaleString('en-US')}/s, ${eta}`;
  }
}

export function formatSeconds(s: number): string {
  if (s < 60) return `${s.toFixed(1)} s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m} min ${Math.round(s % 60)} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}
