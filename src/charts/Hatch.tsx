/**
 * The hatch pattern that marks a second category by shape, not colour alone
 * (leakage energy, memory-bound ops). Colours are CSS variables so both themes work.
 * `angle` turns the stripes (SVG degrees, clockwise from vertical); the swatch and
 * the canvas version (timelineCanvas.ts) use the same convention.
 */
export function HatchPattern({ id, color, angle = 45 }: { id: string; color: string; angle?: number }) {
  return (
    <pattern id={id} width={6} height={6} patternUnits="userSpaceOnUse" patternTransform={`rotate(${angle})`}>
      <rect width={6} height={6} style={{ fill: color, opacity: 0.3 }} />
      <rect width={3} height={6} style={{ fill: color }} />
    </pattern>
  );
}

/** A legend swatch in HTML with the same look as the SVG fill. */
export function Swatch({ color, hatch = false, angle = 45 }: { color: string; hatch?: boolean; angle?: number }) {
  // A CSS gradient's angle is its direction, across the stripes: 90° more than the stripes' own.
  const background = hatch
    ? `repeating-linear-gradient(${angle + 90}deg, ${color} 0 3px, color-mix(in srgb, ${color} 30%, transparent) 3px 6px)`
    : color;
  return <span className="swatch" aria-hidden="true" style={{ background, borderColor: color }} />;
}
