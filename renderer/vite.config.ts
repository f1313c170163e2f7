import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { contentSecurityPolicyMeta } from '../electron/shared/csp.ts';

const root = path.dirname(fileURLToPath(import.meta.url));

/** The policy also travels as a meta tag, so the page is protected however it is served. */
function cspMetaTag(): Plugin {
  return {
    name: 'chorus-csp-meta',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicyMeta },
        injectTo: 'head-prepend',
      },
    ],
  };
}

export default defineConfig({
  root,
  base: '/',
  plugins: [react(), cspMetaTag()],
  resolve: { alias: { '@core': path.resolve(root, '../core') } },
  build: {
    outDir: path.resolve(root, '../build/renderer'),
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome130',
  },
});
