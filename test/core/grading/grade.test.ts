import { describe, expect, it } from 'vitest';
import { text } from '../../../src/core/i18n/localize.js';
import { evaluate } from '../../../src/core/grading/expression.js';
import { drawParams, expectedAnswer, grade } from '../../../src/core/grading/grade.js';
import { normalize, normalizeFlags, normalizeState } from '../../../src/core/answers/normalize.js';
import { gradePredict, predictChoices, predictExpected } from '../../../src/core/models/tcp/predict.js';
import type { ShortAnswerExercise } from '../../../src/core/lessons/types.js';
import { getBuiltinScenario } from '../../../src/core/scenario/builtins.js';
import { simulate } from '../../../src/core/tcp/simulate.js';
import { sampleLesson } from '../../fixtures/lessons.js';

const ctx = (params: Record<string, string | number> = {}) => ({ params, lesson: {} });
const exercise = (id: string) => sampleLesson.pages.find((p) => p.exercise?.id === id)!.exercise!;

describe('normalising short answers', () => {
  it('treats every common spelling of a state as the RFC name', () => {
    for (const s of ['TIME_WAIT', 'time-wait', 'Time Wait', 'TIME-WAIT', 'timewait'])
      expect(normalizeState(s)).toBe('TIME-WAIT');
    expect(normalizeState('SYN_RECV')).toBe('SYN-RECEIVED');
    expect(normalizeState('syn-recv')).toBe('SYN-RECEIVED');
    expect(normalizeState('FIN_WAIT1')).toBe('FIN-WAIT-1');
    expect(normalizeState('LISTENING')).toBe('LISTEN');
    expect(normalizeState('estab')).toBe('ESTABLISHED');
    expect(normalizeState('WAITING')).toBeUndefined();
  });

  it('reads flags in any order, case and separator', () => {
    expect(normalizeFlags('ack syn')).toBe('SYN,ACK');
    expect(normalizeFlags('SYN+ACK')).toBe('SYN,ACK');
    expect(normalizeFlags('fin, ack')).toBe('FIN,ACK');
    expect(normalizeFlags('synack')).toBe('SYN,ACK');
    expect(normalizeFlags('PSH')).toBeUndefined();
  });

  it('reads numbers with spaces or separators, and headers without case or colon', () => {
    expect(normalize('number', ' 1,001 ')).toBe('1001');
    expect(normalize('number', '1 001')).toBe('1001');
    expect(normalize('number', 'one')).toBeUndefined();
    expect(normalize('header', 'Content-Type:')).toBe('content-type');
    expect(normalize('token', '  Keep   Alive ')).toBe('keep alive');
    // A list reads the same with or without spaces around its commas.
    expect(normalize('token', '1.0 Corp,1.1  isp')).toBe('1.0 corp, 1.1 isp');
    expect(normalize('token', '1.0 corp , 1.1 isp')).toBe(normalize('token', '1.0 corp, 1.1 isp'));
  });

  it('reads a header value whatever its spacing, its parameters in any order, a token quoted or not', () => {
    const expected = normalize('header-value', 'form-data; name="photo"; filename="cat 1.png"');
    expect(expected).toBe('form-data; filename="cat 1.png"; name=photo');
    for (const same of [
      'form-data;name="photo";filename="cat 1.png"',
      '  Form-Data ;  NAME = photo ; filename = "cat 1.png" ; ',
      'form-data; filename="cat 1.png"; name="photo"',
      'Content-Disposition: form-data; name="photo"; filename="cat 1.png"',
      'Content-Disposition:form-data; name="photo"; filename="cat 1.png"',
    ])
      expect(normalize('header-value', same), same).toBe(expected);
    // What a value says counts: its case, the spaces inside quotes, quotes a value needs, a missing parameter.
    for (const other of [
      'form-data; name="Photo"; filename="cat 1.png"',
      'form-data; name="photo"; filename="cat  1.png"',
      'form-data; name="photo"; filename=cat 1.png',
      'form-data; name="photo"',
      'attachment; name="photo"; filename="cat 1.png"',
    ])
      expect(normalize('header-value', other), other).not.toBe(expected);
    // A boundary's case counts; its quotes do not, when it needs none.
    expect(normalize('header-value', 'multipart/form-data; boundary="AaB03x"')).toBe(
      normalize('header-value', 'Multipart/Form-Data;boundary=AaB03x'),
    );
    expect(normalize('header-value', 'multipart/form-data; boundary=aab03x')).not.toBe(
      normalize('header-value', 'multipart/form-data; boundary=AaB03x'),
    );
    expect(normalize('header-value', '   ')).toBeUndefined();
  });
});

describe('expressions', () => {
  it('computes with parameters, precedence and parentheses', () => {
    expect(evaluate('{isn} + 1', { isn: 41 })).toBe(42);
    expect(evaluate('2 * (3 + 4) - 1', {})).toBe(13);
    expect(evaluate('{a} / 2', { a: 7 })).toBe(3);
    expect(() => evaluate('1 +', {})).toThrow(/expected a number/);
    expect(() => evaluate('{missing} + 1', {})).toThrow();
  });
});

describe('grading', () => {
  it('explains a single choice with the chosen option', () => {
    const v = grade(exercise('isn-carrier'), 'ack', ctx());
    expect(v.correct).toBe(false);
    expect(v.feedback).toEqual(['The third segment only acknowledges.']);
    expect(grade(exercise('isn-carrier'), 'synack', ctx()).correct).toBe(true);
  });

  it('needs exactly the right set in a multiple choice, and says how many are missing', () => {
    expect(grade(exercise('active-closer-states'), ['tw', 'fw1'], ctx()).correct).toBe(true);
    const partial = grade(exercise('active-closer-states'), ['tw'], ctx());
    expect(partial.correct).toBe(false);
    expect(partial.feedback.map((f) => text(f, 'en'))).toContain('1 right answer is not marked.');
    expect(grade(exercise('active-closer-states'), ['tw', 'fw1', 'cw'], ctx()).correct).toBe(false);
  });

  it('names the first wrong position of an ordering', () => {
    expect(grade(exercise('handshake-order'), ['syn', 'ack', 'synack'], ctx())).toMatchObject({
      correct: false,
      firstWrongPosition: 1,
    });
    expect(grade(exercise('handshake-order'), ['syn', 'synack', 'ack'], ctx()).correct).toBe(true);
  });

  it("computes a short answer from the attempt's parameters", () => {
    const ex = exercise('synack-ack');
    expect(grade(ex, '1001', ctx({ isn: 1000 })).correct).toBe(true);
    expect(grade(ex, '1001', ctx({ isn: 2000 })).correct).toBe(false);
    expect(text(grade(ex, 'a lot', ctx({ isn: 1000 })).feedback[0]!, 'en')).toMatch(/not a number/);
  });

  it('computes a short answer by running the engine, and explains expected mistakes', () => {
    const ex: ShortAnswerExercise = {
      id: 'x',
      type: 'short',
      kind: 'number',
      prompt: 'ack?',
      hints: ['h'],
      params: { isn: { int: [10, 10] } },
      answer: {
        model: {
          kind: 'tcp',
          settings: {
            scenario: 'handshake',
            set: { 'client.isn': '{isn}' },
            query: { segment: { side: 'server', nth: 1 }, field: 'ack' },
          },
        },
      },
      mistakes: [{ id: 'seq', answer: { expr: '{isn}' }, why: 'That is the seq.' }],
    };
    expect(expectedAnswer(ex, ctx({ isn: 777 }))).toEqual(['778']);
    expect(grade(ex, '778', ctx({ isn: 777 })).correct).toBe(true);
    expect(grade(ex, '777', ctx({ isn: 777 })).feedback).toEqual(['That is the seq.']);
  });

  it('draws parameters within their ranges', () => {
    const ex = {
      ...exercise('synack-ack'),
      params: { isn: { int: [5, 9] as [number, number] }, who: { choice: ['client', 'server'] } },
    };
    for (const r of [0, 0.5, 0.999999]) {
      const p = drawParams(ex, () => r);
      expect(p.isn).toBeGreaterThanOrEqual(5);
      expect(p.isn).toBeLessThanOrEqual(9);
      expect(['client', 'server']).toContain(p.who);
    }
  });
});

describe('predict questions', () => {
  const r = simulate(getBuiltinScenario('handshake')!);
  // Index 5 is the server receiving the SYN; what follows is its state change and its SYN,ACK.
  it("takes the answer from the engine's next event", () => {
    expect(predictExpected(r, 5, 'next-state')).toBe('SYN-RECEIVED');
    expect(predictExpected(r, 5, 'next-flags')).toBe('SYN,ACK');
    expect(predictExpected(r, 5, 'next-ack')).toBe('1001');
    expect(predictExpected(r, 5, 'next-seq')).toBe('5000');
  });

  it('grades any reasonable spelling and explains with the real event', () => {
    expect(gradePredict(r, 5, 'next-state', 'syn_recv').correct).toBe(true);
    expect(gradePredict(r, 5, 'next-flags', 'ack+syn').correct).toBe(true);
    const wrong = gradePredict(r, 5, 'next-ack', '1000');
    expect(wrong.correct).toBe(false);
    expect(text(wrong.feedback[0]!, 'en')).toContain('SYN,ACK seq=5000 ack=1001');
  });

  it('offers plausible choices that include the right one', () => {
    for (const ask of ['next-state', 'next-flags', 'next-ack', 'next-seq'] as const) {
      const choices = predictChoices(r, 5, ask);
      expect(choices.length).toBeGreaterThanOrEqual(3);
      expect(choices).toContain(predictExpected(r, 5, ask));
      expect(new Set(choices).size).toBe(choices.length);
    }
  });

  /** Where a run stops before the nth event of a type and side, as a predict point does. */
  const stopBefore = (name: string, type: 'send' | 'state', side: 'client' | 'server', nth: number) => {
    const run = simulate(getBuiltinScenario(name)!);
    let seen = 0;
    const at = run.events.findIndex((e) => e.type === type && e.side === side && ++seen === nth);
    return { run, at: at - 1 };
  };

  it('offers the other states the side could have entered from where it is', () => {
    // three-segment-close: the server's FIN,ACK reaches the client in FIN-WAIT-1 (its 4th change of state).
    const { run, at } = stopBefore('three-segment-close', 'state', 'client', 4);
    expect(predictExpected(run, at, 'next-state')).toBe('TIME-WAIT');
    const choices = predictChoices(run, at, 'next-state');
    // The mistake the page is about, FIN-WAIT-2, and the other way out of FIN-WAIT-1, CLOSING.
    expect(choices).toEqual(expect.arrayContaining(['TIME-WAIT', 'FIN-WAIT-2', 'CLOSING']));
    expect(choices).not.toContain('FIN-WAIT-1');
    expect(choices).toHaveLength(4);
  });

  it('offers the flags a side could send in its state: a closing side ACK, FIN or RST, not SYN', () => {
    // three-segment-close: the server, in CLOSE-WAIT, sends its FIN with the delayed ACK on it.
    const closing = stopBefore('three-segment-close', 'send', 'server', 3);
    expect(predictExpected(closing.run, closing.at, 'next-flags')).toBe('FIN,ACK');
    const choices = predictChoices(closing.run, closing.at, 'next-flags');
    expect(choices).toEqual(expect.arrayContaining(['FIN,ACK', 'ACK', 'FIN']));
    expect(choices.filter((c) => c.includes('SYN'))).toEqual([]);
    // abort: the ESTABLISHED client's RST, beside the FIN,ACK an orderly close would send.
    const abort = stopBefore('abort', 'send', 'client', 4);
    expect(predictExpected(abort.run, abort.at, 'next-flags')).toBe('RST');
    expect(predictChoices(abort.run, abort.at, 'next-flags')).toEqual(
      expect.arrayContaining(['RST', 'FIN,ACK', 'ACK']),
    );
    // During the handshake, the handshake's flags: the server's SYN,ACK beside a SYN.
    expect(predictChoices(r, 5, 'next-flags')).toEqual(expect.arrayContaining(['SYN,ACK', 'SYN', 'ACK']));
  });
});
