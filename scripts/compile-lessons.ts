// Bundled and run by scripts/build.mjs: loads the built-in lessons with the
// loader `nettutor lessons check` uses (every check, the engine runs included)
// and writes them, validated, to one JSON file the CLI reads at start.
// It also writes the lessons' outlines (what the lesson list shows, and what
// scores need: src/node/lesson-outlines.ts), as the tutorial loads the
// compiled file back, for the start to draw the first home screen from.
// Usage: node compile-lessons.mjs <lessons dir> <output file> <package version> <outlines file>
// Any problem in a lesson is printed as `file:line: field: message` and the
// exit status is 1; texts missing in a translation are printed as warnings.
import { writeFileSync } from 'node:fs';
import { outlineOf } from '../src/core/progress/score.js';
import { compileLessons, formatProblem, loadInstalledLessons, withReviews } from '../src/node/builtin-lessons.js';
import { loadLessonPack } from '../src/node/lesson-files.js';
import { OUTLINES_FORMAT, type OutlinesFile } from '../src/node/lesson-outlines.js';

const [dir, out, version, outlinesOut] = process.argv.slice(2);
if (!dir || !out || !version || !outlinesOut) {
  process.stderr.write('usage: compile-lessons <lessons dir> <output file> <package version> <outlines file>\n');
  process.exit(2);
}
const loaded = loadLessonPack(dir, 'builtin');
for (const w of loaded.warnings) process.stderr.write(`warning: ${formatProblem(w)}\n`);
// The review pages are checked against the lessons they draw on, but compiled as written: they are filled in
// when the lessons are loaded, from the lessons loaded then (--lessons may replace one).
const { problems } = withReviews(loaded);
if (problems.length > 0) {
  for (const p of problems) process.stderr.write(`${formatProblem(p)}\n`);
  const n = problems.length;
  process.stderr.write(`build: the built-in lessons have ${n} problem${n === 1 ? '' : 's'}; the build fails\n`);
  process.exit(1);
}
writeFileSync(out, `${JSON.stringify(compileLessons(loaded, dir, version))}\n`);
// Outlined from the lessons as a start of the tutorial gets them (the compiled file read back, in order, every
// review page filled in), so that the first screen counts what the app counts.
const installed = await loadInstalledLessons({ builtinLessonsDir: dir, compiledLessonsFile: out, version });
const outlines: OutlinesFile = { format: OUTLINES_FORMAT, version, lessons: installed.lessons.map(outlineOf) };
writeFileSync(outlinesOut, `${JSON.stringify(outlines)}\n`);
