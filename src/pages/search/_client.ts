// The search page in the browser: URL ⇄ form, query → Pagefind phrase searches, results.
// Matching rules live in src/lib/search/text.ts; this file only orchestrates and renders.
import type { TraditionalPairs } from './t2s.json';
import {
  allRanges,
  containsTerm,
  decodeMetaText,
  excerpt,
  looseKey,
  matchedFields,
  pagefindPhrase,
  parseQuery,
  SEARCH_FIELDS,
  toSimplified,
  type QueryTerm,
  type SearchableParts,
} from '../../lib/search/text';
import { splitByDictionary, translateEnglish, type EnglishLexicon, type Translation } from '../../lib/search/query';
import type { SearchMeta } from '../../schema/search';

/** Build-time data the page embeds as JSON (#search-data). */
export interface SearchPageData {
  /** The traditional characters ./t2s.json maps to simplified ones, concatenated. */
  traditional: string;
  /** English words for the atlas's terms → Chinese search words (src/lib/search/lexicon.ts). */
  english: EnglishLexicon;
  /** Words an unspaced query is split into when it finds nothing whole, longest first. */
  dictionary: string[];
}

export const FILTER_KEYS = ['city', 'category', 'tier', 'award', 'status', 'year'] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

export interface SearchState {
  q: string;
  filters: Partial<Record<FilterKey, string[]>>;
  /** Also match the 责任单位 (`dept=1`); by default a query matches heading and text only. */
  departments: boolean;
}

/** The subset of Pagefind's JS API used here. */
/** A result as Pagefind returns it: the record's meta (src/schema/search.ts) back. */
interface PagefindFragment {
  url: string;
  meta: Partial<SearchMeta>;
}
interface PagefindResult {
  id: string;
  data: () => Promise<PagefindFragment>;
}
interface PagefindApi {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  search: (
    term: string | null,
    options: { filters?: Record<string, unknown>; sort?: Record<string, string> },
  ) => Promise<{ results: PagefindResult[] } | null>;
}

// Ten results a page: each costs its Pagefind fragment (~1 KB), part of a first query's budget.
const PAGE_SIZE = 10;

export function readState(search: string): SearchState {
  const params = new URLSearchParams(search);
  const filters: SearchState['filters'] = {};
  for (const key of FILTER_KEYS) {
    const values = params.getAll(key).filter((v) => v !== '');
    if (values.length) filters[key] = values;
  }
  return { q: params.get('q')?.trim() ?? '', filters, departments: params.get('dept') === '1' };
}

export function stateToSearch(state: SearchState): string {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const key of FILTER_KEYS) for (const value of state.filters[key] ?? []) params.append(key, value);
  if (state.departments) params.set('dept', '1');
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Pagefind filters: one value must match; repeated URL values mean "any of". */
function pagefindFilters(state: SearchState): Record<string, unknown> {
  const filters: Record<string, unknown> = {};
  for (const key of FILTER_KEYS) {
    const values = state.filters[key];
    if (values?.length === 1) filters[key] = values[0];
    else if (values && values.length > 1) filters[key] = { any: values };
  }
  return filters;
}

/** The site root: the search page lives at `<root>search/`, whatever the base path. */
function siteRoot(): URL {
  return new URL(location.pathname.endsWith('/search') ? './' : '../', location.href);
}

function decodePairs(pairs: string): Record<string, string> {
  const chars = [...pairs];
  const map: Record<string, string> = {};
  for (let i = 0; i + 1 < chars.length; i += 2) map[chars[i]!] = chars[i + 1]!;
  return map;
}

/** Split loose terms into the atlas's words (never single characters); used only when nothing matched. */
function splitTerms(terms: QueryTerm[], dictionary: readonly string[]): QueryTerm[] {
  return terms.flatMap((term) =>
    term.exact ? [term] : splitByDictionary(looseKey(term.text), dictionary).map((text) => ({ text, exact: false })),
  );
}

/** What the English words of a query were searched as, e.g. `（英文词已换成中文：little giant → 小巨人）`. */
function englishNote(translations: readonly Translation[]): string {
  if (translations.length === 0) return '';
  return `（英文词已换成中文：${translations.map((t) => `${t.en} → ${t.zh}`).join('，')}）`;
}

/** Long queries (a pasted paragraph) are named by their first words only. */
const SHOWN_TERMS = 5;
const SHOWN_TERM_LENGTH = 16;

/** A term for the status line: cut to SHOWN_TERM_LENGTH characters. */
function shortTerm(term: QueryTerm): string {
  const chars = [...term.text];
  const text = chars.length > SHOWN_TERM_LENGTH ? `${chars.slice(0, SHOWN_TERM_LENGTH - 1).join('')}…` : term.text;
  return term.exact ? `"${text}"` : text;
}

/** The terms for the status line: the first SHOWN_TERMS, each shortened, and how many there are. */
function namedTerms(terms: readonly QueryTerm[]): string[] {
  const named = terms.slice(0, SHOWN_TERMS).map(shortTerm);
  if (terms.length > SHOWN_TERMS) named.push(`等 ${terms.length} 个词`);
  return named;
}

/** The clause's searchable words by field, from its search record. */
function partsOf(fragment: PagefindFragment): SearchableParts {
  return {
    heading: fragment.meta.heading ?? '',
    searchable: decodeMetaText(fragment.meta.text ?? ''),
    departments: decodeMetaText(fragment.meta.departments ?? ''),
  };
}

/** The words a result is matched in: searchable text, plus the 责任单位 when asked for. */
function matchableText(parts: SearchableParts, departments: boolean): string {
  return departments && parts.departments ? `${parts.searchable}\n${parts.departments}` : parts.searchable;
}

export function startSearchPage(): void {
  const data = JSON.parse(document.getElementById('search-data')!.textContent ?? '{}') as SearchPageData;
  const traditional = new Set(data.traditional);
  let t2s: Promise<Record<string, string> | null> | undefined;
  // Most queries are simplified Chinese; only one with a traditional character fetches the map.
  const loadT2s = () =>
    (t2s ??= fetch(new URL('search/t2s.json', siteRoot()))
      .then((response) => (response.ok ? (response.json() as Promise<TraditionalPairs>) : Promise.reject(new Error(`t2s.json: ${response.status}`))))
      .then((body) => decodePairs(body.pairs))
      .catch((error: unknown) => {
        console.warn('Traditional → simplified map unavailable:', error);
        t2s = undefined;
        return null;
      }));
  const form = document.getElementById('search-form') as HTMLFormElement;
  const input = document.getElementById('search-q') as HTMLInputElement;
  const section = document.getElementById('search-results') as HTMLElement;
  const status = document.getElementById('search-status') as HTMLElement;
  const list = document.getElementById('search-list') as HTMLOListElement;
  const more = document.getElementById('search-more') as HTMLButtonElement;
  let pagefind: Promise<PagefindApi> | undefined;
  let generation = 0;
  let firstResults = true;
  // Filter labels come from the form's own options rather than a second copy in the page data.
  const labelOf = (key: FilterKey, value: string): string =>
    form.querySelector<HTMLOptionElement>(`select[data-filter="${key}"] option[value="${CSS.escape(value)}"]`)?.textContent ?? value;

  const loadPagefind = () => {
    pagefind ??= (async () => {
      const url = new URL('pagefind/pagefind.js', siteRoot()).href;
      const api = (await import(/* @vite-ignore */ url)) as PagefindApi;
      // The index is small: searching on the main thread saves fetching and starting
      // pagefind-worker.js (≈ 43 KB and a round trip) before the first results.
      await api.options({ noWorker: true });
      await api.init();
      performance.mark('search:pagefind-ready');
      return api;
    })();
    return pagefind;
  };

  const departmentsBox = form.querySelector<HTMLInputElement>('input[name="dept"]');
  const setForm = (state: SearchState) => {
    input.value = state.q;
    if (departmentsBox) departmentsBox.checked = state.departments;
    for (const element of form.querySelectorAll<HTMLSelectElement | HTMLInputElement>('[data-filter]')) {
      const values = state.filters[element.dataset.filter as FilterKey] ?? [];
      if (element instanceof HTMLInputElement) element.checked = values.includes(element.value);
      else element.value = values[0] ?? '';
    }
  };

  const readForm = (): SearchState => {
    const state: SearchState = { q: input.value.trim(), filters: {}, departments: departmentsBox?.checked ?? false };
    for (const element of form.querySelectorAll<HTMLSelectElement | HTMLInputElement>('[data-filter]')) {
      const key = element.dataset.filter as FilterKey;
      const value = element instanceof HTMLInputElement ? (element.checked ? element.value : '') : element.value;
      if (value) state.filters[key] = [value];
    }
    return state;
  };

  const describe = (state: SearchState, terms: QueryTerm[]): string => {
    const parts = namedTerms(terms);
    if (state.departments && parts.length) parts[parts.length - 1] += '（含责任单位）';
    const filters = FILTER_KEYS.flatMap((key) =>
      (state.filters[key] ?? []).map((v) => (key === 'award' ? '有奖补' : labelOf(key, v))),
    );
    return [parts.length ? `包含 ${parts.join('、')}` : '', filters.length ? `筛选：${filters.join('、')}` : '']
      .filter(Boolean)
      .join('；');
  };

  const renderResult = (fragment: PagefindFragment, terms: QueryTerm[], departments: boolean): HTMLLIElement => {
    const meta = fragment.meta;
    const li = document.createElement('li');
    li.className = 'search-result';
    li.dataset.clauseId = meta.clause ?? '';
    const info = document.createElement('p');
    info.className = 'result-meta';
    const city = document.createElement('span');
    city.className = 'tag';
    city.textContent = meta.city ?? '';
    info.append(city, ` ${meta.policy ?? ''}`);
    if (meta.status) {
      const badge = document.createElement('span');
      badge.className = `badge badge-${meta.status}`;
      badge.textContent = labelOf('status', meta.status);
      info.append(' ', badge);
    }
    const title = document.createElement('h3');
    title.className = 'result-title';
    const link = document.createElement('a');
    const target = new URL(fragment.url, location.href);
    // Pass the clause's own matching strings (首台（套）, not 首台套), so the clause page only
    // has to mark exact text (SearchHighlight.astro).
    const parts = partsOf(fragment);
    const raw = matchableText(parts, departments);
    const found = [...new Set(allRanges(raw, terms).map(([s, e]) => raw.slice(s, e)))];
    for (const piece of found.length ? found : terms.map((t) => t.text)) target.searchParams.append('pagefind-highlight', piece);
    link.href = target.href;
    link.textContent = `${meta.number ?? ''} ${meta.heading ?? ''}`.trim();
    title.append(link);
    const text = document.createElement('p');
    text.className = 'result-excerpt';
    for (const piece of excerpt(raw, terms)) {
      if (piece.mark) {
        const mark = document.createElement('mark');
        mark.textContent = piece.text;
        text.append(mark);
      } else text.append(piece.text);
    }
    // Where each term was found: heading, text or 责任单位.
    const where = document.createElement('p');
    where.className = 'result-where';
    where.textContent = terms.length
      ? `匹配：${terms
          .map((t) => {
            const fields = matchedFields(parts, t).filter((f) => departments || f !== 'departments');
            return `${shortTerm(t)} 见于${fields.map((f) => SEARCH_FIELDS.find((x) => x.id === f)!.zh).join('、') || '—'}`;
          })
          .join('；')}`
      : '';
    li.append(info, title, text);
    if (terms.length) li.append(where);
    return li;
  };

  const run = async (state: SearchState) => {
    const mine = ++generation;
    const map = [...state.q].some((char) => traditional.has(char)) ? await loadT2s() : {};
    if (mine !== generation) return;
    const simplified = map ? toSimplified(state.q, map) : state.q;
    const { query: translated, translations } = translateEnglish(simplified, data.english);
    let terms = parseQuery(translated);
    const filters = pagefindFilters(state);
    const hasFilters = Object.keys(filters).length > 0;
    list.replaceChildren();
    more.hidden = true;
    if (terms.length === 0 && !hasFilters) {
      section.dataset.searchState = 'idle';
      status.textContent = state.q ? '请输入可搜索的文字。' : '输入关键词，或选择筛选条件列出条款。';
      return;
    }
    section.dataset.searchState = 'loading';
    status.textContent = '正在搜索…';
    try {
      const api = await loadPagefind();
      const sort = { order: 'asc' };
      const searchTerms = async (ts: QueryTerm[]): Promise<PagefindResult[]> => {
        if (ts.length === 0) return (await api.search(null, { filters, sort }))?.results ?? [];
        // One phrase search per term and field, united per term, intersected across terms;
        // Pagefind takes one quoted phrase per search.
        let kept: PagefindResult[] | undefined;
        for (const term of ts) {
          const found: PagefindResult[] = [];
          for (const field of state.departments ? (['text', 'departments'] as const) : (['text'] as const)) {
            const phrase = pagefindPhrase(term, field);
            if (!phrase) continue;
            for (const r of (await api.search(phrase, { filters, sort }))?.results ?? []) if (!found.some((f) => f.id === r.id)) found.push(r);
          }
          if (found.length === 0 && !pagefindPhrase(term)) continue;
          const ids = new Set(found.map((r) => r.id));
          kept = kept ? kept.filter((r) => ids.has(r.id)) : found;
        }
        return kept ?? [];
      };
      let results = await searchTerms(terms);
      let note = '';
      if (results.length === 0 && terms.length > 0 && terms.every((t) => !t.exact)) {
        const words = splitTerms(terms, data.dictionary);
        if (words.length > terms.length) {
          results = await searchTerms(words);
          if (results.length) {
            note = `没有条款包含完整的 ${namedTerms(terms).join(' ')}，已拆分为词语搜索。`;
            terms = words;
          }
        }
      }
      // The index ignores brackets, quotes and spaces; a quoted phrase must match the raw text.
      let fragments = new Map<string, PagefindFragment>();
      if (terms.some((t) => t.exact)) {
        const loaded = await Promise.all(results.map(async (r) => [r.id, await r.data()] as const));
        fragments = new Map(loaded);
        results = results.filter((r) => terms.every((t) => containsTerm(matchableText(partsOf(fragments.get(r.id)!), state.departments), t)));
      }
      if (mine !== generation) return;
      if (firstResults) performance.mark('search:matched');

      const converted =
        simplified !== state.q ? `（已按简体字搜索：${simplified}）` : map ? '' : '（繁体字转换表无法加载，已按原文搜索。）';
      const summary = describe(state, terms);
      status.textContent = results.length
        ? `${note}找到 ${results.length} 条条款${summary ? `，${summary}` : ''}。${converted}${englishNote(translations)}`
        : `没有找到条款${summary ? `（${summary}）` : ''}。${converted}${englishNote(translations)}`;
      let shown = 0;
      const showMore = async () => {
        more.hidden = true;
        const batch = results.slice(shown, shown + PAGE_SIZE);
        const loaded = await Promise.all(batch.map(async (r) => fragments.get(r.id) ?? (await r.data())));
        if (mine !== generation) return;
        list.append(...loaded.map((fragment) => renderResult(fragment, terms, state.departments)));
        shown += batch.length;
        more.hidden = shown >= results.length;
        more.textContent = `显示更多（还有 ${results.length - shown} 条）`;
        more.onclick = () => void showMore();
      };
      await showMore();
      if (mine !== generation) return;
      section.dataset.searchCount = String(results.length);
      section.dataset.searchFallback = note ? '1' : '0';
      section.dataset.searchState = 'done';
      if (firstResults) {
        firstResults = false;
        performance.mark('search:first-results');
      }
    } catch (error) {
      if (mine !== generation) return;
      section.dataset.searchState = 'error';
      status.textContent =
        location.protocol === 'file:'
          ? '从本地文件夹打开时浏览器不允许加载搜索索引；请用 npm start 启动本地服务器后再搜索。'
          : '搜索索引无法加载，请稍后重试。';
      console.error('Search failed:', error);
    }
  };

  const go = (state: SearchState, push: boolean) => {
    const url = `${location.pathname}${stateToSearch(state)}`;
    if (push && url !== `${location.pathname}${location.search}`) history.pushState(null, '', url);
    void run(state);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    go(readForm(), true);
  });
  for (const element of form.querySelectorAll('[data-filter], input[name="dept"]')) {
    element.addEventListener('change', () => go(readForm(), true));
  }
  window.addEventListener('popstate', () => {
    const state = readState(location.search);
    setForm(state);
    void run(state);
  });

  const initial = readState(location.search);
  setForm(initial);
  void run(initial);
}
