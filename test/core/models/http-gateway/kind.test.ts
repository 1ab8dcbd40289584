// The gateway kind as a plug-in: its page block and its problems (each with
// its field), the player the learner drives (conditions cycled, the exchange
// unfolding, a question stopping it just before the reply), the questions
// graded by the exchange, and the computed answers with random parameters.
import { describe, expect, it } from 'vitest';
import { text } from '../../../../src/core/i18n/localize.js';
import { CONDITIONS, type Condition, responseStep } from '../../../../src/core/models/http-gateway/exchange.js';
import { type GatewayQuery, httpGatewayKind, runGatewayQuery } from '../../../../src/core/models/http-gateway/kind.js';
import {
  type GatewayAction,
  type GatewaySettings,
  type GatewayState,
  exchangeOf,
} from '../../../../src/core/models/http-gateway/player.js';
import { choicesFor, gradeQuestion } from '../../../../src/core/models/http-gateway/questions.js';
import { findKind } from '../../../../src/core/models/registry.js';
import { Checker, type JsonObject } from '../../../../src/core/schema/checker.js';

const kind = httpGatewayKind as unknown as {
  parseBlock: (c: Checker, raw: JsonObject, path: string, ctx: object) => GatewaySettings | undefined;
  start: (s: GatewaySettings, ctx: object) => GatewayState;
  reduce: (s: GatewayState, a: GatewayAction) => GatewayState;
  tickMs: (s: GatewayState) => number | null;
  question: typeof httpGatewayKind.question;
  answer: (s: GatewayState, choice: string) => { state: GatewayState; verdict: ReturnType<typeof gradeQuestion> };
  parseQuery: (c: Checker, raw: JsonObject, path: string, ctx: object) => GatewayQuery | undefined;
};
const en = (t: Parameters<typeof text>[0]) => text(t, 'en');

function parse(raw: JsonObject) {
  const c = new Checker();
  const settings = kind.parseBlock(c, { kind: 'http-gateway', ...raw }, 'pages[1].model', {});
  return { settings, problems: c.problems.map((p) => `${p.field}: ${p.message}`) };
}

const settings = (raw: JsonObject = {}) => {
  const r = parse(raw);
  expect(r.problems).toEqual([]);
  return r.settings!;
};

const run = (state: GatewayState, ...actions: GatewayAction[]) => actions.reduce(kind.reduce, state);

describe('the page block', () => {
  it('is registered under its name', () => {
    expect(findKind('http-gateway')).toBe(httpGatewayKind);
  });

  it('offers every condition by default, starting with the first', () => {
    expect(settings()).toEqual({ conditions: [...CONDITIONS], start: 'ok', questions: [] });
  });

  it('reads a list of conditions, a start and questions with their hints', () => {
    const s = settings({
      conditions: ['slow', 'refused'],
      start: 'refused',
      questions: [{ id: 'q-slow', condition: 'slow', ask: 'status' }],
      hints: { 'q-slow': ['Whose timer ran out?'] },
    });
    expect(s).toEqual({
      conditions: ['slow', 'refused'],
      start: 'refused',
      questions: [{ id: 'q-slow', condition: 'slow', ask: 'status', hints: ['Whose timer ran out?'] }],
    });
    expect(httpGatewayKind.questionIds(s)).toEqual(['q-slow']);
    expect(httpGatewayKind.rawQuestionIds({ questions: [{ id: 'a' }, 'x', { id: 'b' }] })).toEqual(['a', 'b']);
  });

  it.each<[string, JsonObject, string]>([
    ['an unknown field', { condition: 'slow' }, 'pages[1].model.condition: unknown field'],
    ['a misspelt condition', { conditions: ['slw'] }, 'pages[1].model.conditions[0]: expected one of ok,'],
    ['a condition twice', { conditions: ['slow', 'slow'] }, 'pages[1].model.conditions[1]: "slow" is listed twice'],
    ['no conditions', { conditions: [] }, 'pages[1].model.conditions: expected at least 1 conditions'],
    [
      'a start not on the list',
      { conditions: ['slow'], start: 'ok' },
      'pages[1].model.start: "ok" is not among the page\'s conditions',
    ],
    [
      'a question about a condition not on the list',
      { conditions: ['slow'], questions: [{ id: 'q', condition: 'ok', ask: 'who' }] },
      'pages[1].model.questions[0].condition: "ok" is not among',
    ],
    [
      'two questions about one condition',
      {
        questions: [
          { id: 'a', condition: 'slow', ask: 'who' },
          { id: 'b', condition: 'slow', ask: 'status' },
        ],
      },
      'pages[1].model.questions[1].condition: one question per condition',
    ],
    [
      'a question that asks what the model cannot answer',
      { questions: [{ id: 'a', condition: 'slow', ask: 'why' }] },
      'pages[1].model.questions[0].ask: expected "status" or "who"',
    ],
    [
      'a question id that is not kebab-case',
      { questions: [{ id: 'Q1', condition: 'slow', ask: 'who' }] },
      'pages[1].model.questions[0].id: expected an id in kebab-case',
    ],
    [
      'one id for two questions',
      {
        questions: [
          { id: 'a', condition: 'slow', ask: 'who' },
          { id: 'a', condition: 'ok', ask: 'who' },
        ],
      },
      'pages[1].model.questions[1].id: duplicate question id "a"',
    ],
  ])('reports %s with its field', (_, raw, problem) => {
    expect(parse(raw).problems.join('\n')).toContain(problem);
  });

  it('suggests the condition meant', () => {
    expect(parse({ conditions: ['refuse'] }).problems[0]).toContain('(did you mean "refused"?)');
  });
});

describe('the player', () => {
  it('starts still, before the first step, on the start condition', () => {
    const s = kind.start(settings({ start: 'slow' }), {});
    expect([s.exchange.condition, s.step, s.playing, kind.tickMs(s)]).toEqual(['slow', -1, false, null]);
  });

  it('plays step by step to the end of the exchange, then stops', () => {
    let s = run(kind.start(settings(), {}), { type: 'play/toggle' });
    expect(kind.tickMs(s)).toBeGreaterThan(0);
    const steps = s.exchange.steps.length;
    for (let i = 0; i < steps; i++) s = run(s, { type: 'tick' });
    expect([s.step, s.playing, kind.tickMs(s)]).toEqual([steps - 1, false, null]);
    expect(run(s, { type: 'tick' })).toBe(s);
    // Play again at the end: from the start.
    expect(run(s, { type: 'play/toggle' })).toMatchObject({ step: -1, playing: true });
  });

  it('cycles the page conditions with ↑/↓, both ways round, and plays each from the start', () => {
    const start = kind.start(settings({ conditions: ['ok', 'refused', 'slow'] }), {});
    const down = run(start, { type: 'condition', delta: 1 });
    expect([down.exchange.condition, down.step, down.playing]).toEqual(['refused', -1, true]);
    expect(run(start, { type: 'condition', delta: -1 }).exchange.condition).toBe('slow');
    expect(run(down, { type: 'condition', delta: 1 }, { type: 'condition', delta: 1 }).exchange.condition).toBe('ok');
  });

  it('says so when the page has one condition only', () => {
    const s = run(kind.start(settings({ conditions: ['slow'] }), {}), { type: 'condition', delta: 1 });
    expect(s.exchange.condition).toBe('slow');
    expect(en(s.message!)).toBe('This page shows one upstream condition only.');
    expect(run(s, { type: 'tick' }).message).not.toBeNull();
    expect(run(s, { type: 'step', delta: 1 }).message).toBeNull();
  });

  it('steps back and forth, and Home and End go to either end', () => {
    const s = kind.start(settings({ start: 'ok' }), {});
    const two = run(s, { type: 'step', delta: 1 }, { type: 'step', delta: 1 });
    expect(two.step).toBe(1);
    expect(run(two, { type: 'step', delta: -1 }).step).toBe(0);
    expect(run(s, { type: 'step', delta: -1 }).step).toBe(-1);
    expect(run(two, { type: 'end' }).step).toBe(s.exchange.steps.length - 1);
    expect(run(two, { type: 'home' }).step).toBe(-1);
  });

  it('the shell pauses it when the terminal is too small', () => {
    const s = run(kind.start(settings(), {}), { type: 'play/toggle' }, { type: 'pause' });
    expect([s.playing, kind.tickMs(s)]).toEqual([false, null]);
  });
});

describe('a question on the way', () => {
  const withQuestion = () =>
    kind.start(
      settings({
        conditions: ['ok', 'slow'],
        questions: [{ id: 'q-slow', condition: 'slow', ask: 'status' }],
      }),
      {},
    );

  it('stops the exchange just before the gateway generates its response, and asks', () => {
    let s = run(withQuestion(), { type: 'condition', delta: 1 });
    for (let i = 0; i < 20; i++) s = run(s, { type: 'tick' });
    expect(s.step).toBe(responseStep(s.exchange) - 1);
    expect(s.playing).toBe(false);
    const q = kind.question(s)!;
    expect(q).toMatchObject({ id: 'q-slow', answered: false });
    expect(en(q.question)).toBe('Which status code will the client get?');
    expect(q.choices).toEqual([
      '408 Request Timeout',
      '502 Bad Gateway',
      '503 Service Unavailable',
      '504 Gateway Timeout',
    ]);
    // Nothing moves until it is answered.
    for (const a of [{ type: 'step', delta: 1 }, { type: 'end' }, { type: 'condition', delta: 1 }] as const)
      expect(run(s, a)).toBe(s);
  });

  it('stops before the origin sends its response, so the code is not on screen yet', () => {
    const s = run(
      kind.start(settings({ questions: [{ id: 'q-login', condition: 'needs-login', ask: 'status' }] }), {}),
      { type: 'condition', delta: 1 },
      { type: 'end' },
    );
    expect(kind.question(s)?.id).toBe('q-login');
    const next = s.exchange.steps[s.step + 1]!;
    expect(next.kind === 'send' && [next.hop.from, next.hop.to]).toEqual(['upstream', 'gateway']);
    // What the origin found is shown; what it answers is not.
    expect(s.exchange.steps[s.step]).toMatchObject({ kind: 'note', note: { party: 'upstream' } });
  });

  it('End stops at the question too', () => {
    const s = run(withQuestion(), { type: 'condition', delta: 1 }, { type: 'end' });
    expect(kind.question(s)?.id).toBe('q-slow');
  });

  it('grades the answer by the exchange, keeps the verdict on screen, then goes on to the reply', () => {
    const asked = run(withQuestion(), { type: 'condition', delta: 1 }, { type: 'end' });
    const wrong = kind.answer(asked, '408 Request Timeout');
    expect(wrong.verdict.correct).toBe(false);
    expect(wrong.verdict.expected).toEqual(['504 Gateway Timeout']);
    expect(wrong.verdict.feedback.map(en)).toEqual([
      '408 is a server that waited for the client to finish sending its request: this request arrived.',
      en(exchangeOf('slow').why),
    ]);
    expect(kind.question(wrong.state)).toMatchObject({ id: 'q-slow', answered: true });
    const on = run(wrong.state, { type: 'step', delta: 1 });
    expect(on.step).toBe(responseStep(on.exchange));
    expect(kind.question(on)).toBeNull();
    // Asked once: back to the start of the same exchange, it plays through.
    const again = run(on, { type: 'home' }, { type: 'end' });
    expect([kind.question(again), again.step]).toEqual([null, again.exchange.steps.length - 1]);
  });

  it('asks nothing on a condition without a question', () => {
    const s = run(withQuestion(), { type: 'end' });
    expect([kind.question(s), s.exchange.condition]).toEqual([null, 'ok']);
  });
});

describe('questions graded by the exchange', () => {
  it.each([...CONDITIONS])('%s: the right code and who generated it are among the choices and grade right', (c) => {
    const e = exchangeOf(c as Condition);
    const status = choicesFor(e, 'status');
    expect(status.filter((x) => gradeQuestion(e, 'status', x).correct)).toEqual([`${e.status} ${e.reason}`]);
    expect(choicesFor(e, 'who')).toEqual(['origin', 'gateway']);
    expect(choicesFor(e, 'who').filter((x) => gradeQuestion(e, 'who', x).correct)).toEqual([e.generatedBy]);
    // Every wrong code says what it would have meant.
    for (const wrong of status.filter((x) => !gradeQuestion(e, 'status', x).correct))
      expect(gradeQuestion(e, 'status', wrong).feedback).toHaveLength(2);
  });

  it('a wrong who says which party it was, then why', () => {
    const refused = exchangeOf('refused');
    expect(gradeQuestion(refused, 'who', 'origin').feedback.map(en)[0]).toMatch(/the code is its own/);
    const overloaded = exchangeOf('overloaded');
    expect(gradeQuestion(overloaded, 'who', 'gateway').feedback.map(en)[0]).toMatch(/came from the origin/);
    expect(en(gradeQuestion(overloaded, 'who', 'origin').feedback[0]!)).toBe('Right: the origin generates it.');
  });
});

describe('computed answers', () => {
  const parseQuery = (raw: JsonObject) => {
    const c = new Checker();
    const q = kind.parseQuery(c, { kind: 'http-gateway', ...raw }, 'answer.model', {});
    return { q, problems: c.problems.map((p) => `${p.field}: ${p.message}`) };
  };

  it('read the status, reason, producer and time of an exchange for a condition drawn at random', () => {
    const { q } = parseQuery({ upstream: '{cond}', query: 'status' });
    for (const c of CONDITIONS) {
      const e = exchangeOf(c);
      expect(runGatewayQuery(q!, { cond: c })).toEqual({ value: String(e.status) });
      expect(runGatewayQuery({ ...q!, query: 'reason' }, { cond: c })).toEqual({ value: e.reason });
      expect(runGatewayQuery({ ...q!, query: 'generatedBy' }, { cond: c })).toEqual({ value: e.generatedBy });
    }
  });

  it('compute when the 504 reaches the client from a random timing: c + T + c, by hand', () => {
    const { q, problems } = parseQuery({
      upstream: 'slow',
      query: 'respondedAt',
      set: { clientMs: '{lat}', upstreamMs: 7, timeoutMs: '{timeout}' },
    });
    expect(problems).toEqual([]);
    expect(runGatewayQuery(q!, { lat: 35, timeout: 3000 })).toEqual({ value: '3070' });
    expect(runGatewayQuery(q!, { lat: 5, timeout: 1000 })).toEqual({ value: '1010' });
  });

  it('say why they cannot be computed', () => {
    const { q } = parseQuery({ upstream: '{cond}', query: 'status', set: { workMs: '{w}' } });
    expect(runGatewayQuery(q!, { cond: 'slo', w: 1 })).toEqual({
      error: `"slo" is not an upstream condition (${CONDITIONS.join(', ')})`,
    });
    expect(runGatewayQuery(q!, { cond: 'ok', w: 'lots' })).toEqual({
      error: 'workMs is "lots", not a whole number of ms',
    });
    expect(runGatewayQuery(q!, { cond: 'ok', w: 5000 })).toMatchObject({ error: expect.stringContaining('"slow"') });
  });

  it.each<[string, JsonObject, string]>([
    ['an unknown condition', { upstream: 'slw', query: 'status' }, 'answer.model.upstream: expected one of ok,'],
    ['an unknown query', { upstream: 'ok', query: 'code' }, 'answer.model.query: expected one of status, reason,'],
    ['an unknown timing', { upstream: 'ok', query: 'status', set: { rtt: 5 } }, 'answer.model.set.rtt: unknown field'],
    [
      'a timing that is not a number',
      { upstream: 'ok', query: 'status', set: { clientMs: 'fast' } },
      'answer.model.set.clientMs: expected a whole number of ms',
    ],
    ['a fraction of a ms', { upstream: 'ok', query: 'status', set: { clientMs: 1.5 } }, 'expected an integer'],
    ['an unknown field', { upstream: 'ok', query: 'status', scenario: 'x' }, 'answer.model.scenario: unknown field'],
  ])('report %s with its field', (_, raw, problem) => {
    const r = parseQuery(raw);
    expect(r.problems.join('\n')).toContain(problem);
  });
});
