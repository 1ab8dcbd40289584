// Maps kept in plain objects (the progress by lesson and exercise id, a
// model's hints by question id, an exercise's parameters by name, scenario
// files by path) are keyed by names that lesson authors and learners' files
// choose. Every object also answers for the names it inherits: `constructor`,
// `toString`, `__proto__`, … An author may call a lesson "constructor", so a
// map is read and written through these, which see only its own entries, and
// never let a key named `__proto__` change what the map inherits.

/** The entry `key` of `map`, only when the map itself holds it (never one of the names every object inherits). */
export function ownEntry<T>(map: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return map != null && Object.hasOwn(map, key) ? map[key] : undefined;
}

/** Whether `map` itself holds an entry `key`. */
export function hasOwnEntry(map: Readonly<Record<string, unknown>> | null | undefined, key: string): boolean {
  return map != null && Object.hasOwn(map, key);
}

/**
 * Sets the entry `key` of `map` as its own, whatever the key: `map[key] = value` with the key `__proto__` would
 * replace the map's prototype instead (and keep no entry). Object literals with a computed key (`{ [key]: value }`),
 * spreads and Object.fromEntries are safe already.
 */
export function setOwnEntry<T>(map: Record<string, T>, key: string, value: NoInfer<T>): void {
  Object.defineProperty(map, key, { value, writable: true, enumerable: true, configurable: true });
}
