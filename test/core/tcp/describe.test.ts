// The engine's events told in words: the delayed-ACK timer and the segments it shapes.
import { describe, expect, it } from 'vitest';
import { text } from '../../../src/core/i18n/localize.js';
import { BUILTIN_SCENARIOS } from '../../../src/core/scenario/builtins.js';
import { parseScenario } from '../../../src/core/scenario/validate.js';
import { explainSegment, formatText } from '../../../src/core/tcp/describe.js';
import { simulate } from '../../../src/core/tcp/simulate.js';
import type { SimResult } from '../../../src/core/tcp/types.js';

function run(input: Record<string, unknown>): SimResult {
  const r = parseScenario({ name: 't', ...input });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return simulate(r.scenario);
}

const OPEN = [
  { at: 0, side: 'server', call: 'listen' },
  { at: 10, side: 'client', call: 'connect' },
];

/** The explanation of the segment with this id. */
const explain = (r: SimResult, id: number) =>
  text(
    explainSegment(
      r,
      r.events.findIndex((e) => e.type === 'send' && e.id === id),
    ),
    'en',
  );

describe('sentences about delayed acknowledgments', () => {
  it('say that the delayed-ACK timer expired, and why the ACK then goes alone', () => {
    const r = run({ ackDelayMs: 200, actions: [...OPEN, { at: 200, side: 'client', call: 'send', bytes: 100 }] });
    const lines = formatText(r);
    expect(lines).toContain(
      "450 ms: the server's delayed-ACK timer expires: no segment of its own carried the acknowledgment in time, so it goes alone",
    );
    expect(lines[lines.indexOf(lines.find((l) => l.includes('delayed-ACK'))!) + 1]).toBe(
      '450 ms: the server sends ACK seq=5001 ack=1101 (segment 5)',
    );
    expect(explain(r, 5)).toBe(
      'A delayed acknowledgment: the server waited for a segment of its own to carry it, none came in time, so it goes alone. It acknowledges everything before 1101 and occupies no sequence number.',
    );
  });

  it('explain a FIN that carries the first acknowledgment of the peer’s FIN: the three-segment close', () => {
    const r = run({
      ackDelayMs: 200,
      actions: [...OPEN, { at: 500, side: 'client', call: 'close' }, { at: 600, side: 'server', call: 'close' }],
    });
    expect(explain(r, 5)).toBe(
      "FIN: the server has no more data to send (it occupies sequence number 5001). Its ACK also acknowledges the client's FIN for the first time (ack = 1002): that acknowledgment was delayed and rides on this FIN, so the teardown takes three segments instead of four.",
    );
    // The client's FIN is an ordinary FIN.
    expect(explain(r, 4)).toMatch(/^FIN: the client has no more data to send\. It occupies/);
  });

  it('leave the explanations of runs without delayed ACK as they were', () => {
    for (const s of BUILTIN_SCENARIOS.filter((x) => x.ackDelayMs === 0)) {
      const r = simulate(s);
      r.events.forEach((e, i) => {
        if (e.type === 'send') expect(text(explainSegment(r, i), 'en')).not.toMatch(/delayed/);
      });
    }
  });
});
