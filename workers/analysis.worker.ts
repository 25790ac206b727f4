/**
 * Thin comlink shell over the many-objective analysis (fronts, hypervolume,
 * parameter importance): at 10⁶ rows it takes seconds, which must not freeze the page.
 * The client starts one worker per request and terminates it when a newer
 * request arrives, so nothing here needs to know about cancellation.
 */
import { expose, transfer } from 'comlink';
import { analyseObjectives, type AnalysisRequest, type AnalysisResult } from '../src/ui/analysis/objectives/analyse.ts';

const api = {
  analyse(req: AnalysisRequest): AnalysisResult {
    const result = analyseObjectives(req);
    // The front's rows go back without a copy; the rest is small.
    return transfer(result, [result.frontRows.buffer]);
  },
};

export type AnalysisWorkerApi = typeof api;
expose(api);
