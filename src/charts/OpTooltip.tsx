/**
 * The timeline's hover card: one op in words (opDetails.ts), its limiter marked by
 * its swatch and, among the busy cycles, in bold.
 */
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
      <span className="tooltip-line">
        <span className="tooltip-label">Busy cycles </span>
        {d.levels.map((l, i) => (
          <span key={l.resource}>
            {i > 0 && ' · '}
            {l.limiter ? <b>{l.resource} {Math.round(l.cycles).toLocaleString('en-US')}</b> : `${l.resource} ${Math.round(l.cycles).toLocaleString('en-US')}`}
          </span>
        ))}
        {d.overlap && <span className="tooltip-sub">{d.overlap}</span>}
      </span>
      {d.mapping.length > 0 && (
        <span className="tooltip-line" data-testid="tooltip-mapping">
          <span className="tooltip-label">Mapping </span>
          {d.mapping[0]}
          {d.mapping.slice(1).map((line) => <span key={line} className="tooltip-sub">{line}</span>)}
        </span>
      )}
      {d.work && <span className="tooltip-line"><span className="tooltip-label">Work </span>{d.work}</span>}
    </>
  );
}
