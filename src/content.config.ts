// Astro collections, one per doc type, straight from the document model. A doc's id is its path
// under the content root without extension (`runbooks/payments-api/card-auth-errors`).
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { resolveContentDir } from './lib/kb/content-dir.ts';
import { DOC_TYPE_SPECS, docIdOfPath, FRONTMATTER_SCHEMAS } from './lib/model/index.ts';

const contentDir = resolveContentDir();

function docs<T extends keyof typeof DOC_TYPE_SPECS>(type: T) {
  const { folder } = DOC_TYPE_SPECS[type];
  return defineCollection({
    loader: glob({
      base: `${contentDir}/${folder}`,
      pattern: '**/*.{md,mdx}',
      generateId: ({ entry }) => `${folder}/${docIdOfPath(entry)}`,
      deferRender: true,
    }),
    schema: FRONTMATTER_SCHEMAS[type],
  });
}

export const collections = {
  runbook: docs('runbook'),
  'dr-plan': docs('dr-plan'),
  knowledge: docs('knowledge'),
  onboarding: docs('onboarding'),
};
