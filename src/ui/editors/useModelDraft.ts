/**
 * The transformer editor's draft: the store only ever holds valid models, but a
 * user going from 2 to 4 layers passes through 3. Valid edits go straight to the
 * store; an invalid one stays here, with its issues mapped to fields, until an
 * edit makes it valid again. A model set from elsewhere (a preset, a link, a
 * Pareto point) replaces the draft.
 */
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ModelDict } from '../../core/space/transformer/types.ts';
import { validateModel } from '../../core/space/transformer/validate.ts';
import { useExplorer, useExplorerApi } from '../../state/useExplorer.ts';
import { mapModelIssues, NO_MODEL_ISSUES, type ModelFieldIssues } from './modelIssues.ts';
import { useReportInvalid } from '../../state/useInvalidInput.ts';

export type ModelEdit = (m: ModelDict) => ModelDict;

export interface ModelDraft {
  /** What the editor shows: the store's model, or a pending invalid draft. */
  draft: ModelDict;
  /** True while the draft breaks a rule and the store keeps the last valid model. */
  pending: boolean;
  issues: ModelFieldIssues;
  /** Applies an edit to the current draft (stable identity, safe in memoised rows). */
  edit: (change: ModelEdit) => void;
  /** Drops the pending draft and shows the store's model again. */
  revert: () => void;
}

export function useModelDraft(): ModelDraft {
  const api = useExplorerApi();
  const model = useExplorer((s) => s.session.design.model);
  // `base` is the store model the draft was made from; once the store moves on, the draft is stale.
  const [local, setLocal] = useState<{ base: ModelDict; draft: ModelDict } | null>(null);
  const pending = local !== null && local.base === model;
  const draft = pending ? local.draft : model;

  // Handlers read the newest draft even when two edits arrive before a render.
  const draftRef = useRef(draft);
  useLayoutEffect(() => {
    draftRef.current = draft;
  });

  const edit = useCallback(
    (change: ModelEdit) => {
      const next = change(draftRef.current);
      if (next === draftRef.current) return;
      draftRef.current = next;
      const stored = api.getState().session.design.model;
      if (validateModel(next).ok) {
        // `next` itself, not validateModel's copy: untouched layers keep their identity.
        setLocal(null);
        api.getState().setModel(next);
      } else {
        setLocal({ base: stored, draft: next });
      }
    },
    [api],
  );
  const revert = useCallback(() => setLocal(null), []);

  const issues = useMemo(() => {
    if (!pending) return NO_MODEL_ISSUES;
    const checked = validateModel(draft);
    return checked.ok ? NO_MODEL_ISSUES : mapModelIssues(checked.issues);
  }, [pending, draft]);

  // While a draft is pending the results belong to the last valid model: say so, and show the field.
  const first = issues.layers[0] ?? firstLayerIssue(issues);
  useReportInvalid('model', pending ? `Model: ${first ?? 'breaks a rule'}` : null, INVALID_MODEL_FIELD);

  return { draft, pending, issues, edit, revert };
}

/** The first invalid model field (the layer count comes first), else the "not simulated yet" note. */
const INVALID_MODEL_FIELD = '.transformer-editor [aria-invalid="true"], .transformer-editor .draft-note';

function firstLayerIssue(issues: ModelFieldIssues): string | undefined {
  for (const [i, l] of issues.byLayer) {
    const m = l.hidden[0] ?? l.heads[0] ?? l.ff[0];
    if (m) return `layer ${i + 1}: ${m}`;
  }
  return undefined;
}
