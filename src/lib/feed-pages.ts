// The site's feeds, each built from the same entries: the whole atlas, one per city, one per
// category. Used by the endpoints under src/pages/feeds/ and the page that lists them.
import { CATEGORIES } from '../schema';
import type { Atlas } from './atlas';
import { changelogEntries, feed, feedIds, policyEntries, type ChangelogSection, type Feed } from './feeds';

export const feedPaths = {
  atlas: '/feeds/atlas.xml',
  city: (slug: string) => `/feeds/city/${slug}.xml`,
  category: (id: string) => `/feeds/category/${id}.xml`,
};

export function atlasFeed(atlas: Atlas, changelog: readonly ChangelogSection[]): Feed {
  return feed(
    { id: feedIds.atlas, title: '专精特新政策图谱：政策与数据更新', selfPath: feedPaths.atlas, pagePath: '/changelog/' },
    [...policyEntries(atlas, changelog), ...changelogEntries(changelog)],
    atlas.today,
  );
}

export function cityFeeds(atlas: Atlas, changelog: readonly ChangelogSection[]): { slug: string; feed: Feed }[] {
  const entries = policyEntries(atlas, changelog);
  return atlas.cities.map((city) => ({
    slug: city.slug,
    feed: feed(
      { id: feedIds.city(city.slug), title: `专精特新政策图谱：${city.zh}`, selfPath: feedPaths.city(city.slug), pagePath: '/compare/' },
      entries.filter((e) => e.categories.includes(city.slug)),
      atlas.today,
    ),
  }));
}

export function categoryFeeds(atlas: Atlas, changelog: readonly ChangelogSection[]): { id: string; zh: string; feed: Feed }[] {
  const entries = policyEntries(atlas, changelog);
  return CATEGORIES.map((c) => ({
    id: c.id,
    zh: c.zh,
    feed: feed(
      { id: feedIds.category(c.id), title: `专精特新政策图谱：${c.zh}`, selfPath: feedPaths.category(c.id), pagePath: `/compare/${c.id}/` },
      entries.filter((e) => e.categories.includes(c.id)),
      atlas.today,
    ),
  }));
}
