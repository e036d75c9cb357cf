// A tiny external store for useSyncExternalStore: what the glue panel reads.
export type Store<T> = { get: () => T; set: (v: T) => void; subscribe: (l: () => void) => () => void };

export function store<T>(initial: T): Store<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set: (v) => {
      value = v;
      for (const l of listeners) l();
    },
    subscribe: (l) => {
      listeners.add(l);
      return () => {
        listeners.delete(l);
      };
    },
  };
}
