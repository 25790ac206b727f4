/** The timeline's hover card: one op in words (opDetails.ts), the limiter marked by its swatch. */
import type { TimelineEntry } from '../core/elector/types.ts';
import { LimiterSwatch } from './LimiterFills.tsx';
import { limiterOf } from './limiters.ts';
import { opDetail } from './opDetails.ts';

export function OpTooltip({ entry }: { entry: TimelineEntry }) {
  const d = opDetail(entry);
  return (
    <>
      <strong className="tooltip-title">{d.title}</strong>
      <span className="tooltip-line" data-testid="tooltip-limiter"><LimiterSwatch limiter={limiterOf(entry)} /> {d.time}</span>
      <span className="tooltip-line">{d.levels}</span>
      {d.mapping && <span className="tooltip-line" data-testid="tooltip-mapping">{d.mapping}</span>}
      {d.work && <span className="tooltip-line">{d.work}</span>}
    </>
  );
}
