// A render thread's line of sessions: one app started per turn of the event
// loop, keys for started apps handled at once (a learner's key comes before
// another learner's first frame), and what comes for an app still waiting kept
// for it.
import { describe, expect, it } from 'vitest';
import { emptyProgress } from '../../src/core/progress/merge.js';
import { DEFAULT_INPUT_LIMITS } from '../../src/serve/channel-io.js';
import type { OpenSession } from '../../src/serve/render-protocol.js';
import { SessionLine, type StartedSession } from '../../src/serve/render-thread.js';

const text = new TextEncoder();
const bytes = (s: string) => text.encode(s);

function open(id: number, maxPending = DEFAULT_INPUT_LIMITS.maxPending): OpenSession {
  return {
    t: 'open',
    id,
    progressFile: '',
    progress: emptyProgress(),
    notices: [],
    now: '2026-11-30T00:00:00.000Z',
    seed: 1,
    locale: 'en',
    color: true,
    ascii: false,
    screenReader: false,
    cols: 80,
    rows: 24,
    input: { ...DEFAULT_INPUT_LIMITS, maxPending },
  };
}

/** A line whose turns the test runs, and what happened, in order. */
function line(fail: number[] = []) {
  const events: string[] = [];
  const turns: Array<() => void> = [];
  const l = new SessionLine<StartedSession>(
    (o) => {
      events.push(`start ${o.id} ${o.cols}x${o.rows}`);
      if (fail.includes(o.id)) return undefined;
      return {
        keys: (d) => events.push(`keys ${o.id} ${new TextDecoder().decode(d)}`),
        resize: (c, r) => events.push(`resize ${o.id} ${c}x${r}`),
        close: () => events.push(`close ${o.id}`),
      };
    },
    (fn) => turns.push(fn),
  );
  const turn = () => turns.shift()?.();
  return { l, events, turns, turn };
}

describe('a render thread’s line of sessions', () => {
  it('starts one app per turn, and hands keys to a started app at once, ahead of those waiting', () => {
    const { l, events, turns, turn } = line();
    l.open(open(1));
    l.open(open(2));
    l.open(open(3));
    expect(events).toEqual([]);
    expect(turns).toHaveLength(1);
    turn();
    expect(events).toEqual(['start 1 80x24']);
    expect(l.queued).toBe(2);
    l.keys(1, bytes('j'));
    expect(events.at(-1)).toBe('keys 1 j');
    turn();
    turn();
    expect(events).toEqual(['start 1 80x24', 'keys 1 j', 'start 2 80x24', 'start 3 80x24']);
    expect(turns).toHaveLength(0);
    expect(l.queued).toBe(0);
  });

  it('keeps the keys and the window size that come for an app still waiting, for when it starts', () => {
    const { l, events, turn } = line();
    l.open(open(1));
    l.open(open(2));
    l.keys(2, bytes('\u001b[B'));
    l.resize(2, 100, 30);
    l.keys(2, bytes('\r'));
    l.resize(2, 90, 26);
    turn();
    turn();
    expect(events).toEqual(['start 1 80x24', 'start 2 90x26', 'keys 2 \u001b[B', 'keys 2 \r']);
    l.resize(2, 70, 20);
    expect(events.at(-1)).toBe('resize 2 70x20');
  });

  it('keeps no more waiting keys than the app’s input would', () => {
    const { l, events, turn } = line();
    l.open(open(1, 4));
    l.keys(1, bytes('ab'));
    l.keys(1, bytes('cd'));
    l.keys(1, bytes('e'));
    turn();
    expect(events).toEqual(['start 1 80x24', 'keys 1 ab', 'keys 1 cd']);
  });

  it('never starts an app closed while waiting, and closes a started one', () => {
    const { l, events, turn } = line();
    l.open(open(1));
    l.open(open(2));
    expect(l.close(2)).toBe(false);
    turn();
    expect(turn()).toBeUndefined();
    expect(events).toEqual(['start 1 80x24']);
    expect(l.close(1)).toBe(true);
    expect(events.at(-1)).toBe('close 1');
    expect(l.close(1)).toBe(false);
    l.keys(1, bytes('x'));
    expect(events.at(-1)).toBe('close 1');
  });

  it('goes on with the next app when one cannot start', () => {
    const { l, events, turn } = line([1]);
    l.open(open(1));
    l.open(open(2));
    turn();
    turn();
    expect(events).toEqual(['start 1 80x24', 'start 2 80x24']);
    expect([...l.started.keys()]).toEqual([2]);
  });
});
