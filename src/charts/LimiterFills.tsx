/**
 * The timeline's fills by limiter: SVG pattern definitions, the fill of a bar, and
 * the legend listing the limiters that occur (each with its swatch and name).
 */
import { LIMITER_ORDER, LIMITER_STYLES, type LimiterKey } from './limiters.ts';
import { HatchPattern, Swatch } from './Hatch.tsx';

const cssColor = (key: LimiterKey) => `var(--${LIMITER_STYLES[key].color})`;

export function LimiterPatternDefs({ uid }: { uid: string }) {
  return (
    <>
      {LIMITER_ORDER.map((key) => {
        const angle = LIMITER_STYLES[key].stripes;
        return angle === null ? null : <HatchPattern key={key} id={`${uid}-lim-${key}`} color={cssColor(key)} angle={angle} />;
      })}
    </>
  );
}

/** The CSS fill of a bar bound by `key` (patterns from `LimiterPatternDefs` with the same uid). */
export function limiterFill(uid: string, key: LimiterKey): string {
  return LIMITER_STYLES[key].stripes === null ? cssColor(key) : `url(#${uid}-lim-${key})`;
}

export function LimiterSwatch({ limiter }: { limiter: LimiterKey }) {
  const angle = LIMITER_STYLES[limiter].stripes;
  return <Swatch color={cssColor(limiter)} hatch={angle !== null} angle={angle ?? 45} />;
}

/** "Bound by:" and one swatch per limiter present, in display order. */
export function LimiterLegend({ present }: { present: ReadonlySet<LimiterKey> }) {
  return (
    <>
      <span className="legend-title">Bound by:</span>
      {LIMITER_ORDER.filter((k) => present.has(k)).map((k) => (
        <span key={k} className="legend-item" data-testid={`legend-${k}`}>
          <LimiterSwatch limiter={k} />
          {LIMITER_STYLES[k].label}
        </span>
      ))}
    </>
  );
}
