/** The simulator's warnings: physically meaningless results, spills, reproduced quirks. */
export function Warnings({ warnings }: { warnings: readonly string[] }) {
  if (warnings.length === 0) return null;
  return (
    <section className="sim-warnings" aria-labelledby="sim-warnings-title" data-testid="sim-warnings">
      <h3 id="sim-warnings-title">
        <span aria-hidden="true">⚠ </span>Warnings ({warnings.length})
      </h3>
      <ul>
        {warnings.map((w, i) => (
          <li key={i}>{w}</li>
        ))}
      </ul>
    </section>
  );
}
