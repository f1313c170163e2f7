import type { z } from 'zod';
import { contract, isChannel, type ApiError, type Channel, type ChannelOutput, type Envelope } from './contract';

/** What a handler receives: the parsed input of its channel. */
export type Handler<C extends Channel> = (
  input: z.output<(typeof contract)[C]['input']>,
) => Promise<ChannelOutput<C>> | ChannelOutput<C>;

export type Handlers = { [C in Channel]: Handler<C> };

/** Reports an unexpected handler failure without sending its details to the renderer. */
export type FailureReporter = (where: string, error: unknown) => void;

function issuesOf(error: z.ZodError): NonNullable<ApiError['issues']> {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}

/**
 * Runs one call: checks the channel and the input against the contract, calls the handler,
 * checks its output, and wraps everything in an envelope. It never throws, so a malformed
 * request from either transport gets a typed error and cannot crash the host.
 */
export async function dispatch(
  handlers: Handlers,
  channel: string,
  raw: unknown,
  onFailure: FailureReporter = () => undefined,
): Promise<Envelope> {
  if (!isChannel(channel)) {
    return { ok: false, error: { code: 'unknown_channel', message: `No such channel: ${channel.slice(0, 80)}` } };
  }
  const spec = contract[channel];
  let input: ReturnType<typeof spec.input.safeParse>;
  try {
    input = spec.input.safeParse(raw);
  } catch (error) {
    // The schemas measure nesting before they recurse; this is the last guard, for the host's sake.
    onFailure(channel, error);
    return { ok: false, error: { code: 'invalid_input', message: `Invalid request for ${channel}` } };
  }
  if (!input.success) {
    return {
      ok: false,
      error: { code: 'invalid_input', message: `Invalid request for ${channel}`, issues: issuesOf(input.error) },
    };
  }
  let result: unknown;
  try {
    const handler = handlers[channel] as (value: unknown) => unknown;
    result = await handler(input.data);
  } catch (error) {
    onFailure(channel, error);
    return { ok: false, error: { code: 'internal', message: `${channel} failed` } };
  }
  let output: ReturnType<typeof spec.output.safeParse>;
  try {
    output = spec.output.safeParse(result);
  } catch (error) {
    onFailure(channel, error);
    return { ok: false, error: { code: 'invalid_output', message: `${channel} returned an invalid answer` } };
  }
  if (!output.success) {
    onFailure(channel, output.error);
    return { ok: false, error: { code: 'invalid_output', message: `${channel} returned an invalid answer` } };
  }
  return { ok: true, value: output.data };
}
