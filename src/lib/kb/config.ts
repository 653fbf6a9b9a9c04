// Reads `opskb.yaml` from the content root; a missing file means the defaults.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseYaml, type ParsedYaml } from '../markdown/yaml.ts';
import type { z } from 'zod';
import { CONFIG_FILE, configSchema, DEFAULT_CONFIG, describeIssue, REGISTRIES_RULE_ID, ruleDocsPath, type Finding, type OpskbConfig } from '../model/index.ts';

export type LoadedConfig = {
  readonly config: OpskbConfig;
  readonly path: string;
  /** Positions in the file, for findings about it; undefined when there is no file. */
  readonly yaml: ParsedYaml | undefined;
  readonly problems: readonly Finding[];
};

export function loadConfig(contentDir: string): LoadedConfig {
  const path = join(contentDir, CONFIG_FILE);
  if (!existsSync(path)) return { config: DEFAULT_CONFIG, path, yaml: undefined, problems: [] };
  const yaml = parseYaml(readFileSync(path, 'utf8'));
  const finding = (position: { line: number; column: number }, message: string): Finding => ({
    path,
    ...position,
    severity: 'error',
    message,
    ruleId: REGISTRIES_RULE_ID,
    url: ruleDocsPath(REGISTRIES_RULE_ID),
  });
  if (yaml.problems.length > 0) {
    return { config: DEFAULT_CONFIG, path, yaml, problems: yaml.problems.map((problem) => finding(problem, `YAML syntax error: ${problem.message}`)) };
  }
  const result = configSchema.safeParse(yaml.value ?? {});
  if (!result.success) {
    const problems = result.error.issues.map((issue) => finding(yaml.positionOf(issue.path), describeIssue(issue, `in ${CONFIG_FILE}`, yaml.value)));
    return { config: DEFAULT_CONFIG, path, yaml, problems };
  }
  return { config: result.data, path, yaml, problems: [] };
}

/** What opskb.yaml's `rules` says about rule `id`, written as `links` or as `opskb:links`. */
export function ruleSetting(id: string, config: OpskbConfig) {
  const { rules } = config;
  return rules[id] ?? (id.includes(':') ? undefined : rules[`opskb:${id}`]);
}

/** The rule's options from opskb.yaml, validated; the defaults when invalid (the linter reports that). */
export function ruleOptions<S extends z.ZodType>(id: string, schema: S, config: OpskbConfig): z.output<S> {
  const setting = ruleSetting(id, config);
  const raw = typeof setting === 'object' ? Object.fromEntries(Object.entries(setting).filter(([key]) => key !== 'severity')) : {};
  const parsed = schema.safeParse(raw);
  return (parsed.success ? parsed.data : schema.parse({})) as z.output<S>;
}
