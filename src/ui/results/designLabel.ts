/**
 * A short description of a design for pinned columns: the preset names when
 * the design is a preset ("BERT-Tiny · AccelTran-Edge"), else a summary of what
 * was customised.
 */
import type { Design } from '../../core/share/session.ts';
import type { RunSettings } from '../../core/share/schema.ts';
import { MODEL_PRESETS } from '../../core/space/transformer/presets.ts';
import { ACCELERATOR_PRESETS } from '../../core/space/accelerator/presets.ts';

/** Structural equality that ignores key order (editors may rebuild objects). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a), kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.hasOwn(b, k) && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

export function modelName(model: Design['model']): string {
  for (const p of Object.values(MODEL_PRESETS)) if (sameValue(p.model, model)) return p.name;
  const hidden = [...new Set(model.h)];
  return `Custom ${model.l}-layer model (h ${hidden.length === 1 ? hidden[0] : `${Math.min(...hidden)}–${Math.max(...hidden)}`})`;
}

export function acceleratorName(acc: Design['accelerator']): string {
  for (const p of Object.values(ACCELERATOR_PRESETS)) if (sameValue(p.config, acc)) return p.name;
  return `Custom accelerator (${acc.pe} PEs, ${acc.mainMemory.type})`;
}

/** "BERT-Tiny · AccelTran-Edge", with the run mode and cost model added only when they are not the defaults. */
export function describeDesign(design: Design, settings?: Pick<RunSettings, 'mode' | 'costModel'>): string {
  const parts = [modelName(design.model), acceleratorName(design.accelerator)];
  if (settings?.mode === 'training') parts.push('training');
  if (settings?.costModel === 'reference') parts.push('reference model');
  return parts.join(' · ');
}
