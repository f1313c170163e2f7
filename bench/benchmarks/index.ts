import type { Benchmark } from '../harness';
import { autosave } from './autosave';
import { coldStart } from './cold-start';
import { draftsList } from './drafts-list';
import { typing } from './typing';

/** Every benchmark `bench/run.ts` knows, in the order it runs them. Add new ones here. */
export const benchmarks: readonly Benchmark[] = [coldStart, typing, autosave, draftsList];
