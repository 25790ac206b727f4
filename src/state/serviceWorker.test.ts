import { describe, expect, it } from 'vitest';
import { decideUpdate, pageBuildScript } from './serviceWorker.ts';

const files = ['assets/index-NEW.js', 'assets/elector.worker-1.js', 'index.html'];

describe('what a page does about a newly installed build', () => {
  it('does nothing on a first install (no worker controls the page yet)', () => {
    expect(decideUpdate({ hasController: false, pageBuild: 'assets/index-OLD.js', workerFiles: files })).toBe('none');
  });

  it('activates at once when the page already runs the new build, so offline reloads serve it', () => {
    expect(decideUpdate({ hasController: true, pageBuild: 'assets/index-NEW.js', workerFiles: files })).toBe('activate');
  });

  it('offers a reload when the page runs an older build', () => {
    expect(decideUpdate({ hasController: true, pageBuild: 'assets/index-OLD.js', workerFiles: files })).toBe('prompt');
  });

  it('offers a reload when it cannot tell (worker did not answer, no entry script found)', () => {
    expect(decideUpdate({ hasController: true, pageBuild: 'assets/index-OLD.js', workerFiles: null })).toBe('prompt');
    expect(decideUpdate({ hasController: true, pageBuild: null, workerFiles: files })).toBe('prompt');
  });

  it('finds the entry script relative to the scope', () => {
    const scope = 'http://127.0.0.1:4173/';
    expect(pageBuildScript(['https://cdn.example/x.js', `${scope}assets/index-NEW.js`], scope)).toBe('assets/index-NEW.js');
    expect(pageBuildScript([`${scope}app/assets/index-A.js?v=1`], `${scope}app/`)).toBe('assets/index-A.js');
    expect(pageBuildScript([], scope)).toBeNull();
  });
});
