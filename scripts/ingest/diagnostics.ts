// One way to make and print ingest diagnostics. Every stage reports content problems as
// vfile-message objects with a place, a rule id, source `ingest` and a hint saying what to do;
// programmer errors are thrown instead.
import { VFileMessage } from 'vfile-message';
import { byCodePoint } from '../../src/lib/order';

export type Severity = 'error' | 'warning' | 'info';

export interface Place {
  line: number;
  column: number;
}

/** A VFileMessage that always carries a hint (also copied to `note`, where vfile tools look). */
export class IngestMessage extends VFileMessage {
  hint: string;
  constructor(reason: string, options: { place: Place; ruleId: string; hint: string }) {
    super(reason, { place: options.place, ruleId: options.ruleId, source: 'ingest' });
    this.hint = options.hint;
    this.note = options.hint;
  }
}

export interface MessageInit {
  file: string;
  place?: Place | undefined;
  ruleId: string;
  severity: Severity;
  /** What went wrong, in one sentence; quote found text in backticks. */
  reason: string;
  /** What to do about it. */
  hint: string;
  /** The text that was expected, when there is one. */
  expected?: string[];
  /** The text that was found instead. */
  actual?: string;
}

export function makeMessage(init: MessageInit): IngestMessage {
  const message = new IngestMessage(init.reason, {
    place: init.place ?? { line: 1, column: 1 },
    ruleId: init.ruleId,
    hint: init.hint,
  });
  message.file = init.file;
  message.fatal = init.severity === 'error' ? true : init.severity === 'warning' ? false : null;
  if (init.expected) message.expected = init.expected;
  if (init.actual !== undefined) message.actual = init.actual;
  return message;
}

export function severityOf(message: VFileMessage): Severity {
  return message.fatal === true ? 'error' : message.fatal === false ? 'warning' : 'info';
}

export function hintOf(message: VFileMessage): string | undefined {
  return message instanceof IngestMessage ? message.hint : (message.note ?? undefined);
}

/** Stable order for printing and for the report: file, line, column, rule. */
export function compareMessages(a: VFileMessage, b: VFileMessage): number {
  return (
    byCodePoint(a.file ?? '', b.file ?? '') ||
    (a.line ?? 0) - (b.line ?? 0) ||
    (a.column ?? 0) - (b.column ?? 0) ||
    byCodePoint(a.ruleId ?? '', b.ruleId ?? '') ||
    byCodePoint(a.reason, b.reason)
  );
}

/** `file:line:col  severity  message  [ruleId]` and, on the next line, `  hint: …`. */
export function formatMessage(message: VFileMessage): string {
  const where = `${message.file ?? '<unknown>'}:${message.line ?? 1}:${message.column ?? 1}`;
  const head = `${where}  ${severityOf(message)}  ${message.reason}  [${message.ruleId ?? 'ingest'}]`;
  const hint = hintOf(message);
  return hint ? `${head}\n  hint: ${hint}` : head;
}

/** Plain data for JSON reports (VFileMessage has getters and a stack we do not want). */
export function messageToJson(message: VFileMessage): {
  file: string;
  line: number;
  column: number;
  severity: Severity;
  ruleId: string;
  reason: string;
  hint: string | null;
  expected: string[] | null;
  actual: string | null;
} {
  return {
    file: message.file ?? '',
    line: message.line ?? 1,
    column: message.column ?? 1,
    severity: severityOf(message),
    ruleId: message.ruleId ?? 'ingest',
    reason: message.reason,
    hint: hintOf(message) ?? null,
    expected: message.expected ?? null,
    actual: message.actual ?? null,
  };
}

export function hasFatal(messages: readonly VFileMessage[]): boolean {
  return messages.some((m) => m.fatal === true);
}

/** Shorten quoted source text in messages so a 100 000-character line does not flood the console. */
export function excerpt(text: string, max = 24): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`;
}
