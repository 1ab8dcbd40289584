// The multipart lesson's model on screen: the builder draws the exact bytes
// (numbered lines, CR and LF made visible, each part labelled) and follows
// the learner's keys; a question page hides what would give its answer away
// until the verdict, then marks it; every line fits the terminal, 7-bit with
// --ascii-only.
import { cleanup } from 'ink-testing-library';
import stringWidth from 'string-width';
import { afterEach, describe, expect, it } from 'vitest';
import { EXAMPLE_FIELDS, exampleForm, formBody } from '../../src/core/models/http-multipart/form.js';
import { escapedLines } from '../../src/core/models/http-multipart/multipart.js';
import { builtinLessons } from '../helpers/builtin-lessons.js';
import { KEYS } from '../helpers/render.js';
import { renderTutor } from './tutor-app.js';

afterEach(() => cleanup());

const lesson = builtinLessons.find((l) => l.id === 'multipart')!;
const pageNumber = (id: string) => lesson.pages.findIndex((p) => p.id === id) + 1;
const pages = lesson.pages.length;

async function open(
  pageId: string,
  opts: { columns?: number; rows?: number; ascii?: boolean; locale?: string; seed?: number } = {},
) {
  const ui = await renderTutor({ lessons: builtinLessons, lesson: 'multipart', ...opts });
  // The header says where the learner is, in the learner's language.
  const at = (n: number) => (opts.locale === 'zh-CN' ? `第 ${n}/${pages} 页` : `page ${n}/${pages}`);
  await ui.waitForFrame(at(1));
  // n turns every page but a short answer's, where it would be typed: → turns that one.
  for (let i = 1; i < pageNumber(pageId); i++)
    await ui.press(lesson.pages[i - 1]!.exercise?.type === 'short' ? KEYS.right : 'n');
  await ui.waitForFrame(at(pageNumber(pageId)));
  return ui;
}

const rows = (frame: string) => frame.split('\n');

describe('the builder', () => {
  it("draws RFC 7578's example: numbered lines, CR and LF made visible, each part labelled, 192 bytes", async () => {
    const ui = await open('build');
    const frame = await ui.waitForFrame('192 bytes, 2 parts: a receiver reads them back.');
    expect(frame).toContain('Content-Type: multipart/form-data; boundary=AaB03x');
    expect(frame).toMatch(/ 1 {3}--AaB03x\\r\\n {2}← part 1/);
    expect(frame).toMatch(/ 4 {3}Holiday\\r\\n\n/);
    expect(frame).toMatch(/ 5 {3}--AaB03x\\r\\n {2}← part 2/);
    expect(frame).toMatch(/10 {3}--AaB03x--\\r\\n {2}← end/);
    expect(frame).toContain('Form: title=Holiday · photo: notes.txt (text/plain, 5 bytes)');
    expect(frame).toMatch(/a field · f file · b boundary/);
  });

  it('follows the keys: a field, the next file, a boundary inside a file and where the receiver fails, another boundary', async () => {
    const ui = await open('build');
    await ui.press('a');
    await ui.waitForFrame('comment=Sun -- and sea');
    await ui.press('f', 'f', 'f');
    let frame = await ui.waitForFrame('The boundary AaB03x occurs in tricky.txt');
    // The window moves to the line where the receiver fails, marked in the margin.
    expect(frame).toMatch(/A receiver fails at line (\d+): part 4/);
    const line = /A receiver fails at line (\d+)/.exec(frame)![1]!;
    expect(frame).toMatch(new RegExp(`${line} ▶ that looks like a delimiter`));
    await ui.press('b');
    frame = await ui.waitForFrame('boundary=----WebKitFormBoundary7MA4YWxkTrZu0gW');
    expect(frame).toContain('a receiver reads them back');
    expect(frame).not.toContain('occurs in tricky.txt');
    await ui.press('x', 'x', 'x');
    await ui.waitForFrame('There is no text field to remove.');
  });

  it('scrolls a body longer than the screen, and lists every key in the help', async () => {
    const ui = await open('build', { rows: 20, columns: 60 });
    await ui.press('a', 'a', 'a');
    let frame = await ui.waitForFrame(/lines 1-\d+ of \d+: ↑↓\/PgUp\/PgDn scroll, i shows all/);
    // Lines of the body, not rows of the screen: at 60 columns a long line takes two rows.
    const form = { ...exampleForm(), fields: [...EXAMPLE_FIELDS] };
    expect(frame).toContain(`of ${escapedLines(formBody(form).body).length}:`);
    const shownLines = [...frame.matchAll(/^ ?(\d+) {3}\S/gm)].map((m) => Number(m[1]));
    expect(frame).toContain(`lines 1-${Math.max(...shownLines)} of`);
    await ui.press(KEYS.pageDown);
    frame = await ui.waitForFrame((f) => /lines ([2-9]|\d\d)-\d+ of/.test(f));
    await ui.press(...Array.from({ length: 6 }, () => KEYS.pageDown));
    // The window now holds the long line of the file's Content-Disposition, in two rows.
    frame = await ui.waitForFrame(/filename\n {5}="notes.txt"/);
    const lastShown = [...frame.matchAll(/^ ?(\d+) {3}\S/gm)].map((m) => Number(m[1]));
    expect(frame).toContain(`lines ${Math.min(...lastShown)}-${Math.max(...lastShown)} of`);
    for (const row of rows(frame)) expect(stringWidth(row)).toBeLessThanOrEqual(59);
    await ui.press('?');
    frame = await ui.waitForFrame('remove the last field');
    for (const does of ['add a field', 'next example file', 'next boundary', 'a random form', 'scroll the body down'])
      expect(frame).toContain(does);
  });
});

describe('a question about the body', () => {
  // Seeds that draw each style of boundary: short, a browser's (four hyphens of its own), hyphens and digits, a colon.
  it.each([4, 1, 2, 7])(
    'hides the boundary and the marks until the verdict, grades the choice, and asks again about a new body (seed %i)',
    async (seed) => {
      const ui = await open('find', { seed });
      let frame = await ui.waitForFrame('This body was sent with');
      expect(frame).toContain('Content-Type: multipart/form-data; boundary=?');
      expect(frame).not.toContain('← part');
      // Worked out from the screen: the first line of the body less its two leading hyphens.
      const first = /^ ?1 {3}--(.+)\\r\\n$/m.exec(frame)![1]!;
      // The choices: the rows that hold the boundary's letters and digits (some choices have fewer hyphens).
      const core = first.replace(/^-+/, '');
      const choices = rows(frame).filter((r) => /^[› ] \S/.test(r) && r.includes(core) && !r.includes('\\r\\n'));
      expect(choices.length).toBeGreaterThanOrEqual(3);
      const at = choices.findIndex((r) => r.slice(2) === first);
      expect(at).toBeGreaterThanOrEqual(0);
      for (let i = 0; i < at; i++) await ui.press(KEYS.down);
      await ui.press(KEYS.enter);
      frame = await ui.waitForFrame(`✓ Right: ${first}`);
      expect(frame).toContain('← part 1');
      expect(frame).toMatch(/boundary="?[^?]/);
      const saved = ui.onSave.mock.calls.at(-1)![0];
      expect(saved.lessons.multipart?.exercises['find-boundary']).toMatchObject({ solved: true });
      await ui.press('r');
      frame = await ui.waitForFrame((f) => f.includes('boundary=?') && !f.includes('Right:'));
      expect(frame).toContain('This body was sent with');
    },
  );

  it('at 60×20 in 7-bit ASCII, a wrong answer keeps the body in view and shows the verdict and its why whole', async () => {
    // Seed 1 draws a browser's boundary: long enough to wrap a choice and the verdict at 60 columns.
    const ui = await open('find', { seed: 1, columns: 60, rows: 20, ascii: true });
    let frame = await ui.waitForFrame('This body was sent with');
    const first = /^ ?1 {3}--(.+)\\r\\n$/m.exec(frame)![1]!;
    const choices = rows(frame).filter((r) => /^[> ] \S/.test(r) && !r.includes('\\r\\n'));
    const wrong = choices.findIndex((r) => r.slice(2) !== first);
    for (let i = 0; i < wrong; i++) await ui.press(KEYS.down);
    await ui.press(KEYS.enter);
    frame = await ui.waitForFrame('[no]');
    const r = rows(frame);
    expect(frame).not.toContain('...');
    expect(frame.replace(/\s+/g, ' ')).toContain(`The model's answer: ${first}`);
    // The body keeps rows of its own, and the why runs to its full stop above the status bar.
    expect(r.filter((row) => /^ ?\d+ {3}\S/.test(row)).length).toBeGreaterThanOrEqual(1);
    const verdictRow = r.findIndex((row) => row.startsWith('[no] '));
    const bar = r.findLastIndex((row) => /^-{20,}$/.test(row));
    const why = r
      .slice(verdictRow + 1, bar)
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
    expect(why).toMatch(/\.$/);
    for (const row of r) expect(stringWidth(row)).toBeLessThanOrEqual(60);
  });

  it('marks the line where the receiver fails once a broken delimiter is answered', async () => {
    const ui = await open('spot');
    let frame = await ui.waitForFrame('One delimiter in this body is broken');
    expect(frame).not.toMatch(/▶/);
    await ui.press(KEYS.enter);
    frame = await ui.waitForFrame(/The model's answer: line \d+|Right: line \d+/);
    const line = /(?:answer|Right): line (\d+)/.exec(frame)![1]!;
    expect(frame).toMatch(new RegExp(`^ *${line} ▶ `, 'm'));
    expect(frame).toMatch(new RegExp(`line ${line}: `));
  });

  it('asks in Chinese with --lang zh-CN', async () => {
    const ui = await open('value', { locale: 'zh-CN' });
    const frame = await ui.waitForFrame('接收方得到的');
    expect(frame).toContain('的值是哪些字节？');
  });
});

describe('on every screen', () => {
  it('keeps the empty line of a fenced block (the anatomy of a body)', async () => {
    const ui = await open('anatomy');
    const frame = await ui.waitForFrame('The shape of a body');
    const r = rows(frame);
    const at = r.findIndex((row) => row.includes('Content-Disposition: form-data; name="title"'));
    expect(r[at + 1]!.trim()).toBe('');
    expect(r[at + 2]!.trim()).toBe('Holiday');
  });

  it('writes 7-bit ASCII only with --ascii-only, the builder and a verdict alike', async () => {
    const ui = await open('build', { ascii: true });
    let frame = await ui.waitForFrame('a receiver reads them back');
    expect(frame).toContain('<- part 1');
    expect(frame).not.toMatch(/[^\x00-\x7f]/);
    await ui.press('f');
    frame = await ui.waitForFrame('cat.png');
    expect(frame).toContain('\\x89PNG\\r\\n');
    expect(frame).not.toMatch(/[^\x00-\x7f]/);
    for (let i = pageNumber('build'); i < pageNumber('spot'); i++)
      await ui.press(lesson.pages[i - 1]!.exercise?.type === 'short' ? KEYS.right : 'n');
    await ui.waitForFrame('One delimiter in this body is broken');
    await ui.press(KEYS.enter);
    frame = await ui.waitForFrame(/\[(ok|no)\]/);
    expect(frame).not.toMatch(/[^\x00-\x7f]/);
  });
});
