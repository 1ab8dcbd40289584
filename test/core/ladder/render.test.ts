import { fileURLToPath } from 'node:url';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { LadderWidthError, renderLadder, fitSegmentLabel } from '../../../src/core/ladder/render.js';
import { BUILTIN_SCENARIOS, getBuiltinScenario } from '../../../src/core/scenario/builtins.js';
import { parseScenario } from '../../../src/core/scenario/validate.js';
import { simulate } from '../../../src/core/tcp/simulate.js';
import type { SimEvent } from '../../../src/core/tcp/types.js';
import { expectGolden, expectNoStrayGoldens } from '../../helpers/golden.js';

const goldenDir = fileURLToPath(new URL('./__golden__/', import.meta.url));
const CHARSETS = ['unicode', 'ascii'] as const;

function ladderOf(name: string, width = 80, charset: 'unicode' | 'ascii' = 'unicode', upTo?: number) {
  const s = getBuiltinScenario(name)!;
  return renderLadder(simulate(s), s, { width, charset, upTo });
}

describe('golden ladders of every built-in scenario at 80 columns', () => {
  for (const s of BUILTIN_SCENARIOS) {
    for (const charset of CHARSETS) {
      it(`${s.name} (${charset})`, () => {
        const text = `${renderLadder(simulate(s), s, { width: 80, charset }).lines.join('\n')}\n`;
        expectGolden(`${goldenDir}${s.name}.${charset}.txt`, text);
      });
    }
  }

  it('has no golden file left over from a scenario that is gone', () => {
    expectNoStrayGoldens(
      goldenDir,
      BUILTIN_SCENARIOS.flatMap((s) => CHARSETS.map((c) => `${s.name}.${c}.txt`)),
    );
  });
});

describe('ladder layout', () => {
  it('fits every width from 56 to 200 without a line wider than asked', () => {
    for (const s of BUILTIN_SCENARIOS) {
      const r = simulate(s);
      for (const width of [56, 58, 60, 61, 79, 80, 100, 120, 160, 200]) {
        for (const line of renderLadder(r, s, { width, charset: 'unicode' }).lines) {
          expect(stringWidth(line)).toBeLessThanOrEqual(width);
        }
      }
    }
  });

  it('uses only 7-bit characters in the ASCII style', () => {
    for (const s of BUILTIN_SCENARIOS) {
      const text = renderLadder(simulate(s), s, { width: 60, charset: 'ascii' }).lines.join('\n');
      expect(text).toMatch(/^[\x20-\x7e\n]*$/);
    }
  });

  it('refuses a width too small for a readable diagram, naming the minimum', () => {
    expect(() => ladderOf('handshake', 55)).toThrow(LadderWidthError);
    expect(() => ladderOf('handshake', 40)).toThrow(/at least 56 columns/);
  });

  it('draws a client segment left to right and a server segment right to left', () => {
    const lines = ladderOf('handshake').lines;
    const head = lines.find((l) => l.includes('┬'))!;
    const [client, server] = [head.indexOf('┬'), head.lastIndexOf('┬')];
    const at = (row: number, column: number) => lines[row]!.slice(column, column + 2);
    const rowOf = (label: string) => lines.findIndex((l) => l.includes(label));
    // The SYN leaves the client's lifeline and arrives at the server's, on the row of the server's new state.
    const syn = rowOf('SYN seq=1000');
    expect(at(syn, client)).toBe('│─');
    expect(at(syn + 1, server - 1)).toBe('►│');
    expect(lines[syn + 1]).toMatch(/►│ SYN-RECEIVED$/);
    // The SYN,ACK leaves the server's lifeline and arrives at the client's.
    const synAck = rowOf('SYN,ACK seq=5000 ack=1001');
    expect(at(synAck, server - 1)).toBe('─│');
    expect(at(synAck + 1, client)).toBe('│◄');
    expect(lines[synAck + 1]).toMatch(/ESTABLISHED │◄/);
  });

  it('ends a lost segment part way with a cross', () => {
    const lines = ladderOf('lost-syn').lines;
    const lost = lines.find((l) => l.includes('✕'))!;
    const cross = lost.indexOf('✕');
    expect(cross).toBeGreaterThan(lost.indexOf('│') + 5);
    expect(cross).toBeLessThan(lost.lastIndexOf('│') - 5);
    expect(lines.some((l) => /RTO/.test(l))).toBe(true);
  });

  it('marks the 2·MSL timer and compresses the long quiet stretch of TIME-WAIT', () => {
    const lines = ladderOf('client-close').lines;
    expect(lines.some((l) => l.includes('2MSL up'))).toBe(true);
    expect(lines.some((l) => /^\s*\+\d+\s+┊/.test(l))).toBe(true);
    expect(lines.length).toBeLessThan(60);
  });

  it('unfolds: drawing up to an event shows nothing that happens later', () => {
    const full = ladderOf('handshake');
    const partial = ladderOf('handshake', 80, 'unicode', 4);
    expect(partial.lines.length).toBeLessThan(full.lines.length);
    expect(partial.lines.join('\n')).toContain('SYN seq=1000');
    expect(partial.lines.join('\n')).not.toContain('SYN,ACK');
    // Rows are stable while stepping, so the view does not jump.
    expect(partial.eventRows).toEqual(full.eventRows);
  });

  it('abbreviates labels by the documented rule, never cutting them silently', () => {
    const send = (len: number): Extract<SimEvent, { type: 'send' }> => ({
      t: 0,
      type: 'send',
      side: 'client',
      id: 1,
      segment: { flags: ['ACK', 'FIN'], seq: 1101, ack: 5001, len },
    });
    expect(fitSegmentLabel(send(100), 60)).toBe('FIN,ACK seq=1101 ack=5001 len=100');
    expect(fitSegmentLabel(send(100), 30)).toBe('FIN,ACK s=1101 a=5001 l=100');
    expect(fitSegmentLabel(send(100), 20)).toBe('FIN,ACK s=1101 l=100');
    expect(fitSegmentLabel(send(0), 15)).toBe('FIN,ACK s=1101');
    expect(fitSegmentLabel(send(0), 8)).toBe('FIN,ACK');
  });
});

describe('delayed ACK in the ladder', () => {
  it('writes del-ACK beside the side whose delayed-ACK timer fired, on the row of its lone ACK', () => {
    const parsed = parseScenario({
      name: 'lone-ack',
      ackDelayMs: 200,
      actions: [
        { at: 0, side: 'server', call: 'listen' },
        { at: 10, side: 'client', call: 'connect' },
        { at: 200, side: 'client', call: 'send', bytes: 100 },
      ],
    });
    if (!parsed.ok) throw new Error('invalid');
    const s = parsed.scenario;
    for (const charset of CHARSETS) {
      const lines = renderLadder(simulate(s), s, { width: 80, charset }).lines;
      const row = lines.findIndex((l) => /^ 450 /.test(l));
      expect(lines[row]).toMatch(/[│|] del-ACK$/);
      expect(lines[row + 1]).toContain('ACK seq=5001 ack=1101');
      expect(lines.filter((l) => l.includes('del-ACK'))).toHaveLength(1);
    }
  });
});
