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
import { choicesFor, gradeQuestion, questionText } from '../../src/core/models/http-gateway/questions.js';
import type { UiLine } from '../../src/ui/lines.js';
import { httpGatewayView } from '../../src/ui/models/http-gateway.js';
import type { ModelDrawing, QuestionView } from '../../src/ui/models/view.js';
import { makeLocalizer } from '../../src/ui/screens/lesson-lines.js';
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
  const readAll = shown.includes(squeeze('More than fits here: i shows it all.'));
  return { problems, shown, readAll, tr };
}

/** The question view the shell builds for a question of the model, answered with `choice` or not. */
function questionView(state: GatewayState, ask: 'status' | 'who', tr: (t: LocalText) => string, choice?: string) {
  const choices = choicesFor(state.exchange, ask);
  const q: QuestionView = { question: tr(questionText(ask)), choices, cursor: 0, hints: [] };
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
