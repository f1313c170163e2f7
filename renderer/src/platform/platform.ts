import type {
  ApiError,
  Channel,
  ChannelInput,
  ChannelOutput,
  EventName,
  EventPayload,
  Transport,
} from '../../../electron/shared/contract';
import type * as ContractModule from '../../../electron/shared/contract';

type Contract = typeof ContractModule;
let contractModule: Promise<Contract> | null = null;
/** The contract once loaded, so that events are then checked and delivered at once. */
let loadedContract: Contract | null = null;

/**
 * The contract's schemas, loaded on the first call or event rather than with the first page:
 * building every channel's zod schemas is a sizeable part of a cold start, and nothing on the
 * first screen waits for the host. Every answer and event is still checked before anyone sees it.
 */
function loadContract(): Promise<Contract> {
  contractModule ??= import('../../../electron/shared/contract').then(
    (module) => (loadedContract = module),
    (error: unknown) => {
      // Tried again on the next call, rather than failing every call for the life of the page.
      contractModule = null;
      throw error;
    },
  );
  return contractModule;
}

/** A failed call: the host answered with a typed error, or could not be reached at all. */
export class PlatformError extends Error {
  readonly code: ApiError['code'] | 'unreachable';

  constructor(code: ApiError['code'] | 'unreachable', message: string) {
    super(message);
    this.name = 'PlatformError';
    this.code = code;
  }
}

/** How a transport moves raw messages; the platform adds the contract on top. */
export interface TransportDriver {
  kind: Transport;
  /** Sends one call and resolves with the host's raw envelope. */
  send(channel: Channel, input: unknown): Promise<unknown>;
  /**
   * Delivers raw event messages until the returned function is called, and tells `onStatus`
   * when the host stops answering and when it answers again, where the transport can see that.
   */
  listen(listener: (message: unknown) => void, onStatus?: (status: HostStatus) => void): () => void;
}

/** Whether the app's host (the main process, or the web host in browser mode) is answering. */
export type HostStatus = 'answering' | 'unreachable';

/** The one way the renderer reaches the main process, whichever host it runs in. */
export interface Platform {
  transport: Transport;
  invoke<C extends Channel>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Hears when the host stops answering and when it answers again; keeps the event stream open. */
  onHostStatus(listener: (status: HostStatus) => void): () => void;
}

export function createPlatform(driver: TransportDriver): Platform {
  type Listener = (payload: unknown) => void;
  const listeners = new Map<EventName, Set<Listener>>();
  let stopListening: (() => void) | null = null;
  let hostStatus: HostStatus = 'answering';
  const statusListeners = new Set<(status: HostStatus) => void>();
  const setHostStatus = (status: HostStatus) => {
    if (status === hostStatus) return;
    hostStatus = status;
    for (const listener of statusListeners) listener(status);
  };
  const listenWhileNeeded = () => {
    stopListening ??= driver.listen(deliver, setHostStatus);
  };
  const stopWhenUnneeded = () => {
    if (statusListeners.size > 0 || [...listeners.values()].some((each) => each.size > 0)) return;
    stopListening?.();
    stopListening = null;
  };

  const check = ({ eventMessageSchema, events, isEventName }: Contract, raw: unknown) => {
    const message = eventMessageSchema.safeParse(raw);
    if (!message.success || !isEventName(message.data.name)) return;
    const payload = events[message.data.name].safeParse(message.data.payload);
    if (!payload.success) return;
    for (const listener of listeners.get(message.data.name) ?? []) listener(payload.data);
  };
  // Until the contract has loaded, events wait for it in the order they came (each on the same
  // promise); after that they are delivered as they come.
  const deliver = (raw: unknown) => {
    if (loadedContract !== null) check(loadedContract, raw);
    else
      loadContract().then(
        (contract) => check(contract, raw),
        () => undefined,
      );
  };

  return {
    transport: driver.kind,
    async invoke(channel, input) {
      let raw: unknown;
      // Fetched while the call is on its way, not after.
      const loading = loadContract();
      loading.catch(() => undefined);
      try {
        raw = await driver.send(channel, input);
      } catch (error) {
        setHostStatus('unreachable');
        throw new PlatformError('unreachable', error instanceof Error ? error.message : 'The app host did not answer');
      }
      setHostStatus('answering');
      const { apiErrorSchema, contract, envelopeSchema } = await loading;
      const envelope = envelopeSchema.safeParse(raw);
      if (!envelope.success)
        throw new PlatformError('invalid_output', `${channel}: the host's answer was not understood`);
      if (!envelope.data.ok) {
        const error = apiErrorSchema.parse(envelope.data.error);
        throw new PlatformError(error.code, error.message);
      }
      const output = contract[channel].output.safeParse(envelope.data.value);
      if (!output.success)
        throw new PlatformError('invalid_output', `${channel}: the host's answer was not understood`);
      return output.data as ChannelOutput<typeof channel>;
    },
    on(name, listener) {
      const set = listeners.get(name) ?? new Set<Listener>();
      listeners.set(name, set);
      set.add(listener as Listener);
      listenWhileNeeded();
      return () => {
        set.delete(listener as Listener);
        stopWhenUnneeded();
      };
    },
    onHostStatus(listener) {
      statusListeners.add(listener);
      listenWhileNeeded();
      if (hostStatus !== 'answering') listener(hostStatus);
      return () => {
        statusListeners.delete(listener);
        stopWhenUnneeded();
      };
    },
  };
}
