// The body of a lesson page as styled lines: prose, then the exercise with
// its hints, solution and verdict. Pure given its inputs.
import { layoutProse } from '../../core/layout/prose.js';
import type { Exercise, Lesson, LocalText, Page } from '../../core/lessons/types.js';
import { interpolate, text as localize } from '../../core/lessons/localize.js';
import type { Attempt } from '../../core/tutor/machine.js';
import { type UiLine, fromProse, plain } from '../lines.js';
import type { Theme } from '../theme.js';

export interface BodyLayout {
  lines: UiLine[];
  /** The line that must stay visible (the highlighted option), if any. */
  focus?: number;
}

export function makeLocalizer(locale: string, params: Record<string, string | number> = {}) {
  return (t: LocalText | undefined): string => (t === undefined ? '' : interpolate(localize(t, locale), params));
}

function prose(t: string, width: number, theme: Theme, indent = ''): UiLine[] {
  return fromProse(layoutProse(t, width - indent.length, theme.glyphs.ellipsis), theme, indent);
}

function optionLines(exercise: Exercise, attempt: Attempt, width: number, theme: Theme, tr: (t: LocalText) => string) {
  const lines: UiLine[] = [];
  let focus: number | undefined;
  const g = theme.glyphs;
  const active = !attempt.verdict;
  const rows =
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
            return { mark, label: tr(option.text), grabbed: false };
          });
  rows.forEach((row, i) => {
    const here = active && i === attempt.cursor;
    if (here) focus = lines.length;
    const prefix = `${here ? g.pointer : ' '} ${row.mark} `;
    const wrapped = layoutProse(row.label, Math.max(10, width - prefix.length), g.ellipsis);
    wrapped.forEach((l, j) => {
      const head = j === 0 ? prefix : ' '.repeat(prefix.length);
      const textSpans = l.map((s) => ({
        text: s.text,
        bold: here || row.grabbed,
        color: here ? theme.colors.accent : undefined,
        inverse: row.grabbed,
      }));
      lines.push([{ text: head, color: here ? theme.colors.accent : undefined, bold: here }, ...textSpans]);
    });
  });
  return { lines, focus };
}

export function exerciseLines(
  _lesson: Lesson,
  exercise: Exercise,
  attempt: Attempt,
  width: number,
  theme: Theme,
  locale: string,
): BodyLayout {
  const tr = makeLocalizer(locale, attempt.params);
  const g = theme.glyphs;
  const lines: UiLine[] = [];
  lines.push(...prose(tr(exercise.prompt), width, theme));
  if (exercise.type === 'multiple' && !attempt.verdict) lines.push(plain('(mark every right answer)', { dim: true }));
  if (exercise.type === 'ordering' && !attempt.verdict)
    lines.push(plain(`(Space picks an item up; move it with ${g.up}/${g.down}; Space puts it down)`, { dim: true }));
  lines.push([]);
  const options = optionLines(exercise, attempt, width, theme, tr);
  const focusBase = lines.length;
  lines.push(...options.lines);
  let focus = options.focus === undefined ? undefined : focusBase + options.focus;
  if (exercise.type === 'short') {
    const cursor = attempt.typing ? [{ text: ' ', inverse: true }] : [];
    const field = attempt.input === '' && !attempt.typing ? '(press Enter to type)' : attempt.input;
    focus = lines.length;
    lines.push([
      { text: 'Your answer: ', bold: true },
      { text: field, color: theme.colors.accent, dim: attempt.input === '' && !attempt.typing },
      ...cursor,
    ]);
  }
  for (let i = 0; i < attempt.hintsShown && i < exercise.hints.length; i++) {
    lines.push([]);
    lines.push(...prose(`Hint ${i + 1}/${exercise.hints.length}: ${tr(exercise.hints[i]!)}`, width, theme));
  }
  if (attempt.solutionShown && attempt.solution !== undefined) {
    lines.push([]);
    lines.push(plain('Solution:', { bold: true, color: theme.colors.warn }));
    for (const part of attempt.solution) lines.push(...prose(tr(part), width, theme, '  '));
  }
  if (attempt.verdict) {
    const v = attempt.verdict;
    lines.push([]);
    lines.push(
      v.correct
        ? [{ text: `${g.ok} Correct.`, bold: true, color: theme.colors.ok }]
        : [{ text: `${g.wrong} Not quite.`, bold: true, color: theme.colors.error }],
    );
    if (!v.correct && v.firstWrongPosition !== undefined)
      lines.push(plain(`The first item out of place is number ${v.firstWrongPosition + 1}.`));
    if (v.correct && exercise.type === 'short')
      lines.push(plain(`Expected: ${v.expected.map(tr).join(', ')}`, { dim: true }));
    for (const f of v.feedback) lines.push(...prose(tr(f), width, theme, '  '));
    if (exercise.explanation) {
      lines.push([]);
      lines.push(...prose(tr(exercise.explanation), width, theme));
    }
    focus = lines.length - 1;
  }
  return { lines, focus };
}

export function pageLines(
  lesson: Lesson,
  page: Page,
  attempt: Attempt | null,
  width: number,
  theme: Theme,
  locale: string,
): BodyLayout {
  const tr = makeLocalizer(locale, attempt?.params ?? {});
  const lines: UiLine[] = [];
  if (page.title) lines.push(plain(tr(page.title), { bold: true, underline: true }));
  if (page.title) lines.push([]);
  if (page.text) lines.push(...prose(tr(page.text), width, theme));
  if (page.exercise && attempt) {
    if (lines.length > 0) lines.push([]);
    const ex = exerciseLines(lesson, page.exercise, attempt, width, theme, locale);
    const base = lines.length;
    lines.push(...ex.lines);
    return { lines, focus: ex.focus === undefined ? undefined : base + ex.focus };
  }
  return { lines };
}

/** The slice of `lines` shown in `height` rows, keeping `focus` in view when given. */
export function windowLines(
  lines: UiLine[],
  height: number,
  scroll: number,
  focus?: number,
): { visible: UiLine[]; top: number; more: { above: boolean; below: boolean } } {
  if (lines.length <= height) return { visible: lines, top: 0, more: { above: false, below: false } };
  let top = Math.min(scroll, lines.length - height);
  if (focus !== undefined) {
    if (focus < top) top = focus;
    if (focus >= top + height) top = focus - height + 1;
  }
  top = Math.max(0, Math.min(top, lines.length - height));
  return {
    visible: lines.slice(top, top + height),
    top,
    more: { above: top > 0, below: top + height < lines.length },
  };
}
