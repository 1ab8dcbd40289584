// Engine and layout speed, printed as one JSON line at the end (read by bench.mjs).
import { renderLadder } from '../src/core/ladder/render.js';
import { parseScenario } from '../src/core/scenario/validate.js';
import { simulate } from '../src/core/tcp/simulate.js';
import type { Scenario } from '../src/core/tcp/types.js';

function scenario(sends: number, bytes: number, loss: number): Scenario {
  const actions: Array<Record<string, unknown>> = [
    { at: 0, side: 'server', call: 'listen' },
    { at: 10, side: 'client', call: 'connect' },
  ];
  for (let i = 0; i < sends; i++) {
    actions.push({ at: 200 + i * 7, side: i % 3 === 0 ? 'server' : 'client', call: 'send', bytes });
  }
  actions.push({ at: 200 + sends * 7 + 10, side: 'client', call: 'close' });
  const parsed = parseScenario({ name: 'bench', latencyMs: 20, maxRetries: 50, actions, seed: 7, loss });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.scenario;
}

function time<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

// A long run with random loss: about a million events.
const big = scenario(2500, 100_000, 0.01);
simulate(scenario(50, 10_000, 0.01)); // warm-up
const runs = [0, 1, 2].map(() => time(() => simulate(big)));
const best = runs.reduce((a, b) => (a.ms < b.ms ? a : b));
const events = best.value.events.length;
console.log(
  `simulate: ${events} events in ${best.ms.toFixed(0)} ms (${Math.round(events / (best.ms / 1000)).toLocaleString('en')} events/s)`,
);

// One 80-column frame of a run of about 200 events.
let small = scenario(20, 3000, 0.05);
let result = simulate(small);
for (let n = 20; result.events.length < 200 && n < 400; n += 5) {
  small = scenario(n, 3000, 0.05);
  result = simulate(small);
}
for (let i = 0; i < 50; i++) renderLadder(result, small, { width: 80, charset: 'unicode' });
const frames = 500;
const layout = time(() => {
  for (let i = 0; i < frames; i++)
    renderLadder(result, small, { width: 80, charset: 'unicode', upTo: i % result.events.length });
});
const layoutMs = layout.ms / frames;
console.log(`ladder: ${layoutMs.toFixed(3)} ms per 80-column frame of a ${result.events.length}-event run`);
console.log(JSON.stringify({ events, simulateMs: best.ms, layoutMs, layoutEvents: result.events.length }));
