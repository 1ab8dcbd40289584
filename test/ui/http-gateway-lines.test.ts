// The gateway model's drawing, without Ink: at the room a model page gives it
// on an 80×24 and a 60×20 terminal, in English, Chinese and 7-bit, every
// step of every condition is drawn within its lines and columns, with nothing
// cut with an ellipsis, and what the moment teaches whole: the step in a
// sentence, the question with its choices, the verdict and why, the status
// the client gets with who generated it, its fields and the reason.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { LocalText } from '../../src/core/i18n/localize.js';
import { CONDITIONS, statusLine } from '../../src/core/models/http-gateway/exchange.js';
import { GATEWAY_TEXT } from '../../src/core/models/http-gateway/phrases.js';
import {
  type GatewayAction,
  type GatewayState,
  gatewayReducer,
  startState,
} from '../../src/core/models/http-gateway/player.js';
import { choicesFor, gradeQuestion, labelsFor, questionText } from '../../src/core/models/http-gateway/questions.js';
import type { UiLine } from '../../src/ui/lines.js';
import { httpGatewayView } from '../../src/ui/models/http-gateway.js';
import type { ModelDrawing, QuestionView } from '../../src/ui/models/view.js';
import { makeLocalizer } from '../../src/ui/screens/lesson-lines.js';
import { playerText } from '../../src/ui/strings.js';
import { makeTheme } from '../../src/ui/theme.js';

const view = httpGatewayView as unknown as {
  lines: (s: GatewayState, o: object) => UiLine[] | ModelDrawing;
  need: (s: GatewayState, o: object) => number;
  info: (s: GatewayState, o: object) => UiLine[];
};

/** The rows a model page gives its model (the frame's 5, Ink's free row, the line in place of the page's text). */
const SIZES = [
  { name: '80×24', width: 79, height: 24 - 1 - 5 - 1 },
  { name: '60×20', width: 59, height: 20 - 1 - 5 - 1 },
];
const LOOKS = [
  { name: 'en', locale: 'en', ascii: false },
  { name: 'zh-CN', locale: 'zh-CN', ascii: false },
  { name: '7-bit', locale: 'en', ascii: true },
];

const lineText = (line: UiLine) => line.map((s) => s.text).join('');
/** Running text with no spaces: a sentence wrapped over lines (in any language) reads whole here. */
const squeeze = (s: string) => s.replace(/\s+/g, '');

const run = (s: GatewayState, ...actions: GatewayAction[]) => actions.reduce(gatewayReducer, s);

function draw(state: GatewayState, size: (typeof SIZES)[number], look: (typeof LOOKS)[number], q: QuestionView | null) {
  const theme = makeTheme({ color: false, ascii: look.ascii });
  const tr = makeLocalizer(look.locale, theme);
  const drawn = view.lines(state, { ...size, theme, question: q, screenReader: false, tr });
  const lines = Array.isArray(drawn) ? drawn : drawn.lines;
  const problems: string[] = [];
  if (lines.length > size.height) problems.push(`${lines.length} lines, more than ${size.height}`);
  for (const line of lines) {
    const t = lineText(line);
    if (stringWidth(t) > size.width) problems.push(`wider than ${size.width}: ${t}`);
    if (t.includes('…') || (look.ascii && t.includes('~ '))) problems.push(`cut: ${t}`);
    if (look.ascii && /[^\x00-\x7f]/.test(t)) problems.push(`not 7-bit: ${t}`);
  }
  const shown = squeeze(lines.map(lineText).join(''));
  // "More than fits here: i shows it all.", in the learner's language.
  const readAll = shown.includes(squeeze(tr(playerText('readTheRest'))));
  return { problems, shown, readAll, tr };
}

/**
 * The question view the shell builds for a question of the model, answered with `choice` or not; `labelled`, its
 * choices named as the learner reads them (the parties in the learner's language).
 */
function questionView(
  state: GatewayState,
  ask: 'status' | 'who',
  tr: (t: LocalText) => string,
  choice?: string,
  labelled = false,
) {
  const choices = choicesFor(state.exchange, ask);
  const labels = labelsFor(state.exchange, ask);
  const shown = labelled ? choices.map((c, i) => (labels[i] ? tr(labels[i]) : c)) : choices;
  const q: QuestionView = { question: tr(questionText(ask)), choices: shown, cursor: 0, hints: [] };
  if (choice === undefined) return q;
  const v = gradeQuestion(state.exchange, ask, choice);
  return {
    ...q,
    cursor: choices.indexOf(choice),
    verdict: {
      correct: v.correct,
      expected: v.expected.map(tr).join(', '),
      feedback: v.feedback.map(tr),
      chosen: choices.indexOf(choice),
      right: choices.flatMap((c, i) => (gradeQuestion(state.exchange, ask, c).correct ? [i] : [])),
    },
  };
}

describe('the gateway drawing', () => {
  for (const size of SIZES)
    for (const look of LOOKS)
      it(`${size.name}, ${look.name}: every step of every condition fits, and says the moment whole`, () => {
        const problems: string[] = [];
        for (const c of CONDITIONS) {
          let s = startState({ conditions: [c], start: c, questions: [] });
          for (let step = -1; step < s.exchange.steps.length; step++) {
            const d = draw(s, size, look, null);
            problems.push(...d.problems.map((p) => `${c} step ${step}: ${p}`));
            const expected =
              step < 0
                ? [GATEWAY_TEXT.howToStart()]
                : step === s.exchange.steps.length - 1
                  ? [
                      GATEWAY_TEXT.gets(statusLine(s.exchange.status), s.exchange.generatedBy),
                      s.exchange.why,
                      ...Object.entries(s.exchange.headers).map(([n, v]) => GATEWAY_TEXT.field(n, v)),
                    ]
                  : [GATEWAY_TEXT.step(s.exchange.steps[step]!)];
            for (const t of expected)
              if (!d.shown.includes(squeeze(d.tr(t))))
                problems.push(`${c} step ${step}: "${d.tr(t)}" is not shown whole`);
            s = run(s, { type: 'step', delta: 1 });
          }
        }
        expect(problems).toEqual([]);
      });

  for (const size of SIZES)
    for (const look of LOOKS)
      it(`${size.name}, ${look.name}: a question, then its verdict and why, whole or left to i`, () => {
        const problems: string[] = [];
        for (const c of CONDITIONS)
          for (const ask of ['status', 'who'] as const) {
            const s = run(
              startState({ conditions: [c], start: c, questions: [{ id: 'q', condition: c, ask, hints: [] }] }),
              { type: 'end' },
            );
            const theme = makeTheme({ color: false, ascii: look.ascii });
            const tr = makeLocalizer(look.locale, theme);
            const asked = draw(s, size, look, questionView(s, ask, tr));
            problems.push(...asked.problems.map((p) => `${c} ${ask}: ${p}`));
            for (const t of [tr(questionText(ask)), ...choicesFor(s.exchange, ask)])
              if (!asked.shown.includes(squeeze(t))) problems.push(`${c} ${ask}: "${t}" is not shown`);
            // The code is not on screen before it is answered.
            if (ask === 'status' && !look.ascii) {
              const diagram = asked.shown.slice(0, asked.shown.indexOf(squeeze(tr(questionText(ask)))));
              if (diagram.includes(String(s.exchange.status))) problems.push(`${c}: the code shows before the answer`);
            }
            for (const choice of choicesFor(s.exchange, ask)) {
              const q = questionView(s, ask, tr, choice);
              const d = draw(s, size, look, q);
              problems.push(...d.problems.map((p) => `${c} ${ask} ${choice}: ${p}`));
              if (d.readAll) continue;
              for (const f of q.verdict!.feedback)
                if (!d.shown.includes(squeeze(f))) problems.push(`${c} ${ask} ${choice}: "${f}" is not shown whole`);
            }
          }
        expect(problems).toEqual([]);
      });

  /** Each condition's question of each kind, answered with each choice, right and wrong. */
  function* answered(locale: string) {
    const theme = makeTheme({ color: false, ascii: false });
    const tr = makeLocalizer(locale, theme);
    for (const c of CONDITIONS)
      for (const ask of ['status', 'who'] as const) {
        const s = run(
          startState({ conditions: [c], start: c, questions: [{ id: 'q', condition: c, ask, hints: [] }] }),
          { type: 'end' },
        );
        for (const choice of choicesFor(s.exchange, ask))
          yield { state: s, question: questionView(s, ask, tr, choice, true), where: `${c} ${ask} ${choice}` };
      }
  }

  for (const size of SIZES)
    for (const look of LOOKS.filter((l) => !l.ascii))
      it(`${size.name}, ${look.name}: an answered question's verdict and why are whole, never left to i`, () => {
        const problems: string[] = [];
        let wrong = 0;
        for (const { state, question, where } of answered(look.locale)) {
          const v = question.verdict!;
          if (!v.correct) wrong++;
          const d = draw(state, size, look, question);
          problems.push(...d.problems.map((p) => `${where}: ${p}`));
          if (d.readAll) problems.push(`${where}: left to i`);
          for (const t of [v.expected, ...v.feedback])
            if (!d.shown.includes(squeeze(t))) problems.push(`${where}: "${t}" is not shown whole`);
        }
        expect(problems).toEqual([]);
        expect(wrong).toBeGreaterThan(CONDITIONS.length);
      });

  it('wraps a verdict wider than its columns (the answer named in full), never running past them', () => {
    // 40 columns: "✗ The model's answer: 503 Service Unavailable" takes 45.
    const narrow = { name: '40×30', width: 40, height: 30 };
    for (const look of LOOKS) {
      const problems: string[] = [];
      for (const { state, question, where } of answered(look.locale)) {
        const d = draw(state, narrow, look, question);
        problems.push(...d.problems.map((p) => `${where}: ${p}`));
        if (!d.shown.includes(squeeze(question.verdict!.expected))) problems.push(`${where}: the answer is cut`);
      }
      expect(problems, look.name).toEqual([]);
    }
  });

  it('where the verdict and the why alone take more rows than there are, the why keeps the rows there are', () => {
    const tiny = { name: '59×6', width: 59, height: 6 };
    for (const look of LOOKS.filter((l) => !l.ascii))
      for (const { state, question, where } of answered(look.locale)) {
        const d = draw(state, tiny, look, question);
        const why = squeeze(question.verdict!.feedback.join(''));
        expect(d.problems, where).toEqual([]);
        expect(d.shown, where).toContain(squeeze(question.verdict!.expected));
        // The why's first words at least: the rest of the question gave way before it.
        expect(d.shown, where).toContain(why.slice(0, 12));
        if (!d.shown.includes(why)) expect(d.readAll, where).toBe(true);
      }
  });

  it('tells a screen reader the steps in sentences, not a drawing', () => {
    const theme = makeTheme({ color: false, ascii: false });
    const tr = makeLocalizer('en', theme);
    const s = run(startState({ conditions: ['slow'], start: 'slow', questions: [] }), { type: 'end' });
    const drawn = view.lines(s, { width: 79, height: 17, theme, question: null, screenReader: true, tr });
    const out = (Array.isArray(drawn) ? drawn : drawn.lines).map(lineText).join('\n');
    expect(out).not.toMatch(/[│┬►◄]/);
    expect(out).toContain('1020 ms: at the gateway: timeout 1000 ms');
    expect(out).toContain('1040 ms: 504 Gateway Timeout reaches the client');
  });

  it('needs the rows of its text and a few of the diagram; i shows the steps so far and the outcome', () => {
    const theme = makeTheme({ color: false, ascii: false });
    const tr = makeLocalizer('en', theme);
    const s = run(startState({ conditions: ['needs-login'], start: 'needs-login', questions: [] }), { type: 'end' });
    const o = { width: 79, theme, question: null, screenReader: false, tr };
    // Head (2), 7 rows of diagram, a blank, the outcome: the gets line, the field, the why (3 rows).
    expect(view.need(s, o)).toBe(2 + 7 + 1 + 5);
    const info = view.info(s, o).map(lineText).join('\n');
    expect(info).toContain('25 ms: GET /account HTTP/1.1 reaches the upstream');
    expect(info).toContain('WWW-Authenticate: Basic realm="account"');
  });
});
