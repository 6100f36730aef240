// Content loaders for src/content.config.ts (kept here so they can be tested without Astro).
import type { Loader } from 'astro/loaders';

/**
 * A loader (Astro's glob() for the clause MDX) minus the MDX render modules. For every .mdx
 * entry glob() registers a module that `render(entry)` would import, and the build bundles all
 * of them: one MDX compile and one chunk per clause (9,100 at 100×), about two thirds of the
 * Astro step. No page renders a clause's MDX body (the text is in the frontmatter, shown by
 * ClauseText.astro), so entries are stored without it; frontmatter parsing, ids, digests and
 * schema validation stay the wrapped loader's own. `render()` on such an entry fails: read
 * `entry.data` instead.
 */
export function frontmatterOnly(loader: Loader): Loader {
  return {
    ...loader,
    name: `${loader.name}-frontmatter-only`,
    load: (context) =>
      loader.load({
        ...context,
        store: {
          ...context.store,
          set: (entry) => context.store.set({ ...entry, deferredRender: false }),
          addModuleImport: () => undefined,
        },
      }),
  };
}
