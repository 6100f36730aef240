// GB/T 7714-2015 citations (src/lib/cite.ts): the standard's own examples of electronic
// resources (4.8), and the three forms the atlas needs, on the real policies.
import { describe, expect, it } from 'vitest';
import { citationForm, clauseLocator, gbt7714 } from '../src/lib/cite';
import type { Policy } from '../src/schema';
import { realOutput } from './fixtures/ingest-helpers';
import { policy } from './site-fixtures';

const source = (over: Partial<Policy['sources'][number]>): Policy['sources'] => [
  { file: 'x.txt', format: 'txt', sourceKind: 'official-document', publisher: null, url: null, primary: true, sha256: 'a'.repeat(64), encoding: 'utf-8', lineCount: 1, ...over },
];
const real = (id: string) => realOutput().result.policies.find((p) => p.id === id)!;
const clauseOf = (id: string) => realOutput().result.clauses.find((c) => c.id === id)!;

describe('the standard\'s examples', () => {
  it('cites a government notice online as GB/T 7714-2015 4.8 does (北京市人民政府办公厅 … [A/OL])', () => {
    const notice = policy({
      id: 'beijing-2005',
      city: { zh: '北京', slug: 'beijing' },
      issuer: '北京市人民政府办公厅',
      title: '关于转发北京市企业投资项目核准暂行实施办法的通知',
      docNumber: '京政办发〔2005〕37号',
      issued: '2005-07-12',
      sources: source({ url: 'http://china.findlaw.cn/fagui/p_1/39934.html' }),
    });
    expect(gbt7714(notice, null, '2011-07-12')).toBe(
      '北京市人民政府办公厅. 关于转发北京市企业投资项目核准暂行实施办法的通知: 京政办发〔2005〕37号[A/OL]. (2005-07-12)[2011-07-12]. http://china.findlaw.cn/fagui/p_1/39934.html.',
    );
  });

  it('cites an electronic bulletin online as GB/T 7714-2015 4.8 does (萧钰 … [EB/OL])', () => {
    const article = policy({
      id: 'creader-2001',
      city: { zh: '北京', slug: 'beijing' },
      issuer: '萧钰',
      title: '出版业信息化迈入快车道',
      issued: '2001-12-19',
      sources: source({ sourceKind: 'consultancy-article', url: 'http://www.creader.com/news/20011219/200112190019.html' }),
    });
    expect(gbt7714(article, null, '2002-04-15')).toBe('萧钰. 出版业信息化迈入快车道[EB/OL]. (2001-12-19)[2002-04-15]. http://www.creader.com/news/20011219/200112190019.html.');
  });
});

describe('the atlas\'s three forms', () => {
  it('cites Changsha\'s official notice as a government document with place, publisher, year and clause, and no access date', () => {
    const changsha = real('changsha-2025-measures');
    expect(citationForm(changsha)).toBe('government-document');
    expect(gbt7714(changsha, clauseOf('changsha-2025-measures/6'), '2026-11-30')).toBe(
      '长沙市人民政府办公室. 关于促进专精特新中小企业高质量发展的若干措施: 长政办发〔2025〕3号[A]. 长沙: 长沙市人民政府办公室, 2025: 第六条.',
    );
  });

  it('cites Hangzhou\'s draft for comment with 佚名 and [出版者不详], never the sidecar\'s notes', () => {
    const hangzhou = real('hangzhou-action-plan');
    expect(citationForm(hangzhou)).toBe('draft-for-comment');
    const clause = realOutput().result.clauses.find((c) => c.policyId === 'hangzhou-action-plan' && c.path === '2.2.5')!;
    expect(gbt7714(hangzhou, clause, '2026-11-30')).toBe('佚名. 杭州市加快中小企业“专精特新”发展行动计划（公开征求意见稿）[A]. 杭州: [出版者不详]: 二、（二）5.');
  });

  it('names a draft as 征求意见稿 when its title does not', () => {
    const draft = policy({ id: 'd', city: { zh: '甲', slug: 'jia' }, title: '甲市若干措施', draft: true, year: null, sources: source({ sourceKind: 'draft-for-comment', publisher: '甲市工信局' }) });
    expect(gbt7714(draft, null, '2026-01-02')).toBe('佚名. 甲市若干措施: 征求意见稿[A]. 甲: 甲市工信局.');
  });

  it('cites Jiaxing\'s consultancy reprint as an electronic resource with unknown place, estimated year and access date', () => {
    const jiaxing = real('jiaxing-2022-opinions');
    expect(citationForm(jiaxing)).toBe('electronic-reprint');
    expect(gbt7714(jiaxing, clauseOf('jiaxing-2022-opinions/2.2.3'), '2026-11-30')).toBe(
      '佚名. 关于加快推动中小企业“专精特新”发展的意见[EB/OL]. [出版地不详]: 潮盛企业管理咨询中心, [2022]: 二、(二)3[2026-11-30].',
    );
  });

  it('cites a reprint with a known URL online, with the clause before the dates', () => {
    const reprint = policy({ id: 'r', city: { zh: '乙', slug: 'yi' }, issuer: '乙市工信局', title: '乙市措施', issued: '2024-05-06', sources: source({ sourceKind: 'consultancy-article', publisher: '某咨询', url: 'https://example.org/a' }) });
    expect(gbt7714(reprint, { number: '（三）', sectionPath: [] }, '2026-01-02')).toBe('乙市工信局. 乙市措施[EB/OL]. 第三条(2024-05-06)[2026-01-02]. https://example.org/a.');
  });

  it('locates a nested clause by its printed markers', () => {
    expect(clauseLocator({ number: '3.', sectionPath: [{ marker: '二、', title: '' }, { marker: '(二)', title: '' }] })).toBe('二、(二)3');
    expect(clauseLocator({ number: '（三十二）', sectionPath: [] })).toBe('第三十二条');
  });
});
