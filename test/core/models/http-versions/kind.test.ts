// The http-versions kind: its page block and its checks, the learner's keys,
// the questions it asks as settings change (the picture hidden until they
// are answered), how it grades them, and the answers it computes.
import { describe, expect, it } from 'vitest';
import { text } from '../../../../src/core/i18n/localize.js';
import { httpVersionsKind } from '../../../../src/core/models/http-versions/kind.js';
import { askQuestion } from '../../../../src/core/models/http-versions/questions.js';
import {
  type VersionsAction,
  type VersionsState,
  initialVersionsState,
  versionsReducer,
} from '../../../../src/core/models/http-versions/state.js';
import { runVersions } from '../../../../src/core/models/http-versions/timeline.js';
import type { VersionsPage, VersionsQuery } from '../../../../src/core/models/http-versions/types.js';
import { findKind } from '../../../../src/core/models/registry.js';
import { Checker } from '../../../../src/core/schema/checker.js';

type Kind = {
  parseBlock: (c: Checker, raw: Record<string, unknown>, path: string, ctx: object) => VersionsPage | undefined;
  checkBlock: (p: VersionsPage, ctx: object) => Array<{ field: string; message: string }>;
  question: (s: VersionsState) => { id: string; question: unknown; choices: string[]; answered: boolean } | null;
  answer: (
    s: VersionsState,
    choice: string,
  ) => { state: VersionsState; verdict: { correct: boolean; expected: unknown[]; feedback: unknown[] } };
  parseQuery: (c: Checker, raw: Record<string, unknown>, path: string, ctx: object) => VersionsQuery | undefined;
  runQuery: (
    q: VersionsQuery,
    params: Record<string, string | number>,
    ctx: object,
  ) => { value: string } | { error: string };
};
const kind = httpVersionsKind as unknown as Kind;

function parse(raw: Record<string, unknown>) {
  const c = new Checker();
  const page = kind.parseBlock(c, raw, 'pages[1].model', {});
  return { page, problems: c.problems.map((p) => `${p.field}: ${p.message}`) };
}

const page = (raw: Record<string, unknown> = {}) => {
  const r = parse(raw);
  expect(r.problems).toEqual([]);
  return r.page!;
};

const run = (s: VersionsState, ...actions: VersionsAction[]) => actions.reduce(versionsReducer, s);
const en = (t: unknown) => text(t as string, 'en');

describe('the http-versions page block', () => {
  it('is registered, and fills in the defaults', () => {
    expect(findKind('http-versions')).toBe(httpVersionsKind);
    expect(page()).toEqual({
      requests: 6,
      rtt: 100,
      server: 50,
      slow: null,
      connections: 6,
      modes: ['1.0', '1.1', '1.1-pipelined', '1.1-parallel', '2'],
      view: 'waterfall',
      questions: [],
    });
  });

  it('reads settings, modes, the view and questions, with their hints from the locale files', () => {
    const p = page({
      requests: 4,
      rtt: 60,
      server: 20,
      slow: { request: 2, server: 900 },
      connections: 2,
      modes: ['1.1', '2'],
      view: 'frames',
      questions: [
        { id: 'q-done', ask: 'done', mode: '1.1', request: 4 },
        { id: 'q-first', ask: 'first-done', after: 'slow' },
        { id: 'q-total', ask: 'total', mode: '2', after: 'any' },
      ],
      hints: { 'q-first': [{ en: 'In order?' }] },
    });
    expect(p.questions).toEqual([
      { id: 'q-done', ask: 'done', mode: '1.1', request: 4, after: 'start', hints: [] },
      { id: 'q-first', ask: 'first-done', after: 'slow', hints: [{ en: 'In order?' }] },
      { id: 'q-total', ask: 'total', mode: '2', after: 'any', hints: [] },
    ]);
    expect(p.slow).toEqual({ request: 2, server: 900 });
    expect(p.view).toBe('frames');
  });

  it.each([
    [{ rtt: 101 }, 'pages[1].model.rtt: expected an even number of ms (half of it is one way), found 101'],
    [{ rtt: 10 }, 'pages[1].model.rtt: expected an integer from 20 to 400, found 10'],
    [{ requests: 13 }, 'pages[1].model.requests: expected an integer from 1 to 12, found 13'],
    [{ slow: { request: 7, server: 100 } }, 'pages[1].model.slow.request: expected an integer from 1 to 6, found 7'],
    [{ slow: '1:600' }, 'pages[1].model.slow: expected an object {"request", "server"}, found "1:600"'],
    [
      { modes: ['1.1', 'http2'] },
      'pages[1].model.modes[1]: expected one of 1.0, 1.1, 1.1-pipelined, 1.1-parallel, 2; found "http2"',
    ],
    [{ modes: ['2', '2'] }, 'pages[1].model.modes[1]: "2" is listed twice'],
    [
      { view: 'frame' },
      'pages[1].model.view: expected "waterfall" or "frames", found "frame" (did you mean "frames"?)',
    ],
    [
      { speed: 2 },
      'pages[1].model.speed: unknown field; expected one of kind, requests, rtt, server, slow, connections, modes, view, questions, hints',
    ],
    [
      { questions: [{ id: 'q', ask: 'first-done', mode: '2' }] },
      'pages[1].model.questions[0].mode: a "first-done" question compares the modes shown: no mode',
    ],
    [
      { questions: [{ id: 'q', ask: 'done', mode: '1.1' }] },
      'pages[1].model.questions[0].request: expected an integer from 1 to 12, found nothing',
    ],
    [
      { questions: [{ id: 'q', ask: 'total' }] },
      'pages[1].model.questions[0].mode: expected one of 1.0, 1.1, 1.1-pipelined, 1.1-parallel, 2; found nothing',
    ],
    [
      {
        questions: [
          { id: 'a', ask: 'first-done' },
          { id: 'b', ask: 'first-done', after: 'start' },
        ],
      },
      'pages[1].model.questions[1].after: "start" is for the first question only: a later one comes when a setting changes',
    ],
    [
      {
        questions: [
          { id: 'a', ask: 'first-done' },
          { id: 'a', ask: 'total', mode: '2' },
        ],
      },
      'pages[1].model.questions[1].id: duplicate question id "a" (also at pages[1].model.questions[0])',
    ],
  ])('refuses %j, naming the field', (raw, problem) => {
    expect(parse(raw).problems).toContain(problem);
  });

  it('checks that a question asks about a mode the page shows, and compares at least two', () => {
    expect(
      kind.checkBlock(
        page({
          modes: ['1.1'],
          questions: [
            { id: 'a', ask: 'first-done' },
            { id: 'b', ask: 'total', mode: '2' },
          ],
        }),
        {},
      ),
    ).toEqual([
      { field: 'questions[0].ask', message: 'a "first-done" question needs at least two modes shown' },
      {
        field: 'questions[1].mode',
        message: '"2" is not among the modes the page shows (1.1): the answer would never be seen',
      },
    ]);
  });
});

describe('the learner drives it', () => {
  const start = (raw: Record<string, unknown> = {}) => initialVersionsState(page(raw));

  it('changes the number of requests, the slow request and its time, the RTT and K, and recomputes', () => {
    let s = start();
    s = run(s, { type: 'requests', delta: 1 });
    expect(s.settings.requests).toBe(7);
    expect(s.result.modes['1.0'].total).toBe(7 * 250);
    s = run(s, { type: 'slow/next', delta: 1 });
    expect(s.settings.slow).toEqual({ 1: 600 });
    s = run(s, { type: 'slow/next', delta: 1 }, { type: 'slow/ms', delta: 1 }, { type: 'slow/ms', delta: 1 });
    expect(s.settings.slow).toEqual({ 2: 800 });
    // Back, past "none", to the last request; the slow time is kept.
    s = run(s, { type: 'slow/next', delta: -1 }, { type: 'slow/next', delta: -1 }, { type: 'slow/next', delta: -1 });
    expect(s.settings.slow).toEqual({ 7: 800 });
    s = run(s, { type: 'rtt', delta: 1 });
    expect(s.settings.rtt).toBe(150);
    s = run(s, { type: 'connections', delta: -4 });
    expect(s.settings.connections).toBe(2);
    expect(s.result).toEqual(runVersions(s.settings));
    // Fewer requests than the slow one: it is gone with them.
    s = run(s, { type: 'requests', delta: -1 });
    expect(s.settings).toMatchObject({ requests: 6, slow: {} });
    // r goes back to the page's settings.
    s = run(s, { type: 'reset' });
    expect(s.settings).toEqual({ requests: 6, rtt: 100, server: 50, slow: {}, connections: 6 });
    expect(en(s.message)).toBe("Back to the page's settings.");
  });

  it('says why when a key cannot change anything', () => {
    const s = start({ requests: 1, rtt: 20, connections: 1 });
    const said = (a: VersionsAction) => en(run(s, a).message);
    expect(said({ type: 'requests', delta: -1 })).toBe('1 request is the fewest.');
    expect(said({ type: 'rtt', delta: -1 })).toBe('20 ms is the shortest RTT here.');
    expect(said({ type: 'connections', delta: -1 })).toBe('1 connection is the fewest.');
    expect(said({ type: 'slow/ms', delta: 1 })).toBe('Pick a slow request with s first.');
    expect(said({ type: 'reset' })).toBe("These are the page's settings already.");
    expect(en(run(start({ requests: 12 }), { type: 'requests', delta: 1 }).message)).toBe(
      '12 requests is the most here.',
    );
    expect(en(run(start({ rtt: 400 }), { type: 'rtt', delta: 1 }).message)).toBe('400 ms is the longest RTT here.');
    // The next key takes the message away.
    expect(run(s, { type: 'requests', delta: -1 }, { type: 'requests', delta: 1 }).message).toBeNull();
  });

  it('toggles the HTTP/2 frames and all five modes, and scrolls within what is drawn', () => {
    let s = start({ modes: ['1.1', '2'] });
    s = run(s, { type: 'view/toggle' });
    expect(s.view).toBe('frames');
    s = run(s, { type: 'modes/toggle' });
    expect(s.allModes).toBe(true);
    expect(en(s.message)).toBe('All five ways are shown.');
    s = run(s, { type: 'scroll', delta: 5, max: 3 });
    expect(s.scroll).toBe(3);
    expect(run(s, { type: 'scroll', delta: -9 }).scroll).toBe(0);
  });
});

describe('its questions', () => {
  const asked = (s: VersionsState) => kind.question(s);

  it('asks the first at once, and holds the picture still until it is answered', () => {
    const s = initialVersionsState(
      page({ modes: ['1.1', '2'], questions: [{ id: 'q1', ask: 'done', mode: '1.1', request: 4 }] }),
    );
    const q = asked(s)!;
    expect(q).toMatchObject({ id: 'q1', answered: false });
    expect(en(q.question)).toBe(
      'When has the response to request 4 fully arrived over HTTP/1.1? (ms after the first SYN)',
    );
    // Worked out by hand: one handshake (100), then four round trips (100) each with 50 ms of server: 700.
    expect(q.choices).toContain('700 ms');
    expect(run(s, { type: 'requests', delta: 1 }).settings.requests).toBe(6);
    const { state, verdict } = kind.answer(s, '700 ms');
    expect(verdict.correct).toBe(true);
    expect(verdict.feedback.map(en)).toEqual([
      'One handshake (100 ms), then one request at a time, each a round trip plus its server time: 100 + 4 × 100 + 200 = 700 ms.',
    ]);
    expect(asked(state)!.answered).toBe(true);
    // Answered: the keys work again, and the next change moves on from it.
    const moved = run(state, { type: 'requests', delta: 1 });
    expect(moved.settings.requests).toBe(7);
    expect(asked(moved)).toBeNull();
  });

  it('says what a wrong choice was: another mode, or a round trip short', () => {
    const s = initialVersionsState(page({ questions: [{ id: 'q', ask: 'done', mode: '1.1', request: 4 }] }));
    const q = asked(s)!;
    // 1000 is request 4 over HTTP/1.0; 600 is 700 without the handshake.
    expect(q.choices).toEqual(['250 ms', '400 ms', '700 ms', '1000 ms']);
    expect(kind.answer(s, '1000 ms').verdict.feedback.map(en)[0]).toBe('1000 ms is when it arrives over HTTP/1.0.');
    expect(kind.answer(s, '400 ms').verdict.feedback.map(en)[0]).toBe(
      '400 ms is when it arrives over HTTP/1.1 pipelining.',
    );
    const fewer = initialVersionsState(
      page({ modes: ['1.1'], questions: [{ id: 'q', ask: 'total', mode: '1.1' }], requests: 2 }),
    );
    // 2 requests over 1.1: 100 + 2 × 150 = 400. No other mode on screen: a round trip less, more, two more.
    expect(asked(fewer)!.choices).toEqual(['300 ms', '400 ms', '500 ms', '600 ms']);
  });

  it('asks a later question only when its setting changes, about the picture as it is then', () => {
    let s = initialVersionsState(
      page({
        modes: ['1.1-pipelined', '2'],
        questions: [
          { id: 'q1', ask: 'total', mode: '2' },
          { id: 'q2', ask: 'first-done', after: 'slow' },
        ],
      }),
    );
    s = kind.answer(s, '250 ms').state;
    s = run(s, { type: 'requests', delta: -1 });
    expect(asked(s)).toBeNull();
    expect(s.next).toBe(1);
    s = run(s, { type: 'slow/next', delta: 1 });
    const q = asked(s)!;
    expect(q.id).toBe('q2');
    expect(en(q.question)).toBe('Which finishes all 5 requests first now?');
    expect(q.choices).toEqual(['HTTP/1.1 pipelining', 'HTTP/2']);
    // Request 1 takes 600 ms: pipelining waits for it before every other answer (150 + 600 + 4 × 50 + 50 = 1000);
    // HTTP/2 is done when request 1 is (100 + 100 + 600 = 800).
    const v = kind.answer(s, 'HTTP/2').verdict;
    expect(v.correct).toBe(true);
    expect(v.feedback.map(en)).toEqual([
      'HTTP/1.1 pipelining: 1000 ms; HTTP/2: 800 ms',
      'HTTP/2 sends every request at once and the server answers each stream when it is ready: after two round trips, only the slowest response is waited for.',
    ]);
    expect(kind.answer(s, 'HTTP/1.1 pipelining').verdict.correct).toBe(false);
  });

  it('keeps the picture while a question waits, and gives the screen to another picture once it is answered', () => {
    const s = initialVersionsState(page({ questions: [{ id: 'q', ask: 'first-done' }] }));
    expect(run(s, { type: 'view/toggle' }, { type: 'modes/toggle' })).toBe(s);
    const answered = kind.answer(s, 'HTTP/2').state;
    expect(asked(answered)?.answered).toBe(true);
    const frames = run(answered, { type: 'view/toggle' });
    expect(frames.view).toBe('frames');
    expect(asked(frames)).toBeNull();
  });

  it('accepts every mode of a tie', () => {
    const s = initialVersionsState(page({ modes: ['1.1-parallel', '2'], questions: [{ id: 'q', ask: 'first-done' }] }));
    expect(kind.answer(s, 'HTTP/1.1 ×6').verdict.correct).toBe(true);
    expect(kind.answer(s, 'HTTP/2').verdict.correct).toBe(true);
    expect(kind.answer(s, 'HTTP/2').verdict.feedback.map(en)[1]).toBe('A tie: HTTP/1.1 ×6, HTTP/2 finish together.');
  });

  it('names the last response when it is not the last request', () => {
    const result = runVersions({ requests: 3, rtt: 100, server: 50, slow: { 2: 400 }, connections: 6 });
    const q = askQuestion({ id: 'q', ask: 'total', mode: '2', after: 'start', hints: [] }, result, ['2']);
    expect(q.right).toEqual(['600 ms']);
    expect(q.why('600 ms').map(en)).toEqual([
      "The last response to arrive is request 2's.",
      'HTTP/2 sends every request after the handshake, each on its own stream, and each answer goes when it is ready: 100 + 100 + 400 = 600 ms.',
    ]);
  });
});

describe('its computed answers', () => {
  function query(raw: Record<string, unknown>) {
    const c = new Checker();
    const q = kind.parseQuery(c, raw, 'pages[3].exercise.answer.model', {});
    return { q, problems: c.problems.map((p) => `${p.field}: ${p.message}`) };
  }

  it('computes a total, a done and a sent time, and connections, with the parameters drawn', () => {
    const base = { requests: '{n}', rtt: '{rtt}', server: '{s}' };
    const params = { n: 5, rtt: 80, s: 30 };
    const value = (what: Record<string, unknown>, extra: Record<string, unknown> = {}) => {
      const { q, problems } = query({ ...base, ...extra, query: what });
      expect(problems).toEqual([]);
      return kind.runQuery(q!, params, {});
    };
    // By hand: HTTP/1.1, 5 requests, RTT 80, server 30: 80 + 5 × 110 = 630.
    expect(value({ total: '1.1' })).toEqual({ value: '630' });
    // HTTP/1.0: 5 × (160 + 30) = 950.
    expect(value({ total: '1.0' })).toEqual({ value: '950' });
    // Request 3 over 2 connections: it waits for connection 1, free at 190: 190 + 80 + 30 = 300.
    expect(value({ done: { mode: '1.1-parallel', request: 3 } }, { connections: 2 })).toEqual({ value: '300' });
    expect(value({ sent: { mode: '1.1-parallel', request: 3 } }, { connections: 2 })).toEqual({ value: '190' });
    expect(value({ connections: '1.0' })).toEqual({ value: '5' });
    // A slow request: pipelined, request 2 takes 500: 80 + 40 + (30 + 500 + 30 + 30 + 30) + 40 = 780.
    expect(value({ total: '1.1-pipelined' }, { slow: { request: 2, server: 500 } })).toEqual({ value: '780' });
  });

  it('says why a value cannot be computed', () => {
    const { q } = query({ requests: 3, rtt: '{rtt}', server: 50, query: { done: { mode: '2', request: '{i}' } } });
    expect(kind.runQuery(q!, { rtt: 101, i: 1 }, {})).toEqual({ error: 'rtt is 101: it must be even' });
    expect(kind.runQuery(q!, { rtt: 100, i: 4 }, {})).toEqual({ error: 'request is 4, out of range: 1 to 3' });
    expect(kind.runQuery(q!, { rtt: 'fast', i: 1 }, {})).toEqual({ error: 'rtt is "fast", not a whole number' });
  });

  it('refuses a query that is not one, naming the field', () => {
    expect(query({ requests: 3, rtt: 100, server: 50, query: { fastest: true } }).problems).toEqual([
      'pages[3].exercise.answer.model.query: expected one of {"total": mode}, {"done": {"mode", "request"}}, {"sent": {…}} or {"connections": mode}',
    ]);
    expect(query({ requests: 'many', rtt: 100, server: 50, query: { total: '2' } }).problems).toEqual([
      'pages[3].exercise.answer.model.requests: expected a whole number or a text with a {parameter}, found "many"',
    ]);
    expect(query({ requests: 3, rtt: 100, server: 50, query: { total: 'h2' } }).problems[0]).toMatch(
      /^pages\[3\]\.exercise\.answer\.model\.query\.total: expected one of 1\.0, 1\.1/,
    );
  });
});
