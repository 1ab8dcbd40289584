// What a start of the tutorial loads before its first screen is drawn: the
// start bin/nettutor.js requires first (dist/early.cjs, one CommonJS file),
// or, when that start draws nothing (--lessons), the CLI bundle and the
// tutorial's start chunk, with what they import; and never Ink, React or Yoga
// (those come with the UI chunk, loaded after the first home screen is on the
// terminal), nor the model kinds. And nothing in the bundle asks for fetch,
// whose first use loads undici.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const dist = fileURLToPath(new URL('../../dist/', import.meta.url));

/** The chunk files `file` loads before it runs (its static imports, and theirs). */
function staticClosure(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/(?:^|[;}\s])import(?:[^'"();]*?from)?\s*"(\.\/[^"]+\.js)"/g)) {
    staticClosure(join(dirname(file), m[1]!), seen);
  }
  return seen;
}

/** The chunk `import()`ed from `file` under a name starting with `name`. */
function dynamicChunk(file: string, name: string): string {
  const m = new RegExp(`import\\("(\\./(?:chunks/)?${name}-[A-Z0-9]+\\.js)"\\)`).exec(readFileSync(file, 'utf8'));
  if (!m) throw new Error(`no import() of ${name} in ${file}`);
  return join(dirname(file), m[1]!);
}

// Markers of what must not load early: React's element type, Ink's raw-mode error, Yoga's loader, and the model
// kinds' registry (every kind with its simulator: the scores on the home screen count model questions from the
// ids kept with each page instead).
const HEAVY = {
  React: 'react.transitional.element',
  Ink: 'Raw mode is not supported',
  Yoga: 'data:application/octet-stream;base64,',
  'model kinds': 'no model of kind',
};

describe('the start of the tutorial', () => {
  const cli = join(dist, 'cli.js');
  const tutor = dynamicChunk(cli, 'tutor');
  const early = new Set([...staticClosure(cli), ...staticClosure(tutor)]);

  it('draws its first screen without loading Ink, React, Yoga or the model kinds', () => {
    // The CLI, the start chunk, and the shared chunks they import (lessons, progress, the home screen's lines).
    expect(early.size).toBeGreaterThan(5);
    for (const file of early) {
      const text = readFileSync(file, 'utf8');
      for (const [what, marker] of Object.entries(HEAVY)) {
        expect(text.includes(marker), `${what} in ${file}`).toBe(false);
      }
    }
    // Nor node:crypto (a few milliseconds to load): saving progress loads it when it first takes the lock.
    for (const file of early) expect(readFileSync(file, 'utf8'), file).not.toMatch(/from\s*"node:crypto"/);
    // They are in the UI chunk, which the start chunk loads later.
    const ui = dynamicChunk(tutor, 'render-app');
    const uiText = [...staticClosure(ui)].map((f) => readFileSync(f, 'utf8')).join('\n');
    for (const marker of Object.values(HEAVY)) expect(uiText).toContain(marker);
  });

  it('draws its first screen from one CommonJS file that loads nothing but Node’s own modules', () => {
    const start = readFileSync(join(dist, 'early.cjs'), 'utf8');
    for (const [what, marker] of Object.entries(HEAVY)) expect(start.includes(marker), what).toBe(false);
    const required = [...start.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]!);
    expect(required.length).toBeGreaterThan(3);
    expect(required.filter((r) => !r.startsWith('node:'))).toEqual([]);
    expect(required).not.toContain('node:crypto');
    expect(start).not.toMatch(/\bimport\(/);
    // Small: what is compiled before the first frame is what it costs (the lessons themselves are not in it).
    expect(start.length).toBeLessThan(100_000);
    // The lessons' outlines beside it are small too: read instead of dist/lessons.json.
    const outlines = readFileSync(join(dist, 'lesson-outlines.json'), 'utf8').length;
    expect(outlines).toBeLessThan(readFileSync(join(dist, 'lessons.json'), 'utf8').length / 10);
  });

  it('finds nothing in the bundle that asks for fetch', () => {
    const files = [
      cli,
      join(dist, 'early.cjs'),
      ...readdirSync(join(dist, 'chunks')).map((f) => join(dist, 'chunks', f)),
    ].filter((f) => /\.c?js$/.test(f));
    // Code that asks (`typeof fetch`, a call, a property of the global object), not the word in a lesson's text.
    const asks = /\btypeof fetch\b|(?<![\w$])fetch\s*\(|\.fetch\b/;
    const asking = files.filter((f) => asks.test(readFileSync(f, 'utf8')));
    expect(asking).toEqual([]);
  });
});
