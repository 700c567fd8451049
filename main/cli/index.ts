/**
 * `npm run cli -- <command> [options]`. Exit codes: 0 ok, 2 input rejected (same messages as
 * the UI), 1 internal error.
 */
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/api/errors';
import { EXIT_INTERNAL, EXIT_REJECTED, type CliIO } from './command';
import { COMMANDS } from './commands';

function usage(io: CliIO): void {
  io.out('就业监测分析工作站 CLI\n\nUsage: npm run cli -- <command> [options]\n');
  for (const c of COMMANDS) io.out(`  ${c.usage.padEnd(48)} ${c.summary}`);
}

export async function runCli(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === 'help') {
    usage(io);
    return name ? 0 : EXIT_REJECTED;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`未知命令 / unknown command: ${name}`);
    usage(io);
    return EXIT_REJECTED;
  }
  try {
    const parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    return await command.run({ values: parsed.values as Record<string, string | boolean | undefined>, positionals: parsed.positionals }, io);
  } catch (err) {
    if (err instanceof AppError) {
      io.err(`错误 / error [${err.code}]: ${err.message}`);
      return EXIT_REJECTED;
    }
    if (err instanceof TypeError && 'code' in err && String((err as { code: unknown }).code).startsWith('ERR_PARSE_ARGS')) {
      io.err(`${err.message}\nUsage: npm run cli -- ${command.usage}`);
      return EXIT_REJECTED;
    }
    io.err(`内部错误 / internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return EXIT_INTERNAL;
  }
}

const isMain = process.argv[1] && /cli[\\/]index\.(ts|js|cjs)$|cli\.cjs$/.test(process.argv[1]);
if (isMain) {
  // `npm run cli -- stl x.csv | head`: a closed pipe ends the output quietly instead of crashing.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(0);
    throw err;
  });
  runCli(process.argv.slice(2), { out: (l) => process.stdout.write(l + '\n'), err: (l) => process.stderr.write(l + '\n') }).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      console.error(err);
      process.exitCode = EXIT_INTERNAL;
    },
  );
}
