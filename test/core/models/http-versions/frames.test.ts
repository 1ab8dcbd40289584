// The HTTP/2 mode as frames on its one connection: a HEADERS frame per
// request on streams 1, 3, 5, …, each response a HEADERS frame and DATA
// frames leaving when the server is done with it, and responses ready at the
// same moment interleaved frame by frame.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { frameLabel, frameRows, http2Frames } from '../../../../src/core/models/http-versions/frames.js';
import { runVersions, type VersionSettings } from '../../../../src/core/models/http-versions/timeline.js';

const base: VersionSettings = { requests: 3, rtt: 100, server: 50, slow: {}, connections: 6 };

describe('HTTP/2 frames', () => {
  it('sends every request at once, then interleaves the responses that are ready together', () => {
    const frames = http2Frames(runVersions(base)).map((f) => `${f.t} ${f.from} ${frameLabel(f)}`);
    expect(frames).toEqual([
      '100 client SETTINGS',
      '100 client HEADERS s1 END_STREAM',
      '100 client HEADERS s3 END_STREAM',
      '100 client HEADERS s5 END_STREAM',
      '150 server SETTINGS',
      '150 server SETTINGS ACK',
      '200 client SETTINGS ACK',
      '200 server HEADERS s1',
      '200 server HEADERS s3',
      '200 server HEADERS s5',
      '200 server DATA s1',
      '200 server DATA s3',
      '200 server DATA s5',
      '200 server DATA s1 END_STREAM',
      '200 server DATA s3 END_STREAM',
      '200 server DATA s5 END_STREAM',
    ]);
  });

  it('sends a slow response after the others, which do not wait for it', () => {
    const frames = http2Frames(runVersions({ ...base, slow: { 1: 600 } }));
    const s1 = frames.filter((f) => f.from === 'server' && f.stream === 1);
    expect(s1.map((f) => f.t)).toEqual([750, 750, 750]);
    const last = frames.findLastIndex((f) => f.stream === 3);
    expect(frames.indexOf(s1[0]!)).toBeGreaterThan(last);
  });

  it('for any settings: one request and one response per stream, leaving when the model says', () => {
    const arb = fc.record({
      requests: fc.integer({ min: 1, max: 12 }),
      half: fc.integer({ min: 1, max: 200 }),
      server: fc.integer({ min: 0, max: 300 }),
      slow: fc.dictionary(fc.integer({ min: 1, max: 12 }).map(String), fc.integer({ min: 0, max: 900 })),
    });
    fc.assert(
      fc.property(arb, ({ requests, half, server, slow }) => {
        const s: VersionSettings = {
          requests,
          rtt: 2 * half,
          server,
          slow: Object.fromEntries(Object.entries(slow).filter(([i]) => Number(i) <= requests)),
          connections: 6,
        };
        const r = runVersions(s);
        const frames = http2Frames(r);
        expect(frames.map((f) => f.t)).toEqual([...frames.map((f) => f.t)].sort((a, b) => a - b));
        for (const q of r.modes['2'].requests) {
          const mine = frames.filter((f) => f.stream === 2 * q.i - 1);
          expect(mine.map((f) => `${f.from} ${f.type} ${f.flags.join(',')}`)).toEqual([
            'client HEADERS END_STREAM',
            'server HEADERS ',
            'server DATA ',
            'server DATA END_STREAM',
          ]);
          expect(mine[0]!.t).toBe(q.sent);
          for (const f of mine.slice(1)) expect(f.t + s.rtt / 2).toBe(q.done);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('draws a lane per stream when they fit, and leaves them out when not', () => {
    const r = runVersions(base);
    const wide = frameRows(r, 80, 'unicode', { from: 'dir', frame: 'frame' });
    expect(wide.header).toBe('  ms  dir  frame                  0 1 3 5');
    expect(wide.rows[1]!.text).toBe(' 100  C→S  HEADERS s1 END_STREAM  · H · ·');
    expect(wide.rows[10]!.text).toBe(' 200  S→C  DATA s1                · D · ·');
    const narrow = frameRows(r, 40, 'ascii', { from: 'dir', frame: 'frame' });
    expect(narrow.header).toBe('  ms  dir   frame');
    expect(narrow.rows[1]!.text).toBe(' 100  C->S  HEADERS s1 END_STREAM');
    // The column names in wide characters keep the columns aligned by display width.
    const zh = frameRows(r, 80, 'unicode', { from: '方向', frame: '帧' });
    expect(zh.header).toBe('  ms  方向  帧                     0 1 3 5');
  });
});
