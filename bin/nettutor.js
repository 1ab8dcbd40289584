#!/usr/bin/env node
// CommonJS (bin/package.json says so): a start that loads no ES module before
// the first home screen is drawn is a few milliseconds sooner (see README,
// Performance).
//
// Settles the colour policy before anything loads chalk: NO_COLOR or
// --no-color mean no colour.
'use strict';
const argv = process.argv.slice(2);
const noColorFlag = argv.includes('--no-color');
if (noColorFlag || (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '' && !process.env.FORCE_COLOR)) {
  process.env.FORCE_COLOR = '0';
}
// NETTUTOR_DEBUG prints the stack trace of an unexpected error; the bundle's
// source maps make it name src/… lines. Only then: mapping costs start-up time.
if (process.env.NETTUTOR_DEBUG) process.setSourceMapsEnabled(true);
// The tutorial's first home screen, at once (dist/early.cjs: src/early.ts);
// nothing when the command line asks for something else. The CLI, an ES
// module, carries on from it.
let early;
try {
  early = require('../dist/early.cjs').startEarlyHome(argv);
} catch {
  // Not built: the CLI's own start says so below, or draws the screen itself.
}
import('../dist/cli.js').then(
  (cli) => cli.main(argv, early),
  (error) => {
    early?.release();
    process.stderr.write(
      `nettutor: could not load dist/cli.js (${error.code ?? error.message}). Run \`npm run build\` first.\n`,
    );
    process.exit(1);
  },
);
