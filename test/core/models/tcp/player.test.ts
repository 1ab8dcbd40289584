import { describe, expect, it } from 'vitest';
import { text } from '../../../../src/core/i18n/localize.js';
import type { PredictPoint } from '../../../../src/core/models/tcp/types.js';
import {
  type PlayerAction,
  type PlayerState,
  firstDivergence,
  initialPlayerState,
  playerReducer,
} from '../../../../src/core/models/tcp/player.js';
import { getBuiltinScenario } from '../../../../src/core/scenario/builtins.js';

const run = (s: PlayerState, ...actions: PlayerAction[]) => actions.reduce(playerReducer, s);
const handshake = () => initialPlayerState(getBuiltinScenario('handshake')!);

describe('the simulation player', () => {
  it('steps forward and back within the run', () => {
    const s = run(handshake(), { type: 'step', delta: 1 }, { type: 'step', delta: 1 }, { type: 'step', delta: -1 });
    expect(s.index).toBe(0);
    expect(run(s, { type: 'step', delta: -5 }).index).toBe(-1);
    expect(run(s, { type: 'end' }).index).toBe(s.result.events.length - 1);
    expect(run(s, { type: 'end' }, { type: 'step', delta: 3 }).index).toBe(s.result.events.length - 1);
  });

  it('plays with ticks and stops at the end', () => {
    let s = run(handshake(), { type: 'play/toggle' });
    expect(s.playing).toBe(true);
    for (let i = 0; i < 50; i++) s = playerReducer(s, { type: 'tick' });
    expect(s.index).toBe(s.result.events.length - 1);
    expect(s.playing).toBe(false);
  });

  it('changes speed within its range', () => {
    const s = run(handshake(), { type: 'speed', delta: 1 }, { type: 'speed', delta: 1 }, { type: 'speed', delta: 5 });
    expect(s.speed).toBe(4);
    expect(run(s, { type: 'speed', delta: -10 }).speed).toBe(0.25);
  });

  it('drops the next segment and re-runs from the start, keeping the learner in place', () => {
    const s = run(handshake(), { type: 'step', delta: 5 }, { type: 'fault', kind: 'drop' });
    expect(s.added).toEqual([{ side: 'server', nth: 1, fault: 'drop' }]);
    expect(s.index).toBe(4);
    expect(s.result.events.some((e) => e.type === 'drop')).toBe(true);
    expect(firstDivergence(s.baseResult, s.result)).toBeGreaterThan(4);
    expect(run(s, { type: 'restart' }).added).toEqual([]);
  });

  it('says so when no segment is left to change', () => {
    const s = run(handshake(), { type: 'end' }, { type: 'fault', kind: 'duplicate' });
    expect(s.added).toEqual([]);
    expect(text(s.message!, 'en')).toMatch(/no segment is sent after this point/);
  });

  it("toggles the scenario's what-if and back", () => {
    const s = run(handshake(), { type: 'what-if/toggle' });
    expect(s.scenario.options.handshake).toBe('two-way');
    expect(s.result.final.server).toBe('ESTABLISHED');
    expect(run(s, { type: 'what-if/toggle' }).scenario.options.handshake).toBe('three-way');
    const teardown = run(initialPlayerState(getBuiltinScenario('lost-final-ack')!), { type: 'what-if/toggle' });
    expect(teardown.scenario.options.timeWait).toBe(false);
  });

  it('asks the questions in the order their events happen, whatever order the lesson lists them in', () => {
    const early: PredictPoint = {
      id: 'early',
      before: { type: 'send', side: 'server', nth: 1 },
      ask: 'next-ack',
      hints: [],
    };
    const late: PredictPoint = {
      id: 'late',
      before: { type: 'send', side: 'client', nth: 2 },
      ask: 'next-flags',
      hints: [],
    };
    let s = initialPlayerState(getBuiltinScenario('handshake')!, [late, early]);
    s = run(s, { type: 'end' });
    expect(s.predict?.point.id).toBe('early');
    s = run(s, { type: 'predict/answered', correct: true }, { type: 'end' });
    expect(s.predict?.point.id).toBe('late');
    s = run(s, { type: 'predict/answered', correct: true }, { type: 'end' });
    expect(s.predict).toBeNull();
    expect(s.index).toBe(s.result.events.length - 1);
  });

  it('stops before the event a predict question is about, and waits for the answer', () => {
    const point: PredictPoint = {
      id: 'p',
      before: { type: 'send', side: 'server', nth: 1 },
      ask: 'next-ack',
      hints: [],
    };
    let s = initialPlayerState(getBuiltinScenario('handshake')!, [point]);
    s = run(s, { type: 'play/toggle' });
    for (let i = 0; i < 20; i++) s = playerReducer(s, { type: 'tick' });
    expect(s.playing).toBe(false);
    expect(s.predict?.point.id).toBe('p');
    const next = s.result.events[s.index + 1];
    expect(next).toMatchObject({ type: 'send', side: 'server' });
    expect(run(s, { type: 'step', delta: 1 }).index).toBe(s.index);
    const answered = run(s, { type: 'predict/answered', correct: true }, { type: 'step', delta: 1 });
    expect(answered.index).toBe(s.index + 1);
    expect(answered.predict).toBeNull();
  });

  it('scrolls the ladder without moving the current event, within what the view allows, and follows again on a step', () => {
    const at = run(handshake(), { type: 'step', delta: 8 });
    const range = { min: -4, max: 0 };
    const up = run(at, { type: 'ladder/scroll', delta: -1, range }, { type: 'ladder/scroll', delta: -1, range });
    expect(up.ladderOffset).toBe(-2);
    expect(up.index).toBe(at.index);
    // Not beyond the first row: further up changes nothing (the same state, so nothing redraws).
    const top = run(up, { type: 'ladder/scroll', delta: -10, range });
    expect(top.ladderOffset).toBe(-4);
    expect(run(top, { type: 'ladder/scroll', delta: -1, range })).toBe(top);
    // Down again, never past where it follows the run.
    expect(run(top, { type: 'ladder/scroll', delta: 3, range }).ladderOffset).toBe(-1);
    expect(run(top, { type: 'ladder/scroll', delta: 30, range }).ladderOffset).toBe(0);
    // A step (either way), playing, the first or last event, or a change to the run: back to the current event.
    for (const action of [
      { type: 'step', delta: 1 },
      { type: 'step', delta: -1 },
      { type: 'play/toggle' },
      { type: 'home' },
      { type: 'end' },
      { type: 'fault', kind: 'drop' },
      { type: 'what-if/toggle' },
      { type: 'compare/toggle' },
      { type: 'restart' },
    ] as PlayerAction[]) {
      expect(run(up, action).ladderOffset, action.type).toBe(0);
    }
    // Changing the speed does not move the view.
    expect(run(up, { type: 'speed', delta: 1 }).ladderOffset).toBe(-2);
  });

  it('pauses when told to (the terminal is too small), says so, and does not start again by itself', () => {
    const playing = run(handshake(), { type: 'play/toggle' }, { type: 'tick' });
    const paused = run(playing, { type: 'pause' });
    expect(paused.playing).toBe(false);
    expect(paused.index).toBe(playing.index);
    expect(text(paused.message!, 'en')).toBe('paused while the terminal was too small: Space plays on');
    // Ticks that were already on their way change nothing; a paused player stays as it is.
    expect(run(paused, { type: 'tick' }, { type: 'tick' }).index).toBe(playing.index);
    expect(run(paused, { type: 'pause' })).toBe(paused);
    expect(run(paused, { type: 'play/toggle' }).playing).toBe(true);
  });
});
