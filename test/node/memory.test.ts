// The V8 flags the tutorial sets while running (src/node/memory.ts) must exist
// in this Node: V8 prints an error over the screen for a flag it does not know.
// CI runs this on every Node version nettutor is tested on.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CHECKED_MAJORS, MEMORY_FLAGS, holdsMemory } from '../../src/node/memory.js';

describe('the tutorial memory flags', () => {
  it('are flags this Node knows, accepted while running without a word', () => {
    const options = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout;
    for (const flag of MEMORY_FLAGS) {
      const name = flag.replace(/^--(no-)?/, '').replace(/=.*/, '');
      expect(options, flag).toMatch(new RegExp(`^\\s+--${name} `, 'm'));
    }
    // Set while running, as the tutorial sets them: nothing is printed, the process carries on and computes right,
    // and from then on V8 says a function asked to be optimized will never be (its status's kNeverOptimize bit,
    // 2); before, it did not say so.
    const r = spawnSync(
      process.execPath,
      [
        '--allow-natives-syntax',
        '-e',
        `const sum = () => (n) => { let s = 0; for (let i = 0; i < n; i++) s += i; return s; };
         const never = (f) => { %PrepareFunctionForOptimization(f); f(10); f(10); %OptimizeFunctionOnNextCall(f);
           const s = f(1e6); return [s, (%GetOptimizationStatus(f) & 2) !== 0]; };
         const before = never(sum());
         for (const f of ${JSON.stringify(MEMORY_FLAGS)}) require('node:v8').setFlagsFromString(f);
         console.log(JSON.stringify([before, never(sum())]))`,
      ],
      { encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    const sum = (1e6 * (1e6 - 1)) / 2;
    expect(JSON.parse(r.stdout)).toEqual([
      [sum, false],
      [sum, true],
    ]);
  });

  it('are set on this Node, and on no version nobody checked', () => {
    expect(holdsMemory(), `Node ${process.version}: add its major to CHECKED_MAJORS once this test passes`).toBe(true);
    for (const major of CHECKED_MAJORS) expect(holdsMemory(`${major}.0.0`)).toBe(true);
    expect(holdsMemory('28.0.0')).toBe(false);
    expect(holdsMemory('18.20.0')).toBe(false);
  });
});
