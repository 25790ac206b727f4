import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './ui/App.tsx';
import { ExplorerContext } from './state/useExplorer.ts';
import { bootExplorer } from './state/boot.ts';
import { SweepContext } from './state/sweep/appSweep.ts';
import { PanelsContext } from './state/panels.ts';
import './ui/styles.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
// Store, controllers and workers live at module scope: StrictMode's double effects must not duplicate them.
const app = bootExplorer();
createRoot(root).render(
  <StrictMode>
    <ExplorerContext.Provider value={app.explorer}>
      <SweepContext.Provider value={app.sweep}>
        <PanelsContext.Provider value={app.panels}>
          <App />
        </PanelsContext.Provider>
      </SweepContext.Provider>
    </ExplorerContext.Provider>
  </StrictMode>,
);
