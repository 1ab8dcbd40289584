// With --lang zh-CN every word a learner reads is Chinese, but for the
// technical tokens that stay Latin (see test/helpers/english-words.ts): every
// kind of screen at 80×24 and 60×20, every page of every lesson at 80×24, and
// golden files of a few screens at both widths. With --ascii-only the same
// screens are English and 7-bit.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { builtinLessons } from '../helpers/builtin-lessons.js';
import { ALLOWED, codePhrases, englishWords, lessonData, modelData } from '../helpers/english-words.js';
import { frameProblems } from '../helpers/frames.js';
import { expectGolden, expectNoStrayGoldens } from '../helpers/golden.js';
import { type Screen, drawScreen, everyPage, homeScreens, screenKinds } from '../helpers/zh-screens.js';

const allowed = ALLOWED;
const data = [...modelData(), ...lessonData(builtinLessons), ...codePhrases()].sort((a, b) => b.length - a.length);
const SIZES = [
  { columns: 80, rows: 24 },
  { columns: 60, rows: 20 },
];

/** The screens' English words and frames that do not fit, each named by its screen and size. */
async function problemsOf(screens: readonly Screen[], sizes: typeof SIZES, locale = 'zh-CN', ascii = false) {
  const problems: string[] = [];
  for (const screen of screens) {
    for (const size of sizes) {
      const frame = await drawScreen(screen.state, size, locale, ascii);
      const where = `${screen.name} at ${size.columns}×${size.rows}`;
      for (const p of frameProblems(frame, size.columns, size.rows)) problems.push(`${where}: ${p}`);
      if (ascii) {
        const outside = [...frame].filter((ch) => ch.charCodeAt(0) > 0x7e);
        if (outside.length > 0) problems.push(`${where}: not 7-bit: ${[...new Set(outside)].join('')}\n${frame}`);
        continue;
      }
      const english = englishWords(frame, allowed, data);
      if (english.length > 0) problems.push(`${where}: English ${[...new Set(english)].join(', ')}\n${frame}`);
    }
  }
  return problems;
}

describe('with --lang zh-CN', () => {
  it('every kind of screen is in Chinese, at 80×24 and 60×20', async () => {
    const screens = screenKinds();
    // The kinds are all there: each type of exercise, each kind of model with its question and verdict, overlays.
    const names = screens.map((s) => s.name).join('\n');
    for (const part of ['home: help', 'home: notices', ': verdict', ': solution', ': show the solution?', ': info'])
      expect(names).toContain(part);
    for (const kind of ['tcp', 'http-gateway', 'http-proxy', 'http-multipart', 'http-versions']) {
      const page = builtinLessons.flatMap((l) => l.pages.map((p) => ({ l, p }))).find((x) => x.p.model?.kind === kind);
      expect(page, kind).toBeDefined();
    }
    expect(names.match(/: question, verdict$/gm)?.length).toBeGreaterThanOrEqual(5);
    expect(await problemsOf(screens, SIZES)).toEqual([]);
  }, 120_000);

  it('every page of every lesson is in Chinese at 80×24, with its verdict or its question', async () => {
    expect(await problemsOf(everyPage(), [SIZES[0]!])).toEqual([]);
  }, 120_000);

  it('asks for a bigger terminal in Chinese', async () => {
    const frame = await drawScreen(homeScreens()[0]!.state, { columns: 50, rows: 12 });
    expect(frame).toContain('请把终端调到至少 60×16');
    expect(englishWords(frame, allowed)).toEqual([]);
  });
});

describe('with --ascii-only and --lang zh-CN', () => {
  it('every kind of screen is in English and writes not one byte outside 7-bit ASCII', async () => {
    const screens = screenKinds();
    expect(await problemsOf(screens, [SIZES[1]!], 'zh-CN', true)).toEqual([]);
    const home = await drawScreen(screens[0]!.state, SIZES[0]!, 'zh-CN', true);
    expect(home).toContain('--ascii-only: the lessons are shown in English');
  }, 120_000);
});

describe('the English-word check', () => {
  it('finds English prose and lets technical tokens, glosses and data through', () => {
    expect(englishWords('客户端 sends 一个 SYN', allowed)).toEqual(['sends']);
    expect(englishWords('Hint 1：确认号', allowed)).toEqual(['Hint']);
    expect(
      englishWords(
        'SYN,ACK seq=5000 ack=1001 · TIME-WAIT · Content-Type: text/plain · 429 Too Many Requests · 分隔行（delimiter）· “connection refused” · Enter · 5 ms',
        allowed,
      ),
    ).toEqual([]);
    expect(englishWords('表单：comment=See you soon', allowed, data)).toEqual([]);
    // A reason phrase ends before the next row's field: `WWW-Authenticate: Basic` is not one.
    expect(englishWords('HTTP/1.1 401 Unauthorized\nWWW-Authenticate: Basic realm="x"', allowed)).toEqual(['Basic']);
    // Data is taken off as whole tokens only: `ok` is data somewhere, `Cookie` is not made `Co ie`.
    expect(englishWords('Cookie: id=42 and more 字', allowed, ['ok'])).toEqual(['and', 'more']);
  });
});

const GOLDEN = join(fileURLToPath(new URL('.', import.meta.url)), '__golden__', 'zh-CN');

describe('golden screens in Chinese', () => {
  const kinds = screenKinds();
  const pick = (name: string) => {
    const s = kinds.find((k) => k.name === name);
    if (!s) throw new Error(`no screen ${name}`);
    return s;
  };
  const chosen: Array<[string, Screen]> = [
    ['home', pick('home')],
    ['choice-verdict', pick('how-nettutor-works/try-single: verdict')],
    ['gateway-question-verdict', pick('status-codes/gateway-answers: question, verdict')],
  ];
  const files: string[] = [];
  for (const [file, screen] of chosen) {
    for (const size of SIZES) {
      const name = `${file}.${size.columns}.txt`;
      files.push(name);
      it(`${screen.name} at ${size.columns}×${size.rows} is as ${name} says`, async () => {
        expectGolden(join(GOLDEN, name), `${await drawScreen(screen.state, size)}\n`);
      });
    }
  }
  it('has no golden file that no test reads', () => expectNoStrayGoldens(GOLDEN, files));
});
