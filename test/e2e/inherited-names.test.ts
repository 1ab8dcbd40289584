// Ids are the author's: a lesson pack whose lesson, page, exercise and model question are all called
// "constructor" (the one name every JavaScript object inherits that a kebab-case id can spell; the others,
// toString, valueOf, hasOwnProperty, __proto__, are parameter names here), written as an author writes it,
// passes `lessons check`, is listed by `progress`, opens in the tutorial in a real terminal (tmux), keeps its
// answers, and is in `progress --export`. A progress file written by hand with "__proto__" keys changes nothing
// of what `progress` says about the lessons.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadLessonPack } from '../../src/node/lesson-files.js';
import { writeLessonFiles } from '../helpers/lesson-folder.js';
import { hasTmux, openLesson } from '../helpers/tmux.js';

const bin = fileURLToPath(new URL('../../bin/nettutor.js', import.meta.url));

const CONSTRUCTOR_JSONC = `// Every id this lesson can name like an inherited member of a JavaScript object is "constructor".
{
  "formatVersion": 2,
  "id": "constructor",
  "order": 100,
  "pages": [
    {
      "id": "constructor",
      "exercise": { "id": "constructor", "type": "single", "options": ["constructor", "other"], "answer": "constructor" }
    },
    {
      "id": "sum",
      "exercise": {
        "id": "sum",
        "type": "short",
        "kind": "number",
        // Parameters may be called anything made of letters, digits and _.
        "params": { "toString": { "int": [2, 2] }, "valueOf": { "int": [3, 3] }, "__proto__": { "int": [4, 4] } },
        "answer": { "expr": "{toString} + {valueOf} + {__proto__}" }
      }
    }
  ]
}
`;
const CONSTRUCTOR_MD = `# Inherited names

A lesson, a page and an exercise called constructor.

## constructor: The constructor page

### prompt

Which option is called constructor?

### option constructor

The first one.

### why constructor

Right: its id is constructor.

### option other

The second one.

### why other

No: its id is other.

### hint

It comes first.

## sum: Named parameters

### prompt

What is {toString} + {valueOf} + {__proto__}?

### hint

Add the three numbers.
`;
const QUESTION_JSONC = `{
  "formatVersion": 2,
  "id": "model-names",
  "order": 101,
  "pages": [
    {
      "id": "constructor",
      "model": {
        "kind": "tcp",
        "scenario": "handshake",
        "predict": [{ "id": "constructor", "before": { "type": "send", "side": "server", "nth": 1 }, "ask": "next-ack" }]
      }
    }
  ]
}
`;
const QUESTION_MD = `# A question called constructor

The player asks a question whose id is constructor.

## constructor: Watch a handshake

Step with the right arrow until the player asks.
`;

function nettutor(args: string[], home: string) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, CI: '', HOME: home, XDG_DATA_HOME: join(home, 'data'), LANG: 'en_US.UTF-8' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe.skipIf(!hasTmux)('a lesson pack whose ids are named like what every object inherits', () => {
  it('checks, lists, opens, keeps its answers and exports them; "__proto__" in the progress file is only data', async () => {
    const home = mkdtempSync(join(tmpdir(), 'nettutor-inherited-'));
    const pack = join(home, 'pack');
    writeLessonFiles(pack, 'constructor', { 'lesson.jsonc': CONSTRUCTOR_JSONC, 'en.md': CONSTRUCTOR_MD });
    writeLessonFiles(pack, 'model-names', { 'lesson.jsonc': QUESTION_JSONC, 'en.md': QUESTION_MD });

    const check = nettutor(['lessons', 'check', pack, '--strict'], home);
    expect(check).toMatchObject({ code: 0, stderr: '' });
    const loaded = loadLessonPack(pack, pack);
    expect(loaded.problems).toEqual([]);
    const [lesson, withModel] = loaded.lessons;
    expect(lesson?.id).toBe('constructor');
    expect(withModel?.pages[0]?.model?.questionIds).toEqual(['constructor']);

    // Not started yet: `progress` lists both lessons (the crash this test was written for).
    const progressFile = join(home, 'progress.json');
    const before = nettutor(['progress', '--lessons', pack, '--progress', progressFile], home);
    expect(before).toMatchObject({ code: 0, stderr: '' });
    expect(before.stdout).toMatch(/^Inherited names +not started +0\/2 solved$/m);
    expect(before.stdout).toMatch(/^A question called constructor +not started +0\/1 solved$/m);

    // The exercise called constructor, answered in the tutorial; then the one with parameters called toString,
    // valueOf and __proto__, with the sum they make.
    const a = await openLesson(lesson!, { lessons: pack });
    await a.s.waitFor('Which option is called constructor?');
    a.s.keys('Enter');
    await a.s.waitFor('Correct');
    a.s.keys('n');
    await a.s.waitFor('What is 2 + 3 + 4?');
    a.s.literal('9');
    a.s.keys('Enter');
    await a.s.waitFor('Correct');
    a.s.keys('q');
    expect(await a.s.waitFor(/EXITED:\d+/)).toContain('EXITED:0');
    const savedA = a.saved();
    expect(savedA.exercises).toEqual({
      constructor: expect.objectContaining({ solved: true, attempts: 1, score: 1 }),
      sum: expect.objectContaining({ solved: true, attempts: 1, score: 1 }),
    });
    expect(savedA.seen).toEqual(['constructor', 'sum']);

    // The model's question called constructor: stepped to, answered right (1001, the second choice).
    const b = await openLesson(withModel!, { lessons: pack });
    for (let step = 0; step < 20 && !b.s.screen().includes('? What acknowledgment number'); step++) {
      b.s.keys('Right');
      await b.s.waitFor(/event \d+\/13/);
    }
    await b.s.waitFor('? What acknowledgment number');
    b.s.keys('Down', 'Enter');
    await b.s.waitFor('✓ Right: 1001');
    b.s.keys('q');
    expect(await b.s.waitFor(/EXITED:\d+/)).toContain('EXITED:0');
    expect(b.saved().exercises).toEqual({ constructor: expect.objectContaining({ solved: true, attempts: 1 }) });

    // Both kept in one file, as a learner's would be: `progress` and `progress --export` see them.
    const kept = {
      version: 1,
      lessons: {
        constructor: savedA,
        'model-names': b.saved(),
      },
    };
    writeFileSync(progressFile, JSON.stringify(kept));
    const after = nettutor(['progress', '--lessons', pack, '--progress', progressFile], home);
    expect(after).toMatchObject({ code: 0, stderr: '' });
    expect(after.stdout).toMatch(/^Inherited names +done +2\/2 solved +score 100%$/m);
    expect(after.stdout).toMatch(/^A question called constructor +done +1\/1 solved +score 100%$/m);
    const exported = JSON.parse(
      nettutor(['progress', '--lessons', pack, '--progress', progressFile, '--export'], home).stdout,
    );
    expect(exported.lessons.find((l: { id: string }) => l.id === 'constructor')).toMatchObject({
      status: 'done',
      score: 1,
      exercises: 2,
      solved: 2,
    });
    expect(exported.progress.lessons.constructor.exercises.constructor.solved).toBe(true);
    expect(exported.progress.lessons['model-names'].exercises.constructor.solved).toBe(true);

    // The same file with "__proto__" keys written into it by hand: the lessons read the same; the "__proto__"
    // record is kept, as a lesson not loaded now.
    const text = readFileSync(progressFile, 'utf8')
      .replace('"exercises":{', '"exercises":{"__proto__":{"solved":true},')
      .replace('"lessons":{', '"lessons":{"__proto__":{"seen":["constructor","sum"],"exercises":{},"updatedAt":"x"},');
    const withProto = join(home, 'with-proto.json');
    writeFileSync(withProto, text);
    expect(Object.keys(JSON.parse(text).lessons)).toEqual(['__proto__', 'constructor', 'model-names']);
    const read = nettutor(['progress', '--lessons', pack, '--progress', withProto], home);
    expect(read).toMatchObject({ code: 0, stderr: '' });
    const lessonRows = (out: string) => out.split('\n').filter((l) => /solved/.test(l) && !/^Overall/.test(l));
    expect(lessonRows(read.stdout)).toEqual(lessonRows(after.stdout));
    expect(read.stdout).toContain('Also kept, for lessons not loaded now: __proto__');
    const exportedProto = JSON.parse(
      nettutor(['progress', '--lessons', pack, '--progress', withProto, '--export'], home).stdout,
    );
    expect(exportedProto.lessons).toEqual(exported.lessons);
    expect(Object.keys(exportedProto.progress.lessons)).toEqual(['__proto__', 'constructor', 'model-names']);
    expect(Object.keys(exportedProto.progress.lessons.constructor.exercises)).toEqual([
      '__proto__',
      'constructor',
      'sum',
    ]);
  });
});
