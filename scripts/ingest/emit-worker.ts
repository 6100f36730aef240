// A worker thread that emits and writes clause MDX for scripts/ingest.ts, so a large corpus is
// serialised on two cores. Same code as the main thread (write.ts), so the same bytes.
import { parentPort } from 'node:worker_threads';
import type { Clause } from '../../src/schema';
import { writeClauseFiles } from './write';

export interface EmitRequest {
  out: string;
  clauses: Clause[];
}
export type EmitResponse = { written: string[] } | { error: string };

parentPort?.on('message', ({ out, clauses }: EmitRequest) => {
  let response: EmitResponse;
  try {
    response = { written: writeClauseFiles(out, clauses) };
  } catch (error) {
    response = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(response);
});
