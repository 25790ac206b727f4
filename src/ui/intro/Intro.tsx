/**
 * The first visit: what the explorer is for, a three-step start, and the lab's
 * designs. Not a dialog: it sits above the results and never blocks the app.
 * Dismissed once, it stays closed across reloads; "Start here" in the header reopens it.
 */
import { useId } from 'react';
import { useExplorerApi } from '../../state/useExplorer.ts';
import { labDesign, labLabel, LABS } from './labs.ts';
import { useIntro } from './introPref.ts';
import './intro.css';

export function Intro() {
  const open = useIntro((s) => s.open);
  const dismiss = useIntro((s) => s.dismiss);
  const api = useExplorerApi();
  const headingId = useId();
  if (!open) return null;

  const loadLab = (id: string) => {
    const lab = LABS.find((l) => l.id === id);
    if (!lab) return;
    const state = api.getState();
    state.loadDesign(labDesign(lab), { ...state.session.settings, mode: lab.mode });
    state.notify('info', `Loaded ${lab.title.toLowerCase()}: ${labLabel(lab)}.`);
  };

  return (
    <section className="intro" aria-labelledby={headingId} data-testid="intro">
      <div className="intro-head">
        <h2 id={headingId}>Co-design a transformer and the chip that runs it</h2>
        <button type="button" onClick={dismiss} data-testid="intro-dismiss" aria-label="Got it, hide this introduction">Got it, hide this</button>
      </div>
      <p className="intro-lede">
        Change a transformer (layers, attention heads, feed-forward sizes) and an accelerator (processing elements, buffers,
        memory) in the design editors; ELECTOR simulates its latency, energy and area as you type. Then search thousands of pairs for
        the best trade-offs.
      </p>
      <ol className="intro-steps">
        <li><strong>Pick a preset.</strong> Choose a model and an accelerator in the editors, or a lab design below.</li>
        <li><strong>Read the results.</strong> Latency, throughput, energy per sequence and area, where the time and energy go, op by op.</li>
        <li><strong>Run a sweep.</strong> On the "Sweep &amp; Pareto" tab, sample designs around yours and read the Pareto front.</li>
      </ol>
      <div className="intro-lab" role="group" aria-label="Lab designs" data-testid="intro-lab">
        <h3>Lab</h3>
        <ul>
          {LABS.map((lab, i) => (
            <li key={lab.id}>
              <button type="button" onClick={() => loadLab(lab.id)} data-testid={`intro-${lab.id}`}>
                {i + 1}. {lab.title}
              </button>
              <span className="intro-lab-detail">{labLabel(lab)}: {lab.task}</span>
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}

/** The header's way back to the intro once it was dismissed. */
export function IntroReopen() {
  const open = useIntro((s) => s.open);
  const reopen = useIntro((s) => s.reopen);
  if (open) return null;
  return <button type="button" className="intro-reopen" onClick={reopen} data-testid="intro-reopen">Start here &amp; labs</button>;
}
