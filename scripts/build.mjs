// Bundles src/cli.ts into dist/ as ESM, with source maps. The TUI is a separate
// chunk loaded on demand, so `nettutor sim`, `--help` and `--version` never
// load Ink or React.
//
// The start of the tutorial (src/early.ts) is bundled apart, into one CommonJS
// file, dist/early.cjs, that bin/nettutor.js requires before anything else: it
// draws the first home screen from the lessons' outlines without waiting for
// the ES module loader or the CLI's chunks (see README, Performance).
//
// First it compiles the built-in lessons (lessons/) into dist/lessons.json:
// loaded and checked by the project's own loader, so a start of nettutor reads
// them validated instead of parsing and checking them again. A problem in a
// built-in lesson fails the build (exit 1) with its `file:line: field: message`.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));

// Built beside dist/ (at the same depth, so source maps name the same ../src/ files) and swapped in at the end:
// a process still running the last build (a test, a learner) keeps finding its files until then.
const out = mkdtempSync(join(root, '.dist-'));
chmodSync(out, 0o755); // mkdtemp makes it private; dist/ is read by whoever runs nettutor
const outName = out.slice(root.length);
process.on('exit', () => rmSync(out, { recursive: true, force: true }));
if (!(await compileLessons())) process.exit(1);

const define = {
  'process.env.NODE_ENV': '"production"',
  __NETTUTOR_VERSION__: JSON.stringify(pkg.version),
};
await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli.ts' },
  outdir: outName,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  keepNames: false,
  // Prefer ESM builds: jsonc-parser's UMD build requires its modules dynamically.
  mainFields: ['module', 'main'],
  chunkNames: 'chunks/[name]-[hash]',
  legalComments: 'none',
  // A .map beside each file, so a stack trace can name src/… lines (bin/nettutor.js turns source maps on only
  // under NETTUTOR_DEBUG). Mappings only: the sources themselves stay out of the package.
  sourcemap: 'linked',
  sourcesContent: false,
  logLevel: 'warning',
  // ssh2 is an optional peer dependency, loaded only by \`nettutor serve\` (await import('ssh2')): never bundled.
  external: ['ssh2'],
  alias: {
    'react-devtools-core': './scripts/stubs/react-devtools-core.js',
    'is-in-ci': './scripts/stubs/is-in-ci.js',
  },
  define: {
    ...define,
    // Yoga's loader (emscripten) asks `typeof fetch` before it decodes its inlined WebAssembly: in Node that
    // loads undici, Node's fetch (about 5 ms and 2 MB at every start), only for yoga to fetch its own data:
    // URL through it. Nothing in nettutor fetches, so the bundle has no fetch, and yoga decodes the bytes itself.
    fetch: 'undefined',
  },
  plugins: [inkSharedOutputCaches(), rememberedStringWidths()],
  banner: {
    js: "import { createRequire as __nettutorCreateRequire } from 'node:module'; const require = __nettutorCreateRequire(import.meta.url);",
  },
});

await build({
  absWorkingDir: root,
  entryPoints: ['src/early.ts'],
  outfile: join(outName, 'early.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: true,
  mainFields: ['module', 'main'],
  legalComments: 'none',
  sourcemap: 'linked',
  sourcesContent: false,
  logLevel: 'warning',
  // A CommonJS file has no import.meta: the one module that asks (for createRequire) gets this file's URL.
  define: { ...define, 'import.meta.url': '__nettutorFileUrl' },
  banner: { js: "const __nettutorFileUrl = require('node:url').pathToFileURL(__filename).href;" },
});

// The swap: the last build moved aside, this one in its place, the last one removed.
const dist = join(root, 'dist');
const old = `${out}-old`;
if (existsSync(dist)) renameSync(dist, old);
renameSync(out, dist);
rmSync(old, { recursive: true, force: true });

/**
 * Ink turns every line of every frame into styled cells (tokenizing its ANSI codes) and measures each character,
 * with caches that live for one frame: a new frame starts them again, though most of its lines were in the last
 * one. Under `nettutor serve`, where one process draws every learner's frames, that was the largest part of
 * the CPU a key costs. This keeps Ink's own caches from frame to frame (and across sessions, which show the
 * same lines), bounded: past a size they start again. A line's cells are only read once made, so sharing them
 * is safe. The build fails if Ink's source no longer has the line this replaces.
 */
function inkSharedOutputCaches() {
  const from = 'caches = new OutputCaches();';
  return {
    name: 'ink-shared-output-caches',
    setup(b) {
      b.onLoad({ filter: /[\\/]ink[\\/]build[\\/]output\.js$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        if (!source.includes(from)) throw new Error(`${args.path}: no "${from}" to make shared (has Ink changed?)`);
        const shared = `
let sharedOutputCaches = new OutputCaches();
function nettutorSharedOutputCaches() {
  const c = sharedOutputCaches;
  if (c.styledChars.size > 4000 || c.widths.size > 20000 || c.blockWidths.size > 4000) sharedOutputCaches = new OutputCaches();
  return sharedOutputCaches;
}
`;
        return {
          contents: source.replace(from, 'caches = nettutorSharedOutputCaches();') + shared,
          loader: 'js',
          resolveDir: dirname(args.path),
        };
      });
    },
  };
}

/**
 * string-width measures a text afresh at each call, and a frame asks for the same texts again and again (Ink
 * measures every text node for layout at every frame). Its answer depends only on the text when no options are
 * given, so those answers are remembered, up to a bound. The build fails if string-width's source no longer
 * has the line this renames. Only Ink and its helpers call string-width: nettutor's own code measures with
 * displayWidth (src/core/layout/width.ts), which needs no string-width at start-up and remembers its answers
 * the same way.
 */
function rememberedStringWidths() {
  const declaration = /export default function stringWidth\((\w+), options = \{\}\) \{/;
  return {
    name: 'remembered-string-widths',
    setup(b) {
      b.onLoad({ filter: /[\\/]string-width[\\/]index\.js$/ }, async (args) => {
        const source = await readFile(args.path, 'utf8');
        if (!declaration.test(source))
          throw new Error(`${args.path}: no stringWidth declaration to wrap (has string-width changed?)`);
        const remembered = `
const rememberedWidths = new Map();
export default function stringWidth(text, options) {
  if (options !== undefined || typeof text !== 'string') return measuredStringWidth(text, options);
  let width = rememberedWidths.get(text);
  if (width === undefined) {
    if (rememberedWidths.size >= 20000) rememberedWidths.clear();
    width = measuredStringWidth(text);
    rememberedWidths.set(text, width);
  }
  return width;
}
`;
        return {
          contents: source.replace(declaration, 'function measuredStringWidth($1, options = {}) {') + remembered,
          loader: 'js',
          resolveDir: dirname(args.path),
        };
      });
    },
  };
}

/** lessons/ → dist/lessons.json and dist/lesson-outlines.json, through a bundle of scripts/compile-lessons.ts run with this Node; false on a problem. */
async function compileLessons() {
  const work = mkdtempSync(join(tmpdir(), 'nettutor-build-'));
  try {
    const entry = join(work, 'compile-lessons.mjs');
    await build({
      absWorkingDir: root,
      entryPoints: ['scripts/compile-lessons.ts'],
      outfile: entry,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      mainFields: ['module', 'main'],
      logLevel: 'warning',
    });
    const r = spawnSync(
      process.execPath,
      [entry, join(root, 'lessons'), join(out, 'lessons.json'), pkg.version, join(out, 'lesson-outlines.json')],
      {
        cwd: root,
        stdio: 'inherit',
      },
    );
    return r.status === 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
