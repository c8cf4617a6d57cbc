/** A minimal typed emitter: listener errors are caught and handed to `onListenerError`, never to the caller. */
export class TypedEmitter<Events extends { [K in keyof Events]: unknown }> {
  private readonly listeners = new Map<keyof Events, Set<(value: never) => void>>();

  constructor(private readonly onListenerError: (error: unknown) => void) {}

  /** Adds a listener; returns the function that removes it. */
  on<K extends keyof Events>(name: K, listener: (value: Events[K]) => void): () => void {
    let set = this.listeners.get(name);
    if (!set) {
      set = new Set();
      this.listeners.set(name, set);
    }
    set.add(listener as (value: never) => void);
    return () => set.delete(listener as (value: never) => void);
  }

  emit<K extends keyof Events>(name: K, value: Events[K]): void {
    for (const listener of [...(this.listeners.get(name) ?? [])]) {
      try {
        (listener as (value: Events[K]) => void)(value);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }

  count<K extends keyof Events>(name: K): number {
    return this.listeners.get(name)?.size ?? 0;
  }
}
