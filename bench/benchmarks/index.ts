import type { Benchmark } from '../harness';
import { autosave } from './autosave';
import { coldStart } from './cold-start';
import { detector } from './detector';
import { draftsList } from './drafts-list';
import { exportDocx } from './export-docx';
import { exportPdf } from './export-pdf';
import { identifyingCheck } from './identifying-check';
import { librarySearch } from './library-search';
import { lockBench } from './lock';
import { quickExit } from './quick-exit';
import { syncPublish } from './sync-publish';
import { syncPull } from './sync-pull';
import { typing } from './typing';

/** Every benchmark `bench/run.ts` knows, in the order it runs them. Add new ones here. */
export const benchmarks: readonly Benchmark[] = [
  coldStart,
  typing,
  autosave,
  draftsList,
  quickExit,
  syncPublish,
  syncPull,
  exportDocx,
  exportPdf,
  librarySearch,
  detector,
  identifyingCheck,
  lockBench,
];
