import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type Rolldown } from 'vite';
import { contentSecurityPolicyMeta } from '../electron/shared/csp.ts';
import { editorChunksMetaName } from './src/ui/lazy.ts';

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

/** Every chunk `fileName` imports statically, itself included. */
function staticClosure(bundle: Rolldown.OutputBundle, fileName: string, into = new Set<string>()): Set<string> {
  const chunk = bundle[fileName];
  if (into.has(fileName) || chunk?.type !== 'chunk') return into;
  into.add(fileName);
  for (const imported of chunk.imports) staticClosure(bundle, imported, into);
  return into;
}

/**
 * Lists, in a meta tag, the chunks that the dynamic import of `entry` loads beyond what the first
 * page already has, so the app can preload them in an idle moment (ui/lazy.ts, preloadChunks)
 * without running them. A meta tag, not a script: the Content-Security-Policy allows no inline code.
 */
function chunksMetaTag(name: string, entry: string): Plugin {
  return {
    name: 'chorus-chunks-meta',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const { bundle, chunk: first } = context;
        if (bundle === undefined || first === undefined) return [];
        const target = Object.values(bundle).find(
          (output) => output.type === 'chunk' && output.facadeModuleId === path.resolve(root, entry),
        );
        if (target === undefined) throw new Error(`The build has no chunk for ${entry}`);
        const loaded = staticClosure(bundle, first.fileName);
        const wanted = [...staticClosure(bundle, target.fileName)].filter((file) => !loaded.has(file));
        return [
          { tag: 'meta', attrs: { name, content: wanted.map((file) => `/${file}`).join(' ') }, injectTo: 'head' },
        ];
      },
    },
  };
}

export default defineConfig({
  root,
  base: '/',
  plugins: [react(), cspMetaTag(), chunksMetaTag(editorChunksMetaName, 'src/features/drafting/ResourcePage.tsx')],
  resolve: { alias: { '@core': path.resolve(root, '../core') } },
  build: {
    outDir: path.resolve(root, '../build/renderer'),
    emptyOutDir: true,
    sourcemap: true,
    target: 'chrome130',
    rolldownOptions: {
      output: {
        codeSplitting: { groups: [{ name: 'first-page', tags: ['$initial'] }] },
      },
    },
  },
});
