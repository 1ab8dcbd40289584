// `nettutor http <model> …`: the HTTP models on the command line (the contract
// is the project's http CLI spec; docs/http.md describes each command). Each
// model's command is its own module in src/cli/http/, loaded when asked for.
import { ownEntry } from '../core/own.js';
import { didYouMean } from '../core/suggest.js';
import { type CliIO, EXIT, UsageError } from './io.js';

type Runner = (args: string[], io: CliIO) => Promise<number>;

/** One line a command: its name, what it does, and how to load it. */
const COMMANDS: Record<string, { does: string; load: () => Promise<Runner> }> = {
  versions: {
    does: 'N requests over HTTP/1.0, 1.1, 1.1 pipelined, 1.1 with K connections and HTTP/2: a waterfall or JSON',
    load: async () => (await import('./http/versions.js')).runVersionsCommand,
  },
  multipart: {
    does: 'build a multipart/form-data body, or read one back',
    load: async () => (await import('./http/multipart.js')).runMultipart,
  },
  forward: {
    does: 'what a forward proxy sends on to the server',
    load: async () => (await import('./http/forward.js')).default,
  },
  gateway: {
    does: 'the status code a client gets through a gateway, and who generates it',
    load: async () => (await import('./http/gateway.js')).runGateway,
  },
};

const HINT = "try 'nettutor http --help'";

function usage(): string {
  const names = Object.keys(COMMANDS);
  const width = Math.max(8, ...names.map((n) => n.length));
  const lines = names.map((n) => `  nettutor http ${n.padEnd(width)}  ${COMMANDS[n]!.does}`);
  return `Usage:\n${lines.join('\n') || '  (no HTTP model yet)'}\n\nRun \`nettutor http <command> --help\` for a command's options.\n`;
}

export async function runHttp(args: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = args;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(usage());
    return EXIT.ok;
  }
  if (name === undefined) {
    throw new UsageError(`http needs a command: ${Object.keys(COMMANDS).join(', ') || 'none yet'}`, HINT);
  }
  const command = ownEntry(COMMANDS, name);
  if (!command) {
    const names = Object.keys(COMMANDS);
    throw new UsageError(
      `unknown http command '${name}'${didYouMean(name, names)} (commands: ${names.join(', ') || 'none yet'})`,
      HINT,
    );
  }
  const run = await command.load();
  return run(rest, io);
}
