import { afterEach, describe, expect, it, vi } from 'vitest';
import { reportUnexpected } from '../scripts/unexpected';

describe('reportUnexpected', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    process.exitCode = undefined;
  });

  it('prints one line that says it is a bug, without the stack trace, and exits 70', () => {
    const printed: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => void printed.push(line));
    vi.stubEnv('DEBUG', '');
    reportUnexpected('ingest', new TypeError('Cannot read properties of undefined (reading `x`)\nsecond line'));
    expect(printed).toEqual([
      'ingest: unexpected error — this is a bug in ingest, not in your input: TypeError: Cannot read properties of undefined (reading `x`) (DEBUG=1 shows the trace)',
    ]);
    expect(process.exitCode).toBe(70);
  });

  it('adds the stack trace under DEBUG=1', () => {
    const printed: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => void printed.push(line));
    vi.stubEnv('DEBUG', '1');
    reportUnexpected('build', new Error('boom'));
    expect(printed).toHaveLength(2);
    expect(printed[1]).toMatch(/^Error: boom\n\s+at /);
  });
});
