import { describe, expect, it } from 'vitest';
import { text } from '../../../src/core/i18n/localize.js';
import { BUILTIN_SCENARIOS, getBuiltinScenario } from '../../../src/core/scenario/builtins.js';
import { formatDuration, hasTimeWait, scaleNote } from '../../../src/core/tcp/scale.js';
import { simulate } from '../../../src/core/tcp/simulate.js';

describe('the scale of a run', () => {
  it('is stated, with the real values, when TIME-WAIT appears in the run', () => {
    const scenario = getBuiltinScenario('client-close')!;
    const note = scaleNote(scenario, simulate(scenario));
    expect(note).toBeDefined();
    expect(text(note!, 'en')).toBe(
      'Scale: MSL is 1 s here, so TIME-WAIT lasts 2 × MSL = 2 s. RFC 9293 takes MSL = 2 min (TIME-WAIT 4 min); Linux keeps TIME-WAIT for 60 s.',
    );
  });

  it("follows the scenario's own MSL", () => {
    const scenario = { ...getBuiltinScenario('client-close')!, mslMs: 30_000 };
    expect(text(scaleNote(scenario, simulate(scenario))!, 'en')).toContain(
      'MSL is 30 s here, so TIME-WAIT lasts 2 × MSL = 1 min.',
    );
  });

  it('says nothing where no side enters TIME-WAIT', () => {
    for (const name of ['handshake', 'connection-refused', 'no-time-wait', 'close-wait-leak']) {
      const scenario = getBuiltinScenario(name)!;
      expect(scaleNote(scenario, simulate(scenario)), name).toBeUndefined();
    }
    // Every built-in scenario that shows TIME-WAIT gets the note.
    for (const scenario of BUILTIN_SCENARIOS) {
      const run = simulate(scenario);
      expect(scaleNote(scenario, run) !== undefined, scenario.name).toBe(hasTimeWait(run));
    }
    expect(BUILTIN_SCENARIOS.filter((s) => hasTimeWait(simulate(s))).length).toBeGreaterThan(3);
  });

  it('writes durations as a person would', () => {
    expect(formatDuration(500)).toBe('500 ms');
    expect(formatDuration(1000)).toBe('1 s');
    expect(formatDuration(1500)).toBe('1.5 s');
    expect(formatDuration(120_000)).toBe('2 min');
    expect(formatDuration(90_000)).toBe('90 s');
  });
});
