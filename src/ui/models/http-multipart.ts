// The multipart model's view: the form, the request's Content-Type, and the
// exact bytes of the body — each line numbered, CR and LF made visible, the
// delimiters (with the CRLF before each, which is theirs) marked and each
// part labelled — then what a receiver makes of it and the question asked.
// While a question waits for its answer the body is drawn plain: marking the
// delimiters would give the answer away.
import { displayWidth } from '../../core/layout/width.js';
import type { LocalText } from '../../core/i18n/localize.js';
import { lineText, wrapSpans } from '../../core/layout/prose.js';
import { formParts } from '../../core/models/http-multipart/form.js';
import { type MultipartAction, type MultipartState, receiverReads } from '../../core/models/http-multipart/model.js';
import {
  bytesOf,
  byteString,
  escapeBytes,
  escapeUnits,
  type SegmentKind,
  segmentsOf,
} from '../../core/models/http-multipart/multipart.js';
import { multipartText as say, parseProblemText, sayWith } from '../../core/models/http-multipart/phrases.js';
import { type Binding, c, INFO, k, summary } from '../keymap.js';
import { plain, type UiLine, type UiSpan } from '../lines.js';
import { keyText as K, multipartViewText as S, playerText } from '../strings.js';
import type { Theme } from '../theme.js';
import { WHY, questionSections } from './question-lines.js';
import { type Section, TEACHING, leaveOutWith, rowsOf } from './sections.js';
import { type DrawOptions, defineView, type QuestionView } from './view.js';

/** What the drawing tells the scroll keys: how far the body can scroll, and a page of its rows. */
export interface MultipartShown {
  maxScroll: number;
  page: number;
  /** The first body row on screen. */
  top: number;
}

/** Rows of body the model asks for before the page's text is shown above it. */
const BODY_COMFORT_ROWS = 8;

type Tr = (t: LocalText) => string;

const wrapped = (text: string, width: number, style: Omit<UiSpan, 'text'> = {}, indent = ''): UiLine[] =>
  wrapSpans([{ text, style: 'plain' }], width, '', indent).map((l) => plain(lineText(l), style));

/** The form in one sentence: each text field and its value, the file, its type and size. */
function formLines(state: MultipartState, width: number, theme: Theme, tr: Tr): UiLine[] {
  const parts = formParts(state.form).map((p) =>
    p.filename === undefined
      ? `${p.name}=${escapeBytes(p.content, { ascii: theme.ascii })}`
      : `${tr(S('fileLabel', p.name, p.filename))} ${tr(say('fileBytes', p.contentType ?? '', bytesOf(byteString(p.content)).length))}`,
  );
  const sentence = `${tr(say('formLabel'))}${parts.join(theme.glyphs.separator) || tr(say('noFields'))}`;
  return wrapped(theme.text(sentence), width, {}, '  ');
}

/** The request's Content-Type field; its boundary hidden while the question asks for it. */
function contentTypeLines(state: MultipartState, width: number, theme: Theme): UiLine[] {
  const hide = state.settings.question?.ask === 'boundary' && !state.answered;
  const value = hide ? 'multipart/form-data; boundary=?' : state.shown.contentType;
  return wrapped(theme.text(`Content-Type: ${value}`), width, { bold: true }, '  ');
}

/** Whether the body is drawn with its delimiters marked: always, except while a question waits for its answer. */
const marked = (state: MultipartState) => !state.settings.question || state.answered;

function styleOf(kind: SegmentKind | 'plain', theme: Theme): Omit<UiSpan, 'text'> {
  switch (kind) {
    case 'delimiter':
    case 'close':
    case 'delimiter-crlf':
      return { color: theme.colors.accent, bold: true };
    case 'blank':
    case 'preamble':
    case 'epilogue':
      return { dim: true };
    default:
      return {};
  }
}

/**
 * The line the window shows by itself once the body is marked: where a receiver fails, or the value a question
 * asked about.
 */
function focusLine(state: MultipartState): number | undefined {
  if (!marked(state)) return undefined;
  const read = receiverReads(state);
  if (!read.ok) return 'line' in read.problem ? read.problem.line : undefined;
  const part = read.parts.findIndex((p) => p.name === state.shown.field) + 1;
  const content =
    part > 0
      ? segmentsOf(state.shown.body, state.shown.boundary).find((g) => g.kind === 'content' && g.part === part)
      : undefined;
  if (!content) return undefined;
  const before = byteString(state.shown.body).slice(0, content.start);
  return before.split('\n').length;
}

/** The body's rows, with the line each row shows (a long line takes several rows) and how many lines there are. */
type BodyRows = UiLine[] & { focusRow?: number; lineOf: number[]; lines: number };

/**
 * The body as rows of at most `width` columns: numbered lines, wrapped, the line where a receiver fails
 * marked; `focusRow` is the first row of the line the window should show (see focusLine).
 */
function bodyRows(state: MultipartState, width: number, theme: Theme, tr: Tr): BodyRows {
  const body = state.shown.body;
  const s = byteString(body);
  const read = receiverReads(state);
  const styled = marked(state);
  const failLine = styled && !read.ok && 'line' in read.problem ? read.problem.line : undefined;
  const focus = focusLine(state);
  // Each stretch of the body, as units of escaped text with their style.
  const stretches = styled
    ? segmentsOf(body, state.shown.boundary)
    : [{ kind: 'plain' as const, start: 0, end: s.length, part: undefined }];
  let part = 0;
  const lines: Array<{ units: Array<{ text: string; style: Omit<UiSpan, 'text'> }>; label?: string }> = [{ units: [] }];
  for (const stretch of stretches) {
    const style = styleOf(stretch.kind, theme);
    const units = escapeUnits(bytesOf(s.slice(stretch.start, stretch.end)), { ascii: theme.ascii });
    if (stretch.kind === 'delimiter') lines[lines.length - 1]!.label = tr(say('partLabel', ++part));
    if (stretch.kind === 'close') lines[lines.length - 1]!.label = tr(say('closeLabel'));
    for (const unit of units) {
      lines[lines.length - 1]!.units.push({ text: unit, style });
      if (unit === '\\n') lines.push({ units: [] });
    }
  }
  if (lines.length > 1 && lines[lines.length - 1]!.units.length === 0) lines.pop();
  const numberWidth = String(lines.length).length;
  const gutter = numberWidth + 3;
  const room = Math.max(4, width - gutter);
  const rows: BodyRows = Object.assign([], { lineOf: [] as number[], lines: lines.length });
  lines.forEach((line, i) => {
    const fails = failLine === i + 1;
    if (focus === i + 1) rows.focusRow = rows.length;
    const mark = fails ? (theme.ascii ? '>' : '▶') : ' ';
    let row: UiLine = [
      {
        text: `${String(i + 1).padStart(numberWidth)} `,
        dim: !fails,
        bold: fails,
        color: fails ? theme.colors.error : undefined,
      },
      { text: `${mark} `, bold: true, color: fails ? theme.colors.error : undefined },
    ];
    let used = 0;
    for (const unit of line.units) {
      const w = displayWidth(unit.text);
      if (used + w > room && used > 0) {
        rows.push(row);
        rows.lineOf.push(i + 1);
        row = [{ text: ' '.repeat(gutter) }];
        used = 0;
      }
      const last = row[row.length - 1]!;
      if (
        row.length > 1 &&
        last.color === unit.style.color &&
        last.bold === unit.style.bold &&
        last.dim === unit.style.dim
      )
        last.text += unit.text;
      else row.push({ text: unit.text, ...unit.style });
      used += w;
    }
    const label = line.label && `  ${theme.text(`← ${line.label}`)}`;
    if (label && used + displayWidth(label) <= room) row.push({ text: label, dim: true });
    rows.push(row);
    rows.lineOf.push(i + 1);
  });
  return rows;
}

/** What a receiver makes of the body: the parts read back, or the first problem and its line. */
function statusLines(state: MultipartState, width: number, theme: Theme, tr: Tr): UiLine[] {
  const read = receiverReads(state);
  if (read.ok)
    return wrapped(theme.text(tr(say('readsBack', state.shown.body.length, read.parts.length))), width, {
      color: theme.colors.ok,
    });
  return wrapped(theme.text(tr(sayWith('receiverFails', parseProblemText(read.problem)))), width, {
    color: theme.colors.error,
    bold: true,
  });
}

/** The texts around the body, top and bottom, each a block that may be left out whole when rows are short. */
function blocks(state: MultipartState, options: Omit<DrawOptions, 'height'>) {
  const { width, theme, question, tr } = options;
  const styled = marked(state);
  const q: QuestionView | null = question;
  return {
    form: styled ? formLines(state, width, theme, tr) : [],
    contentType: contentTypeLines(state, width, theme),
    status: styled ? statusLines(state, width, theme, tr) : [],
    message: state.message ? wrapped(theme.text(tr(state.message)), width, { color: theme.colors.warn }) : [],
    question: q ? questionSections(q, width, theme, tr, true) : [],
    again: q?.verdict ? wrapped(theme.text(tr(say('askAgain'))), width, { dim: true }) : [],
  };
}

/** Leaves out the question's lowest-ranked part below `below` (see Section's drop); false when there is none. */
function dropLowest(sections: Section[], below: number): boolean {
  let lowest = -1;
  sections.forEach((s, i) => {
    if (s.drop !== undefined && s.drop < below && (lowest < 0 || s.drop < sections[lowest]!.drop!)) lowest = i;
  });
  if (lowest < 0) return false;
  const kept = leaveOutWith(sections, sections[lowest]!);
  sections.splice(0, sections.length, ...kept);
  return true;
}

function drawing(state: MultipartState, options: DrawOptions) {
  const { width, height, theme, question, tr } = options;
  const b = blocks(state, options);
  const rows = bodyRows(state, width, theme, tr);
  const fixed = () =>
    b.form.length + b.contentType.length + b.status.length + b.message.length + rowsOf(b.question) + b.again.length;
  // The body keeps a few rows: the form's summary gives way first, then the status, then the reminder, then the
  // choices an answer left unmarked (all of them), the question read, the hints, and the marked choices (both).
  const minBody = Math.min(rows.length, 5);
  if (height - fixed() < minBody) b.form = [];
  if (height - fixed() < minBody) b.status = [];
  if (height - fixed() < minBody) b.again = [];
  while (height - fixed() < minBody && dropLowest(b.question, WHY)) {}
  // Still short: the body gives way (i shows it), then the Content-Type; the verdict's why never does.
  while (height - fixed() < 0 && dropLowest(b.question, TEACHING + 1)) {}
  if (height - fixed() < 0) b.contentType = [];
  let room = Math.max(0, height - fixed());
  const scrolls = rows.length > room;
  if (scrolls) room = Math.max(0, room - 1);
  const maxScroll = Math.max(0, rows.length - room);
  // Until the learner scrolls, the window shows the line where a receiver fails (or the value asked about).
  const follow = rows.focusRow !== undefined && rows.focusRow >= room - 1 ? rows.focusRow - Math.floor(room / 2) : 0;
  const top = Math.max(0, Math.min(state.scroll ?? follow, maxScroll));
  const window = rows.slice(top, top + room);
  const asking = question !== null && !question.verdict;
  const where =
    scrolls && window.length > 0
      ? [
          plain(
            tr(
              S(
                'lines',
                rows.lineOf[top] ?? 1,
                rows.lineOf[top + window.length - 1] ?? rows.lines,
                rows.lines,
                tr(asking ? S('infoHow') : S('scrollHow', theme.ascii ? 'Up/Down' : '↑↓')),
              ),
            ),
            { dim: true },
          ),
        ]
      : [];
  const lines = [
    ...b.form,
    ...b.contentType,
    ...window,
    ...where,
    ...b.status,
    ...b.message,
    ...b.question.flatMap((s) => s.lines),
    ...b.again,
  ];
  // Taller than the rows even so (a terminal at its smallest): the end gives way to a pointer to i, never silently.
  const shown =
    lines.length <= height
      ? lines
      : [
          ...lines.slice(0, Math.max(0, height - 1)),
          ...wrapped(theme.text(tr(playerText('readTheRest'))), width, { dim: true }).slice(0, 1),
        ];
  return {
    lines: shown,
    shown: { maxScroll, page: Math.max(1, room - 1), top } satisfies MultipartShown,
  };
}

/** Scrolls the body by rows, or by pages of what is on screen, as far as the drawing goes. */
const scroll =
  (rows: number, pages = 0) =>
  (shown: unknown): MultipartAction => {
    const s = shown as MultipartShown | undefined;
    return {
      type: 'scroll',
      delta: rows + pages * (s?.page ?? 5),
      ...(s ? { max: s.maxScroll, from: s.top } : {}),
    };
  };

const key = (keys: Binding['keys'], does: LocalText, action: unknown, hint = false, brief?: LocalText): Binding => ({
  intent: 'model',
  keys,
  does,
  action,
  ...(hint ? { hint } : {}),
  ...(brief ? { brief } : {}),
});

export const multipartView = defineView<MultipartState>({
  kind: 'http-multipart',
  bindings: [
    key([c('a')], K('addField'), { type: 'field/add' }, true, K('field')),
    key([c('x')], K('removeField'), { type: 'field/remove' }),
    key([c('f')], K('nextFile'), { type: 'file/next' }, true, K('file')),
    key([c('b')], K('nextBoundary'), { type: 'boundary/next' }, true, K('boundary')),
    key([c('r')], K('randomForm'), { type: 'form/random' }),
    INFO,
    key([k('up')], K('bodyUp'), scroll(-1)),
    key([k('down')], K('bodyDown'), scroll(1)),
    summary('model', '↑↓', K('scroll')),
    key([k('pageup')], K('bodyUpScreen'), scroll(0, -1)),
    key([k('pagedown')], K('bodyDownScreen'), scroll(0, 1)),
  ],
  lines: (state, options) => drawing(state, options),
  need(state, options) {
    const b = blocks(state, options);
    const rows = bodyRows(state, options.width, options.theme, options.tr).length;
    const body = Math.min(rows, BODY_COMFORT_ROWS) + (rows > BODY_COMFORT_ROWS ? 1 : 0);
    const { question, ...rest } = b;
    return Object.values(rest).reduce((n, lines) => n + lines.length, 0) + rowsOf(question) + body;
  },
  info(state, options) {
    const b = blocks(state, options);
    return [
      ...b.form,
      ...b.contentType,
      ...bodyRows(state, options.width, options.theme, options.tr),
      ...b.status,
      ...b.message,
      ...(b.question.length ? [[], ...b.question.flatMap((s) => s.lines)] : []),
    ];
  },
});
