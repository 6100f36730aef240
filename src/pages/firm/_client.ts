// /firm/ in the browser: recompute the firm's results from the embedded award data whenever the
// form changes, with the same logic and renderer as the static pages, and keep the state in the URL.
import { firmResults, profileFromQuery, profileToQuery, type FirmData, type HeldTier } from '../../lib/firm';
import { renderFirmResults } from '../../lib/firm-render';

const embedded = document.getElementById('firm-data');
const form = document.getElementById('firm-form') as HTMLFormElement | null;
if (embedded && form) enhance(JSON.parse(embedded.textContent!) as { data: FirmData; tierInfo: Record<string, HeldTier> }, form);

function enhance({ data, tierInfo }: { data: FirmData; tierInfo: Record<string, HeldTier> }, form: HTMLFormElement): void {
  const out = document.getElementById('firm-results')!;
  const state = document.getElementById('firm-state')!;
  // The hidden link to the home page is written relative by the build, so it gives the site root under any base path and from file://.
  const root = new URL('.', (document.getElementById('firm-root') as HTMLAnchorElement).href);
  const knownTiers = new Set(Object.keys(tierInfo));
  const knownStatuses = new Set([...form.querySelectorAll<HTMLInputElement>('input[name=s]')].map((i) => i.value));
  const links = { clause: (id: string) => new URL(`clause/${id}/index.html`, root).href };

  const fromForm = (): string => {
    const params = new URLSearchParams();
    for (const [k, v] of new FormData(form)) if (typeof v === 'string' && v !== '') params.append(k, v);
    return `?${params.toString()}`;
  };

  const show = (query: string, push: boolean): void => {
    const profile = profileFromQuery(query, knownTiers, knownStatuses);
    out.innerHTML = renderFirmResults(firmResults(data, profile, (id) => tierInfo[id]!), links);
    state.textContent = `当前画像：${profile.tiers.length ? `${profile.tiers.length} 项认定` : '未选择认定'}${profile.listing ? '；计划上市' : ''}（链接已更新，可复制地址栏分享）`;
    for (const input of form.querySelectorAll<HTMLInputElement>('input')) {
      if (input.type === 'checkbox') {
        input.checked = input.name === 't' ? profile.tiers.includes(input.value as never) : input.name === 's' ? profile.statuses.includes(input.value as never) : profile.listing;
      } else if (input.name === 'dx') input.value = profile.digitalRetrofitYuan === null ? '' : String(profile.digitalRetrofitYuan / 1e4);
      else if (input.name === 'rd') input.value = profile.rdYuan === null ? '' : String(profile.rdYuan / 1e4);
    }
    if (push) history.replaceState(null, '', `${location.pathname}${profileToQuery(profile)}`);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    show(fromForm(), true);
  });
  form.addEventListener('change', () => show(fromForm(), true));
  if (location.search) show(location.search, false);
}
