// Once a model's question is answered, the choices on screen are all of them
// or only the marked ones (chosen, right): the unmarked ones give way
// together, so a short screen never shows a part of the list, which would
// read as if it were the whole; the marked ones give way only for the why,
// after the question and its hints. Every view that draws its questions with
// questionSections, every answered state reachable on the built-in pages
// (their keys and ticks, each choice answered, with no hint and with every
// hint), in the rows a model gets at 80×24 and 60×20, English and Chinese.
import { describe, expect, it } from 'vitest';
import type { LocalText } from '../../src/core/i18n/localize.js';
import type { AnyModelKind } from '../../src/core/models/kind.js';
import { findKind } from '../../src/core/models/registry.js';
import { loadLessons } from '../../src/node/lesson-files.js';
import type { UiLine } from '../../src/ui/lines.js';
import { questionSections } from '../../src/ui/models/question-lines.js';
import { viewFor } from '../../src/ui/models/registry.js';
import type { QuestionView } from '../../src/ui/models/view.js';
import { makeLocalizer } from '../../src/ui/screens/lesson-lines.js';
import { makeTheme } from '../../src/ui/theme.js';

const { lessons } = loadLessons({ builtinDir: 'lessons' });

/** The rows a model page gives its model (the frame's 5, Ink's free row, the line in place of the page's text). */
const SIZES = [
  { name: '80×24', width: 79, height: 17 },
  { name: '60×20', width: 59, height: 13 },
];

const lineText = (line: UiLine) => line.map((s) => s.text).join('');

type Walkable = AnyModelKind & {
  start: (settings: unknown, ctx: object) => unknown;
  reduce: (state: unknown, action: unknown) => unknown;
  answer: (
    state: unknown,
    choice: string,
  ) => { state: unknown; verdict: { correct: boolean } & Record<string, unknown> };
};

/** The states a page's model reaches by its keys and ticks where a question waits for its answer (a bounded walk). */
function asked(kindName: string, settings: unknown, seed: number) {
  const kind = findKind(kindName) as Walkable;
  const view = viewFor(kindName)!;
  const actions = [kind.tick, ...view.bindings.map((b) => b.action).filter((a) => a && typeof a !== 'function')];
  const seen = new Set<string>();
  const found: unknown[] = [];
  const asks = new Set<string>();
  let frontier = [kind.start(settings, { seed })];
  for (let depth = 0; depth < 12 && frontier.length > 0 && seen.size < 400; depth++) {
    const next: unknown[] = [];
    for (const state of frontier) {
      const key = JSON.stringify(state);
      if (seen.has(key)) continue;
      seen.add(key);
      const q = kind.question(state);
      if (q && !q.answered) {
        const id = `${q.id} ${JSON.stringify(q.choices)}`;
        if (!asks.has(id)) {
          asks.add(id);
          found.push(state);
        }
        next.push(kind.answer(state, q.choices[0]!).state);
        continue;
      }
      for (const a of actions) next.push(kind.reduce(state, a));
    }
    frontier = next;
  }
  return { kind, view, found };
}

const VIEWS = ['http-ua-cache', 'http-proxy', 'http-gateway', 'http-multipart', 'http-versions'];

describe('an answered question shows all its choices or only the marked ones', () => {
  for (const kindName of VIEWS)
    for (const locale of ['en', 'zh-CN'])
      it(`${kindName}, ${locale}`, () => {
        const theme = makeTheme({ color: false, ascii: false });
        const tr = makeLocalizer(locale, theme);
        const problems: string[] = [];
        let answers = 0;
        for (const lesson of lessons)
          for (const page of lesson.pages) {
            if (page.model?.kind !== kindName) continue;
            const { kind, view, found } = asked(kindName, page.model.settings, 7);
            for (const state of found) {
              const q = kind.question(state)!;
              const choices = q.choices.map((c, i) => (q.labels?.[i] === undefined ? c : tr(q.labels[i]!)));
              const right = q.choices.flatMap((c, i) => (kind.answer(state, c).verdict.correct ? [i] : []));
              q.choices.forEach((choice, chosen) => {
                const { state: after, verdict } = kind.answer(state, choice);
                for (const hints of [0, q.hints.length]) {
                  const question: QuestionView = {
                    question: tr(q.question),
                    choices,
                    cursor: chosen,
                    hints: q.hints.slice(0, hints).map((h) => tr(h)),
                    verdict: {
                      correct: verdict.correct,
                      expected: (verdict.expected as LocalText[]).map((e) => tr(e)).join(', '),
                      feedback: (verdict.feedback as LocalText[]).map((f) => tr(f)),
                      chosen,
                      right,
                    },
                  };
                  for (const size of SIZES) {
                    answers++;
                    const drawn = view.lines(after, { ...size, theme, question, screenReader: false, tr, locale });
                    const lines = (Array.isArray(drawn) ? drawn : drawn.lines).map(lineText);
                    // Each choice's lines as questionSections draws them (the question, then a section per choice): a
                    // choice shown is its lines, all of them, one after another (a choice gives way whole or not).
                    const sections = questionSections(question, size.width, theme, tr);
                    const blocks = sections.slice(1, 1 + choices.length).map((c) => c.lines.map(lineText));
                    const shown = blocks.map((block) =>
                      lines.some((_, at) => block.every((l, k) => lines[at + k] === l)),
                    );
                    const marked = choices.map((_, i) => i === chosen || right.includes(i));
                    const all = shown.every(Boolean);
                    const onlyMarked = shown.every((s, i) => s === marked[i]);
                    // None: the versions model leaves every choice out once answered (the verdict names the right
                    // one); elsewhere only for the why, where the question and its hints have given way already.
                    const asks = sections[0]!.lines.map(lineText);
                    const hintLines = hints > 0 ? (sections[1 + choices.length]?.lines ?? []).map(lineText) : [];
                    const hinted = hintLines.some((h) => lines.includes(h));
                    const none =
                      shown.every((s) => !s) &&
                      (kindName === 'http-versions' || (!lines.includes(asks[0]!) && !hinted));
                    if (!all && !onlyMarked && !none)
                      problems.push(
                        `${lesson.id}/${page.id} ${q.id} chose ${chosen} hints ${hints} ${size.name}: shown ${shown
                          .map((s, i) => (s ? i : '-'))
                          .join(',')} of ${choices.length}, marked ${right} and ${chosen}\n${lines.join('\n')}`,
                      );
                  }
                }
              });
            }
          }
        expect(problems.slice(0, 3)).toEqual([]);
        expect(answers).toBeGreaterThan(0);
      });
});
