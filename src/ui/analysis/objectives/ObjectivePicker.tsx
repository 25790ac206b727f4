/**
 * Which objectives the front is taken over: one checkbox each, at least two
 * (a front over one objective is just its minimum). Kept in objective order,
 * so the scatter matrix and the tables do not reshuffle as boxes are ticked.
 */
import { OBJECTIVES, OBJECTIVE_INFO, type Objective } from '../../../core/sweep/objectives.ts';

export const MIN_OBJECTIVES = 2;

export function ObjectivePicker({ chosen, onChange }: { chosen: readonly Objective[]; onChange(next: Objective[]): void }) {
  const toggle = (o: Objective, on: boolean) => onChange(OBJECTIVES.filter((x) => (x === o ? on : chosen.includes(x))));
  return (
    <fieldset className="mo-picker" data-testid="mo-picker">
      <legend>Objectives (at least {MIN_OBJECTIVES}; predicted accuracy maximised, the others minimised)</legend>
      {OBJECTIVES.map((o) => {
        const on = chosen.includes(o);
        return (
          <label key={o}>
            <input
              type="checkbox" checked={on} data-testid={`mo-objective-${o}`}
              // The last two cannot be unticked: the checkbox says so instead of an error afterwards.
              disabled={on && chosen.length <= MIN_OBJECTIVES}
              onChange={(e) => toggle(o, e.currentTarget.checked)}
            />
            {OBJECTIVE_INFO[o].label}
          </label>
        );
      })}
    </fieldset>
  );
}
