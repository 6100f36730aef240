// The clause loader without MDX render modules (src/lib/content-loaders.ts).
import type { Loader, LoaderContext } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import { frontmatterOnly } from '../src/lib/content-loaders';

describe('frontmatterOnly', () => {
  it('stores the wrapped loader’s entries without their render modules', async () => {
    const stored: unknown[] = [];
    const imports: string[] = [];
    const inner: Loader = {
      name: 'glob',
      load: async ({ store }) => {
        store.set({ id: 'p/1', data: { id: 'p/1' }, filePath: 'generated/clauses/p/1.mdx', digest: 'd', deferredRender: true });
        store.addModuleImport('generated/clauses/p/1.mdx');
      },
    };
    const context = {
      store: {
        set: (entry: unknown) => (stored.push(entry), true),
        addModuleImport: (file: string) => imports.push(file),
      },
    } as unknown as LoaderContext;
    await frontmatterOnly(inner).load(context);
    expect(stored).toEqual([{ id: 'p/1', data: { id: 'p/1' }, filePath: 'generated/clauses/p/1.mdx', digest: 'd', deferredRender: false }]);
    expect(imports).toEqual([]);
  });
});
