// Bundles src/cli.ts into dist/ as ESM, with source maps. The TUI is a separate
// chunk loaded on demand, so `nettutor sim`, `--help` and `--version` never
// load Ink or React.
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8'));

rmSync(`${root}dist`, { recursive: true, force: true });
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
  alias: {
    'react-devtools-core': './scripts/stubs/react-devtools-core.js',
    'is-in-ci': './scripts/stubs/is-in-ci.js',
  },
  define: {
    'process.env.NODE_ENV': '"production"',
    __NETTUTOR_VERSION__: JSON.stringify(pkg.version),
  },
  banner: {
    js: "import { createRequire as __nettutorCreateRequire } from 'node:module'; const require = __nettutorCreateRequire(import.meta.url);",
  },
});
