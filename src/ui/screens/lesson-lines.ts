// The body of a lesson page as styled lines: prose, then the exercise with
// its hints, solution and verdict. Pure given its inputs.
import { displayWidth } from '../../core/layout/width.js';
import { verdictText } from '../../core/answers/verdict.js';
import { type OptionReview, reviewChoices } from '../../core/grading/grade.js';
import { type Span, inlineSpans, layoutProse, wrapSpans } from '../../core/layout/prose.js';
import type { Exercise, Lesson, Page } from '../../core/lessons/types.js';
import type { LocalText } from '../../core/i18n/localize.js';
import type { Attempt } from '../../core/tutor/machine.js';
import { type UiLine, type UiSpan, fromProse, plain } from '../ui-line.js';
import { ui } from '../strings.js';
import type { Theme } from '../theme.js';
import { makeLocalizer } from './localizer.js';

export { makeLocalizer } from './localizer.js';
export { windowLines } from './list-window.js';

export interface BodyLayout {
  lines: UiLine[];
  /** The line that must stay visible (the highlighted option), if any. */
  focus?: number;
  /** The verdict's first line, where the view starts right after an answer. */
  verdictAt?: number;
}

function prose(t: string, width: number, theme: Theme, indent = ''): UiLine[] {
  return fromProse(layoutProse(theme.text(t), width - indent.length, theme.glyphs.ellipsis), theme, indent);
}

function optionLines(
  exercise: Exercise,
  attempt: Attempt,
  width: number,
  theme: Theme,
  tr: (t: LocalText) => string,
  review?: OptionReview[],
) {
  const reviews = review ? new Map(review.map((r) => [r.id, r])) : undefined;
  const lines: UiLine[] = [];
  let focus: number | undefined;
  const g = theme.glyphs;
  const active = !attempt.verdict;
  const rows: Array<{ mark: string; label: string; grabbed: boolean; verdict?: UiSpan }> =
    exercise.type === 'ordering'
      ? attempt.order.map((id, i) => {
          const item = exercise.items.find((it) => it.id === id);
          const grabbed = attempt.grabbed && i === attempt.cursor;
          return {
            mark: `${String(i + 1).padStart(2)}. ${grabbed ? g.grab : ' '}`,
            label: tr(item?.text ?? id),
            grabbed,
          };
        })
      : exercise.type === 'short'
        ? []
        : exercise.options.map((option) => {
            const on = attempt.marked.includes(option.id);
            const mark = exercise.type === 'single' ? (on ? g.radioOn : g.radioOff) : on ? g.checked : g.unchecked;
            return {
              mark,
              label: tr(option.text),
              grabbed: false,
              verdict: verdictMark(reviews?.get(option.id), theme, tr),
            };
          });
  rows.forEach((row, i) => {
    const here = active && i === attempt.cursor;
    if (here) focus = lines.length;
    const prefix = `${here ? g.pointer : ' '} ${row.mark} `;
    const verdict = row.verdict;
    const suffix = verdict ? displayWidth(verdict.text) : 0;
    const wrapped = layoutProse(row.label, Math.max(10, width - prefix.length - suffix), g.ellipsis);
    wrapped.forEach((l, j) => {
      const head = j === 0 ? prefix : ' '.repeat(prefix.length);
      const textSpans = l.map((s) => ({
        text: s.text,
        bold: here || row.grabbed,
        color: here ? theme.colors.accent : undefined,
        inverse: row.grabbed,
      }));
      const tail = verdict && j === wrapped.length - 1 ? [verdict] : [];
      lines.push([{ text: head, color: here ? theme.colors.accent : undefined, bold: here }, ...textSpans, ...tail]);
    });
  });
  return { lines, focus };
}

/** The options of an answered choice question, as much as may be shown (see reviewChoices). */
function choiceReview(exercise: Exercise, attempt: Attempt): OptionReview[] | undefined {
  if (!attempt.verdict || (exercise.type !== 'single' && exercise.type !== 'multiple')) return undefined;
  return reviewChoices(exercise, attempt.marked, attempt.verdict.correct || attempt.solutionShown);
}

/** After an answer, beside an option: whether it was right, in a mark and a word. */
function verdictMark(review: OptionReview | undefined, theme: Theme, tr: (t: LocalText) => string): UiSpan | undefined {
  if (!review || review.right === undefined) return undefined;
  const g = theme.glyphs;
  if (review.chosen)
    return review.right
      ? { text: `  ${g.ok} ${tr(ui('optionRight'))}`, color: theme.colors.ok, bold: true }
      : { text: `  ${g.wrong} ${tr(ui('optionWrong'))}`, color: theme.colors.error, bold: true };
  return review.right ? { text: `  ${g.ok} ${tr(ui('optionRightNotChosen'))}`, color: theme.colors.ok } : undefined;
}

/** The why of each option that may be shown, each under its mark and text. */
function whyLines(review: OptionReview[], width: number, theme: Theme, tr: (t: LocalText) => string): UiLine[] {
  const lines: UiLine[] = [];
  for (const option of review) {
    if (option.why === undefined || option.right === undefined) continue;
    const mark = `  ${option.right ? theme.glyphs.ok : theme.glyphs.wrong} `;
    const spans: Span[] = [
      { text: tr(option.text), style: 'strong' },
      { text: theme.text(' — '), style: 'plain' },
      ...inlineSpans(tr(option.why)),
    ];
    const wrapped = fromProse(wrapSpans(spans, width, mark, ' '.repeat(displayWidth(mark))), theme);
    const first = wrapped[0]?.[0];
    if (first) first.color = option.right ? theme.colors.ok : theme.colors.error;
    lines.push(...wrapped);
  }
  return lines;
}

function exerciseLines(
  _lesson: Lesson,
  exercise: Exercise,
  attempt: Attempt,
  width: number,
  theme: Theme,
  locale: string,
): BodyLayout {
  const tr = makeLocalizer(locale, theme, attempt.params);
  const g = theme.glyphs;
  const lines: UiLine[] = [];
  lines.push(...prose(tr(exercise.prompt), width, theme));
  const dim = (l: UiLine[]) => l.map((line) => line.map((span) => ({ ...span, dim: true })));
  if (exercise.type === 'multiple' && !attempt.verdict) lines.push(...dim(prose(tr(ui('markEvery')), width, theme)));
  if (exercise.type === 'ordering' && !attempt.verdict)
    lines.push(...dim(prose(tr(ui('orderingHow', `${g.up}/${g.down}`)), width, theme)));
  lines.push([]);
  const review = choiceReview(exercise, attempt);
  const options = optionLines(exercise, attempt, width, theme, tr, review);
  const focusBase = lines.length;
  lines.push(...options.lines);
  let focus = options.focus === undefined ? undefined : focusBase + options.focus;
  if (exercise.type === 'short') {
    const cursor = attempt.typing ? [{ text: ' ', inverse: true }] : [];
    const field = attempt.input === '' && !attempt.typing ? tr(ui('pressEnterToType')) : attempt.input;
    focus = lines.length;
    lines.push([
      { text: tr(ui('yourAnswer')), bold: true },
      { text: field, color: theme.colors.accent, dim: attempt.input === '' && !attempt.typing },
      ...cursor,
    ]);
  }
  for (let i = 0; i < attempt.hintsShown && i < exercise.hints.length; i++) {
    lines.push([]);
    lines.push(...prose(tr(ui('hintOf', i + 1, exercise.hints.length, tr(exercise.hints[i]!))), width, theme));
  }
  if (attempt.solutionShown && attempt.solution !== undefined) {
    lines.push([]);
    lines.push(plain(tr(ui('solution')), { bold: true, color: theme.colors.warn }));
    for (const part of attempt.solution) lines.push(...prose(tr(part), width, theme, '  '));
  }
  let verdictAt: number | undefined;
  if (attempt.verdict) {
    const v = attempt.verdict;
    lines.push([]);
    verdictAt = lines.length;
    lines.push(
      v.correct
        ? [{ text: `${g.ok} ${tr(verdictText('correct'))}`, bold: true, color: theme.colors.ok }]
        : [{ text: `${g.wrong} ${tr(verdictText('notQuite'))}`, bold: true, color: theme.colors.error }],
    );
    if (!v.correct && v.firstWrongPosition !== undefined)
      lines.push(plain(tr(verdictText('firstOutOfPlace', v.firstWrongPosition + 1))));
    if (v.correct && exercise.type === 'short')
      lines.push(...dim(prose(tr(verdictText('expected', v.expected.map(tr).join(', '))), width, theme)));
    if (review) {
      lines.push(...whyLines(review, width, theme, tr));
      // What grading adds beyond the options' whys (how many right ones are not marked).
      for (const f of v.feedback.filter((f) => !isOptionWhy(exercise, f)))
        lines.push(...prose(tr(f), width, theme, '  '));
    } else for (const f of v.feedback) lines.push(...prose(tr(f), width, theme, '  '));
    if (exercise.explanation) {
      lines.push([]);
      lines.push(...prose(tr(exercise.explanation), width, theme));
    }
    // No focus: the view starts at the verdict (see SCROLL_TO_VERDICT) and the learner scrolls from there.
    focus = undefined;
  }
  return { lines, focus, verdictAt };
}

function isOptionWhy(exercise: Exercise, f: LocalText): boolean {
  return 'options' in exercise && exercise.options.some((o) => o.why === f);
}

export function pageLines(
  lesson: Lesson,
  page: Page,
  attempt: Attempt | null,
  width: number,
  theme: Theme,
  locale: string,
): BodyLayout {
  const tr = makeLocalizer(locale, theme, attempt?.params ?? {});
  const lines: UiLine[] = [];
  if (page.title)
    lines.push(
      ...prose(tr(page.title), width, theme).map((line) =>
        line.map((span) => ({ ...span, bold: true, underline: true })),
      ),
    );
  if (page.title) lines.push([]);
  if (page.text) lines.push(...prose(tr(page.text), width, theme));
  if (page.exercise && attempt) {
    // One blank row between the page's words and the question (a title alone has one already).
    if (lines.length > 0 && lines.at(-1)!.length > 0) lines.push([]);
    const ex = exerciseLines(lesson, page.exercise, attempt, width, theme, locale);
    const base = lines.length;
    lines.push(...ex.lines);
    // A review page says where its question comes from once it is answered (before, it would be a clue).
    if (attempt.verdict) lines.push(...reviewOriginLines(page, width, theme, locale));
    return {
      lines,
      focus: ex.focus === undefined ? undefined : base + ex.focus,
      verdictAt: ex.verdictAt === undefined ? undefined : base + ex.verdictAt,
    };
  }
  return { lines };
}

/** On a review page: the lesson and page the question comes from, to go over it again (none elsewhere). */
export function reviewOriginLines(page: Page, width: number, theme: Theme, locale: string): UiLine[] {
  const origin = page.review?.origin;
  if (!origin) return [];
  const tr = makeLocalizer(locale, theme);
  const from = tr(ui('reviewFrom', tr(origin.lessonTitle), origin.pageTitle ? tr(origin.pageTitle) : undefined));
  return [[], ...prose(from, width, theme).map((line) => line.map((span) => ({ ...span, dim: true })))];
}
