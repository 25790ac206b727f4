/**
 * The accuracy predictor: published GLUE scores, the DynaProp lab's measurements (the shipped
 * ones and the user's own), or the user's dataset file; its source is always shown.
 */
import { useExplorer, useExplorerApi } from '../../state/useExplorer.ts';
import { useCodesign, useCodesignApi } from '../../state/codesign/appCodesign.ts';
import { MAX_DATASET_FILE_BYTES } from '../../state/codesign/codesignController.ts';

export function PredictorField() {
  const kind = useExplorer((s) => s.session.codesign.predictor);
  const api = useExplorerApi();
  const { controller } = useCodesignApi();
  const info = useCodesign((s) => s.predictorInfo);
  const dataset = useCodesign((s) => s.dataset);
  const choose = (predictor: 'published' | 'measured' | 'imported') => {
    api.getState().setCodesign({ predictor });
    void controller.describePredictor();
  };
  return (
    <div className="cd-predictor">
      <div role="radiogroup" aria-label="Accuracy predictor" className="cd-radios">
        <label><input type="radio" name="cd-predictor" value="published" checked={kind === 'published'} onChange={() => choose('published')} data-testid="cd-predictor-published" /> Published GLUE scores</label>
        <label><input type="radio" name="cd-predictor" value="measured" checked={kind === 'measured'} onChange={() => choose('measured')} data-testid="cd-predictor-measured" /> Measured (DynaProp lab runs)</label>
        <label><input type="radio" name="cd-predictor" value="imported" checked={kind === 'imported'} onChange={() => choose('imported')} data-testid="cd-predictor-imported" /> Imported dataset</label>
      </div>
      {kind === 'imported' && (
        <label className="cd-field">
          <span>FlexiBERT 2.0 dataset (JSON) or rows (JSON/CSV){dataset ? `: ${dataset.name}` : ''}</span>
          <input
            type="file" accept=".json,.csv,application/json,text/csv" data-testid="cd-dataset"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (!file) return;
              if (file.size > MAX_DATASET_FILE_BYTES) return void controller.importDataset(file.name, 'x'.repeat(MAX_DATASET_FILE_BYTES + 1));
              void controller.importDataset(file.name, await file.text());
            }}
          />
        </label>
      )}
      {info.importMessage && <p className={info.importMessage.startsWith('Reading') ? 'cd-caption' : 'cd-error'} role="status" data-testid="cd-import-message">{info.importMessage}</p>}
      <p className="cd-caption" data-testid="cd-predictor-info" aria-live="polite">
        {info.status === 'loading' && 'Reading the predictor…'}
        {info.status === 'error' && <span className="cd-error">{info.message}</span>}
        {info.status === 'ok' && (
          <>
            {info.looSpearman !== undefined && (
              <strong data-testid="cd-loo">Leave-one-out Spearman ρ = {Number.isFinite(info.looSpearman) ? info.looSpearman.toFixed(2) : 'undefined (constant scores)'} over {info.entries} models. </strong>
            )}
            {info.skipped ? (
              <span data-testid="cd-skipped">
                {info.skipped} {info.skipped === 1 ? 'entry' : 'entries'} without a score skipped: {info.skippedIds?.join(', ')}{info.skipped > (info.skippedIds?.length ?? 0) ? ', …' : ''}.{' '}
              </span>
            ) : null}
            {info.description}
          </>
        )}
        {info.status === 'idle' && kind === 'imported' && 'Choose a dataset file: {"<hash>": {"model_dict": {…}, "glue": …}} (FlexiBERT 2.0 format).'}
      </p>
    </div>
  );
}
