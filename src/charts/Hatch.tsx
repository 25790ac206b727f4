/**
 * The hatch pattern that marks a second category by shape, not colour alone
 * (leakage energy, memory-bound ops). Colours are CSS variables so both themes work.
 */
export function HatchPattern({ id, color }: { id: string; color: string }) {
  return (
    <pattern id={id} width={6} height={6} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
      <rect width={6} height={6} style={{ fill: color, opacity: 0.3 }} />
      <rect width={3} height={6} style={{ fill: color }} />
    </pattern>
  );
}

/** A legend swatch in HTML with the same look as the SVG fill. */
export function Swatch({ color, hatch = false }: { color: string; hatch?: boolean }) {
  const background = hatch
    ? `repeating-linear-gradient(45deg, ${color} 0 3px, color-mix(in srgb, ${color} 30%, transparent) 3px 6px)`
    : color;
  return <span className="swatch" aria-hidden="true" style={{ background, borderColor: color }} />;
}
