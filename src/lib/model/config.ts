// The knowledge base's own settings, `opskb.yaml` in the content root (optional): rule severities
// and options, the organisation's internal domains. The CLI, remark-cli and the site all read it.
import { z } from 'zod';
import { enumField } from './fields.ts';

export const CONFIG_FILE = 'opskb.yaml';
export const SEVERITY_SETTINGS = ['off', 'warning', 'error'] as const;
export type SeveritySetting = (typeof SEVERITY_SETTINGS)[number];

/** A rule is `off`, `warning`, `error`, or a mapping with `severity` and the rule's own options. */
export const ruleSettingSchema = z.union(
  [enumField('severity', SEVERITY_SETTINGS), z.looseObject({ severity: enumField('severity', SEVERITY_SETTINGS).optional() })],
  { error: 'expected `off`, `warning`, `error`, or a mapping with `severity` and the rule options' },
);

export const configSchema = z.strictObject({
  /** Host patterns of the organisation (`*.corp.example`): links to them must come from tools.yaml. */
  internal_domains: z.array(z.string({ error: 'expected a host pattern such as `*.corp.example`' })).default([]),
  rules: z.record(z.string(), ruleSettingSchema).default({}),
});

export type OpskbConfig = z.output<typeof configSchema>;
export const DEFAULT_CONFIG: OpskbConfig = { internal_domains: [], rules: {} };
