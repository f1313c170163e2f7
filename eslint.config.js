// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layer table of shared/STYLE.md as lint rules: each folder lists what it must not import.
 * `regex` patterns match the import specifier as written.
 */
const node = '^node:|^(fs|path|os|http|https|net|crypto|child_process|url|util|stream|events)(/|$)';
const layers = [
  {
    name: 'core: the product rules, plain TypeScript',
    files: ['core/**/*.ts'],
    patterns: [
      {
        regex: '^(?!(zod|diff|compromise)$|\\.\\.?/)',
        message:
          'core is plain TypeScript: zod, diff, compromise and its own modules only (no DOM, Node, Electron, Dexie).',
      },
      {
        regex: '(^|/)(electron|renderer|tests|bench|scripts)/',
        message: 'nothing in core imports from the app around it.',
      },
    ],
  },
  {
    name: 'electron/shared: the API contract (zod and core)',
    files: ['electron/shared/**/*.ts'],
    patterns: [
      { regex: '^(?!zod$|@core/|\\./)', message: 'electron/shared may import only zod, @core and its own modules.' },
    ],
  },
  {
    name: 'electron/services: no electron, no renderer',
    files: ['electron/services/**/*.ts'],
    paths: ['electron'],
    patterns: [
      { regex: '(^|/)(renderer|main|preload|web-host)/', message: 'services are plain Node: shared and node:* only.' },
      { regex: '^(react|react-dom|dexie)', message: 'services are plain Node.' },
    ],
  },
  {
    name: 'electron/main: shared, services, electron',
    files: ['electron/main/**/*.ts'],
    patterns: [
      { regex: '(^|/)(renderer|preload|web-host)/', message: 'main wires shared and services to Electron only.' },
      { regex: '^(react|react-dom|dexie)', message: 'main has no UI code.' },
    ],
  },
  {
    name: 'electron/preload: electron and shared types',
    files: ['electron/preload/**/*.ts'],
    patterns: [
      {
        regex: '^(?!electron$|@core/|\\.\\./shared/)',
        message: 'preload may import only electron, electron/shared and core.',
      },
    ],
  },
  {
    name: 'web host: shared, services, node',
    files: ['electron/web-host/**/*.ts'],
    paths: ['electron'],
    patterns: [{ regex: '(^|/)(renderer|main|preload)/', message: 'the web host serves shared and services only.' }],
  },
  {
    name: 'renderer: never Node or the main process',
    files: ['renderer/src/**/*.{ts,tsx}'],
  },
  {
    name: 'renderer/db: the only door to IndexedDB',
    files: ['renderer/src/db/**/*.{ts,tsx}'],
    patterns: [
      { regex: '\\.\\./(editor|features|app|platform|saving|ui)(/|$)', message: 'db imports core and shared.' },
    ],
  },
  {
    name: 'renderer/editor',
    files: ['renderer/src/editor/**/*.{ts,tsx}'],
    patterns: [
      { regex: '\\.\\./(db|features|app|platform|saving)(/|$)', message: 'editor imports core and @tiptap only.' },
    ],
  },
  {
    name: 'renderer/saving: autosave, its status and value stores',
    files: ['renderer/src/saving/**/*.{ts,tsx}'],
    patterns: [
      {
        regex: '\\.\\./(editor|features|app|ui)(/|$)',
        message: 'saving imports core, db and platform only: features and the app use it, not the other way.',
      },
    ],
  },
  {
    name: 'renderer/features: sealed, each reached only through its index.ts',
    files: ['renderer/src/features/**/*.{ts,tsx}'],
    patterns: [
      { regex: '^\\.\\./\\.\\./app(/|$)', message: 'features do not import the app shell.' },
      {
        regex: '^\\.\\./(?!\\.)[^/]+/',
        message: "another feature is reached through its index.ts ('../lock'), never its files.",
      },
    ],
  },
  {
    name: 'renderer/app: features through their faces',
    files: ['renderer/src/app/**/*.{ts,tsx}', 'renderer/src/main.tsx'],
    patterns: [
      {
        regex: '(^|/)features/[^/]+/',
        message: "a feature is reached through its index.ts ('../features/lock'), never its files.",
      },
    ],
  },
  {
    name: 'renderer/platform',
    files: ['renderer/src/platform/**/*.{ts,tsx}'],
    patterns: [{ regex: '\\.\\./(db|editor|features|app|saving|ui)(/|$)', message: 'platform imports shared only.' }],
  },
  {
    name: 'renderer/ui: nothing from the app',
    files: ['renderer/src/ui/**/*.{ts,tsx}'],
    patterns: [
      { regex: '\\.\\./(db|editor|features|app|platform|saving)(/|$)', message: 'ui components hold no app logic.' },
      { regex: '^@core/|electron/shared/', message: 'ui components hold no app logic.' },
    ],
  },
];

/**
 * What no renderer file may import. A later config block replaces a rule's options rather than
 * adding to them, so every renderer layer carries these as well as its own.
 */
const rendererPaths = ['electron'];
const rendererPatterns = [
  { regex: node, message: 'the renderer runs in a sandboxed page: no Node modules.' },
  { regex: 'electron/(services|main|preload|web-host)/', message: 'reach the main process through platform/.' },
];
const dexieOnlyInDb = { regex: '^dexie', message: 'only renderer/src/db imports dexie.' };

function withRendererBase(layer) {
  if (!layer.files.every((glob) => glob.startsWith('renderer/'))) return layer;
  const isDb = layer.files.every((glob) => glob.startsWith('renderer/src/db/'));
  return {
    ...layer,
    paths: [...rendererPaths, ...(layer.paths ?? [])],
    patterns: [...rendererPatterns, ...(isDb ? [] : [dexieOnlyInDb]), ...(layer.patterns ?? [])],
  };
}

export default tseslint.config(
  { ignores: ['build/', 'dist/', 'node_modules/', 'bench/results.*', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-confusing-void-expression': 'off',
      'no-eval': 'error',
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: globals.node },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
    languageOptions: { globals: globals.browser },
  },
  {
    // Tests fix the moment and the time zone through the clock, so nothing in the app reads them itself.
    name: 'renderer and core: one clock',
    files: ['core/**/*.ts', 'renderer/src/**/*.{ts,tsx}'],
    ignores: ['core/clock.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Ask the clock (core/clock.ts, useClock in features).' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Ask the clock (core/clock.ts, useClock in features).',
        },
        {
          selector:
            'CallExpression[callee.property.name=/^(getFullYear|getMonth|getDate|getDay|getHours|getMinutes|toDateString|toLocaleDateString|toLocaleTimeString|toLocaleString)$/]',
          message: "Days and times are read in the clock's zone: use core/clock.ts.",
        },
        {
          selector: "NewExpression[callee.object.name='Intl'][callee.property.name='DateTimeFormat']",
          message: "Days and times are written in the clock's zone: use core/clock.ts.",
        },
      ],
    },
  },
  {
    // core runs in the page, in the worker and in Node alike, so it reaches for nothing one of them lacks.
    name: 'core: no DOM, no Node',
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'location'].map(
          (name) => ({ name, message: 'core has no DOM: take what it needs as a parameter.' }),
        ),
        ...['process', 'require', 'Buffer', '__dirname'].map((name) => ({
          name,
          message: 'core has no Node: take what it needs as a parameter.',
        })),
      ],
    },
  },
  ...layers.map(withRendererBase).map(({ name, files, paths = [], patterns = [] }) => ({
    name,
    files,
    rules: { 'no-restricted-imports': ['error', { paths, patterns }] },
  })),
);
