// Bundled and run by scripts/build.mjs: loads the built-in lessons with the
// loader `nettutor lessons check` uses (every check, the engine runs included)
// and writes them, validated, to one JSON file the CLI reads at start.
// Usage: node compile-lessons.mjs <lessons dir> <output file> <package version>
// Any problem in a lesson is printed as `file:line: field: message` and the
// exit status is 1; texts missing in a translation are printed as warnings.
import { writeFileSync } from 'node:fs';
import { compileLessons, formatProblem, withReviews } from '../src/node/builtin-lessons.js';
import { loadLessonPack } from '../src/node/lesson-files.js';

const [dir, out, version] = process.argv.slice(2);
if (!dir || !out || !version) {
  process.stderr.write('usage: compile-lessons <lessons dir> <output file> <package version>\n');
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
