import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { emptyProgress } from '../../src/core/progress/merge.js';
import type { Progress } from '../../src/core/progress/types.js';
import { initialTutorState } from '../../src/core/tutor/machine.js';
import { App } from '../../src/ui/App.js';
import { hintsFor } from '../../src/ui/keymap.js';
import { renderApp } from '../../src/ui/render-app.js';
import { makeTheme } from '../../src/ui/theme.js';
import { sampleLesson, secondLesson } from '../fixtures/lessons.js';
import { FakeTtyIn, FakeTtyOut } from '../helpers/fake-tty.js';
import { frameChecker } from '../helpers/frames.js';
import { KEYS, renderTui } from '../helpers/render.js';

afterEach(() => cleanup());

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function setup(
  opts: { ascii?: boolean; columns?: number; rows?: number; notices?: string[]; lesson?: string } = {},
) {
  const onSave = vi.fn<(p: Progress) => string | undefined>();
  const initial = initialTutorState({
    now: '2026-01-01T00:00:00.000Z',
    lessons: [sampleLesson, secondLesson],
    progress: emptyProgress(),
    seed: 7,
    notices: opts.notices,
    startLesson: opts.lesson,
  });
  const ui = await renderTui(
    <App
      initial={initial}
      theme={makeTheme({ color: false, ascii: opts.ascii ?? false })}
      locale="en"
      progressFile="/tmp/p.json"
      onSave={onSave}
    />,
    { columns: opts.columns ?? 80, rows: opts.rows ?? 24 },
  );
  return { ...ui, onSave };
}

describe('App shell', () => {
  it('shows the lesson list with statuses in words and the keys of the screen', async () => {
    const ui = await setup();
    const frame = await ui.waitForFrame('Enter open');
    expect(frame).toContain('Sample lesson');
    expect(frame).toContain('not started');
    expect(frame).toContain('q quit');
    expect(frame.split('\n').length).toBeLessThanOrEqual(23);
  });

  it('shows the summary of the highlighted lesson', async () => {
    const ui = await setup();
    expect(await ui.waitForFrame('Enter open')).toContain('A lesson used by the tests.');
    await ui.press(KEYS.down);
    await ui.waitForFrame('More.');
  });

  it('turns pages with the arrows even while an answer is being typed', async () => {
    const ui = await setup({ lesson: 'sample' });
    await ui.waitForFrame('page 1/5');
    await ui.press('n', 'n', 'n', 'n');
    await ui.waitForFrame('page 5/5');
    await ui.press(KEYS.left);
    await ui.waitForFrame('page 4/5');
  });

  it('takes keys that arrive together one by one', async () => {
    const ui = await setup({ lesson: 'sample' });
    await ui.waitForFrame('page 1/5');
    ui.stdin.write('nn');
    await ui.waitForFrame('page 3/5');
  });

  it('offers Enter to type only on a page with a typed answer', async () => {
    const ui = await setup({ lesson: 'sample' });
    expect(await ui.waitForFrame('page 1/5')).not.toContain('Enter type the answer');
    await ui.press('n', 'n', 'n', 'n', KEYS.escape);
    await ui.waitForFrame('Enter type the answer');
  });

  it('shows notices about lessons that could not be loaded', async () => {
    const ui = await setup({ notices: ['1 lesson file has problems'] });
    expect(await ui.waitForFrame('Enter open')).toContain('! 1 lesson file has problems');
  });

  it('opens a lesson with Enter and pages with n and p', async () => {
    const ui = await setup();
    await ui.waitForFrame('Enter open');
    await ui.press(KEYS.enter);
    let frame = await ui.waitForFrame('page 1/5');
    expect(frame).toContain('Welcome');
    expect(frame).toContain('n/→ next page');
    await ui.press('n');
    frame = await ui.waitForFrame('page 2/5');
    expect(frame).toContain('Which segment carries the server ISN?');
    await ui.press('p');
    await ui.waitForFrame('page 1/5');
  });

  it('grades a choice, says why, and saves progress at once', async () => {
    const ui = await setup({ lesson: 'sample' });
    await ui.waitForFrame('page 1/5');
    await ui.press('n', KEYS.down, KEYS.enter);
    const frame = await ui.waitForFrame('Correct');
    expect(frame).toContain('✓ Correct.');
    expect(frame).toContain('The server sends its ISN in its SYN,ACK.');
    expect(ui.onSave).toHaveBeenCalledTimes(1);
    expect(ui.onSave.mock.calls[0]![0].lessons.sample?.exercises['isn-carrier']?.solved).toBe(true);
  });

  it('says so when the lesson is complete', async () => {
    const ui = await setup({ lesson: 'sample' });
    await ui.waitForFrame('page 1/5');
    await ui.press('n', KEYS.down, KEYS.enter);
    await ui.waitForFrame('Correct');
    await ui.press('n', KEYS.space, KEYS.down, KEYS.space, KEYS.enter);
    await ui.waitForFrame('Correct');
    await ui.press('n', KEYS.space, KEYS.down, KEYS.down, KEYS.space, KEYS.enter);
    await ui.waitForFrame('Correct');
    await ui.press('n');
    await ui.type('1001');
    await ui.press(KEYS.enter);
    expect(await ui.waitForFrame('Lesson complete')).toContain('score 100%');
  });

  it('says on screen when progress could not be saved', async () => {
    const ui = await setup({ lesson: 'sample' });
    ui.onSave.mockReturnValue('the disk is full');
    await ui.waitForFrame('page 1/5');
    await ui.press('n', KEYS.down, KEYS.enter);
    await ui.waitForFrame('! progress not saved: the disk is full');
  });

  it('uses 7-bit marks in the ASCII style', async () => {
    const ui = await setup({ lesson: 'sample', ascii: true });
    await ui.waitForFrame('page 1/5');
    await ui.press('n', KEYS.enter);
    const frame = await ui.waitForFrame('Not quite');
    expect(frame).toContain('[no] Not quite.');
    expect(frame).not.toMatch(/[^\x00-\x7f]/);
  });

  it('sends letters to a short-answer field, and Esc gives the keys back', async () => {
    const ui = await setup({ lesson: 'sample' });
    await ui.waitForFrame('page 1/5');
    await ui.press('n', 'n', 'n', 'n');
    await ui.waitForFrame('page 5/5');
    await ui.type('1001q');
    await ui.waitForFrame('Your answer: 1001q');
    await ui.press(KEYS.backspace, KEYS.enter);
    await ui.waitForFrame('✓ Correct.');
  });

  it('shows the help overlay with ? and closes it with Esc', async () => {
    const ui = await setup();
    await ui.waitForFrame('Enter open');
    await ui.press('?');
    const frame = await ui.waitForFrame('Keys —');
    // Every key of the screen it was opened on, each with what it does, in place of the lesson list.
    const keys = hintsFor('home', false, true);
    expect(keys.length).toBeGreaterThan(2);
    for (const { keys: k, does } of keys)
      expect(frame).toMatch(new RegExp(`^ +${escapeRegExp(k)} +${escapeRegExp(does)}$`, 'm'));
    expect(frame).toMatch(/^ +q\/Ctrl\+C +quit$/m);
    expect(frame).not.toContain('Sample lesson');
    await ui.press(KEYS.escape);
    expect(await ui.waitForFrame('Enter open')).toContain('Sample lesson');
  });

  it('asks for a bigger terminal below the minimum size and recovers when it grows', async () => {
    const ui = await setup();
    await ui.waitForFrame('Enter open');
    await ui.resize(50, 12);
    await ui.waitForFrame('Make the terminal at least 60×16');
    await ui.resize(100, 30);
    const frame = await ui.waitForFrame('Enter open');
    expect(frame.split('\n').length).toBeLessThanOrEqual(29);
  });

  it('saves and exits on q', async () => {
    // Through the real entry point, to see the app end.
    const saves: Progress[] = [];
    const stdin = new FakeTtyIn();
    const stdout = new FakeTtyOut(80, 24);
    const app = renderApp({
      initial: initialTutorState({
        now: '2026-01-01T00:00:00.000Z',
        lessons: [sampleLesson, secondLesson],
        progress: emptyProgress(),
        seed: 7,
        startLesson: 'sample',
      }),
      locale: 'en',
      color: false,
      ascii: false,
      progressFile: '/tmp/p.json',
      stdin: stdin as never,
      stdout: stdout as never,
      stderr: new FakeTtyOut() as never,
      onSave: (p) => {
        saves.push(structuredClone(p));
        return undefined;
      },
    });
    let exited = false;
    void app.waitUntilExit().then(() => (exited = true));
    onTestFinished(() => app.unmount());
    const pages = sampleLesson.pages.length;
    await stdout.waitFor(`page 1/${pages}`);
    const mark = stdout.output.length;
    stdin.press('n');
    await stdout.waitFor(`page 2/${pages}`, mark);
    expect(saves).toEqual([]);
    stdin.press('q');
    await vi.waitFor(() => expect(exited, 'the app is still running after q').toBe(true), { timeout: 3000 });
    // Saved once, on quitting: the two pages seen, the page to resume at, nothing answered.
    expect(saves).toHaveLength(1);
    expect(saves[0]!.lessons).toEqual({
      sample: expect.objectContaining({ seen: ['intro', 'q-single'], page: 'q-single', exercises: {} }),
    });
    // Keys are no longer read.
    expect(stdin.listenerCount('readable')).toBe(0);
  });

  it('survives any key on any screen', async () => {
    // Keys that stay on the screen or move within the lesson: answers, hints, the solution, help, scrolling,
    // and keys bound to nothing. Esc, q and Ctrl+C leave the screen and are tested on their own.
    const keys = [
      'x',
      KEYS.tab,
      KEYS.pageDown,
      KEYS.pageUp,
      KEYS.home,
      KEYS.end,
      '€',
      '\u0007',
      'Z',
      KEYS.up,
      KEYS.space,
      KEYS.down,
      KEYS.space,
      KEYS.enter,
      'h',
      'r',
      KEYS.enter,
      'h',
      'h',
      'h',
      'y',
      'r',
      '?',
      KEYS.down,
      '?',
      KEYS.backspace,
      KEYS.left,
    ];
    const pages = sampleLesson.pages.length;
    for (let page = 1; page <= pages; page++) {
      const ui = await setup({ lesson: 'sample' });
      await ui.waitForFrame(`page 1/${pages}`);
      for (let i = 1; i < page; i++) await ui.press(KEYS.right);
      await ui.waitForFrame(`page ${page}/${pages}`);
      const frames = frameChecker(ui.frames, 80, 24, ui.frames.length - 1);
      await ui.press(...keys);
      // Every frame drawn fits and shows no error, and the lesson is still on screen…
      expect(frames.check(`keys on page ${page}`).slice(0, 3)).toEqual([]);
      expect(ui.frame()).toMatch(new RegExp(`^Sample lesson +page \\d+/${pages}`));
      // …and still answers: Esc leads back to the lesson list.
      await ui.press(KEYS.escape, KEYS.escape, KEYS.escape);
      expect(await ui.waitForFrame('Enter open')).toContain('Sample lesson');
      cleanup();
    }
  });
});
