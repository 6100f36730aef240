// The firm view's results as HTML, one renderer for the static pages (build time) and the
// browser (after the form changes), so both say the same thing in the same words.
import { awardValueLabel, FREQUENCY_LABELS, wanWithUnit } from './format';
import { FREQUENCIES, PLAN_LABELS, sumOf, type ByFrequency, type CityResult, type FirmLine, type FirmTotals } from './firm';
import { STATUS_LABELS } from './status';

export interface RenderLinks {
  /** Address of a clause's permalink page. */
  clause: (clauseId: string) => string;
}

const ROLE_LABELS: Record<FirmLine['role'], string> = {
  recognition: '认定奖励',
  plan: '按计划可申请',
  'tier-benefit': '面向该层级企业',
  conditional: '面向该层级企业、另有条件（未计入）',
};

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function exclusionText(line: FirmLine): string {
  const e = line.excluded;
  if (!e) return '';
  switch (e.reason) {
    case 'status':
      return `未计入：政策${STATUS_LABELS[e.status].zh}`;
    case 'exclusivity':
      return `未计入：原文规定“${e.rule.quote}”（就高，保留 ${e.keptAwardId}）`;
    case 'conditional':
      return '未计入：须满足画像未涉及的条件';
    case 'no-amount':
      return line.award.kind === 'non-monetary' ? '非资金支持，不计金额' : '未计入：原文未写明可加总的金额';
    case 'needs-amount':
      return `未计入：请填写${PLAN_LABELS[e.plan].zh}`;
  }
}

function lineValue(line: FirmLine): string {
  if (line.valueKind === 'computed' && line.value !== null) {
    const a = line.award;
    return `按 ${a.ratioPercent}% 计 ${wanWithUnit(line.uncapped ?? line.value)}${line.capped ? `，封顶 ${wanWithUnit(line.value)}` : ''}`;
  }
  if (line.valueKind === 'cap' && line.value !== null) return `最高 ${wanWithUnit(line.value)}`;
  return awardValueLabel({ ...line.award, reason: null, reference: null });
}

function renderLine(line: FirmLine, links: RenderLinks): string {
  const a = line.award;
  const status = a.status === 'in-force' ? '' : ` <span class="badge badge-${a.status}">${STATUS_LABELS[a.status].zh}</span>`;
  const excluded = line.excluded ? `<p class="firm-excluded">${escapeHtml(exclusionText(line))}</p>` : '';
  return `<li class="firm-line${line.excluded ? ' is-excluded' : ''}" data-award="${escapeHtml(a.id)}">
<p><strong>${escapeHtml(lineValue(line))}</strong> · ${FREQUENCY_LABELS[a.frequency].zh} · ${ROLE_LABELS[line.role]}${line.plan ? `（${PLAN_LABELS[line.plan].zh}）` : ''}${status}</p>
<blockquote>“${escapeHtml(a.quote)}”</blockquote>
<p class="firm-source"><a href="${escapeHtml(links.clause(a.clauseId))}">${escapeHtml(a.policyTitle)} · ${escapeHtml(a.clauseNumber)} ${escapeHtml(a.clauseTitle)}</a></p>
${excluded}</li>`;
}

function byFrequency(by: ByFrequency): string {
  const parts = FREQUENCIES.filter((f) => by[f] > 0).map((f) => `${FREQUENCY_LABELS[f].zh} ${wanWithUnit(by[f])}`);
  return parts.length ? parts.join('；') : '—';
}

function renderTotals(totals: FirmTotals): string {
  return `<dl class="firm-totals">
<dt>定额合计</dt><dd>${byFrequency(totals.fixed)}</dd>
<dt>按比例测算（已封顶）</dt><dd>${byFrequency(totals.computed)}</dd>
<dt>最高限额合计（“最高”“不超过”，不是确定金额）</dt><dd>${byFrequency(totals.cap)}</dd>
</dl>`;
}

/** Every city's result: totals first, then each award with its words and its clause. */
export function renderFirmResults(results: readonly CityResult[], links: RenderLinks): string {
  return results
    .map((r) => {
      const id = `firm-${r.city.slug}`;
      const body = r.lines.length
        ? `${renderTotals(r.totals)}
${r.appliedRules.map((rule) => `<p class="firm-rule">适用原文的不重复享受规定：<a href="${escapeHtml(links.clause(rule.clauseId))}">“${escapeHtml(rule.quote)}”</a></p>`).join('\n')}
<ol class="firm-lines">${r.lines.map((l) => renderLine(l, links)).join('\n')}</ol>`
        : '<p>没有找到该画像可申请的奖补。</p>';
      const sum = sumOf(r.totals.fixed) + sumOf(r.totals.computed);
      return `<section class="firm-city" aria-labelledby="${id}"><h2 id="${id}">${escapeHtml(r.city.zh)}<span class="firm-headline">${r.anyCounted ? `确定可得 ${wanWithUnit(sum)}` : '无计入合计的奖补'}</span></h2>
${body}</section>`;
    })
    .join('\n');
}
