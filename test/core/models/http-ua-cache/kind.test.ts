// The User-Agent model as a plug-in kind: its page block and its problems
// (each with its field), the run the learner drives (→ one request at a time,
// v another setting with the cache emptied, c the next request's client, r
// new clients), a question stopping the run just before its request's
// outcome and graded by the run with a why for each wrong choice, and the
// computed answers with random parameters.
import { describe, expect, it } from 'vitest';
import { text } from '../../../../src/core/i18n/localize.js';
import { runRequests } from '../../../../src/core/models/http-ua-cache/cache.js';
import { CLIENT_IDS, RESPONSES } from '../../../../src/core/models/http-ua-cache/clients.js';
import { DEFAULT_CLIENTS, httpUaCacheKind, type UaQuery } from '../../../../src/core/models/http-ua-cache/kind.js';
import {
  explain,
  type gradeQuestion,
  MAX_REQUESTS,
  type UaCacheAction,
  type UaCacheSettings,
  type UaCacheState,
} from '../../../../src/core/models/http-ua-cache/model.js';
import { findKind } from '../../../../src/core/models/registry.js';
import { Checker, type JsonObject } from '../../../../src/core/schema/checker.js';

const kind = httpUaCacheKind as unknown as {
  parseBlock: (c: Checker, raw: JsonObject, path: string, ctx: object) => UaCacheSettings | undefined;
  start: (s: UaCacheSettings, ctx: { seed?: number }) => UaCacheState;
  reduce: (s: UaCacheState, a: UaCacheAction) => UaCacheState;
  tickMs: (s: UaCacheState) => number | null;
  question: (s: UaCacheState) => ReturnType<typeof httpUaCacheKind.question>;
  answer: (s: UaCacheState, choice: string) => { state: UaCacheState; verdict: ReturnType<typeof gradeQuestion> };
  parseQuery: (c: Checker, raw: JsonObject, path: string, ctx: object) => UaQuery | undefined;
  runQuery: (q: UaQuery, params: Record<string, string | number>, ctx: object) => { value: string } | { error: string };
};
const en = (t: Parameters<typeof text>[0]) => text(t, 'en');

function parse(raw: JsonObject) {
  const c = new Checker();
  const settings = kind.parseBlock(c, { kind: 'http-ua-cache', ...raw }, 'pages[1].model', {});
  return { settings, problems: c.problems.map((p) => `${p.field}: ${p.message}`) };
}

const settings = (raw: JsonObject = {}) => {
  const r = parse(raw);
  expect(r.problems).toEqual([]);
  return r.settings!;
};

const run = (state: UaCacheState, ...actions: UaCacheAction[]) => actions.reduce(kind.reduce, state);
const next: UaCacheAction = { type: 'step', delta: 1 };

describe('the page block', () => {
  it('is registered under its name', () => {
    expect(findKind('http-ua-cache')).toBe(httpUaCacheKind);
  });

  it('has defaults: a few clients, every setting, the first (no Vary) shown first, no questions', () => {
    expect(settings()).toEqual({
      clients: DEFAULT_CLIENTS,
      response: 'no-vary',
      responses: [...RESPONSES],
      questions: [],
    });
  });

  it('reads clients, settings and questions with their hints; a question is asked under the page setting by default', () => {
    const s = settings({
      clients: ['curl', 'iphone-safari'],
      response: 'vary-ua',
      responses: ['no-vary', 'vary-ua'],
      questions: [
        { id: 'q-one', at: 2, ask: 'page' },
        { id: 'q-two', at: 2, ask: 'cache', response: 'no-vary' },
      ],
      hints: { 'q-one': ['Look at the User-Agent.'] },
    });
    expect(s.questions).toEqual([
      { id: 'q-one', at: 2, ask: 'page', response: 'vary-ua', hints: ['Look at the User-Agent.'] },
      { id: 'q-two', at: 2, ask: 'cache', response: 'no-vary', hints: [] },
    ]);
    expect(httpUaCacheKind.questionIds(s)).toEqual(['q-one', 'q-two']);
    expect(httpUaCacheKind.rawQuestionIds({ questions: [{ id: 'q-one' }, { at: 1 }] })).toEqual(['q-one']);
  });

  it('names each problem with its field', () => {
    expect(parse({ clients: ['chrome'] }).problems).toEqual([
      `pages[1].model.clients[0]: expected one of ${CLIENT_IDS.join(', ')}; found "chrome"`,
    ]);
    expect(parse({ clients: Array(13).fill('curl') }).problems).toEqual([
      'pages[1].model.clients: expected at most 12 clients, found 13',
    ]);
    expect(parse({ response: 'vary-ua', responses: ['no-vary'] }).problems).toEqual([
      'pages[1].model.response: "vary-ua" is not among the page\'s responses (no-vary)',
    ]);
    expect(parse({ responses: ['no-vary', 'no-vary'] }).problems).toEqual([
      'pages[1].model.responses[1]: "no-vary" is listed twice',
    ]);
    expect(parse({ clients: ['curl'], questions: [{ id: 'q', at: 2, ask: 'page' }] }).problems).toEqual([
      'pages[1].model.questions[0].at: expected an integer from 1 to 1, found 2',
    ]);
    expect(parse({ questions: [{ id: 'q', at: 1, ask: 'why' }] }).problems[0]).toMatch(
      /^pages\[1\]\.model\.questions\[0\]\.ask: expected one of page, cache, entries/,
    );
    expect(
      parse({ responses: ['no-vary'], questions: [{ id: 'q', at: 1, ask: 'page', response: 'private' }] }).problems,
    ).toEqual([
      'pages[1].model.questions[0].response: "private" is not among the page\'s responses (no-vary): the learner could never reach it',
    ]);
    expect(
      parse({
        questions: [
          { id: 'a', at: 1, ask: 'page' },
          { id: 'b', at: 1, ask: 'cache' },
        ],
      }).problems,
    ).toEqual([
      'pages[1].model.questions[1].at: one question per request and setting: request 1 is asked at pages[1].model.questions[0] already',
    ]);
    expect(parse({ scenario: 'handshake' }).problems[0]).toMatch(/^pages\[1\]\.model\.scenario: unknown field/);
  });
});

describe('the run the learner drives', () => {
  const start = (raw: JsonObject = {}, seed = 1) => kind.start(settings(raw), { seed });

  it('starts with nothing sent and the cache empty, and never ticks', () => {
    const s = start();
    expect(s.shown).toBe(0);
    expect(s.outcomes).toHaveLength(DEFAULT_CLIENTS.length);
    expect(kind.tickMs(s)).toBeNull();
    expect(kind.reduce(s, { type: 'tick' })).toBe(s);
  });

  it('sends one request at a time, goes back, home and to the end; past the end it says what keys do', () => {
    const s = run(start(), next, next);
    expect(s.shown).toBe(2);
    expect(run(s, { type: 'step', delta: -1 }).shown).toBe(1);
    expect(run(s, { type: 'home' }).shown).toBe(0);
    const end = run(s, { type: 'end' });
    expect(end.shown).toBe(DEFAULT_CLIENTS.length);
    expect(en(run(end, next).message!)).toMatch(/^That was the last request: c adds one more/);
  });

  it('v changes the setting and empties the cache; a page with one setting says so', () => {
    const s = run(start({ responses: ['no-vary', 'vary-ua'] }), next, next, { type: 'response', delta: 1 });
    expect(s).toMatchObject({ response: 'vary-ua', shown: 0 });
    expect(en(s.message!)).toBe("The origin's responses now say Vary: User-Agent. The cache starts empty.");
    expect(text(s.message!, 'zh-CN')).toContain('Vary: User-Agent');
    expect(run(s, { type: 'response', delta: 1 }).response).toBe('no-vary');
    expect(run(s, { type: 'response', delta: -1 }).response).toBe('no-vary');
    const one = run(start({ responses: ['private'] }), { type: 'response', delta: 1 });
    expect(en(one.message!)).toBe('This page shows one setting of the responses only.');
    // A message answers one key.
    expect(run(one, next).message).toBeNull();
  });

  it("c changes the next request's client and reruns; at the end it adds a request, up to the most there can be", () => {
    const s = run(start({ clients: ['iphone-safari', 'windows-chrome'] }), next);
    const changed = run(s, { type: 'client', delta: 1 });
    // windows-chrome is followed by mac-chrome in the list of clients.
    expect(changed.clients).toEqual(['iphone-safari', 'mac-chrome']);
    expect(changed.shown).toBe(1);
    expect(en(changed.message!)).toBe('Request 2 will come from mac-chrome.');
    expect(run(changed, { type: 'client', delta: -1 }).clients[1]).toBe('windows-chrome');
    const added = run(changed, next, { type: 'client', delta: 1 });
    expect(added.clients).toEqual(['iphone-safari', 'mac-chrome', 'linux-firefox']);
    expect(en(added.message!)).toBe('Request 3 added: it will come from linux-firefox.');
    let full = added;
    for (let i = 0; i < 20; i++) full = run(full, { type: 'end' }, { type: 'client', delta: 1 });
    expect(full.clients).toHaveLength(MAX_REQUESTS);
    expect(en(run(full, { type: 'end' }, { type: 'client', delta: 1 }).message!)).toMatch(/^At most 12 requests/);
  });

  it('r draws new clients from the seed: the same seed, the same clients; another seed, others', () => {
    const a = run(start({}, 7), { type: 'random' });
    const b = run(start({}, 7), { type: 'random' });
    const c = run(start({}, 8), { type: 'random' });
    expect(a.clients).toEqual(b.clients);
    expect(a.clients).toHaveLength(6);
    expect(a.clients).not.toEqual(c.clients);
    expect(run(a, { type: 'random' }).clients).not.toEqual(a.clients);
    expect(a.shown).toBe(0);
  });
});

describe('a question', () => {
  const page = {
    clients: ['iphone-safari', 'windows-chrome', 'fake-chrome', 'curl'],
    response: 'no-vary',
    responses: ['no-vary', 'vary-ua'],
    questions: [
      { id: 'q-page', at: 2, ask: 'page' },
      { id: 'q-cache', at: 3, ask: 'cache', response: 'vary-ua' },
      { id: 'q-entries', at: 4, ask: 'entries', response: 'vary-ua' },
    ],
  };
  const start = () => kind.start(settings(page), { seed: 1 });

  it('stops the run just before its request, and nothing else moves until it is answered', () => {
    const s = run(start(), next, next);
    expect(s).toMatchObject({ shown: 1, asking: { id: 'q-page', answered: false } });
    const q = kind.question(s)!;
    expect(en(q.question)).toBe('Request 2: windows-chrome asks for /. What does it get?');
    expect(q.choices).toEqual(['mobile.html', 'desktop.html', '403 Forbidden']);
    expect(run(s, next, { type: 'response', delta: 1 }, { type: 'random' })).toBe(s);
    // End stops at it too.
    expect(run(start(), { type: 'end' }).asking?.id).toBe('q-page');
  });

  it('is graded by the run: the cache gives the stored mobile page, and the origin’s choice is wrong, with why', () => {
    const s = run(start(), next, next);
    const right = kind.answer(s, 'mobile.html');
    expect(right.verdict.correct).toBe(true);
    expect(right.verdict.feedback.map(en)).toEqual([
      'HIT: the cache answers with the response stored at request 1: it has no Vary, so it fits every request for /.',
      'The origin would have sent desktop.html: this client got a page chosen for another.',
    ]);
    // The verdict shows the request: it is sent, and the next key moves on.
    expect(right.state).toMatchObject({ shown: 2, asking: { id: 'q-page', answered: true } });
    expect(run(right.state, next)).toMatchObject({ shown: 3, asking: null });
    const wrong = kind.answer(s, 'desktop.html').verdict;
    expect(wrong.correct).toBe(false);
    expect(wrong.expected).toEqual(['mobile.html']);
    expect(en(wrong.feedback[0]!)).toBe(
      'That is what the origin would choose for this request, but the request never reaches the origin: the cache answers it.',
    );
    // Answered once a visit: back and on again, it is not asked again.
    const again = run(right.state, { type: 'home' }, next, next);
    expect(again.asking).toBeNull();
    expect(again.shown).toBe(2);
  });

  it('is asked only under its own setting', () => {
    const answered = kind.answer(run(start(), { type: 'end' }), 'mobile.html').state;
    expect(run(answered, { type: 'end' })).toMatchObject({ shown: 4, asking: null });
    const vary = run(answered, { type: 'response', delta: 1 }, { type: 'end' });
    expect(vary).toMatchObject({ shown: 2, asking: { id: 'q-cache' } });
    // fake-chrome copies windows-chrome's User-Agent: a HIT on request 2's response.
    const hit = kind.answer(vary, 'HIT').verdict;
    expect(hit.correct).toBe(true);
    expect(hit.feedback.map(en)).toEqual([
      'HIT: the response stored at request 2 says Vary: User-Agent, and this request has the same User-Agent as request 2 had.',
      'Its User-Agent is, byte for byte, the one windows-chrome sent: nothing tells the two apart.',
    ]);
    const miss = kind.answer(vary, 'MISS').verdict;
    expect(miss.correct).toBe(false);
    expect(en(miss.feedback[0]!)).toBe('A stored response may be used for it.');
  });

  it('asks how many are stored among counts each wrong for a reason it gives', () => {
    let s = kind.answer(run(start(), { type: 'end' }), 'mobile.html').state;
    s = run(s, { type: 'response', delta: 1 }, { type: 'end' });
    s = kind.answer(s, 'HIT').state;
    s = run(s, { type: 'end' });
    const q = kind.question(s)!;
    expect(q.id).toBe('q-entries');
    // iPhone, Windows Chrome stored; the copy hits; curl's 403 is not stored: 2. One per request would be 4,
    // without Vary 1, with Vary: Sec-CH-UA-Mobile 3 (the copy sends no hint: its own entry, by User-Agent).
    expect(q.choices).toEqual(['1', '2', '3', '4']);
    expect(kind.answer(s, '2').verdict.correct).toBe(true);
    for (const wrong of ['1', '3', '4']) {
      const v = kind.answer(s, wrong).verdict;
      expect(v.correct).toBe(false);
      expect(v.feedback.length).toBeGreaterThan(1);
    }
    expect(en(kind.answer(s, '4').verdict.feedback[0]!)).toMatch(/^That is one per request so far/);
    expect(en(kind.answer(s, '1').verdict.feedback[0]!)).toMatch(/^That is what responses without Vary give/);
    expect(en(kind.answer(s, '3').verdict.feedback[0]!)).toMatch(/^That is what Vary: Sec-CH-UA-Mobile would keep/);
    expect(en(kind.answer(s, '2').verdict.feedback.at(-1)!)).toBe(
      'After request 4 the cache holds 2 responses for /: each MISS whose response may be stored adds one, a HIT none.',
    );
  });

  it('says why a scraper is not refused when the 403 is chosen for it', () => {
    const s = kind.start(
      settings({ clients: ['fake-chrome'], response: 'vary-ua', questions: [{ id: 'q', at: 1, ask: 'page' }] }),
      {},
    );
    const asked = run(s, next);
    const v = kind.answer(asked, '403 Forbidden').verdict;
    expect(v.correct).toBe(false);
    expect(en(v.feedback[0]!)).toMatch(/^Nothing in this request says bot: its User-Agent is windows-chrome's/);
  });
});

describe('why a request went as it did', () => {
  it('says a field is absent when the request lacks what every stored request had, and that the origin fell back', () => {
    const run = runRequests(['android-chrome', 'windows-chrome', 'iphone-safari'], 'client-hints');
    expect(explain(run[2]!, 'client-hints', run).map(en)).toEqual([
      'MISS: the cache holds 2 responses for /, but none fits: this request sends no Sec-CH-UA-Mobile, and the requests that stored them did (RFC 9111 §4.1).',
      'No Sec-CH-UA-Mobile in the request, so the origin read the User-Agent.',
      'The origin found "Mobi" in the User-Agent: mobile.html.',
      'The cache stored it, kept apart from others by Sec-CH-UA-Mobile, User-Agent.',
    ]);
    // A value that differs is said so, in both languages.
    const ua = runRequests(['iphone-safari', 'windows-chrome'], 'vary-ua');
    const said = explain(ua[1]!, 'vary-ua', ua);
    expect(en(said[0]!)).toMatch(
      /^MISS: the cache holds 1 response for \/, but its Vary names User-Agent, and this request's User-Agent is not/,
    );
    expect(text(said[0]!, 'zh-CN')).toMatch(/^MISS：缓存中有 \/ 的 1 个响应/);
  });

  it('says when nothing is stored because the responses are private', () => {
    const run = runRequests(['iphone-safari', 'windows-chrome'], 'private');
    expect(explain(run[1]!, 'private', run).map(en)).toEqual([
      'MISS: the cache has stored nothing, because the responses say Cache-Control: private, which a shared cache must not store (RFC 9111 §5.2.2.7).',
      'No "Mobi" in the User-Agent: the origin sent desktop.html.',
      'Not stored: Cache-Control: private.',
    ]);
  });
});

describe('computed answers', () => {
  const query = (raw: JsonObject) => {
    const c = new Checker();
    const q = kind.parseQuery(c, { kind: 'http-ua-cache', ...raw }, 'pages[3].exercise.answer.model', {});
    return { q, problems: c.problems.map((p) => `${p.field}: ${p.message}`) };
  };
  const value = (raw: JsonObject, params: Record<string, string> = {}) => kind.runQuery(query(raw).q!, params, {});

  it('reads a figure off a run of clients, which may come from parameters', () => {
    const raw = { clients: ['{a}', 'windows-chrome', '{b}'], response: 'vary-ua', query: 'entries' };
    expect(query(raw).problems).toEqual([]);
    expect(value(raw, { a: 'iphone-safari', b: 'fake-chrome' })).toEqual({ value: '2' });
    expect(value(raw, { a: 'curl', b: 'mac-chrome' })).toEqual({ value: '2' });
    expect(value({ ...raw, query: 'misses' }, { a: 'iphone-safari', b: 'fake-chrome' })).toEqual({ value: '2' });
    expect(value({ ...raw, query: 'hits' }, { a: 'iphone-safari', b: 'fake-chrome' })).toEqual({ value: '1' });
    expect(value({ ...raw, response: 'no-vary', query: 'wrong' }, { a: 'iphone-safari', b: 'fake-chrome' })).toEqual({
      value: '2',
    });
    expect(value({ ...raw, response: '{r}', query: 'last' }, { a: 'curl', b: 'curl', r: 'no-vary' })).toEqual({
      value: 'desktop.html',
    });
  });

  it('says why a parameter does not give a client or a setting', () => {
    const raw = { clients: ['{a}'], response: '{r}', query: 'entries' };
    expect(value(raw, { a: 'chrome', r: 'no-vary' })).toEqual({
      error: `"chrome" is not a client (${CLIENT_IDS.join(', ')})`,
    });
    expect(value(raw, { a: 'curl', r: 'vary' })).toEqual({
      error: `"vary" is not a response setting (${RESPONSES.join(', ')})`,
    });
  });

  it('names the field of each problem in the query', () => {
    expect(query({ clients: ['chrome'], response: 'no-vary', query: 'entries' }).problems[0]).toMatch(
      /^pages\[3\]\.exercise\.answer\.model\.clients\[0\]: expected one of iphone-safari/,
    );
    expect(query({ clients: ['curl'], response: 'vary', query: 'entries' }).problems[0]).toMatch(
      /^pages\[3\]\.exercise\.answer\.model\.response: expected one of no-vary, vary-ua, private, client-hints/,
    );
    expect(query({ clients: ['curl'], response: 'no-vary', query: 'count' }).problems[0]).toMatch(
      /^pages\[3\]\.exercise\.answer\.model\.query: expected one of entries, misses, hits, wrong, last/,
    );
    expect(query({ clients: [], response: 'no-vary', query: 'entries' }).problems).toEqual([
      'pages[3].exercise.answer.model.clients: expected at least 1 client ids, found 0',
    ]);
  });
});
