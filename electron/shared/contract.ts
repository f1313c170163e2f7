import { z } from 'zod';

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
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelOutput<C extends Channel> = z.output<Contract[C]['output']>;

export const channelNames = Object.keys(contract) as Channel[];

export function isChannel(name: string): name is Channel {
  return Object.hasOwn(contract, name);
}

/** Events the main process pushes to the renderer. */
export const events = {
  'app.pong': z.strictObject({ nonce: z.string(), sentAt: z.number().int() }),
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
export type ApiErrorCode = z.infer<typeof apiErrorCodeSchema>;

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
