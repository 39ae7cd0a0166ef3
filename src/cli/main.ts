import { Command, CommanderError } from 'commander';
import { registerCommands } from './program';
import { InputError, PlatformValidationError } from '../core/errors';
import { printable } from '../core/files';
import { goldenPathVersion } from '../core/version';

/** Exit codes: 0 ok, 1 findings or failures reached the threshold, 2 bad input. */
export const EXIT_BAD_INPUT = 2;

export function buildProgram(): Command {
  const program = new Command('goldenpath')
    .description('Golden Path: guardrails, plan review, catalog and portal for CDKTF apps')
    .version(goldenPathVersion(), '-v, --version')
    .showSuggestionAfterError(true)
    .exitOverride()
    // commander's own error text is replaced by our one line in main(); set before the
    // subcommands are added so they inherit it
    .configureOutput({ writeErr: () => undefined });
  registerCommands(program);
  return program;
}

/**
 * Run the CLI. Errors from commander (unknown command, bad flag) and InputErrors become
 * one line on stderr and exit code 2; nothing prints a stack trace for bad input.
 */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (err) {
    if (err instanceof CommanderError) {
      // help and version arrive here too, as successes
      if (err.exitCode === 0) return 0;
      process.stderr.write(`goldenpath: ${err.message.replace(/^error: /, '')}\n`);
      return EXIT_BAD_INPUT;
    }
    // bad input, whether a file (InputError) or props built from it (PlatformValidationError)
    if (err instanceof InputError || err instanceof PlatformValidationError) {
      process.stderr.write(`goldenpath: ${oneLine(err.message)}\n`);
      return EXIT_BAD_INPUT;
    }
    throw err;
  }
}

/** Messages quote values from files; a newline in one must not split the line, nor a control byte garble it. */
function oneLine(message: string): string {
  return printable(message.replace(/\r?\n/g, '\\n'));
}
