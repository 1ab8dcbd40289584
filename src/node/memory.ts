// The tutorial's peak memory. Node's defaults suit a server that runs hot code
// for hours: V8 doubles its young generation while a start allocates, and its
// optimizing compilers (Maglev, TurboFan) compile hot functions on background
// threads, each with memory of its own. A terminal tutorial gains nothing from
// either (a key is answered in a few milliseconds without them). With Node's
// defaults the tutorial's peak RSS on the lesson list was 90, 104 and 105 MB
// on Node 22, 24 and 26 (82 MB on Node 20), past the 90 MB it keeps under;
// with these three flags it is 72–83 MB there, and under 88 MB walking every
// lesson. So once the first home screen is on the terminal, the tutorial tells
// V8 to keep the young generation at its size and to stay with its baseline
// compilers (the commands that print and exit, and the workshop server, keep
// Node's defaults).
//
// Node documents changing V8 flags after start-up as possibly unpredictable.
// Why these three are safe enough: V8 reads each when it decides, not once at
// start — the growth factor when a scavenge resizes the young generation, the
// two compilers' switches when a function is considered for tier-up — so a
// change takes effect from the next decision; code already optimized stays
// valid, and a compile job in flight finishes as before. Node starts V8 with
// --no-freeze-flags-after-init so that v8.setFlagsFromString keeps working.
// And it is measured on each Node version nettutor is tested on: the whole
// test suite in .ci/run (its end-to-end runs start the tutorial, so with
// these flags), every lesson walked with random keys and resizes
// (scripts/walk-lessons.py: no crash, no V8 message), and peak RSS per
// version in `npm run bench`. Set any earlier (say, first thing in the bin),
// RSS is a little lower still, but V8 then stops taking Node's code cache for
// the modules still to load (their flags no longer match), and the first
// frame comes 5–8 ms later; set here, that cost falls while the UI loads.
//
// A flag V8 does not know is not ignored: V8 prints an error on stdout, over
// the screen. So the flags are set only on the Node versions nettutor is
// tested on, where test/node/memory.test.ts checks each of them exists.
import { setFlagsFromString } from 'node:v8';

export const MEMORY_FLAGS = ['--semi-space-growth-factor=1', '--no-maglev', '--no-opt'] as const;

/** The major versions of Node whose V8 is checked to know MEMORY_FLAGS (CI runs on each). */
export const CHECKED_MAJORS = [20, 22, 24, 26] as const;

/** Whether the tutorial sets MEMORY_FLAGS on this Node: only on a version where they are known to exist. */
export function holdsMemory(nodeVersion = process.versions.node): boolean {
  return (CHECKED_MAJORS as readonly number[]).includes(Number(nodeVersion.split('.')[0]));
}

/** Sets MEMORY_FLAGS for the rest of the process's life, on a Node where they are checked; else nothing. */
export function holdMemory(nodeVersion = process.versions.node): void {
  if (!holdsMemory(nodeVersion)) return;
  for (const flag of MEMORY_FLAGS) setFlagsFromString(flag);
}
