// A question a model asks, drawn the same in every model's view: the
// question, its choices (a choice that wraps hangs its further lines two
// columns in), the hints asked for, and once answered the verdict and why,
// each a section ranked by what gives way first (see sections.ts): the
// choices neither chosen nor right first (all of them together), then (for
// a view whose own drawing needs the rows) the question, the hints and the
// marked choices (together); the verdict never, and the why last of all.
import { verdictText } from '../../core/answers/verdict.js';
import type { LocalText } from '../../core/i18n/localize.js';
import { lineText, wrapSpans } from '../../core/layout/prose.js';
import { displayWidth } from '../../core/layout/width.js';
import { ui } from '../strings.js';
import type { Theme } from '../theme.js';
import { type UiLine, type UiSpan, plain } from '../ui-line.js';
import { type Section, TEACHING } from './sections.js';
import type { QuestionView } from './view.js';

type Tr = (t: LocalText) => string;

/** The rank of an answered question's why: everything else of the question gives way before it. */
export const WHY = TEACHING + 1;
/** The rank of an answered question's marked choices (chosen, right), where they may give way: just below the why. */
const MARKED = TEACHING + 0.5;

function wrap(text: string, width: number, first = '', rest = ''): string[] {
  return wrapSpans([{ text, style: 'plain' }], width, first, rest).map(lineText);
}

/**
 * Each choice as a section of its own: once answered, the choices neither chosen nor right are the first thing to give
 * way when rows are short (drop 0), all of them together, so the verdict and the why keep their room and what is left
 * is the marked ones, never a part of the list; with `answeredGivesWay`, the marked ones too (together), but only after
 * the question and the hints, for the why.
 */
function choiceSections(
  predict: QuestionView,
  width: number,
  theme: Theme,
  tr: Tr,
  answeredGivesWay = false,
): Section[] {
  const g = theme.glyphs;
  const t = theme.text;
  const v = predict.verdict;
  return predict.choices.map((choice, i) => {
    const here = i === predict.cursor && !v;
    const chosen = v !== undefined && i === (v.chosen ?? predict.cursor);
    const right = v?.right?.includes(i) ?? false;
    const mark: UiSpan[] = !v
      ? []
      : chosen
        ? [
            right
              ? { text: `  ${g.ok} ${tr(ui('optionRight'))}`, color: theme.colors.ok, bold: true }
              : { text: `  ${g.wrong} ${tr(ui('optionWrong'))}`, color: theme.colors.error, bold: true },
          ]
        : right
          ? [{ text: `  ${g.ok} ${tr(ui('optionRightNotChosen'))}`, color: theme.colors.ok }]
          : [];
    const style = { bold: here || chosen, color: here ? theme.colors.accent : undefined };
    const lead = t(`${here ? g.pointer : ' '} `);
    const spans: UiLine = [{ text: `${lead}${t(choice)}`, ...style }, ...mark];
    // Once answered, the choices left unmarked give way first, all of them together: a part of the list would read as
    // if it were the whole. The marked ones stay, after the question and the hints have given way; only for the why
    // do they give way too (together), where the verdict may stand alone.
    const unmarked = mark.length === 0;
    const drop = v ? (unmarked ? 0 : answeredGivesWay ? MARKED : undefined) : undefined;
    const together = v ? (unmarked ? 'unmarked choices' : 'marked choices') : undefined;
    // A choice is a value (a number, flags, a state): it fits; should one not (a list of fields), it wraps, its mark
    // after; its further lines hang two columns in, so that they do not read as choices of their own.
    if (spans.reduce((w, s) => w + displayWidth(s.text), 0) <= width) return { lines: [spans], drop, together };
    const hang = ' '.repeat(displayWidth(lead) + 2);
    const lines = wrap(t(choice), width, lead, hang).map((l) => plain(l, style));
    const marked = mark.map((m) => ({ ...m, text: m.text.trimStart() }));
    if (marked.length > 0) lines.push([{ text: hang }, ...marked]);
    return { lines, drop, together };
  });
}

/**
 * A predict question (or any question a model asks): the question, its choices, the hints asked for, and once
 * answered the verdict and why. Every model's view draws its questions with it. `answeredGivesWay`: once
 * answered, the marked choices and then the question may give way too, for a view whose own drawing needs the rows
 * (the verdict names the right value; the why explains it).
 */
export function questionSections(
  predict: QuestionView,
  width: number,
  theme: Theme,
  tr: Tr,
  answeredGivesWay = false,
): Section[] {
  const g = theme.glyphs;
  const t = theme.text;
  const sections: Section[] = [
    {
      lines: wrap(t(predict.question), width, '? ', '  ').map((l) =>
        plain(l, { bold: true, color: theme.colors.accent }),
      ),
      // Answered, the question may give way after its choices: the verdict and the why are what is read now.
      drop: predict.verdict && answeredGivesWay ? 2 : undefined,
    },
    ...choiceSections(predict, width, theme, tr, answeredGivesWay),
  ];
  const hints: UiLine[] = [];
  predict.hints.forEach((hint, i) => {
    const lead = tr(ui('hintLead', i + 1));
    for (const line of wrap(t(hint), width, lead, ' '.repeat(displayWidth(lead))))
      hints.push(plain(line, { dim: true }));
  });
  if (hints.length > 0) sections.push({ lines: hints, drop: TEACHING });
  const v = predict.verdict;
  if (v) {
    const [glyph, text, color] = v.correct
      ? [g.ok, tr(verdictText('predictRight', v.expected)), theme.colors.ok]
      : [g.wrong, tr(verdictText('predictWrong', v.expected)), theme.colors.error];
    // The verdict names the right value, which may be long (a boundary): it wraps, never cut.
    sections.push({
      lines: wrap(t(text), width, `${glyph} `, ' '.repeat(displayWidth(glyph) + 1)).map((l) =>
        plain(l, { bold: true, color }),
      ),
    });
    const why = v.feedback.flatMap((f) => wrap(t(f), width, '  ', '  ').map((l) => plain(l)));
    if (why.length > 0) sections.push({ lines: why, drop: WHY });
  }
  return sections;
}
