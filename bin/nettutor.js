#!/usr/bin/env node
// Settles the colour policy before anything imports chalk (static imports are
// hoisted, so this file has none): NO_COLOR or --no-color mean no colour.
const argv = process.argv.slice(2);
const noColorFlag = argv.includes('--no-color');
if (noColorFlag || (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '' && !process.env.FORCE_COLOR)) {
  process.env.FORCE_COLOR = '0';
}
// NETTUTOR_DEBUG prints the stack trace of an unexpected error; the bundle's
// source maps make it name src/… lines. Only then: mapping costs start-up time.
if (process.env.NETTUTOR_DEBUG) process.setSourceMapsEnabled(true);
await import('../dist/cli.js').then(
  (cli) => cli.main(argv),
  (error) => {
    process.stderr.write(
      `nettutor: could not load dist/cli.js (${error.code ?? error.message}). Run \`npm run build\` first.\n`,
    );
    process.exit(1);
  },
);
