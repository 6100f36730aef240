// The last line of defence of every CLI: an error nobody turned into a diagnostic is a bug.
// The user gets one line saying so (the trace only with DEBUG=1), never a raw stack trace.

/** Print an unexpected error as one line (plus its trace under DEBUG=1) and set exit code 70 (EX_SOFTWARE). */
export function reportUnexpected(tool: string, error: unknown): void {
  const message = error instanceof Error ? `${error.name}: ${error.message.split('\n')[0]}` : String(error);
  console.error(`${tool}: unexpected error — this is a bug in ${tool}, not in your input: ${message} (DEBUG=1 shows the trace)`);
  if (process.env.DEBUG === '1' && error instanceof Error && error.stack) console.error(error.stack);
  process.exitCode = 70;
}
