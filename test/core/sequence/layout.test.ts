import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import {
  type SequenceEvent,
  type SequenceLane,
  SequenceWidthError,
  layoutSequence,
} from '../../../src/core/sequence/layout.js';
import { expectGolden, expectNoStrayGoldens } from '../../helpers/golden.js';
import { fourLanes, threeLanes } from './diagrams.js';

const goldenDir = fileURLToPath(new URL('./__golden__/', import.meta.url));

const DIAGRAMS = { 'three-lanes': threeLanes, 'four-lanes': fourLanes };

describe('golden sequence diagrams', () => {
  for (const [name, d] of Object.entries(DIAGRAMS)) {
    for (const width of [60, 100]) {
      for (const charset of ['unicode', 'ascii'] as const) {
        it(`${name} at ${width} columns (${charset})`, () => {
          const lines = layoutSequence(d.lanes, d.events, { width, charset }).lines;
          expectGolden(`${goldenDir}${name}.${width}.${charset}.txt`, `${lines.join('\n')}\n`);
        });
      }
    }
  }
  it('has no golden file no test draws', () => {
    expectNoStrayGoldens(
      goldenDir,
      Object.keys(DIAGRAMS).flatMap((n) =>
        [60, 100].flatMap((w) => ['unicode', 'ascii'].map((c) => `${n}.${w}.${c}.txt`)),
      ),
    );
  });
});

/** The column of each lane's lifeline, from the header's tops. */
function laneColumns(lines: string[]): number[] {
  return [...lines[1]!.matchAll(/[┬+]/g)].map((m) => m.index);
}

describe('sequence layout', () => {
  const three = (width: number, upTo?: number) =>
    layoutSequence(threeLanes.lanes, threeLanes.events, { width, charset: 'unicode', upTo });

  it('puts the lanes evenly between the notes of the outer ones, names centred over them', () => {
    const { lines } = three(100);
    const cols = laneColumns(lines);
    expect(cols).toEqual([18, 52, 86]);
    expect(lines[0]!.indexOf('proxy')).toBe(52 - 2);
    expect(lines[1]!.slice(54)).toMatch(/^:3128 +┬ :80$/);
  });

  it('gives each message the longest label that fits its room', () => {
    const at = (width: number) => three(width).lines.join('\n');
    expect(at(100)).toContain('─ GET /index.html HTTP/1.1 ');
    expect(at(100)).toContain(' 200 OK text/html 5120 B ─');
    expect(at(60)).toContain('│─ GET ');
    expect(at(60)).not.toContain('GET /index.html');
    expect(at(60)).toContain(' 200 OK ─│');
  });

  it('draws a message that skips a lane over that lane, its label short of it', () => {
    const { lines, eventRows } = three(100);
    const proxy = laneColumns(lines)[1]!;
    const send = threeLanes.events.findIndex((e) => e.kind === 'send' && e.id === 6);
    const arrive = threeLanes.events.findIndex((e) => e.kind === 'arrive' && e.id === 6);
    const rows = lines.slice(eventRows[send], eventRows[arrive]! + 1);
    expect(rows.some((l) => l.slice(proxy - 1, proxy + 2) === '───')).toBe(true);
    expect(lines[eventRows[send]!]!.indexOf('(again)')).toBeLessThan(proxy - 2);
    // No row stops or starts right beside the lane it passes, as if the message came from there.
    expect(rows.some((l) => l[proxy] === '│' && (l[proxy - 1] === '─' || l[proxy + 1] === '─'))).toBe(false);
  });

  it('ends a lost message half way with a cross, short of a lane in the way', () => {
    const { lines, eventRows } = three(100);
    const [client, proxy] = laneColumns(lines);
    const lost = lines[eventRows[threeLanes.events.findIndex((e) => e.kind === 'lose')]!]!;
    expect(lost.indexOf('✕')).toBe(proxy! - 1);
    expect(lost.indexOf('─')).toBeGreaterThan(client! + 5);
  });

  it('writes notes of an inner lane beside it, below an arrowhead that lands there', () => {
    const { lines } = three(100);
    expect(lines.find((l) => l.includes('cache miss'))).toMatch(/►│ cache miss +│$/);
    const stored = lines.findIndex((l) => l.includes('stored'));
    expect(lines[stored - 1]).toMatch(/^ {2}60 +│ +│◄─+ +│$/);
    expect(lines[stored + 1]).toContain('200 OK text/html 5120 B ─│');
  });

  it('draws a long quiet stretch with nothing in flight as a break with its length', () => {
    const { lines } = three(60);
    expect(lines.some((l) => /^\+1950 +┊ +┊ +┊$/.test(l))).toBe(true);
    const quick = layoutSequence(threeLanes.lanes, threeLanes.events, {
      width: 60,
      charset: 'unicode',
      breakAfterMs: 5000,
    });
    expect(quick.lines.some((l) => l.includes('┊'))).toBe(false);
  });

  it('unfolds: drawing up to an event shows nothing later, and rows do not move', () => {
    const full = three(80);
    const stored = threeLanes.events.findIndex((e) => e.kind === 'note' && e.text[0] === 'stored');
    const partial = three(80, stored - 1);
    expect(partial.eventRows).toEqual(full.eventRows);
    expect(partial.lines.length).toBeLessThan(full.lines.length);
    expect(partial.lines.join('\n')).not.toContain('stored');
    expect(partial.lines.join('\n')).toContain('200 OK');
    expect(three(80, -1).lines).toEqual(full.lines.slice(0, 2));
  });

  it('refuses a width too small, naming the minimum, and draws wider ones at 200', () => {
    const { lanes, events } = threeLanes;
    expect(() => layoutSequence(lanes, events, { width: 55, charset: 'ascii' })).toThrow(SequenceWidthError);
    expect(() => layoutSequence(lanes, events, { width: 55, charset: 'ascii' })).toThrow(/at least 56 columns/);
    expect(() => layoutSequence(lanes, events, { width: Number.NaN, charset: 'ascii' })).toThrow(SequenceWidthError);
    expect(layoutSequence(lanes, events, { width: 500, charset: 'ascii' }).width).toBe(200);
    const eight = Array.from({ length: 8 }, (_, k) => ({ name: `n${k}` }));
    let error: unknown;
    try {
      layoutSequence(eight, [], { width: 60, charset: 'unicode' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SequenceWidthError);
    expect((error as SequenceWidthError).minimum).toBeGreaterThan(60);
    expect(layoutSequence(eight, [], { width: 70, charset: 'unicode' }).lines).toHaveLength(2);
  });

  it('fits five lanes in 56 columns even with long times, taking room from the outer notes', () => {
    const lanes = ['a', 'b', 'c', 'd', 'e'].map((name) => ({ name }));
    const events: SequenceEvent[] = [
      { t: 0, kind: 'note', lane: 0, text: 'SYN-RECEIVED' },
      { t: 0, kind: 'send', id: 1, from: 0, to: 4, labels: ['x'] },
      { t: 12_345_678, kind: 'arrive', id: 1 },
    ];
    const { lines } = layoutSequence(lanes, events, { width: 56, charset: 'unicode' });
    expect(lines.join('\n')).toContain('SYN-REC…');
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(56);
  });

  it('cuts what has no shorter form with a visible ellipsis, never silently', () => {
    const lanes: SequenceLane[] = [{ name: 'a-very-long-lane-name' }, { name: 'b' }, { name: 'c' }];
    const events: SequenceEvent[] = [
      { t: 0, kind: 'send', id: 1, from: 0, to: 1, labels: ['a label far too long for the room'] },
      { t: 10, kind: 'arrive', id: 1 },
      { t: 10, kind: 'note', lane: 1, text: 'an inner note too long' },
    ];
    const unicode = layoutSequence(lanes, events, { width: 60, charset: 'unicode' }).lines.join('\n');
    expect(unicode).toMatch(/^ +ms +a-very-long-… +b +c$/m);
    expect(unicode).toMatch(/│─ a label… /);
    expect(unicode).toMatch(/│ an inner n… │/);
    const ascii = layoutSequence(lanes, events, { width: 60, charset: 'ascii' }).lines.join('\n');
    expect(ascii).toMatch(/\|- a label~ /);
  });

  it('draws wide characters at their width and replaces what 7-bit mode cannot show', () => {
    const lanes: SequenceLane[] = [{ name: '客户端' }, { name: '服务器', sub: ':80' }];
    const events: SequenceEvent[] = [
      { t: 0, kind: 'send', id: 1, from: 0, to: 1, labels: ['请求 GET /'] },
      { t: 50, kind: 'arrive', id: 1 },
      { t: 50, kind: 'note', lane: 1, text: 'tab\there' },
    ];
    const unicode = layoutSequence(lanes, events, { width: 60, charset: 'unicode' });
    for (const line of unicode.lines) expect(stringWidth(line)).toBeLessThanOrEqual(60);
    expect(unicode.lines.join('\n')).toContain('│─ 请求 GET / ');
    expect(unicode.lines.join('\n')).toContain('tab?here');
    const ascii = layoutSequence(lanes, events, { width: 60, charset: 'ascii' }).lines.join('\n');
    expect(ascii).toContain('|- ?? GET / ');
    expect(ascii).toMatch(/^[\x20-\x7e\n]*$/);
  });

  it('refuses events that name no lane or send a message to its own lane', () => {
    const lanes = [{ name: 'a' }, { name: 'b' }];
    const layout = (events: SequenceEvent[]) => () => layoutSequence(lanes, events, { width: 80, charset: 'ascii' });
    expect(layout([{ t: 0, kind: 'send', id: 1, from: 0, to: 2, labels: [] }])).toThrow(RangeError);
    expect(layout([{ t: 0, kind: 'send', id: 1, from: 1, to: 1, labels: [] }])).toThrow(RangeError);
    expect(layout([{ t: 0, kind: 'note', lane: -1, text: 'x' }])).toThrow(RangeError);
    expect(layout([{ t: Number.NaN, kind: 'mark' }])).toThrow(RangeError);
    expect(() => layoutSequence([{ name: 'alone' }], [], { width: 80, charset: 'ascii' })).toThrow(RangeError);
  });
});

describe('sequence layout properties', () => {
  const text = fc.oneof(
    fc.string({ maxLength: 24 }),
    fc.string({ unit: 'grapheme', maxLength: 16 }),
    fc.constantFrom('GET /index.html HTTP/1.1', '200 OK', 'SYN-RECEIVED', '客户端请求', 'naïve', '👩‍💻 dev'),
  );
  const candidates = fc.oneof(text, fc.array(text, { maxLength: 4 }));
  const time = fc.oneof(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 20_000_000 }));

  type Step =
    | { kind: 'message'; at: number; from: number; to: number; flight: number; fate: string; labels: string[] }
    | { kind: 'note'; at: number; lane: number; text: string | string[] }
    | { kind: 'mark'; at: number };

  const step = (lanes: number): fc.Arbitrary<Step> =>
    fc.oneof(
      fc
        .record({
          at: time,
          from: fc.nat(lanes - 1),
          by: fc.integer({ min: 1, max: lanes - 1 }),
          flight: fc.integer({ min: 0, max: 500 }),
          fate: fc.constantFrom('arrive', 'arrive', 'lose', 'duplicate', 'never'),
          labels: fc.array(text, { maxLength: 5 }),
        })
        .map(({ by, ...m }) => ({ kind: 'message' as const, ...m, to: (m.from + by) % lanes })),
      fc.record({ kind: fc.constant('note' as const), at: time, lane: fc.nat(lanes - 1), text: candidates }),
      fc.record({ kind: fc.constant('mark' as const), at: time }),
    );

  /** Steps as a run's events, in time order (a message's arrival after its send). */
  function eventsOf(steps: Step[]): SequenceEvent[] {
    const timed: SequenceEvent[] = [];
    steps.forEach((s, id) => {
      if (s.kind !== 'message') {
        timed.push(
          s.kind === 'note' ? { t: s.at, kind: 'note', lane: s.lane, text: s.text } : { t: s.at, kind: 'mark' },
        );
        return;
      }
      timed.push({ t: s.at, kind: 'send', id, from: s.from, to: s.to, labels: s.labels });
      if (s.fate === 'lose') timed.push({ t: s.at + s.flight, kind: 'lose', id });
      if (s.fate === 'arrive' || s.fate === 'duplicate') timed.push({ t: s.at + s.flight, kind: 'arrive', id });
      if (s.fate === 'duplicate') timed.push({ t: s.at + s.flight + 7, kind: 'arrive', id });
    });
    return timed.sort((a, b) => a.t - b.t);
  }

  const diagram = fc.integer({ min: 2, max: 5 }).chain((lanes) =>
    fc.record({
      lanes: fc.array(fc.record({ name: candidates, sub: fc.option(candidates, { nil: undefined }) }), {
        minLength: lanes,
        maxLength: lanes,
      }),
      events: fc.array(step(lanes), { maxLength: 30 }).map(eventsOf),
      width: fc.integer({ min: 56, max: 200 }),
      charset: fc.constantFrom('unicode' as const, 'ascii' as const),
      upTo: fc.option(fc.integer({ min: -1, max: 80 }), { nil: undefined }),
    }),
  );

  it('never draws a line wider than asked, and nothing but 7-bit characters in ASCII', () => {
    fc.assert(
      fc.property(diagram, ({ lanes, events, width, charset, upTo }) => {
        const full = layoutSequence(lanes, events, { width, charset });
        const partial = layoutSequence(lanes, events, { width, charset, upTo });
        for (const d of [full, partial]) {
          expect(d.lines.length).toBeGreaterThanOrEqual(2);
          for (const line of d.lines) {
            expect(stringWidth(line)).toBeLessThanOrEqual(width);
            if (charset === 'ascii') expect(line).toMatch(/^[\x20-\x7e]*$/);
            else expect(line).not.toMatch(/[\x00-\x1f\x7f-\x9f]/);
          }
        }
        expect(full.eventRows).toHaveLength(events.length);
        expect(partial.eventRows).toEqual(full.eventRows);
        expect(partial.lines.length).toBeLessThanOrEqual(full.lines.length);
      }),
      { numRuns: 300 },
    );
  });
});
