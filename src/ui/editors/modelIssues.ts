/**
 * Places `validateModel` issues next to the editor fields they concern, so a
 * draft that breaks a rule shows the rule where the user is looking.
 */
import type { ValidationIssue } from '../../core/space/issues.ts';

/** Messages for the three field groups of one layer row. */
export interface LayerIssues {
  hidden: string[];
  heads: string[];
  ff: string[];
}

export interface ModelFieldIssues {
  /** The layer-count field: `l`, list-length mismatches and whole-model messages. */
  layers: string[];
  /** Per layer index; layers without problems are absent. */
  byLayer: ReadonlyMap<number, LayerIssues>;
}

export const NO_MODEL_ISSUES: ModelFieldIssues = { layers: [], byLayer: new Map() };

const LAYER_PATH = /^([ohf])\[(\d{1,2})\](?:\[(\d{1,2})\])?$/;
const GROUP = { o: 'heads', h: 'hidden', f: 'ff' } as const;
const ITEM = { o: 'head', h: 'value', f: 'width' } as const;

export function mapModelIssues(issues: readonly ValidationIssue[]): ModelFieldIssues {
  if (issues.length === 0) return NO_MODEL_ISSUES;
  const layers: string[] = [];
  const byLayer = new Map<number, LayerIssues>();
  for (const { path, message } of issues) {
    const match = LAYER_PATH.exec(path);
    if (!match) {
      layers.push(path === 'l' || path === '' ? message : `${path}: ${message}`);
      continue;
    }
    const key = match[1] as keyof typeof GROUP;
    const i = Number(match[2]);
    const item = match[3] === undefined ? '' : `${ITEM[key]} ${Number(match[3]) + 1}: `;
    let entry = byLayer.get(i);
    if (!entry) byLayer.set(i, (entry = { hidden: [], heads: [], ff: [] }));
    entry[GROUP[key]].push(item + message);
  }
  return { layers, byLayer };
}
