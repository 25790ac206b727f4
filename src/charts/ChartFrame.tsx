/**
 * Every chart's shell: a heading, a one-sentence summary (the aria-label), a
 * "Show as table" toggle that swaps the drawing for a real <table>, and a
 * keyboard-focusable drawing. Interactive charts (the timeline) handle their
 * own focus and keys, so they opt out of the default `role="img"` wrapper.
 */
import { useId, useState, type ReactNode } from 'react';
import './charts.css';

export interface ChartFrameProps {
  /** Stable id for test hooks: `chart-<id>`, `chart-<id>-toggle`. */
  id: string;
  title: string;
  /** Text alternative of the drawing, in one or two sentences. */
  summary: string;
  table: ReactNode;
  children: ReactNode;
  /** Controls shown beside the toggle (e.g. the timeline's grouping). */
  controls?: ReactNode;
  interactive?: boolean;
  wide?: boolean;
}

export function ChartFrame({ id, title, summary, table, children, controls, interactive = false, wide = false }: ChartFrameProps) {
  const [asTable, setAsTable] = useState(false);
  const headingId = useId();
  return (
    <section className={`chart${wide ? ' chart-wide' : ''}`} aria-labelledby={headingId} data-testid={`chart-${id}`}>
      <div className="chart-head">
        <h3 id={headingId}>{title}</h3>
        <div className="chart-controls">
          {controls}
          <button type="button" onClick={() => setAsTable((t) => !t)} data-testid={`chart-${id}-toggle`}>
            {asTable ? 'Show as chart' : 'Show as table'}
          </button>
        </div>
      </div>
      {asTable ? (
        <div className="chart-table">{table}</div>
      ) : interactive ? (
        children
      ) : (
        <div className="chart-body" role="img" aria-label={`${title}. ${summary}`} tabIndex={0}>
          {children}
        </div>
      )}
    </section>
  );
}
