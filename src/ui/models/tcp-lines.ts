// Draws the TCP model (the simulation player) as styled lines: the ladder so far (windowed to
// keep the current event in view), both sides' states, the selected segment
// and what it means, and a predict question when one is asked.
import { lineText, padToWidth, truncateToWidth, wrapSpans } from '../../core/layout/prose.js';
import { renderLadder } from '../../core/ladder/render.js';
import { type PlayerState, firstDivergence } from '../../core/models/tcp/player.js';
import { describeEvent, explainSegment } from '../../core/tcp/describe.js';
import { statesAt } from '../../core/tcp/snapshot.js';
import { type Scenario, type SimResult, flagLabel } from '../../core/tcp/types.js';
import { type UiLine, plain } from '../lines.js';
import type { Theme } from '../theme.js';
import type { QuestionView } from './view.js';
import { verdictText } from '../../core/answers/verdict.js';
import type { LocalText } from '../../core/i18n/localize.js';

function ladderLines(
  result: SimResult,
  scenario: Scenario,
  index: number,
  width: number,
  height: number,
  theme: Theme,
  mark?: number,
): UiLine[] {
  let ladder: ReturnType<typeof renderLadder>;
  try {
    ladder = renderLadder(result, scenario, { width, charset: theme.ascii ? 'ascii' : 'unicode', upTo: index });
  } catch (error) {
    return [plain((error as Error).message, { color: theme.colors.warn })];
  }
  const lines = ladder.lines;
  const currentRow = index >= 0 ? (ladder.eventRows[index] ?? lines.length - 1) : 0;
  const markRow = mark !== undefined && mark >= 0 ? ladder.eventRows[mark] : undefined;
  // The header (names of the two sides) stays; the rest scrolls with the current event.
  const headerRows = Math.min(2, lines.length);
  const room = Math.max(1, height - headerRows);
  const body = lines.slice(headerRows);
  let top = Math.max(0, currentRow - headerRows - room + 2);
  top = Math.min(top, Math.max(0, body.length - room));
  const out: UiLine[] = lines.slice(0, headerRows).map((l) => plain(l, { bold: true }));
  body.slice(top, top + room).forEach((line, i) => {
    const row = top + i + headerRows;
    const current = row === currentRow && index >= 0;
    const diverge = markRow !== undefined && row === markRow;
    out.push([
      {
        text: line,
        color: current ? theme.colors.accent : diverge ? theme.colors.warn : undefined,
        bold: current || diverge,
      },
    ]);
  });
  return out;
}

export function playerLines(
  state: PlayerState,
  width: number,
  height: number,
  theme: Theme,
  predict: QuestionView | null,
  screenReader: boolean,
  tr: (t: LocalText) => string,
): UiLine[] {
  const g = theme.glyphs;
  // Folded before anything is measured or cut (--ascii-only).
  const t = theme.text;
  const { result, index } = state;
  const total = result.events.length;
  const event = index >= 0 ? result.events[index] : undefined;
  const status = t(state.playing ? `▶ playing ×${state.speed}` : `${theme.ascii ? '||' : '❚❚'} paused`);
  const changes = [
    ...state.added.map((f) => `${typeof f.fault === 'string' ? f.fault : 'delay'} ${f.side} #${f.nth}`),
    ...(state.whatIf ? [state.scenario.options.handshake === 'two-way' ? 'two-way handshake' : 'no TIME-WAIT'] : []),
  ];
  const top: UiLine[] = [
    [
      { text: truncateToWidth(t(state.scenario.title), Math.max(10, width - 40), g.ellipsis), bold: true },
      { text: `  ${status}`, color: state.playing ? theme.colors.ok : undefined },
      { text: t(`  event ${index + 1}/${total}${event ? ` · ${event.t} ms` : ''}`), dim: true },
    ],
  ];
  if (changes.length > 0) top.push(plain(`your changes: ${changes.join(', ')}`, { color: theme.colors.warn }));

  const states = statesAt(result, index);
  const stateLine: UiLine = [
    { text: 'client ', dim: true },
    {
      text: states.client,
      bold: true,
      color: theme.colors.client,
      inverse: event?.type === 'state' && event.side === 'client',
    },
    { text: '   server ', dim: true },
    {
      text: states.server,
      bold: true,
      color: theme.colors.server,
      inverse: event?.type === 'state' && event.side === 'server',
    },
  ];

  const detail: UiLine[] = [];
  if (predict) {
    // The question is wrapped where the ladder above can give up the rows (it keeps three); on the
    // smallest terminals it is cut to one row, so that every choice stays on screen.
    const question = wrapSpans([{ text: t(predict.question), style: 'plain' }], width, '? ', '  ').map(lineText);
    const room = height - top.length - 1 - 3 - predict.choices.length - (predict.verdict ? 2 : 0);
    const shown =
      question.length <= Math.max(1, room)
        ? question
        : [truncateToWidth(t(`? ${predict.question}`), width, g.ellipsis)];
    for (const line of shown) detail.push(plain(line, { bold: true, color: theme.colors.accent }));
    predict.choices.forEach((choice, i) => {
      const here = i === predict.cursor && !predict.verdict;
      detail.push([
        { text: t(`${here ? g.pointer : ' '} ${choice}`), bold: here, color: here ? theme.colors.accent : undefined },
      ]);
    });
    predict.hints.forEach((hint, i) => {
      const lead = `Hint ${i + 1}: `;
      for (const line of wrapSpans([{ text: t(hint), style: 'plain' }], width, lead, ' '.repeat(lead.length)).map(
        lineText,
      )) {
        detail.push(plain(line, { dim: true }));
      }
    });
    if (predict.verdict) {
      const v = predict.verdict;
      detail.push(
        v.correct
          ? plain(`${g.ok} ${tr(verdictText('predictRight', v.expected))}`, { bold: true, color: theme.colors.ok })
          : plain(`${g.wrong} ${tr(verdictText('predictWrong', v.expected))}`, {
              bold: true,
              color: theme.colors.error,
            }),
      );
      // The why is never cut: it is wrapped, and the ladder above gives up the rows.
      for (const f of v.feedback) {
        for (const line of wrapSpans([{ text: t(f), style: 'plain' }], width, '  ', '  ').map(lineText)) {
          detail.push(plain(line));
        }
      }
    }
  } else if (event) {
    // The selected segment: the one sent, delivered or dropped by the current event, else the last one sent.
    let sendIndex = -1;
    const id = 'id' in event ? event.id : undefined;
    for (let i = index; i >= 0; i--) {
      const e = result.events[i]!;
      if (e.type === 'send' && (id === undefined || e.id === id)) {
        sendIndex = i;
        break;
      }
    }
    detail.push(plain(truncateToWidth(tr(describeEvent(result, index)), width, g.ellipsis)));
    if (sendIndex >= 0) {
      const send = result.events[sendIndex]!;
      if (send.type === 'send') {
        const s = send.segment;
        detail.push([
          {
            text: `#${send.id} ${send.side}${theme.ascii ? '->' : '→'}${send.side === 'client' ? 'server' : 'client'} `,
            dim: true,
          },
          { text: flagLabel(s.flags), bold: true },
          { text: ` seq=${s.seq} ack=${s.ack ?? '-'} len=${s.len}` },
        ]);
        detail.push(plain(truncateToWidth(tr(explainSegment(result, sendIndex)), width, g.ellipsis), { dim: true }));
      }
    }
  } else {
    detail.push(
      plain(truncateToWidth(t(state.scenario.description ?? 'Press Space to play, → to step.'), width, g.ellipsis), {
        dim: true,
      }),
    );
  }
  if (state.message && !predict)
    detail.push(plain(truncateToWidth(tr(state.message), width, g.ellipsis), { color: theme.colors.warn }));

  const ladderHeight = Math.max(3, height - top.length - 1 - detail.length);
  let ladder: UiLine[];
  if (state.compare) {
    const diverge = firstDivergence(state.baseResult, state.result);
    const note =
      diverge < 0
        ? 'no difference yet: change something with d, u or w'
        : `first difference at event ${diverge + 1} (marked)`;
    // The frame is one column narrower than the terminal: 119 here is a 120-column terminal.
    if (width >= 119) {
      const half = Math.floor((width - 3) / 2);
      const left = ladderLines(
        state.baseResult,
        state.base,
        state.baseResult.events.length - 1,
        half,
        ladderHeight - 2,
        theme,
        diverge,
      );
      const right = ladderLines(
        result,
        state.scenario,
        result.events.length - 1,
        half,
        ladderHeight - 2,
        theme,
        diverge,
      );
      ladder = [
        plain(note, { color: theme.colors.warn }),
        [
          { text: padToWidth('without your change', half), bold: true },
          { text: ' | ' },
          { text: 'with it', bold: true },
        ],
      ];
      for (let i = 0; i < Math.max(left.length, right.length); i++) {
        const l = (left[i] ?? []).map((s) => s.text).join('');
        ladder.push([
          { text: padToWidth(truncateToWidth(l, half, g.ellipsis), half), color: left[i]?.[0]?.color },
          { text: ' | ', dim: true },
          ...(right[i] ?? []),
        ]);
      }
    } else {
      const each = Math.max(3, Math.floor((ladderHeight - 3) / 2));
      ladder = [
        plain(note, { color: theme.colors.warn }),
        plain('without your change:', { bold: true }),
        ...ladderLines(
          state.baseResult,
          state.base,
          diverge < 0 ? state.baseResult.events.length - 1 : diverge,
          width,
          each,
          theme,
          diverge,
        ),
        plain('with it:', { bold: true }),
        ...ladderLines(
          result,
          state.scenario,
          diverge < 0 ? result.events.length - 1 : diverge,
          width,
          each,
          theme,
          diverge,
        ),
      ];
    }
    ladder = ladder.slice(0, ladderHeight);
  } else if (screenReader) {
    // A screen reader gets each event as a sentence (the same as `sim --format text`), not a drawing.
    const spoken: UiLine[] = [];
    for (let i = 0; i <= index; i++) spoken.push(plain(tr(describeEvent(result, i))));
    ladder = spoken.slice(-ladderHeight);
  } else {
    ladder = ladderLines(result, state.scenario, index, width, ladderHeight, theme);
  }
  while (ladder.length < ladderHeight) ladder.push([]);
  return [...top, ...ladder, stateLine, ...detail].slice(0, height);
}
