/**
 * The Pareto plot's colour and size channels from the session's `plot.colourBy` and
 * `plot.sizeBy`: an objective's column from the run, or a parameter's column from the
 * sweep filter (built on demand, so a link that colours by a parameter shows it).
 * Returns a getter the plot's feed calls as points stream in; a channel's extent is
 * recomputed only when its values changed.
 */
import { useEffect, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useStore } from 'zustand';
import { useExplorer } from '../../state/useExplorer.ts';
import { useSweepApi } from '../../state/sweep/appSweep.ts';
import { isObjective, OBJECTIVE_INFO } from '../../core/sweep/objectives.ts';
import { encodedChannel, type EncodedChannel, type PointEncoding } from './plotEncoding.ts';

export function usePlotEncoding(): () => PointEncoding | null {
  const { colourBy, sizeBy } = useExplorer(useShallow((s) => ({ colourBy: s.session.plot.colourBy ?? '', sizeBy: s.session.plot.sizeBy ?? '' })));
  const { store: runs, filter } = useSweepApi();
  const params = useStore(filter.store, (f) => f.params);
  const job = useStore(runs, (s) => s.job);
  const wantsParams = (colourBy !== '' && !isObjective(colourBy)) || (sizeBy !== '' && !isObjective(sizeBy));
  useEffect(() => { if (wantsParams) filter.requestParams(); }, [wantsParams, filter, job]);

  return useMemo(() => {
    const cache = new Map<string, { values: ArrayLike<number>; dataVersion: number; channel: EncodedChannel }>();
    let version = 0;
    const channel = (key: string): EncodedChannel | null => {
      if (key === '') return null;
      const s = runs.getState();
      const objective = isObjective(key);
      const values: ArrayLike<number> | undefined = objective ? s.columns?.[key] : params?.find((c) => c.param.id === key)?.values;
      if (!values) return null;
      const dataVersion = objective ? s.dataVersion : -1;
      const hit = cache.get(key);
      if (hit && hit.values === values && hit.dataVersion === dataVersion) return hit.channel;
      const label = objective ? OBJECTIVE_INFO[key].label : params!.find((c) => c.param.id === key)!.param.label;
      const unit = objective ? OBJECTIVE_INFO[key].unit : '';
      const entry = { values, dataVersion, channel: encodedChannel(key, label, unit, values) };
      cache.set(key, entry);
      return entry.channel;
    };
    let last: PointEncoding | null = null;
    return () => {
      const colour = channel(colourBy);
      const size = sizeBy === colourBy ? colour : channel(sizeBy);
      if (!colour && !size) return null;
      if (last && last.colour === colour && last.size === size) return last;
      last = { colour, size, version: ++version };
      return last;
    };
  }, [colourBy, sizeBy, params, runs]);
}
