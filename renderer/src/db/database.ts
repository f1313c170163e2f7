import { Dexie, type Table } from 'dexie';
import { migrations } from './migrations';
import type { Migration } from './migrations/migration';
import { documentCodecMiddleware } from './document-codec';
import { repairMiddleware } from './repair';
import { sealingMiddleware, type VaultState } from './sealing';
import type {
  AnonymisationLogRecord,
  ApprovedVersionRecord,
  AuditEventRecord,
  CommentRecord,
  CommentThreadRecord,
  DocumentRecord,
  FindingDecisionRecord,
  ImageRecord,
  KnownDetailRecord,
  LibraryVersionRecord,
  LibraryWithdrawalRecord,
  OutboxRecord,
  PackRecord,
  ProfileRecord,
  ResourceRecord,
  SettingRecord,
  SignOffRecord,
  SkippedFileRecord,
  SnapshotRecord,
  WithdrawalRecord,
} from './records';

export class ChorusDb extends Dexie {
  resources!: Table<ResourceRecord, string>;
  documents!: Table<DocumentRecord, string>;
  snapshots!: Table<SnapshotRecord, number>;
  images!: Table<ImageRecord, string>;
  settings!: Table<SettingRecord, string>;
  profiles!: Table<ProfileRecord, string>;
  auditEvents!: Table<AuditEventRecord, number>;
  commentThreads!: Table<CommentThreadRecord, string>;
  comments!: Table<CommentRecord, number>;
  signOffs!: Table<SignOffRecord, number>;
  decisions!: Table<FindingDecisionRecord, string>;
  knownDetails!: Table<KnownDetailRecord, string>;
  anonymisationLog!: Table<AnonymisationLogRecord, number>;
  approvedVersions!: Table<ApprovedVersionRecord, string>;
  withdrawals!: Table<WithdrawalRecord, string>;
  outbox!: Table<OutboxRecord, number>;
  library!: Table<LibraryVersionRecord, string>;
  libraryWithdrawals!: Table<LibraryWithdrawalRecord, string>;
  skippedFiles!: Table<SkippedFileRecord, string>;
  packs!: Table<PackRecord, string>;

  /** The app lock's key while unlocked (see `lock.ts`); records of sealed tables pass through it. */
  readonly vault: VaultState = { key: null, sealing: false, previousKey: null, acceptFormat1: false };

  constructor(name: string, upTo: readonly Migration[] = migrations) {
    // Strict durability makes Chromium flush each transaction to disk before it reports success, so
    // "Saved" on screen means saved, even if the machine loses power a moment later.
    super(name, { chromeTransactionDurability: 'strict' });
    for (const migration of upTo) {
      const version = this.version(migration.version).stores(migration.stores);
      if (migration.upgrade !== undefined) version.upgrade(migration.upgrade);
    }
    this.use(sealingMiddleware(this.vault));
    this.use(documentCodecMiddleware());
    this.use(repairMiddleware());
  }
}

export const defaultDatabaseName = 'chorus';

export function openChorusDb(name: string = defaultDatabaseName): ChorusDb {
  return new ChorusDb(name);
}
