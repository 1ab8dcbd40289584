// The player's drawing, without Ink: at the page's room on an 80×24 and a
// 60×20 terminal, every event of every built-in scenario is drawn with its
// sentence and what its segment means whole (wrapped, never cut with …),
// the scenario's description whole before the first event, the player's
// message whole after a change, and never more lines or columns than given.
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { text } from '../../src/core/i18n/localize.js';
import { type PlayerState, initialPlayerState, playerReducer } from '../../src/core/models/tcp/player.js';
import { BUILTIN_SCENARIOS, getBuiltinScenario } from '../../src/core/scenario/builtins.js';
import { describeEvent, explainSegment } from '../../src/core/tcp/describe.js';
import { scaleNote } from '../../src/core/tcp/scale.js';
import { statesAt } from '../../src/core/tcp/snapshot.js';
import type { UiLine } from '../../src/ui/lines.js';
import { playerDrawing, playerInfo, playerNeed } from '../../src/ui/models/tcp-lines.js';
import { makeLocalizer } from '../../src/ui/screens/lesson-lines.js';
import { makeTheme } from '../../src/ui/theme.js';

const theme = makeTheme({ color: false, ascii: false });
const tr = makeLocalizer('en', theme);
/**
 * The rows a model page gives its model: the terminal less the frame (title, progress, rules, status: 5 rows),
 * the row Ink keeps free, and the line left in place of the page's text.
 */
const SIZES = [
  { name: '80×24', width: 79, height: 24 - 1 - 5 - 1 },
  { name: '60×20', width: 59, height: 20 - 1 - 5 - 1 },
];

const lineText = (line: UiLine) => line.map((s) => s.text).join('');
/** The drawing as running text: a sentence wrapped over lines reads whole here. */
const prose = (lines: UiLine[]) => lines.map(lineText).join(' ').replace(/\s+/g, ' ');
const whole = (sentence: string) => sentence.replace(/\s+/g, ' ');

function draw(state: PlayerState, size: (typeof SIZES)[number]) {
  const drawing = playerDrawing(state, { ...size, theme, question: null, screenReader: false, tr });
  const problems: string[] = [];
  if (drawing.lines.length > size.height) problems.push(`${drawing.lines.length} lines, more than ${size.height}`);
  for (const line of drawing.lines) {
    const t = lineText(line);
    if (stringWidth(t) > size.width) problems.push(`wider than ${size.width}: ${t}`);
    if (t.includes('…')) problems.push(`cut with …: ${t}`);
  }
  return { ...drawing, problems, prose: prose(drawing.lines) };
}

/** The segment whose meaning the player explains at `index`: the one the event concerns, else the last one sent. */
function selectedSend(state: PlayerState, index: number): number {
  const events = state.result.events;
  const event = events[index]!;
  const id = 'id' in event ? event.id : undefined;
  for (let i = index; i >= 0; i--) {
    const e = events[i]!;
    if (e.type === 'send' && (id === undefined || e.id === id)) return i;
  }
  return -1;
}

describe('the player drawing', () => {
  for (const size of SIZES) {
    it(`at ${size.name}, shows every event of every built-in scenario with its text whole, within its room`, () => {
      const problems: string[] = [];
      for (const scenario of BUILTIN_SCENARIOS) {
        const start = initialPlayerState(scenario);
        const before = draw(start, size);
        problems.push(...before.problems.map((p) => `${scenario.name} before the first event: ${p}`));
        if (!before.prose.includes(whole(scenario.description!)))
          problems.push(`${scenario.name}: the description is not whole:\n${before.prose}`);
        for (let index = 0; index < start.result.events.length; index++) {
          const state = { ...start, index };
          const d = draw(state, size);
          const where = `${scenario.name} event ${index + 1}`;
          problems.push(...d.problems.map((p) => `${where}: ${p}`));
          const sentences = [text(describeEvent(state.result, index), 'en')];
          const send = selectedSend(state, index);
          if (send >= 0) sentences.push(text(explainSegment(state.result, send), 'en'));
          for (const s of sentences) if (!d.prose.includes(whole(s))) problems.push(`${where}: not whole: ${s}`);
          // After a change, its message too (the run is worked out again; the learner stays where they were).
          const changed = playerReducer(state, { type: 'fault', kind: index % 2 ? 'drop' : 'duplicate' });
          if (changed.message) {
            const c = draw(changed, size);
            problems.push(...c.problems.map((p) => `${where} after a change: ${p}`));
            const said = [text(changed.message, 'en'), text(describeEvent(changed.result, changed.index), 'en')];
            for (const s of said)
              if (!c.prose.includes(whole(s))) problems.push(`${where} after a change: not whole: ${s}`);
          }
        }
      }
      expect(problems.slice(0, 5)).toEqual([]);
    });
  }

  it('at the smallest terminal, 60×16, stays within its room and cuts nothing: what does not fit is left to i', () => {
    const size = { name: '60×16', width: 59, height: 16 - 1 - 5 - 1 };
    const problems: string[] = [];
    for (const scenario of BUILTIN_SCENARIOS) {
      const start = initialPlayerState(scenario);
      for (let index = -1; index < start.result.events.length; index++) {
        const state = playerReducer({ ...start, index }, { type: 'fault', kind: 'drop' });
        for (const s of [{ ...start, index }, state, { ...state, compare: true }]) {
          const d = draw(s, size);
          problems.push(...d.problems.map((p) => `${scenario.name} event ${index + 1}: ${p}`));
          // The event's sentence is always there; when anything else is left out, a line says i shows it.
          if (index < 0 || s.compare) continue;
          if (!d.prose.includes(whole(text(describeEvent(s.result, index), 'en'))))
            problems.push(`${scenario.name} event ${index + 1}: the sentence is not whole`);
          const send = selectedSend(s, index);
          const meaning = send >= 0 ? whole(text(explainSegment(s.result, send), 'en')) : '';
          const message = s.message ? whole(text(s.message, 'en')) : '';
          for (const said of [meaning, message])
            if (!d.prose.includes(said) && !d.prose.includes('i shows it all'))
              problems.push(`${scenario.name} event ${index + 1}: left out without saying so: ${said}`);
        }
      }
    }
    expect(problems.slice(0, 5)).toEqual([]);
  });

  it('gives the ladder every row the text leaves, and says when more of it is above or below', () => {
    const size = SIZES[0]!;
    const end = playerReducer(initialPlayerState(getBuiltinScenario('client-close')!), { type: 'end' });
    const d = draw(end, size);
    expect(d.lines).toHaveLength(size.height);
    expect(d.lines.every((l) => lineText(l).trim() !== '')).toBe(true);
    expect(d.prose).toContain('↑ more above');
    expect(d.shown.ladder.min).toBeLessThan(0);
    expect(d.shown.ladder.max).toBe(0);
    // Scrolled to the top: the first rows of the run, more below, and the current event is still the last.
    const top = draw(playerReducer(end, { type: 'ladder/scroll', delta: -1000, range: d.shown.ladder }), size);
    expect(top.prose).toContain(' 0 │ │ LISTEN');
    expect(top.prose).toContain('↓ more below');
    expect(top.prose).toContain(`event 36/36`);
    expect(top.shown.ladder).toEqual(d.shown.ladder);
  });

  it('states the scale while a side is in TIME-WAIT and before the first event, where the run has TIME-WAIT', () => {
    const scenario = getBuiltinScenario('client-close')!;
    const start = initialPlayerState(scenario);
    const note = whole(text(scaleNote(scenario, start.result)!, 'en'));
    expect(draw(start, SIZES[0]!).prose).toContain(note);
    const events = start.result.events;
    const inTimeWait = events.findIndex((_, i) => statesAt(start.result, i).client === 'TIME-WAIT');
    expect(draw({ ...start, index: inTimeWait }, SIZES[0]!).prose).toContain(note);
    expect(draw({ ...start, index: 3 }, SIZES[0]!).prose).not.toContain('MSL');
    expect(draw(initialPlayerState(getBuiltinScenario('handshake')!), SIZES[0]!).prose).not.toContain('MSL');
    // The `i` screen always has it.
    const info = prose(
      playerInfo({ ...start, index: 3 }, { width: 79, theme, question: null, screenReader: false, tr }),
    );
    expect(info).toContain(note);
    expect(info).toContain(whole(scenario.description!));
  });

  it('compares both runs around their first difference, marked in the margin, using the rows it has', () => {
    const dropped = playerReducer(
      playerReducer(initialPlayerState(getBuiltinScenario('handshake')!), { type: 'step', delta: 8 }),
      { type: 'fault', kind: 'drop' },
    );
    const comparing = playerReducer(dropped, { type: 'compare/toggle' });
    for (const [columns, rows] of [
      [80, 24],
      [80, 40],
      [60, 20],
      [60, 16],
    ] as const) {
      const size = { name: `${columns}×${rows}`, width: columns - 1, height: rows - 7 - 1 };
      const d = draw(comparing, size);
      expect(d.problems, size.name).toEqual([]);
      const lines = d.lines.map(lineText);
      // The difference is marked by a character, in each run (not by colour alone).
      expect(lines.filter((l) => l.startsWith('> ')).length, `${size.name}\n${lines.join('\n')}`).toBe(2);
      const without = lines.findIndex((l) => l.startsWith('without your change'));
      const withIt = lines.findIndex((l) => l.startsWith('with it'));
      expect(without).toBeGreaterThan(0);
      expect(withIt).toBeGreaterThan(without + 1);
      // No row is left blank while a run has more to show: here the run with the change is longer than the room.
      if (rows === 40) {
        expect(lines).toHaveLength(size.height);
        expect(lines.filter((l) => l.trim() === '')).toEqual([]);
      }
    }
    // Both runs scroll together; the row of the sides' names says where more of a run is.
    const small = { name: '80×24', width: 79, height: 16 };
    const first = draw(comparing, small);
    expect(first.lines.map(lineText).filter((l) => /server +↑↓ more$/.test(l))).toHaveLength(1);
    const up = draw(playerReducer(comparing, { type: 'ladder/scroll', delta: -100, range: first.shown.ladder }), small);
    expect(up.lines.map(lineText).filter((l) => /server +↓ more$/.test(l))).toHaveLength(2);
    expect(up.prose).toContain(' 0 │ │ LISTEN');
    const ascii = makeTheme({ color: false, ascii: true });
    const a = playerDrawing(comparing, {
      width: 79,
      height: 16,
      theme: ascii,
      question: null,
      screenReader: false,
      tr: makeLocalizer('en', ascii),
    });
    expect(a.lines.map(lineText).filter((l) => l.startsWith('* '))).toHaveLength(2);
    // Side by side from 120 columns, marked the same way on both sides.
    const wide = draw(comparing, { name: '120×30', width: 119, height: 22 });
    expect(wide.problems).toEqual([]);
    const marked = wide.lines.map(lineText).filter((l) => /^> .* \| > /.test(l) || /^> /.test(l) || / \| > /.test(l));
    expect(marked.join('\n')).toMatch(/^> /m);
    expect(marked.join('\n')).toMatch(/ \| > /);
  });

  it('asks for as many rows as its text and a few rows of ladder need', () => {
    const start = initialPlayerState(getBuiltinScenario('handshake')!);
    const opts = { width: 79, theme, question: null, screenReader: false, tr };
    // Before the first event: the title, the ladder's header, the states, the description and how to start.
    const before = draw(start, { name: 'tall', width: 79, height: 100 });
    expect(playerNeed(start, opts)).toBe(before.lines.filter((l) => lineText(l).trim() !== '').length);
    const later = { ...start, index: 10 };
    expect(playerNeed(later, opts)).toBeLessThan(draw(later, { name: 'tall', width: 79, height: 100 }).lines.length);
  });
});
