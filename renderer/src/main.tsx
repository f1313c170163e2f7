import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, ensureStartRoute } from './app/App';
import { connectPlatform } from './platform';
import './app/styles.css';

ensureStartRoute();
const root = document.getElementById('root');
if (root === null) throw new Error('The page has no #root element');
createRoot(root).render(
  <StrictMode>
    <App platform={connectPlatform()} />
  </StrictMode>,
);
