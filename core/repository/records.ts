import { z } from 'zod';
import { jsonDepthWithin } from '../json/depth';

/**
 * The records of the shared repository, format 1: what an approved version and a withdrawal hold.
 * They are defined here, beside the API contract, because both sides speak them: the renderer
 * freezes and stores them, the main process writes and reads them. Where they live in the
 * repository, and how a file read from it is checked, is `core/repository/format.ts`.
 * The format is written down in `docs/repository-format.md`.
 */

export const repositoryFormat = 1;

/** Ids of resources: letters, digits, `_` and `-`, so they can be path segments untouched. */
export const safeIdPattern = /^[A-Za-z0-9_-]{1,64}$/;
export const safeIdSchema = z.string().regex(safeIdPattern, 'must be 1 to 64 letters, digits, _ or -');

/** SHA-256 as 64 lower-case hexadecimal digits. */
export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'must be a SHA-256 in lower-case hexadecimal');

export const audiences = [
  'social-care',
  'police',
  'health',
  'education',
  'licensing-night-time-economy',
  'other',
] as const;
export const audienceSchema = z.enum(audiences);
export type Audience = (typeof audiences)[number];

export const audienceLabels: Record<Audience, string> = {
  'social-care': 'Social care',
  police: 'Police',
  health: 'Health',
  education: 'Education',
  'licensing-night-time-economy': 'Licensing and night-time economy',
  other: 'Other',
};

export const purposes = ['training-sessions', 'written-materials', 'online-learning'] as const;

/** How a consultee may agree their work is used, as the words go mid-sentence ("used in …"). */
export const purposeLabels: Record<(typeof purposes)[number], string> = {
  'training-sessions': 'training sessions led by a trainer',
  'written-materials': 'printed or written training materials',
  'online-learning': 'online training courses',
};

/**
 * "Social care, in training sessions led by a trainer": who a training pack is for and how it will
 * be used, as its screens and its exports say it.
 */
export function describeUse(use: { audience: Audience; purpose?: (typeof purposes)[number] }): string {
  const audience = audienceLabels[use.audience];
  return use.purpose === undefined ? audience : `${audience}, in ${purposeLabels[use.purpose]}`;
}
export const attributionKinds = ['anonymous', 'pseudonym', 'group', 'name'] as const;

/** Structurally TipTap's JSONContent: the document of a version, as the editor stores it. */
export interface DocumentNode {
  type?: string;
  text?: string;
  content?: DocumentNode[];
  attrs?: Record<string, unknown>;
  marks?: { type: string; attrs?: Record<string, unknown> }[];
}

const markSchema = z.strictObject({
  type: z.string().max(64),
  attrs: z.record(z.string(), z.json()).optional(),
});

/** How many blocks deep a document may nest (a list in a list in a quote…); far more than anyone writes. */
export const maxDocumentDepth = 64;

/**
 * Each block level is two JSON levels (the node and its `content` array), with room for a mark's
 * or an attribute's own nesting at the bottom.
 */
export const maxDocumentJsonDepth = 2 * maxDocumentDepth + 8;

const nodeShapeSchema: z.ZodType<DocumentNode> = z.lazy(() =>
  z.strictObject({
    type: z.string().max(64).optional(),
    text: z.string().optional(),
    content: z.array(nodeShapeSchema).optional(),
    attrs: z.record(z.string(), z.json()).optional(),
    marks: z.array(markSchema).optional(),
  }),
);

/**
 * A document node. Its shape is checked recursively, so its depth is measured first, without
 * recursion: a hostile document nested thousands of levels deep is refused in constant stack,
 * here and on the other side of the API, instead of exhausting the stack of whoever reads it.
 */
export const documentNodeSchema: z.ZodType<DocumentNode> = z
  .custom<unknown>((value) => jsonDepthWithin(value, maxDocumentJsonDepth), {
    message: `is nested more than ${maxDocumentDepth} levels deep`,
    abort: true,
  })
  .pipe(nodeShapeSchema);

const text = (max: number) => z.string().max(max);

/** What is frozen at approval: the document and the details trainers see. */
export const versionContentSchema = z.strictObject({
  resourceId: safeIdSchema,
  version: z.number().int().min(1).max(9999),
  title: text(500),
  summary: text(5000),
  audiences: z.array(audienceSchema).max(audiences.length),
  topics: z.array(text(200)).max(100),
  contentWarnings: z.array(text(500)).max(100),
  /** An ISO date (`2027-03-31`), or empty when none was set. */
  reviewBy: z.union([z.literal(''), z.iso.date()]),
  document: documentNodeSchema,
});
export type VersionContent = z.infer<typeof versionContentSchema>;

export const consentChoicesSchema = z.strictObject({
  audiences: z.array(audienceSchema).max(audiences.length),
  purposes: z.array(z.enum(purposes)).max(purposes.length),
  attribution: z.strictObject({ kind: z.enum(attributionKinds), value: text(200) }),
});

export const consentRecordSchema = z.strictObject({
  choices: consentChoicesSchema,
  /** The exact words shown to the consultee when they agreed. */
  wording: text(10_000),
  agreedAt: z.number().int().nonnegative(),
});
export type ConsentRecord = z.infer<typeof consentRecordSchema>;

/**
 * A sign-off as it is shared. The consultee appears only as their chosen attribution, never by a
 * profile name, so an anonymous consultee stays anonymous in the repository.
 */
export const approvalSchema = z.strictObject({
  role: z.enum(['consultee', 'facilitator']),
  name: text(200),
  at: z.number().int().nonnegative(),
});
export type Approval = z.infer<typeof approvalSchema>;

export const approvedVersionSchema = z.strictObject({
  format: z.literal(repositoryFormat),
  /** SHA-256 of the canonical JSON of everything below except `id`. */
  id: sha256Schema,
  /** SHA-256 of the canonical JSON of `content`. */
  contentHash: sha256Schema,
  content: versionContentSchema,
  consent: consentRecordSchema,
  attribution: text(300),
  approvals: z.array(approvalSchema).max(10),
});
export type ApprovedVersion = z.infer<typeof approvedVersionSchema>;

/**
 * A withdrawal: from `at` on, no version of the resource may be used. The reason stays on the
 * device it was written on; the repository only says that it happened.
 */
export const withdrawalSchema = z.strictObject({
  format: z.literal(repositoryFormat),
  /** SHA-256 of the canonical JSON of everything below except `id`. */
  id: sha256Schema,
  resourceId: safeIdSchema,
  at: z.number().int().nonnegative(),
});
export type Withdrawal = z.infer<typeof withdrawalSchema>;

/** The marker at the root of every repository. Only `format` decides whether Chorus can read it. */
export const markerSchema = z.looseObject({
  format: z.number().int().positive(),
  name: text(200).optional(),
});
export type RepositoryMarker = z.infer<typeof markerSchema>;
