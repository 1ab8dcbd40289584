// docs/authoring.md cannot rot: its complete example (every file shown under a
// caption naming its path) is written to a folder and checked with the built
// CLI, validated against the JSON Schema, and compared with what the page says
// of it; each `$ nettutor …` transcript on the page is run and must print what
// the page shows.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { drawParams, expectedAnswer } from '../../src/core/grading/grade.js';
import { text } from '../../src/core/i18n/localize.js';
import { loadLessonFolder } from '../../src/node/lesson-files.js';
import { validateStructure } from '../helpers/lesson-schema.js';

const bin = fileURLToPath(new URL('../../bin/nettutor.js', import.meta.url));
const doc = readFileSync(fileURLToPath(new URL('../../docs/authoring.md', import.meta.url)), 'utf8');

interface Block {
  /** The caption's path (`my-lessons/x/en.md`), when the line before the block names one. */
  path?: string;
  info: string;
  body: string;
}

/** The fenced blocks of a Markdown page, outer fences only (a block may hold a shorter fence). */
function fencedBlocks(markdown: string): Block[] {
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  /** The paragraph being read, and the last one read before blank lines. */
  let paragraph: string[] = [];
  let last: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,})(.*)$/.exec(lines[i]!);
    if (!open) {
      if (lines[i]!.trim() !== '') paragraph.push(lines[i]!);
      else if (paragraph.length > 0) [last, paragraph] = [paragraph, []];
      continue;
    }
    const fence = open[1]!;
    const body: string[] = [];
    for (i++; i < lines.length && !new RegExp(`^${fence}\\s*$`).test(lines[i]!); i++) body.push(lines[i]!);
    // A caption is the paragraph just before the block: "`my-lessons/…/en.md`, the words:".
    const caption = (paragraph.length > 0 ? paragraph : last).join(' ');
    const path = /^`(my-lessons\/[^`]+)`.*:$/.exec(caption)?.[1];
    blocks.push({ ...(path ? { path } : {}), info: open[2]!.trim(), body: `${body.join('\n')}\n` });
    paragraph = [];
    last = [];
  }
  return blocks;
}

const blocks = fencedBlocks(doc);
const files = blocks.filter((b): b is Block & { path: string } => b.path !== undefined);
const file = (name: string) => files.find((f) => f.path.endsWith(`/${name}`))!;

/** A fresh folder holding the example's files, changed by `edit` (path → text) first. */
function example(edit: (path: string, text: string) => string = (_, t) => t): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'nettutor-doc-')));
  for (const f of files) {
    mkdirSync(join(dir, dirname(f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), edit(f.path, f.body));
  }
  return dir;
}
const nettutor = (args: string[], cwd: string) => {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', cwd, env: { ...process.env, CI: '' } });
  return { code: r.status, output: r.stdout + r.stderr };
};

/** The headings of a locale file as keys: `#`, `## <page-id>`, `### …` (titles left out), outside fences. */
function headings(markdown: string): string[] {
  let fenced = false;
  const out: string[] = [];
  for (const line of markdown.split('\n')) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    else if (!fenced && /^#{1,3} /.test(line)) out.push(line.replace(/^(# ).*$/, '#').replace(/^(## [^:]+):.*$/, '$1'));
  }
  return out;
}

describe('the complete example of docs/authoring.md', () => {
  it('shows lesson.jsonc, en.md and zh-CN.md in full, and the scenario file the lesson names', () => {
    expect(files.map((f) => f.path.split('/').pop()).sort()).toEqual(
      ['en.md', 'lesson.jsonc', 'slow-network.json', 'zh-CN.md'].sort(),
    );
    expect(new Set(files.map((f) => dirname(f.path))).size).toBe(1);
  });

  it('passes lessons check --strict, as the page says', () => {
    const dir = example();
    expect(nettutor(['lessons', 'check', 'my-lessons', '--strict'], dir)).toEqual({
      code: 0,
      output: '1 valid lesson, 0 problems\n',
    });
    expect(doc.replace(/\s+/g, ' ')).toContain(
      '`nettutor lessons check my-lessons --strict` says `1 valid lesson, 0 problems`',
    );
  });

  it('validates against the JSON Schema', () => {
    expect(validateStructure(parse(file('lesson.jsonc').body))).toEqual({ valid: true, errors: [] });
  });

  it('uses every heading of a locale file, and its translation keeps them all as they are', () => {
    const en = headings(file('en.md').body);
    const kinds = new Set(
      en.map((h) =>
        h
          .replace(/^## [a-z0-9-]+$/, '## <page-id>')
          .replace(/^### (option|item|why|mistake) .*$/, '### $1 <id>')
          .replace(/^### hint for .*$/, '### hint for <question-id>'),
      ),
    );
    expect([...kinds].sort()).toEqual(
      [
        '#',
        '## <page-id>',
        '### prompt',
        '### hint',
        '### explanation',
        '### option <id>',
        '### why <id>',
        '### item <id>',
        '### mistake <id>',
        '### hint for <question-id>',
      ].sort(),
    );
    // A page with a title and one without.
    expect(file('en.md').body).toMatch(/^## [a-z0-9-]+: \S/m);
    expect(file('en.md').body).toMatch(/^## [a-z0-9-]+$/m);
    expect(headings(file('zh-CN.md').body)).toEqual(en);
  });

  it("computes the short answer its last hint gives: the client's ISN + 102", () => {
    const dir = example();
    const lesson = loadLessonFolder(join(dir, dirname(file('en.md').path)), dir).lesson!;
    const e = lesson.pages.find((p) => p.exercise?.type === 'short')!.exercise!;
    for (const r of [0, 0.999999]) {
      const params = drawParams(e, () => r);
      const isn = Number(params.isn);
      const [answer] = expectedAnswer(e, { params, lesson });
      expect(text(answer!, 'en')).toBe(String(isn + 102));
    }
    expect(file('en.md').body).toContain('{isn} + 1 (SYN) + 100 (data) + 1 (FIN).');
  });
});

describe('the HTTP versions model on docs/authoring.md', () => {
  const jsonc = blocks.filter((b) => b.info === 'jsonc' && b.body.includes('"kind": "http-versions"'));

  it('shows a page and a computed answer that the loader and the schema accept', () => {
    expect(jsonc).toHaveLength(2);
    const page = parse(jsonc.find((b) => b.body.includes('"questions"'))!.body);
    const answer = parse(`{${jsonc.find((b) => b.body.trimStart().startsWith('"answer"'))!.body}}`).answer;
    const structure = {
      formatVersion: 2,
      id: 'versions-doc',
      order: 1,
      pages: [
        page,
        {
          id: 'total',
          exercise: {
            id: 'total',
            type: 'short',
            kind: 'number',
            params: { n: { int: [2, 8] }, rtt: { choice: [40, 100] }, s: { int: [10, 90] } },
            answer,
          },
        },
      ],
    };
    expect(validateStructure(structure)).toEqual({ valid: true, errors: [] });
    const dir = realpathSync(mkdtempSync(join(tmpdir(), 'nettutor-doc-')));
    mkdirSync(join(dir, 'versions-doc'));
    writeFileSync(join(dir, 'versions-doc', 'lesson.jsonc'), JSON.stringify(structure));
    writeFileSync(
      join(dir, 'versions-doc', 'en.md'),
      '# Versions\n\nA lesson.\n\n## watch-pipelining\n\nWatch.\n\n## total\n\n### prompt\n\nHow long?\n\n### hint\n\nAdd.\n',
    );
    expect(nettutor(['lessons', 'check', dir, '--strict'], dir)).toEqual({
      code: 0,
      output: '1 valid lesson, 0 problems\n',
    });
  });
});

/** The review lesson of the page (*Review pages*): its lesson.jsonc and en.md, beside the complete example. */
const reviewStructure = blocks.find((b) => b.info === 'jsonc' && b.body.includes('"id": "my-review"'))!;
const reviewWords = blocks.find((b) => b.info === 'markdown' && b.body.startsWith('# Retransmission, again'))!;
/** The example's folder with the review lesson added, its structure changed by `edit`. */
function withReview(edit: (text: string) => string = (t) => t): string {
  const dir = example();
  mkdirSync(join(dir, 'my-lessons', 'my-review'));
  writeFileSync(join(dir, 'my-lessons', 'my-review', 'lesson.jsonc'), edit(reviewStructure.body));
  writeFileSync(join(dir, 'my-lessons', 'my-review', 'en.md'), reviewWords.body);
  return dir;
}

describe('the review lesson on docs/authoring.md', () => {
  it('is accepted by the schema, and by the loader beside the example and the built-in lessons', () => {
    expect(validateStructure(parse(reviewStructure.body))).toEqual({ valid: true, errors: [] });
    expect(nettutor(['lessons', 'check', 'my-lessons', '--strict'], withReview())).toEqual({
      code: 0,
      output: '2 valid lessons, 0 problems\n',
    });
  });
});

// The transcripts on the page (found by a word in them), each run on the example with the change the page
// describes before it, or in an empty folder; `review` runs it with the review lesson of the page beside it.
const TRANSCRIPTS: Array<[string, string, ((path: string, text: string) => string) | undefined, review?: true]> = [
  [
    'a translation missing a hint',
    'hint for predict-fin-again',
    (path, t) => (path.endsWith('zh-CN.md') ? t.replace(/### hint for predict-fin-again\n\n[^\n]+\n\n/, () => '') : t),
  ],
  [
    'an answer that is not an option',
    'found "90"',
    (path, t) => (path.endsWith('lesson.jsonc') ? t.replace('"answer": "900"', '"answer": "90"') : t),
  ],
  [
    'a Chinese term the glossary does not write',
    '序列号',
    (path, t) => (path.endsWith('zh-CN.md') ? t.replace('序号', '序列号') : t),
  ],
  ['lessons new, in an empty folder', '$ nettutor lessons new', undefined],
  ['a review page naming an exercise the lesson does not have', 'third-sin', undefined, true],
];

describe('the transcripts of docs/authoring.md', () => {
  const transcripts = blocks.filter((b) => b.info === '' && b.body.startsWith('$ nettutor '));

  it('are the ones this test runs', () => {
    expect(transcripts).toHaveLength(TRANSCRIPTS.length);
    for (const [, marker] of TRANSCRIPTS) expect(transcripts.filter((t) => t.body.includes(marker))).toHaveLength(1);
  });

  it.each(TRANSCRIPTS)('%s: nettutor prints what the page shows', (_, marker, change, review) => {
    const transcript = transcripts.find((t) => t.body.includes(marker))!;
    const dir = review
      ? withReview((t) => t.replace('retransmission/third-syn', 'retransmission/third-sin'))
      : change
        ? example(change)
        : realpathSync(mkdtempSync(join(tmpdir(), 'nettutor-doc-')));
    const steps = transcript.body.split(/^\$ /m).filter(Boolean);
    for (const step of steps) {
      const [command, ...printed] = step.split('\n');
      expect(nettutor(command!.split(' ').slice(1), dir).output).toBe(printed.join('\n'));
    }
  });
});
