import { describe, expect, it } from 'vitest';
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
    expect(s.message).toMatch(/no segment is sent after this point/);
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
});
