import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, ensureStartRoute } from './app/App';
import { openChorusDb, requestPersistentStorage } from './db';
import { connectPlatform } from './platform';
import './app/styles.css';

ensureStartRoute();
void requestPersistentStorage();
const root = document.getElementById('root');
if (root === null) throw new Error('The page has no #root element');
createRoot(root).render(
  <StrictMode>
    <App platform={connectPlatform()} db={openChorusDb()} />
  </StrictMode>,
);
