// Command-line options for every CLI, through Node's own parseArgs (strict): an unknown or
// misspelt option, or one missing its value, is a usage error that names it, never ignored.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** A wrong command line: the CLI prints `<name>: <message>` and its usage, and exits 2. */
export class UsageError extends Error {}

/** The options and positionals of `argv` by `spec`; throws UsageError with Node's message for anything else. */
export function cliArgs<T extends OptionSpec>(argv: readonly string[], spec: T, positionals = false) {
  try {
    return parseArgs({ args: [...argv], options: spec, strict: true, allowPositionals: positionals });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.replace(/\. To specify a positional argument.*$/s, '') : String(error));
  }
}

/** Prints a usage error and sets exit code 2; returns true when `error` was one. */
export function reportUsage(name: string, usage: string, error: unknown): boolean {
  if (!(error instanceof UsageError)) return false;
  console.error(`${name}: ${error.message}`);
  console.error(`usage: ${usage}`);
  process.exitCode = 2;
  return true;
}
