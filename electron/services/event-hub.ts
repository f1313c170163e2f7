import { events, type EventName, type EventPayload, type EventMessage } from '../shared/contract';

export type EventListener = (message: EventMessage) => void;

/** Where services publish events; each host forwards them to its renderers. */
export interface EventHub {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  /** Returns a function that removes the listener. */
  subscribe(listener: EventListener): () => void;
}

export function createEventHub(): EventHub {
  const listeners = new Set<EventListener>();
  return {
    emit(name, payload) {
      // Validating here keeps a service bug from sending the renderer something the contract does not allow.
      const message: EventMessage = { name, payload: events[name].parse(payload) };
      for (const listener of [...listeners]) listener(message);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
