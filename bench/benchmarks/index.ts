import type { Benchmark } from '../harness';
import { coldStart } from './cold-start';

/** Every benchmark `bench/run.ts` knows, in the order it runs them. Add new ones here. */
export const benchmarks: readonly Benchmark[] = [coldStart];
