declare const __NETTUTOR_VERSION__: string;

export async function main(argv: string[]): Promise<void> {
  if (argv.includes('--version')) {
    process.stdout.write(`${__NETTUTOR_VERSION__}\n`);
    return;
  }
  process.stdout.write('nettutor\n');
}
