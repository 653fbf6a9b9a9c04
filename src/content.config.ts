// Astro collections, one per doc type, straight from the document model. A doc's id is its path
// under the content root without extension (`runbooks/payments-api/card-auth-errors`).
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'zod';
import { ruleReferenceLoader } from './lib/site/rule-reference.ts';
import { resolveContentDir } from './lib/kb/content-dir.ts';
import { DOC_TYPE_SPECS, docIdOfPath, FRONTMATTER_SCHEMAS, type DocType } from './lib/model/index.ts';

const contentDir = resolveContentDir();

function docsIn(type: DocType) {
  const { folder } = DOC_TYPE_SPECS[type];
  return glob({
    base: `${contentDir}/${folder}`,
    pattern: '**/*.{md,mdx}',
    generateId: ({ entry }) => `${folder}/${docIdOfPath(entry)}`,
    deferRender: true,
  });
}

export const collections = {
  runbook: defineCollection({ loader: docsIn('runbook'), schema: FRONTMATTER_SCHEMAS.runbook }),
  'dr-plan': defineCollection({ loader: docsIn('dr-plan'), schema: FRONTMATTER_SCHEMAS['dr-plan'] }),
  knowledge: defineCollection({ loader: docsIn('knowledge'), schema: FRONTMATTER_SCHEMAS.knowledge }),
  onboarding: defineCollection({ loader: docsIn('onboarding'), schema: FRONTMATTER_SCHEMAS.onboarding }),
  rules: defineCollection({ loader: ruleReferenceLoader(), schema: z.object({ summary: z.string() }) }),
};
