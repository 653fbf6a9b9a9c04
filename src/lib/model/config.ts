// The knowledge base's own settings, `opskb.yaml` in the content root (optional): rule severities
// and rule options (such as the organisation's internal domains for `links`). The CLI, remark-cli and the site all read it.
import { z } from 'zod';
import { enumField } from './fields.ts';
import { REGISTRY_SPECS } from './registry-schemas.ts';

export const CONFIG_FILE = 'opskb.yaml';

/** The files under the content root that every doc's findings depend on: the registries and opskb.yaml. */
export const SHARED_FILES: readonly string[] = [...Object.values(REGISTRY_SPECS).map((spec) => spec.file), CONFIG_FILE];
export const SEVERITY_SETTINGS = ['off', 'warning', 'error'] as const;
export type SeveritySetting = (typeof SEVERITY_SETTINGS)[number];

/** A rule is `off`, `warning`, `error`, or a mapping with `severity` and the rule's own options. */
export const ruleSettingSchema = z.union(
  [enumField('severity', SEVERITY_SETTINGS), z.looseObject({ severity: enumField('severity', SEVERITY_SETTINGS).optional() })],
  { error: 'expected `off`, `warning`, `error`, or a mapping with `severity` and the rule options' },
);

export const siteSettingsSchema = z.strictObject({
  /** "Edit this page" link: a URL with `{path}`, the doc's path under the content root. */
  editUrl: z
    .string({ error: 'expected a URL with `{path}`, e.g. `https://github.com/acme/kb/edit/main/content/{path}`' })
    .refine((url) => url.includes('{path}') && URL.canParse(url.replace('{path}', 'x')), {
      error: 'expected a URL with `{path}`, e.g. `https://github.com/acme/kb/edit/main/content/{path}`',
    })
    .optional(),
});

export const configSchema = z.strictObject({
  rules: z.record(z.string(), ruleSettingSchema).default({}),
  site: siteSettingsSchema.default({}),
});

export type OpskbConfig = z.output<typeof configSchema>;
export const DEFAULT_CONFIG: OpskbConfig = { rules: {}, site: {} };
