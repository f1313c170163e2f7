import { z } from 'zod';
import { approvedVersionSchema, audiences, purposes, withdrawalSchema } from '@core/repository/records';

/**
 * The API between the renderer and the main process. Every channel names a zod schema for
 * what the renderer sends and what it gets back; both hosts (Electron IPC and the web host)
 * serve this one table through `dispatch`, and the renderer's platform client is typed by it.
 */

export const transportSchema = z.enum(['electron', 'web']);
export type Transport = z.infer<typeof transportSchema>;

export const appInfoSchema = z.strictObject({
  name: z.string(),
  version: z.string(),
  /** Node's `process.platform` of the host: `linux`, `darwin`, `win32`. */
  platform: z.string(),
  transport: transportSchema,
  paths: z.strictObject({
    /** Where the host keeps this user's data (IndexedDB lives in the browser profile beside it). */
    data: z.string(),
  }),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

const emptyInput = z.strictObject({});

/** Where the shared repository is. The token never comes back out of the main process. */
export const remoteSettingsSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({ kind: z.literal('git'), url: z.string().max(2000), username: z.string().max(200) }),
  z.strictObject({ kind: z.literal('folder'), path: z.string().max(4000) }),
]);
export type RemoteSettings = z.infer<typeof remoteSettingsSchema>;

export const secretStoreKindSchema = z.enum(['os-keychain', 'plain-text', 'file']);

export const repositoryStatusSchema = z.strictObject({
  remote: remoteSettingsSchema,
  /** Whether a token is stored for the git remote. */
  hasToken: z.boolean(),
  secrets: z.strictObject({ kind: secretStoreKindSchema, label: z.string() }),
});
export type RepositoryStatus = z.infer<typeof repositoryStatusSchema>;

export const configureRepositorySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('none') }),
  z.strictObject({
    kind: z.literal('git'),
    url: z.string().max(2000),
    username: z.string().max(200),
    /** A new token; left out, the stored one is kept. */
    token: z.string().max(4000).optional(),
    /** The person agreed to keep the token where other programs could read it. */
    allowPlainText: z.boolean().optional(),
  }),
  z.strictObject({ kind: z.literal('folder'), path: z.string().max(4000) }),
]);
export type ConfigureRepository = z.infer<typeof configureRepositorySchema>;

/** Why a repository call did not do its work, in words fit to show as they are. */
export const repositoryProblemSchema = z.strictObject({
  kind: z.enum([
    'not-configured',
    'invalid-settings',
    'needs-consent',
    'unreachable',
    'timeout',
    'unauthorised',
    'not-found',
    'refused',
    'storage',
    'format',
    'conflict',
    'invalid-record',
  ]),
  message: z.string(),
  /** Whether trying again later may work on its own (a network fault), or a person must act. */
  retry: z.boolean(),
});
export type RepositoryProblem = z.infer<typeof repositoryProblemSchema>;

const failed = z.strictObject({ ok: z.literal(false), problem: repositoryProblemSchema });

export const publishItemSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('version'), record: approvedVersionSchema }),
  z.strictObject({ kind: z.literal('withdrawal'), record: withdrawalSchema }),
]);
export type PublishItem = z.infer<typeof publishItemSchema>;

export const pulledItemSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('version'), path: z.string(), record: approvedVersionSchema }),
  z.strictObject({ kind: z.literal('withdrawal'), path: z.string(), record: withdrawalSchema }),
]);
export type PulledItem = z.infer<typeof pulledItemSchema>;

export const exportFormatSchema = z.enum(['docx', 'pdf', 'pptx', 'html']);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

/** A local support service trainers signpost in a session plan. */
export const supportContactSchema = z.strictObject({
  name: z.string().max(200),
  description: z.string().max(1000),
  /** A phone number, web address or email, as it should be printed. */
  contact: z.string().max(300),
});
export type SupportContact = z.infer<typeof supportContactSchema>;

/**
 * What an export holds: one resource, or a training pack of pinned versions with trainer notes.
 * Only approved versions travel; withdrawn ones are refused before this is built. Nothing here
 * names a profile: versions carry only the attribution the consultee chose.
 */
export const exportRequestSchema = z.strictObject({
  format: exportFormatSchema,
  kind: z.enum(['resource', 'pack']),
  title: z.string().max(500),
  description: z.string().max(5000),
  /** A pack's: who it is for and how it will be used, as the trainer chose when making it. */
  use: z.strictObject({ audience: z.enum(audiences), purpose: z.enum(purposes) }).optional(),
  introduction: z.string().max(20_000),
  /** The content warnings of every item, gathered for the session plan, and who to signpost. */
  sessionPlan: z.strictObject({
    contentWarnings: z.array(z.string().max(500)).max(1000),
    support: z.array(supportContactSchema).max(50),
  }),
  items: z
    .array(z.strictObject({ version: approvedVersionSchema, notes: z.string().max(20_000) }))
    .min(1)
    .max(200),
});
export type ExportRequest = z.infer<typeof exportRequestSchema>;

/** A data key for "Remember on this device": 32 random bytes, base64. */
export const deviceKeySchema = z.string().regex(/^[A-Za-z0-9+/]{43}=$/);

/**
 * What the host can do for privacy on this computer. `contentProtection` asks the operating
 * system to keep the window out of screen captures and shares (Windows and macOS only);
 * `rememberKey` is whether the unlock key may be kept in the OS keychain, and why not;
 * `spelling` is whether the spelling dictionary may be downloaded from Google's servers.
 */
export const privacyStatusSchema = z.strictObject({
  contentProtection: z.strictObject({
    supported: z.boolean(),
    on: z.boolean(),
    /** Why it is not supported here, in words fit to show; '' when it is. */
    reason: z.string(),
  }),
  rememberKey: z.strictObject({
    available: z.boolean(),
    remembered: z.boolean(),
    /** Why it is not available here, in words fit to show; '' when it is. */
    reason: z.string(),
  }),
  spelling: z.strictObject({
    /**
     * True on Windows and Linux, where Chromium checks spelling with a dictionary it downloads;
     * false on macOS (the system checks spelling) and in browser mode (the browser does, outside Chorus).
     */
    downloadNeeded: z.boolean(),
    /** The person's choice; spelling is off until they allow it. Always false where no download is needed. */
    downloadAllowed: z.boolean(),
    /** What the download is, or why none is needed, in words fit to show. */
    reason: z.string(),
  }),
});
export type PrivacyStatus = z.infer<typeof privacyStatusSchema>;

/** A file the renderer made (the "everything of mine" archive), to hand over like an export. */
export const saveFileSchema = z.strictObject({
  fileName: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[^/\\:*?"<>|\p{Cc}]+$/u),
  mimeType: z.string().max(100),
  /** The file's bytes, base64. */
  data: z.string().max(400_000_000),
});
export type SaveFile = z.infer<typeof saveFileSchema>;

/**
 * What handing a file over came to: saved through the dialog (the base name only), cancelled, a
 * download for browser mode to offer (base64 bytes), or failed in words fit to show.
 */
export const savedFileOutcomeSchema = z.discriminatedUnion('outcome', [
  z.strictObject({ outcome: z.literal('saved'), fileName: z.string() }),
  z.strictObject({ outcome: z.literal('cancelled') }),
  z.strictObject({
    outcome: z.literal('download'),
    fileName: z.string(),
    mimeType: z.string(),
    /** The file's bytes, base64. */
    data: z.string(),
  }),
  z.strictObject({ outcome: z.literal('failed'), message: z.string() }),
]);

export const skippedFileSchema = z.strictObject({ path: z.string(), reason: z.string() });
export type SkippedFile = z.infer<typeof skippedFileSchema>;

export const contract = {
  'app.info': {
    input: emptyInput,
    output: appInfoSchema,
  },
  /**
   * A connection check: answers the request and also sends an `app.pong` event back, so
   * one call proves both directions of the pipe.
   */
  'app.ping': {
    input: z.strictObject({ nonce: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) }),
    output: z.strictObject({ nonce: z.string(), receivedAt: z.number().int() }),
  },
  'repository.status': {
    input: emptyInput,
    output: repositoryStatusSchema,
  },
  'repository.configure': {
    input: configureRepositorySchema,
    output: z.discriminatedUnion('ok', [
      z.strictObject({ ok: z.literal(true), status: repositoryStatusSchema }),
      failed,
    ]),
  },
  /**
   * Reaches the repository and says whether Chorus can use it: with the settings given (a form's,
   * not yet saved; nothing is stored), or else the stored ones.
   */
  'repository.test': {
    input: z.strictObject({ settings: configureRepositorySchema.optional() }),
    output: z.discriminatedUnion('ok', [
      z.strictObject({ ok: z.literal(true), message: z.string(), empty: z.boolean() }),
      failed,
    ]),
  },
  /** Adds one record. The same record already there is success; a different file in its place is a conflict. */
  'repository.publish': {
    input: publishItemSchema,
    output: z.discriminatedUnion('ok', [
      z.strictObject({ ok: z.literal(true), outcome: z.enum(['published', 'already-present']), path: z.string() }),
      failed,
    ]),
  },
  /**
   * Reads what is new: records the renderer does not list in `known`, and since `cursor` where the
   * remote has one. Answers in pages; while `more` is true, ask again with the new paths known.
   */
  'repository.pull': {
    input: z.strictObject({
      cursor: z.string().max(200).nullable(),
      known: z.array(z.string().max(300)).max(200_000),
    }),
    output: z.discriminatedUnion('ok', [
      z.strictObject({
        ok: z.literal(true),
        cursor: z.string().nullable(),
        items: z.array(pulledItemSchema),
        skipped: z.array(skippedFileSchema),
        more: z.boolean(),
      }),
      failed,
    ]),
  },
  /**
   * Makes a Word, PDF, PowerPoint or HTML file of a resource or pack and saves it: through the
   * save dialog in Electron (answering `saved` or `cancelled`), or handed back as a download in
   * browser mode.
   */
  'export.create': {
    input: exportRequestSchema,
    output: savedFileOutcomeSchema,
  },
  /** Whether screen-capture blocking and "Remember on this device" work here, and their state. */
  'privacy.status': {
    input: emptyInput,
    output: privacyStatusSchema,
  },
  /** Keeps the window out of screenshots and screen shares (or lets it back in); remembered for next start. */
  'privacy.setContentProtection': {
    input: z.strictObject({ on: z.boolean() }),
    output: privacyStatusSchema,
  },
  /** Lets the spellchecker download its dictionary from Google's servers (or stops it); remembered for next start. */
  'privacy.setSpellingDownload': {
    input: z.strictObject({ on: z.boolean() }),
    output: privacyStatusSchema,
  },
  /** The quick exit's last step: minimises and hides the window in Electron; nothing to do in a browser. */
  'privacy.hideWindow': {
    input: emptyInput,
    output: z.strictObject({ hidden: z.boolean() }),
  },
  /** Keeps the data key sealed by the OS keychain so this device unlocks without the passphrase. */
  'deviceKey.remember': {
    input: z.strictObject({ key: deviceKeySchema }),
    output: z.discriminatedUnion('ok', [
      z.strictObject({ ok: z.literal(true) }),
      z.strictObject({ ok: z.literal(false), message: z.string() }),
    ]),
  },
  /** The remembered data key, or null when none is kept (or it can no longer be opened). */
  'deviceKey.recall': {
    input: emptyInput,
    output: z.strictObject({ key: deviceKeySchema.nullable() }),
  },
  'deviceKey.forget': {
    input: emptyInput,
    output: z.strictObject({ forgotten: z.boolean() }),
  },
  /** Hands a file the renderer made to the person, as `export.create` does with its files. */
  'data.save': {
    input: saveFileSchema,
    output: savedFileOutcomeSchema,
  },
  /**
   * Erases what the host keeps for this person: the repository settings, token and local copy, a
   * remembered key and privacy settings; in Electron also the browser storage of the app's session.
   * The renderer deletes its own database first.
   */
  'data.erase': {
    input: emptyInput,
    output: z.strictObject({ erased: z.literal(true) }),
  },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(contract, name);
}

/** Events the main process pushes to the renderer. */
export const events = {
  'app.pong': z.strictObject({ nonce: z.string(), sentAt: z.number().int() }),
  /** The computer is going to sleep or its screen was locked: lock Chorus now (Electron `powerMonitor`). */
  'privacy.lock': z.strictObject({ reason: z.enum(['suspend', 'lock-screen']) }),
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export function isEventName(name: string): name is EventName {
  return Object.hasOwn(events, name);
}

export const apiErrorCodeSchema = z.enum([
  'unknown_channel',
  'invalid_input',
  'invalid_output',
  'unauthorised',
  'internal',
]);

export const apiErrorSchema = z.strictObject({
  code: apiErrorCodeSchema,
  message: z.string(),
  /** Paths and messages of the fields that failed validation, for `invalid_input`. */
  issues: z.array(z.strictObject({ path: z.string(), message: z.string() })).optional(),
});
export type ApiError = z.infer<typeof apiErrorSchema>;

/** What every call returns over either transport: a value, or a typed error. Never a throw. */
export const envelopeSchema = z.discriminatedUnion('ok', [
  z.strictObject({ ok: z.literal(true), value: z.unknown() }),
  z.strictObject({ ok: z.literal(false), error: apiErrorSchema }),
]);
export type Envelope<T = unknown> = { ok: true; value: T } | { ok: false; error: ApiError };

/** An event as it crosses a transport. */
export const eventMessageSchema = z.strictObject({ name: z.string(), payload: z.unknown() });
export type EventMessage = z.infer<typeof eventMessageSchema>;
