// PLACEHOLDER until the extraction stage lands (issue 3): no awards, no categories.
import type { ClauseExtraction, StructuredClause } from './types';

export function extract(_clause: StructuredClause): ClauseExtraction {
  return { departments: [], primaryCategory: 'service', categories: [], categoryEvidence: [], tiers: [], awards: [], targets: [] };
}
