// The proxy model: the walk of a request through the chain and back (steps,
// marks, how it ends), the reducer a learner drives (when a question is asked,
// and asked again), the kind's settings and computed answers, and the requests
// built at random, with the questions built on them. Expected values are
// worked out by hand from the forwarding rules (RFC 9110 §7.6, RFC 9112 §9.3,
// Appendix C.2.2).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { text } from '../../../../src/core/i18n/localize.js';
import { EXAMPLE_IDS, example, randomRequest } from '../../../../src/core/models/http-proxy/examples.js';
import { targetProblem } from '../../../../src/core/models/http-proxy/forward.js';
import { journey, proxyNames } from '../../../../src/core/models/http-proxy/journey.js';
import { httpProxyKind } from '../../../../src/core/models/http-proxy/kind.js';
import { parseRequest, serializeRequest } from '../../../../src/core/models/http-proxy/message.js';
import {
  type ProxySettings,
  type ProxyState,
  initialProxyState,
  proxyReducer,
} from '../../../../src/core/models/http-proxy/model.js';
import { PROXY_ASKS, buildQuestion, gradeQuestion } from '../../../../src/core/models/http-proxy/questions.js';
import { createRandom } from '../../../../src/core/random.js';
import { Checker } from '../../../../src/core/schema/checker.js';

const names = (fields: { name: string }[]) => fields.map((f) => f.name).join(', ');

describe('journey: a request walked through the chain and back', () => {
  it('rfc, one proxy: five steps; the proxy’s hop marks what it removed and added; the client’s connection stays open', () => {
    const j = journey(example('keep-alive').request, 'rfc', ['proxy']);
    expect(j.steps.map((s) => `${s.block.from}->${s.block.to} ${s.block.kind}`)).toEqual([
      '0->1 request',
      '0->1 request',
      '1->2 request',
      '2->1 response',
      '1->0 response',
    ]);
    expect(j.askAt).toBe(1);
    const hop = j.steps[2]!.block;
    expect(hop.line).toEqual({ text: 'GET /news HTTP/1.1', was: 'GET http://example.com/news HTTP/1.1' });
    expect(hop.fields.map((f) => `${f.mark} ${f.name}`)).toEqual([
      'keep Host',
      'keep User-Agent',
      'keep Accept',
      'remove Connection',
      'remove Keep-Alive',
      'add Via',
    ]);
    expect(names(j.atServer!.fields)).toBe('Host, User-Agent, Accept, Via');
    // On the way back the proxy adds itself to Via on the response too (RFC 9110 §7.6.3).
    expect(j.steps[4]!.block.fields.at(-1)).toMatchObject({ mark: 'add', name: 'Via', value: '1.1 proxy' });
    expect([j.outcome, j.client]).toEqual(['ok', 'kept']);
    // The diagram grows step by step.
    const upTo = j.steps.map((s) => s.upTo);
    expect(upTo).toEqual([...upTo].sort((a, b) => a - b));
    expect(upTo[0]).toBe(-1);
  });

  it('rfc, two proxies: the response collects both in Via, the last one first', () => {
    const j = journey(example('named-field').request, 'rfc', proxyNames(2));
    expect(j.lanes.map((l) => l.name)).toEqual(['client', 'proxy1', 'proxy2', 'server']);
    expect(j.results).toHaveLength(2);
    expect(j.results[1]!.removed).toEqual([]);
    expect(j.atServer!.fields.find((f) => f.name === 'Via')!.value).toBe('1.1 proxy1, 1.1 proxy2');
    const back = j.steps.at(-1)!.block;
    expect(back.fields.find((f) => f.name === 'Via')).toMatchObject({
      mark: 'change',
      value: '1.1 proxy2, 1.1 proxy1',
      was: '1.1 proxy2',
    });
    // Connection: close from an HTTP/1.1 client: the proxy closes its connection after the response.
    expect(j.client).toBe('closed');
  });

  it('http10 with Connection: keep-alive: the server keeps the connection open, the proxy waits, the next request hangs', () => {
    const j = journey(example('http10-keep-alive').request, 'http10', ['proxy']);
    expect(j.steps).toHaveLength(6);
    expect([j.outcome, j.client]).toEqual(['hang', 'hung']);
    const notes = j.events
      .filter((e) => e.kind === 'note')
      .map((e) => (e.kind === 'note' ? [e.lane, text(e.text[0]!, 'en')] : []));
    expect(notes).toEqual([
      [2, 'keeps it open'],
      [1, 'waits for close'],
      [0, 'no answer'],
    ]);
    expect(j.steps[5]!.block).toMatchObject({ from: 0, to: 1, next: true });
    expect(text(j.steps[5]!.sentence, 'en')).toMatch(/never answered/);
    // The old proxy forwarded the response unchanged too: Connection: keep-alive reaches the client.
    expect(j.steps[4]!.block.fields.map((f) => `${f.mark} ${f.name}: ${f.value}`)).toContain(
      'keep Connection: keep-alive',
    );
  });

  it('http10 with Proxy-Connection: the server closes after its response; nothing hangs', () => {
    const j = journey(example('proxy-connection').request, 'http10', ['proxy']);
    expect(j.steps).toHaveLength(5);
    expect([j.outcome, j.client]).toEqual(['ok', 'closed']);
    expect(names(j.atServer!.fields)).toBe('User-Agent, Proxy-Connection');
    // Why browsers sent it: the server does not know it, so no keep-alive and no hang.
    expect(text(j.steps[3]!.sentence, 'en')).toMatch(/does not know Proxy-Connection.*why browsers sent/);
    expect(text(journey(example('http10-keep-alive').request, 'http10', ['p']).steps[3]!.sentence, 'en')).toMatch(
      /keeps its connection to the proxy open/,
    );
  });

  it('Max-Forwards 1 through two proxies: the second answers the OPTIONS itself', () => {
    const j = journey(example('max-forwards').request, 'rfc', proxyNames(2));
    expect(j.atServer).toBeNull();
    expect(j.answeredBy).toBe(2);
    expect(j.steps.map((s) => `${s.block.from}->${s.block.to}`)).toEqual(['0->1', '0->1', '1->2', '2->0']);
    expect(j.results[0]!.forwarded!.fields.find((f) => f.name === 'Max-Forwards')!.value).toBe('0');
    // With one proxy it reaches the server with 0.
    expect(journey(example('max-forwards').request, 'rfc', ['p']).atServer!.fields).toContainEqual({
      name: 'Max-Forwards',
      value: '0',
    });
  });

  it('a chunked body is marked as sent with Content-Length, no longer chunked', () => {
    const hop = journey(example('chunked').request, 'rfc', ['proxy']).steps[2]!.block;
    expect(hop.body).toEqual({ bytes: 11, chunked: false, was: 'chunked' });
    expect(hop.fields.map((f) => `${f.mark} ${f.name}`)).toContain('add Content-Length');
  });
});

const settings = (change: Partial<ProxySettings> = {}): ProxySettings => ({
  examples: ['keep-alive', 'named-field'],
  random: false,
  mode: 'rfc',
  proxies: 1,
  questions: [{ id: 'q-fields', ask: 'reaches-server', hints: [] }],
  ...change,
});
const step = (s: ProxyState, delta = 1) => proxyReducer(s, { type: 'step', delta });

describe('the reducer', () => {
  it('stops at the first proxy to ask, whatever key moves it on (→ or End), and goes on once it is answered', () => {
    let s = initialProxyState(settings());
    s = step(s);
    expect([s.step, s.pending]).toEqual([1, null]);
    s = step(s);
    expect(s.step).toBe(1);
    expect(s.pending?.spec.id).toBe('q-fields');
    expect(httpProxyKind.question(s)).toMatchObject({ id: 'q-fields', answered: false });
    // Nothing moves while it waits.
    expect(step(s).step).toBe(1);
    expect(step(s).message).toBeDefined();
    const { state, verdict } = httpProxyKind.answer(s, 'Host, User-Agent, Accept, Via') as {
      state: ProxyState;
      verdict: { correct: boolean };
    };
    expect(verdict.correct).toBe(true);
    expect(state.pending?.answered).toBe(true);
    s = step(state);
    expect([s.step, s.pending]).toEqual([2, null]);
    const fromEnd = proxyReducer(initialProxyState(settings()), { type: 'end' });
    expect([fromEnd.step, fromEnd.pending?.spec.id]).toEqual([1, 'q-fields']);
  });

  it('asks an example’s question once a visit; a new request built at random asks again', () => {
    let s = proxyReducer(initialProxyState(settings()), { type: 'end' });
    s = (httpProxyKind.answer(s, 'x') as { state: ProxyState }).state;
    s = proxyReducer(s, { type: 'end' });
    expect(s.step).toBe(4);
    // Another example, the other mode, two proxies: no question again on this page.
    for (const action of [{ type: 'example', delta: 1 }, { type: 'mode' }, { type: 'proxies' }] as const) {
      s = proxyReducer(proxyReducer(s, action), { type: 'end' });
      expect(s.pending).toBeNull();
    }
    // A request built at random: asked again.
    s = proxyReducer(proxyReducer(s, { type: 'random' }), { type: 'end' });
    expect(s.pending?.spec.id).toBe('q-fields');
    expect(s.exampleIndex).toBe(-1);
  });

  it('asks a random page’s questions in turn, one per new request', () => {
    const two = settings({
      random: true,
      examples: [],
      questions: [
        { id: 'a', ask: 'reaches-server', hints: [] },
        { id: 'b', ask: 'via', hints: [] },
      ],
    });
    let s = initialProxyState(two, 5);
    const asked: string[] = [];
    for (let i = 0; i < 4; i++) {
      s = proxyReducer(s, { type: 'end' });
      asked.push(s.pending!.spec.id);
      s = (httpProxyKind.answer(s, 'x') as { state: ProxyState }).state;
      // Home and back does not ask again about the same request.
      s = proxyReducer(proxyReducer(s, { type: 'home' }), { type: 'end' });
      expect(s.pending).toBeNull();
      s = proxyReducer(s, { type: 'random' });
    }
    expect(asked).toEqual(['a', 'b', 'a', 'b']);
  });

  it('starts again from the client on a change: another example, the mode, the number of proxies', () => {
    let s = step(initialProxyState(settings({ questions: [] })));
    s = proxyReducer(s, { type: 'mode' });
    expect([s.step, s.mode, s.journey.lanes.length]).toEqual([0, 'http10', 3]);
    s = proxyReducer(s, { type: 'proxies' });
    expect([s.proxies, s.journey.lanes.length]).toEqual([2, 4]);
    s = proxyReducer(s, { type: 'example', delta: -1 });
    expect(s.example.id).toBe('named-field');
    s = proxyReducer(s, { type: 'example', delta: 1 });
    expect(s.example.id).toBe('keep-alive');
    s = proxyReducer(proxyReducer(s, { type: 'end' }), { type: 'step', delta: -1 });
    expect(s.step).toBe(s.journey.steps.length - 2);
    expect(proxyReducer(s, { type: 'home' }).step).toBe(0);
  });

  it('builds its first random request from the seed of the visit: the same seed, the same request', () => {
    const random = settings({ random: true });
    const a = initialProxyState(random, 1).example.request;
    expect(initialProxyState(random, 1).example.request).toEqual(a);
    const others = [2, 3, 4, 5].map((seed) => serializeRequest(initialProxyState(random, seed).example.request));
    expect(new Set([serializeRequest(a), ...others]).size).toBeGreaterThan(1);
  });
});

describe('the kind: settings and computed answers', () => {
  const parse = (raw: Record<string, unknown>) => {
    const c = new Checker();
    const settings = httpProxyKind.parseBlock(c, { kind: 'http-proxy', ...raw }, 'pages[0].model', {}) as
      | ProxySettings
      | undefined;
    return { settings, problems: c.problems.map((p) => `${p.field}: ${p.message}`) };
  };

  it('reads a block, with defaults: every example, rfc, one proxy, no questions', () => {
    expect(parse({}).settings).toEqual({
      examples: EXAMPLE_IDS,
      random: false,
      mode: 'rfc',
      proxies: 1,
      questions: [],
    });
    const withHints = parse({
      questions: [{ id: 'q', ask: 'via' }],
      hints: { q: ['One.', 'Two.'] },
    });
    expect(withHints.settings!.questions).toEqual([{ id: 'q', ask: 'via', hints: ['One.', 'Two.'] }]);
    expect(httpProxyKind.rawQuestionIds({ questions: [{ id: 'q' }, {}] })).toEqual(['q']);
    expect(httpProxyKind.questionIds(withHints.settings!)).toEqual(['q']);
  });

  it.each([
    [{ examples: ['keep-alive', 'keepalive'] }, /^pages\[0\]\.model\.examples\[1\]: .*did you mean "keep-alive"/],
    [{ examples: [] }, /^pages\[0\]\.model\.examples: expected at least 1/],
    [{ mode: 'http11' }, /^pages\[0\]\.model\.mode: expected "rfc" or "http10"/],
    [{ proxies: 3 }, /^pages\[0\]\.model\.proxies: expected an integer from 1 to 2/],
    [{ random: 'yes' }, /^pages\[0\]\.model\.random: expected true or false/],
    [{ questions: [{ id: 'q', ask: 'cookie' }] }, /^pages\[0\]\.model\.questions\[0\]\.ask: expected one of/],
    [
      { questions: [{ id: 'Q 1', ask: 'via' }] },
      /^pages\[0\]\.model\.questions\[0\]\.id: expected an id in kebab-case/,
    ],
    [
      {
        questions: [
          { id: 'q', ask: 'via' },
          { id: 'q', ask: 'outcome' },
        ],
      },
      /duplicate question id "q"/,
    ],
    [{ scenario: 'handshake' }, /^pages\[0\]\.model\.scenario: unknown field/],
  ])('names the field of a problem: %j', (raw, message) => {
    const r = parse(raw);
    expect(
      r.problems.some((p) => message.test(p)),
      r.problems.join('\n'),
    ).toBe(true);
  });

  const query = (raw: Record<string, unknown>, params: Record<string, string | number> = {}) => {
    const c = new Checker();
    const q = httpProxyKind.parseQuery(c, { kind: 'http-proxy', ...raw }, 'answer.model', {});
    if (!q) return { problems: c.problems.map((p) => `${p.field}: ${p.message}`) };
    return httpProxyKind.runQuery(q, params, {});
  };

  it('answers what reaches the server, worked out by hand', () => {
    const request = 'GET http://example.com/x HTTP/{v}\nHost: example.com\nConnection: X-A\nX-A: 1\nAccept: */*\n';
    expect(query({ request, proxies: ['a', 'b'], ask: 'via' }, { v: '1.0' })).toEqual({ value: '1.0 a, 1.1 b' });
    expect(query({ request, ask: 'fields' }, { v: '1.1' })).toEqual({ value: 'Host, Accept, Via' });
    expect(query({ request, ask: 'removed' }, { v: '1.1' })).toEqual({ value: 'Connection, X-A' });
    expect(query({ request, ask: 'request-line' }, { v: '1.0' })).toEqual({ value: 'GET /x HTTP/1.1' });
    expect(query({ request, ask: 'request-line', mode: 'http10' }, { v: '1.1' })).toEqual({ value: 'GET /x HTTP/1.0' });
    expect(query({ request: 'max-forwards', ask: 'max-forwards' })).toEqual({ value: '0' });
    expect(query({ request: 'http10-keep-alive', ask: 'outcome', mode: 'http10' })).toEqual({ value: 'hang' });
    expect(query({ request: 'http10-keep-alive', ask: 'outcome' })).toEqual({ value: 'ok' });
    expect(query({ request: 'via-already', proxies: ['{p}'], ask: 'via' }, { p: 'edge' })).toEqual({
      value: '1.1 corp-gw, 1.1 edge',
    });
  });

  it('says why an answer cannot be computed', () => {
    expect(query({ request: 'GET / HTTP/1.1\n', ask: 'via' })).toEqual({
      error: expect.stringMatching(/no Host/),
    });
    expect(query({ request: 'GET http://e.com/ HTTP/1.1\nHost e.com\n', ask: 'via' })).toEqual({
      error: expect.stringMatching(/line 2: expected a field/),
    });
    expect(query({ request: 'max-forwards', proxies: ['a', 'b'], ask: 'via' })).toEqual({
      error: expect.stringMatching(/does not reach the server/),
    });
    expect(query({ request: 'keep-alive', mode: 'http10', ask: 'via' })).toEqual({
      error: 'no Via field reaches the server',
    });
    expect(query({ request: 'keep-alive', proxies: ['{p}'], ask: 'via' }, { p: 'a b' })).toEqual({
      error: '"a b" is not a name Via can carry',
    });
    expect(query({ request: 'keep-alive', proxies: ['a', 'b', 'c'], ask: 'via' })).toEqual({
      problems: ['answer.model.proxies: expected one or two proxies, found 3'],
    });
    expect(query({ request: 'keep-alive', ask: 'cookie' })).toMatchObject({
      problems: [expect.stringMatching(/^answer\.model\.ask: expected one of/)],
    });
  });
});

describe('requests built at random', () => {
  const seeds = fc.integer({ min: 0, max: 2 ** 32 - 1 });

  it('are requests a proxy can forward, read back as written, with something to remove besides Connection', () => {
    fc.assert(
      fc.property(seeds, (seed) => {
        const r = randomRequest(createRandom(seed));
        expect(targetProblem(r)).toBeUndefined();
        expect(parseRequest(serializeRequest(r))).toEqual({ ok: true, request: r });
        expect(r.body).toBe('');
        expect(r.fields.some((f) => f.name === 'Proxy-Authorization')).toBe(false);
        const removed = journey(r, 'rfc', ['proxy']).results[0]!.removed;
        expect(removed.filter((n) => n !== 'Connection').length).toBeGreaterThan(0);
      }),
    );
  });

  it('get questions of three or four distinct choices, the forwarding’s answer among them, each wrong one with its why', () => {
    fc.assert(
      fc.property(
        seeds,
        fc.constantFrom(...PROXY_ASKS),
        fc.constantFrom('rfc' as const, 'http10' as const),
        fc.constantFrom(1, 2),
        (seed, ask, mode, count) => {
          const r = randomRequest(createRandom(seed));
          const chain = proxyNames(count);
          const j = journey(r, mode, chain);
          const q = buildQuestion(ask, r, mode, chain, j);
          expect(new Set(q.choices).size).toBe(q.choices.length);
          expect(q.choices.length).toBeGreaterThanOrEqual(3);
          expect(q.choices).toContain(q.right);
          if (ask === 'reaches-server') expect(q.right).toBe(names(j.atServer!.fields));
          for (const choice of q.choices) {
            expect(gradeQuestion(q, choice).correct).toBe(choice === q.right);
            if (choice !== q.right) expect(q.whys[choice]).toBeDefined();
          }
          // A choice that is none of them, even one named like what every object inherits, is wrong with no why of
          // its own: only what the proxies did.
          for (const choice of ['constructor', 'toString', '__proto__']) {
            expect(gradeQuestion(q, choice)).toEqual({
              correct: false,
              expected: [q.labels[q.right] ?? q.right],
              feedback: q.explain,
            });
          }
        },
      ),
    );
  });
});

describe('in the tutor', () => {
  it('draws a new seed at each visit of a model page, so a random page shows a new request when the learner comes back', async () => {
    const { loadLessons } = await import('../../../../src/node/lesson-files.js');
    const { initialTutorState, tutorReducer } = await import('../../../../src/core/tutor/machine.js');
    const { emptyProgress } = await import('../../../../src/core/progress/merge.js');
    const lesson = loadLessons({ builtinDir: 'lessons' }).lessons.find((l) => l.id === 'proxies')!;
    const quiz = lesson.pages.findIndex((p) => p.id === 'quiz');
    let t = initialTutorState({
      now: '2026-01-01T00:00:00.000Z',
      lessons: [lesson],
      progress: emptyProgress(),
      seed: 3,
    });
    t = tutorReducer(t, { type: 'lesson/open', lessonId: 'proxies' });
    const seen: string[] = [];
    for (let visit = 0; visit < 3; visit++) {
      while (t.pageIndex < quiz) t = tutorReducer(t, { type: 'page/next' });
      seen.push(serializeRequest((t.model!.state as ProxyState).example.request));
      t = tutorReducer(t, { type: 'page/prev' });
    }
    expect(new Set(seen).size).toBe(3);
  });
});
