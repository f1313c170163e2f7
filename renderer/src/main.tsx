// The design tokens, the base and the classes several features share come first, before any component's own
// stylesheet (each component imports its own), so that a feature's rules always come after these.
import './ui/tokens.css';
import './ui/base.css';
import './ui/common.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, ensureStartRoute } from './app/App';
import { openChorusDb, requestPersistentStorage } from './db';
import { connectPlatform } from './platform';

ensureStartRoute();
void requestPersistentStorage();
const db = openChorusDb();
// The browser opens (on a first start, creates) the database while React draws the first screen,
// rather than when that screen first asks for something. A failure to open is not lost: every
// query made afterwards fails with it, and the screens say so. The mark is for the cold-start
// benchmark's timeline (bench/benchmarks/cold-start.ts).
db.open().then(
  () => performance.mark('chorus:database-open'),
  () => undefined,
);
const root = document.getElementById('root');
if (root === null) throw new Error('The page has no #root element');
createRoot(root).render(
  <StrictMode>
    <App platform={connectPlatform()} db={db} />
  </StrictMode>,
);
