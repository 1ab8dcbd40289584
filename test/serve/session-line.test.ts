// A line of sessions (session-line.ts), in a render thread and in the server's
// own thread (--workers 0): one app started per turn of the event loop, keys
// for started apps handled at once (a learner's key comes before another
// learner's first frame), and what comes for an app still waiting kept for it.
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyProgress } from '../../src/core/progress/merge.js';
import { DEFAULT_INPUT_LIMITS } from '../../src/serve/channel-io.js';
import type { OpenSession } from '../../src/serve/render-protocol.js';
import { SessionLine, type StartedSession } from '../../src/serve/session-line.js';
import {
  LearnerSession,
  type LocalStart,
  type RenderApp,
  type SessionChannel,
  startLocal,
} from '../../src/serve/session.js';
import { LearnerStore } from '../../src/serve/state.js';

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

/** A channel as LearnerSession uses it, whose learner types with `type`. */
class FakeChannel extends EventEmitter {
  written = '';
  write(data: string): boolean {
    this.written += data;
    return true;
  }
  exit(): void {}
  end(): void {}
  type(s: string): void {
    this.emit('data', Buffer.from(s));
  }
}

describe('the server’s own thread’s line of sessions (--workers 0)', () => {
  /** Learners whose apps (a stand-in for the tutorial) say when they start and what keys they get. */
  function room(count: number) {
    const events: string[] = [];
    const turns: Array<() => void> = [];
    const sessionLine = new SessionLine<StartedSession, LocalStart>(startLocal, (fn) => turns.push(fn));
    let n = 0;
    const render: RenderApp = (options) => {
      const who = ++n;
      events.push(`start ${who}`);
      const stdin = options.stdin as unknown as EventEmitter & { read(): string | null };
      stdin.on('readable', () => {
        for (let k = stdin.read(); k !== null; k = stdin.read()) events.push(`keys ${who} ${k}`);
      });
      return { unmount: () => events.push(`unmount ${who}`), waitUntilExit: () => new Promise(() => {}) };
    };
    const store = new LearnerStore(mkdtempSync(join(tmpdir(), 'nettutor-line-')));
    store.prepare();
    const channels: FakeChannel[] = [];
    const sessions: LearnerSession[] = [];
    for (let i = 1; i <= count; i++) {
      const channel = new FakeChannel();
      channels.push(channel);
      sessions.push(
        new LearnerSession(
          {
            lessons: [],
            notices: [],
            store,
            render,
            line: sessionLine,
            idleMs: 0,
            maxSessionMs: 0,
            log: () => {},
            changed: () => {},
            now: () => Date.parse('2026-11-30T00:00:00.000Z'),
          },
          channel as unknown as SessionChannel,
          { cols: 80, rows: 24, term: 'xterm-256color', env: {} },
          { kind: 'passphrase', nickname: `learner${i}` },
          false,
          () => {},
        ),
      );
    }
    const turn = () => turns.shift()?.();
    return { events, turns, turn, channels, sessions, sessionLine };
  }

  it('starts one app per turn, and hands a started app’s keys on at once, ahead of those waiting', () => {
    const { events, turns, turn, channels, sessionLine } = room(3);
    expect(events).toEqual([]);
    expect(turns).toHaveLength(1);
    turn();
    expect(events).toEqual(['start 1']);
    expect(sessionLine.queued).toBe(2);
    channels[0]!.type('j');
    expect(events.at(-1)).toBe('keys 1 j');
    turn();
    turn();
    expect(events).toEqual(['start 1', 'keys 1 j', 'start 2', 'start 3']);
    expect(turns).toHaveLength(0);
  });

  it('keeps the keys that come for an app still waiting, for when it starts', () => {
    const { events, turn, channels } = room(2);
    channels[1]!.type('\u001b[B');
    channels[1]!.type('\r');
    turn();
    turn();
    expect(events).toEqual(['start 1', 'start 2', 'keys 2 \u001b[B', 'keys 2 \r']);
  });

  it('never starts the app of a learner who left while waiting, and unmounts a started one', async () => {
    const { events, turn, sessions, sessionLine } = room(2);
    await sessions[1]!.end('disconnect');
    turn();
    expect(turn()).toBeUndefined();
    expect(events).toEqual(['start 1']);
    await sessions[0]!.end('quit');
    expect(events).toEqual(['start 1', 'unmount 1']);
    expect(sessionLine.started.size).toBe(0);
  });
});
