import { describe, expect, it } from 'vitest';
import { buildAtlas } from '../src/lib/atlas';
import { emptyProfile, firmResults } from '../src/lib/firm';
import { firmData, heldTier } from '../src/lib/firm-data';
import { renderFirmResults } from '../src/lib/firm-render';
import { award, clause, policy, TODAY } from './site-fixtures';

const links = { clause: (id: string) => `/clause/${id}/` };

describe('renderFirmResults', () => {
  const p = policy({ id: 'x-measures', city: { zh: '某<市>', slug: 'x' }, effective: '2025-01-01' });
  const text = '对首次认定的国家级专精特新“小巨人”企业给予50万元一次性奖励，<script>不执行</script>。对开展数字化改造的企业，按改造投入的30%给予补助，最高不超过20万元。';
  const c = clause(p, '1', text, {}, (id, t) => [
    award(id, 1, t, '对首次认定的国家级专精特新“小巨人”企业给予50万元一次性奖励，<script>不执行</script>', { amountYuan: 500000, tier: 'little-giant', frequency: 'one-off' }),
    award(id, 2, t, '按改造投入的30%给予补助，最高不超过20万元', { kind: 'ratio', amountYuan: 200000, ratioPercent: 30, ratioBase: '改造投入', recognition: false }),
  ]);
  const data = firmData(buildAtlas([p], [c], TODAY));

  it('escapes the quoted words and the city name, so a text that looks like HTML is shown, never run', () => {
    const html = renderFirmResults(firmResults(data, { ...emptyProfile(), tiers: ['little-giant'] }, heldTier), links);
    expect(html).toContain('&lt;script&gt;不执行&lt;/script&gt;');
    expect(html).toContain('某&lt;市&gt;');
    expect(html).not.toContain('<script>');
    expect(html).toContain('href="/clause/x-measures/1/"');
  });

  it('shows a computed ratio with its base amount and cap, and the certain total in the heading', () => {
    const html = renderFirmResults(firmResults(data, { ...emptyProfile(), tiers: ['little-giant'], digitalRetrofitYuan: 100e4 }, heldTier), links);
    expect(html).toContain('按 30% 计 30 万元，封顶 20 万元');
    expect(html).toContain('确定可得 70 万元');
    expect(html).toMatch(/定额合计<\/dt><dd>一次性 50 万元<\/dd>/);
  });
});
