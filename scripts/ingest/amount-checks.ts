// Sums of money the amount grammar (extract-amounts.ts) reads but should not be believed: a
// minus sign before them (`-50万元` would read as 500,000 yuan), scientific notation (`1e309万元`
// would read as 309万元) and sums beyond any budget. Each is a content problem with a place in
// the clause text; the pipeline turns it into a positioned diagnostic.
import { findMoney } from './extract-amounts';

/** Largest believable single sum: 1万亿 yuan (10¹²), far above any city's whole budget. */
export const MAX_AMOUNT_YUAN = 1e12;

export interface AmountProblem {
  ruleId: 'amount-negative' | 'amount-notation' | 'amount-absurd';
  /** Offset in the clause text where the problem starts (the sign or the number). */
  offset: number;
  reason: string;
  hint: string;
}

const MINUS = new Set(['-', '－', '−', '负']);

export function amountProblems(text: string): AmountProblem[] {
  const out: AmountProblem[] = [];
  for (const token of findMoney(text)) {
    const written = text.slice(token.start, token.end);
    const before = text[token.start - 1];
    const twoBefore = text[token.start - 2];
    if (before !== undefined && MINUS.has(before) && !(twoBefore !== undefined && /[\d０-９]/.test(twoBefore))) {
      // `10-50万元` is a range; `-50万元` after anything but a digit is a negative sum.
      out.push({
        ruleId: 'amount-negative',
        offset: token.start - 1,
        reason: `Negative sum \`${before}${written}\`: a subsidy or reward cannot be negative`,
        hint: 'check the source: remove a stray minus sign, or write a range as 10-50万元',
      });
    } else if ((before === 'e' || before === 'E') && twoBefore !== undefined && /[\d.]/.test(twoBefore)) {
      out.push({
        ruleId: 'amount-notation',
        offset: token.start - 2,
        reason: `Sum \`…${before}${written}\` is in scientific notation, which policy texts do not use; it would be read as ${written}`,
        hint: 'check the source against the published text and write the sum in digits (e.g. 50万元)',
      });
    } else if (!Number.isSafeInteger(token.yuan) || token.yuan > MAX_AMOUNT_YUAN) {
      out.push({
        ruleId: 'amount-absurd',
        offset: token.start,
        reason: `Sum \`${written}\` is more than 1万亿元 (10¹² yuan), beyond any policy's budget`,
        hint: 'check the source for a typing or conversion error (extra digits, 万 for 元)',
      });
    }
  }
  return out;
}
