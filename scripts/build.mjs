// Bundles src/cli.ts into dist/ as ESM, with source maps. The TUI is a separate
// chunk loaded on demand, so `nettutor sim`, `--help` and `--version` never
// load Ink or React.
//
// First it compiles the built-in lessons (lessons/) into dist/lessons.json:
// loaded and checked by the project's own loader, so a start of nettutor reads
// them validated instead of parsing and checking them again. A problem in a
// built-in lesson fails the build (exit 1) with its `file:line: field: message`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));

rmSync(`${root}dist`, { recursive: true, force: true });
mkdirSync(`${root}dist`);
if (!(await compileLessons())) {
  rmSync(`${root}dist`, { recursive: true, force: true });
  process.exit(1);
}
await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'dist',
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
    'process.env.NODE_ENV': '"production"',
    __NETTUTOR_VERSION__: JSON.stringify(pkg.version),
    // Yoga's loader (emscripten) asks `typeof fetch` before it decodes its inlined WebAssembly: in Node that
    // loads undici, Node's fetch (about 5 ms and 2 MB at every start), only for yoga to fetch its own data:
    // URL through it. Nothing in nettutor fetches, so the bundle has no fetch, and yoga decodes the bytes itself.
    fetch: 'undefined',
  },
  banner: {
    js: "import { createRequire as __nettutorCreateRequire } from 'node:module'; const require = __nettutorCreateRequire(import.meta.url);",
  },
});

/** lessons/ → dist/lessons.json, through a bundle of scripts/compile-lessons.ts run with this Node; false on a problem. */
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
      [entry, join(root, 'lessons'), join(root, 'dist', 'lessons.json'), pkg.version],
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
