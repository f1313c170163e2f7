import { migration001 } from './001-initial';
import { migration002 } from './002-split-documents';
import { migration003 } from './003-co-production';
import { migration004 } from './004-sync';
import { migration005 } from './005-packs';
import { migration006 } from './006-sealable-decisions';
import { migration007 } from './007-known-details';
import type { Migration } from './migration';

/** Every schema version in order. Add a file and a line here; never edit a released one. */
export const migrations: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
];
