import { z } from 'zod';

/**
 * Canonical recognition tiers. `ladder` gives the order used by the benchmark (low → high
 * within a family); `family` groups tiers that are compared with each other.
 */
export const TIERS = [
  // Cultivation lists (培育企业, 后备企业) are candidates for a tier, never the tier itself.
  { id: 'innovative-sme', family: 'srdi', ladder: 1, zh: '创新型中小企业', en: 'Innovative SME' },
  { id: 'srdi-cultivation', family: 'srdi', ladder: 2, zh: '专精特新中小企业培育企业', en: 'SRDI SME (cultivation list)' },
  { id: 'municipal-srdi', family: 'srdi', ladder: 3, zh: '市级专精特新中小企业', en: 'Municipal SRDI SME' },
  { id: 'provincial-srdi', family: 'srdi', ladder: 4, zh: '省级专精特新中小企业', en: 'Provincial SRDI SME' },
  { id: 'little-giant-reserve', family: 'srdi', ladder: 5, zh: '专精特新“小巨人”后备企业', en: 'Little-giant reserve' },
  { id: 'little-giant', family: 'srdi', ladder: 6, zh: '国家级专精特新“小巨人”企业', en: 'National little giant' },
  { id: 'hidden-champion-cultivation', family: 'srdi', ladder: 7, zh: '“隐形冠军”培育企业', en: 'Hidden champion (cultivation list)' },
  { id: 'hidden-champion', family: 'srdi', ladder: 8, zh: '省级“隐形冠军”企业', en: 'Provincial hidden champion' },
  { id: 'single-champion-cultivation', family: 'champion', ladder: 1, zh: '单项冠军培育企业', en: 'Single champion (cultivation)' },
  { id: 'single-champion-product', family: 'champion', ladder: 2, zh: '制造业单项冠军产品', en: 'Single champion product' },
  { id: 'single-champion-demo', family: 'champion', ladder: 3, zh: '制造业单项冠军示范企业', en: 'Single champion demonstration enterprise' },
  { id: 'first-set-municipal', family: 'first-set', ladder: 1, zh: '市内首台（套）', en: 'First set (municipal)' },
  { id: 'first-set-provincial', family: 'first-set', ladder: 2, zh: '省内首台（套）', en: 'First set (provincial)' },
  { id: 'first-set-national', family: 'first-set', ladder: 3, zh: '国内首台（套）', en: 'First set (national)' },
  { id: 'first-set-international', family: 'first-set', ladder: 4, zh: '国际首台（套）', en: 'First set (international)' },
  { id: 'digital-workshop', family: 'factory', ladder: 1, zh: '数字化车间', en: 'Digital workshop' },
  { id: 'smart-factory', family: 'factory', ladder: 2, zh: '智能工厂', en: 'Smart factory' },
  { id: 'chain-leader-factory', family: 'factory', ladder: 3, zh: '链主工厂', en: 'Chain-leader factory' },
  { id: 'quality-award-municipal', family: 'quality-award', ladder: 1, zh: '市政府质量奖', en: 'Municipal quality award' },
  { id: 'quality-award-provincial', family: 'quality-award', ladder: 2, zh: '省政府质量奖', en: 'Provincial quality award' },
  { id: 'quality-award-national', family: 'quality-award', ladder: 3, zh: '中国质量奖', en: 'China Quality Award' },
  { id: 'standard-group', family: 'standard', ladder: 1, zh: '团体标准', en: 'Group standard' },
  { id: 'standard-industry', family: 'standard', ladder: 2, zh: '行业（地方）标准', en: 'Industry / local standard' },
  { id: 'standard-national', family: 'standard', ladder: 3, zh: '国家标准', en: 'National standard' },
  { id: 'standard-international', family: 'standard', ladder: 4, zh: '国际标准', en: 'International standard' },
  { id: 'service-platform-provincial', family: 'platform', ladder: 1, zh: '省级中小企业服务平台', en: 'Provincial SME service platform' },
  { id: 'service-platform-national', family: 'platform', ladder: 2, zh: '国家级中小企业服务平台', en: 'National SME service platform' },
  { id: 'academician-workstation', family: 'talent-platform', ladder: 2, zh: '院士工作站', en: 'Academician workstation' },
  { id: 'expert-workstation', family: 'talent-platform', ladder: 1, zh: '专家工作站', en: 'Expert workstation' },
  { id: 'postdoc-station', family: 'talent-platform', ladder: 2, zh: '博士后科研工作站', en: 'Postdoctoral research station' },
  { id: 'postdoc-base', family: 'talent-platform', ladder: 1, zh: '博士后创新创业实践基地', en: 'Postdoctoral practice base' },
  { id: 'green-design-demo-municipal', family: 'green-design', ladder: 1, zh: '市级工业产品绿色设计示范企业', en: 'Green design demonstration (municipal)' },
  { id: 'green-design-demo-provincial', family: 'green-design', ladder: 2, zh: '省级工业产品绿色设计示范企业', en: 'Green design demonstration (provincial)' },
  { id: 'green-design-demo-national', family: 'green-design', ladder: 3, zh: '国家级工业产品绿色设计示范企业', en: 'Green design demonstration (national)' },
] as const;

export type TierId = (typeof TIERS)[number]['id'];
export type Tier = (typeof TIERS)[number];

/** A canonical tier id, e.g. `little-giant`. The vocabulary may grow; ids never change. */
export const TierIdSchema = z.enum(TIERS.map((t) => t.id) as [TierId, ...TierId[]]);

export function tierById(id: TierId): Tier {
  const found = TIERS.find((t) => t.id === id);
  if (!found) throw new Error(`Unknown tier \`${id}\``);
  return found;
}
