// Alerts on a static site: Atom feeds (RFC 4287) for the whole atlas, each city and each
// category. An entry per policy, whose id carries the hash of its source texts, so a changed
// text is a new entry for every feed reader; and an entry per section of the data changelog.
// Pure: the build passes in the records, the changelog text and the day.
import type { Policy } from '../schema';
import type { Atlas } from './atlas';
import { STATUS_LABELS } from './status';

/** Entry and feed ids are RFC 4151 tag URIs: stable whatever host or base path serves the site. */
// The authority is a reserved name (.invalid): the site has no fixed host, and the ids must not
// change when it moves.
const TAG = 'tag:srdi-atlas.invalid,2025:';

export interface ChangelogSection {
  /** YYYY-MM-DD, from the `## 2026-11-30` heading. */
  date: string;
  /** Its bullet points, as written (Markdown inline syntax kept). */
  items: string[];
}

/** The changelog's lead: the paragraph(s) between its `# ` title and the first dated section. */
export function changelogLead(markdown: string): string[] {
  const lead: string[] = [];
  for (const line of markdown.split(/\r?\n/)) {
    if (/^##\s/.test(line)) break;
    if (/^#\s/.test(line) || line.trim() === '') continue;
    lead.push(line.trim());
  }
  return lead;
}

/** Markdown inline code in a changelog line, as parts to render: `[text, isCode]`. */
export function inlineCode(text: string): [string, boolean][] {
  return text.split(/(`[^`]+`)/).filter((part) => part !== '').map((part) => (/^`[^`]+`$/.test(part) ? [part.slice(1, -1), true] : [part, false]));
}

/** The dated sections of content/CHANGELOG.md, newest first as written. */
export function parseChangelog(markdown: string): ChangelogSection[] {
  const sections: ChangelogSection[] = [];
  for (const line of markdown.split(/\r?\n/)) {
    const heading = /^##\s+(\d{4}-\d{2}-\d{2})\s*$/.exec(line);
    if (heading) sections.push({ date: heading[1]!, items: [] });
    else if (sections.length && /^[-*]\s+/.test(line)) sections[sections.length - 1]!.items.push(line.replace(/^[-*]\s+/, '').trim());
    else if (sections.length && /^\s+\S/.test(line) && sections[sections.length - 1]!.items.length) {
      const items = sections[sections.length - 1]!.items;
      items[items.length - 1] += ` ${line.trim()}`;
    }
  }
  return sections;
}

export interface FeedEntry {
  id: string;
  title: string;
  /** RFC 3339 date-time. */
  updated: string;
  /** Site path of the page the entry is about (`/policy/x/`, `/changelog/`). */
  path: string;
  /** Plain-text summary. */
  summary: string;
  /** Atom category terms (city slug, category ids). */
  categories: string[];
}

export interface Feed {
  id: string;
  title: string;
  updated: string;
  /** Site path of the feed file itself (`/feeds/atlas.xml`). */
  selfPath: string;
  /** Site path of the page it follows. */
  pagePath: string;
  entries: FeedEntry[];
}

const dateTime = (day: string) => `${day}T00:00:00Z`;

/** The changelog items that name a policy (by id or city). */
function mentions(policy: Policy, section: ChangelogSection): string[] {
  return section.items.filter((item) => item.includes(policy.id) || item.includes(policy.city.zh));
}

/** One entry per policy: updated on the last changelog day that names it (else the first day of the changelog). */
export function policyEntries(atlas: Atlas, changelog: readonly ChangelogSection[]): FeedEntry[] {
  const oldest = changelog[changelog.length - 1]?.date ?? atlas.today;
  return atlas.policies.map((policy) => {
    const named = changelog.find((s) => mentions(policy, s).length > 0);
    const clauses = atlas.clausesByPolicy.get(policy.id) ?? [];
    const awards = clauses.reduce((n, c) => n + c.awards.length, 0);
    const version = policy.sources.map((s) => s.sha256.slice(0, 12)).join('-');
    const status = atlas.provenanceById.get(policy.id)?.status ?? 'unknown';
    const notes = named ? mentions(policy, named).map((m) => `${named.date}：${m}`) : [];
    return {
      id: `${TAG}policy/${policy.id}/${version}`,
      title: `${policy.city.zh} · ${policy.title}`,
      updated: dateTime(named?.date ?? oldest),
      path: `/policy/${policy.id}/`,
      summary: [`${STATUS_LABELS[status].zh}（按 ${atlas.today} 计算）；${clauses.length} 条条款，${awards} 项奖补。`, ...notes].join('\n'),
      categories: [policy.city.slug, ...new Set(clauses.flatMap((c) => c.categories))].sort(),
    };
  });
}

export function changelogEntries(changelog: readonly ChangelogSection[]): FeedEntry[] {
  return changelog.map((s) => ({
    id: `${TAG}changelog/${s.date}`,
    title: `数据更新 ${s.date}`,
    updated: dateTime(s.date),
    path: '/changelog/',
    summary: s.items.join('\n'),
    categories: [],
  }));
}

/** A feed over some entries, newest first (ties by id), updated when its newest entry was. */
export function feed(meta: Omit<Feed, 'entries' | 'updated'>, entries: readonly FeedEntry[], fallbackDay: string): Feed {
  const sorted = [...entries].sort((a, b) => (a.updated !== b.updated ? (a.updated < b.updated ? 1 : -1) : a.id < b.id ? -1 : 1));
  return { ...meta, updated: sorted[0]?.updated ?? dateTime(fallbackDay), entries: sorted };
}

function xml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** A path from one site file to another, for links that work under any host and base path. */
export function relativeHref(fromFile: string, toPath: string): string {
  const from = fromFile.replace(/^\//, '').split('/').slice(0, -1);
  const to = toPath.replace(/^\//, '').split('/');
  let i = 0;
  while (i < from.length && i < to.length - 1 && from[i] === to[i]) i++;
  return `${'../'.repeat(from.length - i)}${to.slice(i).join('/')}` || './';
}

/** The feed as an Atom document. Links are relative to the feed file, so they hold under any base path. */
export function atomXml(f: Feed): string {
  const link = (path: string) => xml(relativeHref(f.selfPath, path));
  const entries = f.entries.map(
    (e) => `  <entry>
    <id>${xml(e.id)}</id>
    <title>${xml(e.title)}</title>
    <updated>${e.updated}</updated>
    <link rel="alternate" type="text/html" href="${link(e.path)}"/>
${e.categories.map((c) => `    <category term="${xml(c)}"/>\n`).join('')}    <summary type="text">${xml(e.summary)}</summary>
  </entry>
`,
  );
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <id>${xml(f.id)}</id>
  <title>${xml(f.title)}</title>
  <updated>${f.updated}</updated>
  <author><name>专精特新政策图谱 SRDI Policy Atlas</name></author>
  <link rel="self" type="application/atom+xml" href="${link(f.selfPath)}"/>
  <link rel="alternate" type="text/html" href="${link(f.pagePath)}"/>
${entries.join('')}</feed>
`;
}

export const feedIds = {
  atlas: `${TAG}feed/atlas`,
  city: (slug: string) => `${TAG}feed/city/${slug}`,
  category: (id: string) => `${TAG}feed/category/${id}`,
};
