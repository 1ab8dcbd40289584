// The one seeded generator (mulberry32) behind everything random in the core:
// random loss in a scenario, the parameters of an exercise. Its whole state is
// one 32-bit number, so a pure reducer can carry it from step to step.

/** The next value in [0, 1) and the state that follows it. */
export function nextRandom(state: number): { value: number; state: number } {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return { value: ((t ^ (t >>> 14)) >>> 0) / 4294967296, state: next };
}

/** A generator function over `nextRandom`, starting from `seed`. */
export function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    const r = nextRandom(state);
    state = r.state;
    return r.value;
  };
}
