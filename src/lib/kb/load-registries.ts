// Loads and checks the registries (teams, services, tools, glossary) once per run.
// Every problem is a finding at the line and column of the YAML that causes it.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import { parseYaml, type ParsedYaml } from '../markdown/yaml.ts';
import {
  describeIssue,
  REGISTRIES_RULE_ID,
  REGISTRY_SPECS,
  ruleDocsPath,
  type Finding,
  type GlossaryTerm,
  type RegistryName,
  type Service,
  type Team,
  type Tool,
} from '../model/index.ts';
import { didYouMean } from '../text/suggest.ts';

export type Registries = {
  readonly teams: ReadonlyMap<string, Team>;
  readonly services: ReadonlyMap<string, Service>;
  readonly tools: ReadonlyMap<string, Tool>;
  readonly glossary: readonly GlossaryTerm[];
  /** Problems in the registry files themselves. */
  readonly problems: readonly Finding[];
};

/** Registries every knowledge base needs; the others may be absent. */
const REQUIRED: readonly RegistryName[] = ['teams', 'services'];

const HOW_TO_CREATE: Record<RegistryName, string> = {
  teams: 'a list of teams with `id`, `name`, `channel`, `oncall`',
  services: 'a list of services with `id`, `name`, `owner`, `tier`, `description`',
  tools: 'a list of tools with `id`, `name`, `kind`, `url_prefixes`',
  glossary: 'a list of terms with `term`, `aliases`, `definition`',
};

export function loadRegistries(contentDir: string): Registries {
  const problems: Finding[] = [];
  const load = <N extends RegistryName>(name: N) => loadRegistry(contentDir, name, problems);
  const teams = load('teams');
  const services = load('services');
  const tools = load('tools');
  const glossary = load('glossary');

  for (const { value: service, yaml, index, path } of services.values()) {
    const report = (keyPath: PropertyKey[], message: string) => {
      problems.push(finding(path, yaml.positionOf([index, ...keyPath]), message));
    };
    if (!teams.has(service.owner)) {
      report(
        ['owner'],
        `Service \`${service.id}\` is owned by unknown team \`${service.owner}\`: add it to teams.yaml or use a known team id.${didYouMean(service.owner, teams.keys())}`,
      );
    }
    service.depends_on.forEach((dependency, position) => {
      if (!services.has(dependency)) {
        report(
          ['depends_on', position],
          `Service \`${service.id}\` depends on unknown service \`${dependency}\`: add it to services.yaml or fix the id.${didYouMean(dependency, services.keys())}`,
        );
      }
    });
    service.dashboards.forEach((dashboard, position) => {
      const tool = tools.get(dashboard.tool)?.value;
      if (!tool) {
        report(
          ['dashboards', position, 'tool'],
          `Dashboard tool \`${dashboard.tool}\` is not in tools.yaml: add the tool or use a known tool id.${didYouMean(dashboard.tool, tools.keys())}`,
        );
      } else if (!tool.url_prefixes.some((prefix) => dashboard.url.startsWith(prefix))) {
        report(
          ['dashboards', position, 'url'],
          `Dashboard URL does not start with a URL prefix of tool \`${tool.id}\` (${tool.url_prefixes.map((prefix) => `\`${prefix}\``).join(', ')}).`,
        );
      }
    });
  }
  const terms = new Set([...glossary.keys()].map((term) => term.toLowerCase()));
  for (const { value: term, yaml, index, path } of glossary.values()) {
    term.see_also?.forEach((other, position) => {
      if (!terms.has(other.toLowerCase())) {
        problems.push(
          finding(
            path,
            yaml.positionOf([index, 'see_also', position]),
            `Glossary term \`${term.term}\` refers to unknown term \`${other}\` in see_also.${didYouMean(other, glossary.keys())}`,
          ),
        );
      }
    });
  }

  const values = <T>(map: Map<string, { value: T }>) => new Map([...map].map(([key, entry]) => [key, entry.value]));
  return {
    teams: values(teams),
    services: values(services),
    tools: values(tools),
    glossary: [...glossary.values()].map((entry) => entry.value),
    problems,
  };
}

type RegistryEntry<T> = { value: T; yaml: ParsedYaml; index: number; path: string };

function loadRegistry<N extends RegistryName>(
  contentDir: string,
  name: N,
  problems: Finding[],
): Map<string, RegistryEntry<z.output<(typeof REGISTRY_SPECS)[N]['schema']>>> {
  type Entry = z.output<(typeof REGISTRY_SPECS)[N]['schema']>;
  const spec = REGISTRY_SPECS[name];
  const path = join(contentDir, spec.file);
  const entries = new Map<string, RegistryEntry<Entry>>();
  if (!existsSync(path)) {
    if (REQUIRED.includes(name)) {
      problems.push(finding(path, { line: 1, column: 1 }, `Registry \`${spec.file}\` not found in ${contentDir}: create it with ${HOW_TO_CREATE[name]}.`));
    }
    return entries;
  }
  const yaml = parseYaml(readFileSync(path, 'utf8'));
  for (const problem of yaml.problems) {
    problems.push(finding(path, problem, `YAML syntax error: ${problem.message}`));
  }
  if (yaml.problems.length > 0) return entries;
  if (yaml.value === null || yaml.value === undefined) return entries;
  if (!Array.isArray(yaml.value)) {
    problems.push(
      finding(
        path,
        { line: 1, column: 1 },
        `\`${spec.file}\` must be a YAML list (each entry starting with \`- \`) of ${HOW_TO_CREATE[name].replace(/^a list of /, '')}.`,
      ),
    );
    return entries;
  }
  yaml.value.forEach((raw: unknown, index) => {
    const result = spec.schema.safeParse(raw);
    if (!result.success) {
      for (const issue of result.error.issues) {
        problems.push(finding(path, yaml.positionOf([index, ...issue.path]), describeIssue(issue, `in ${spec.file}`, raw)));
      }
      return;
    }
    const value = result.data as Entry;
    const key = String((value as Record<string, unknown>)[spec.key]);
    const lookup = name === 'glossary' ? key.toLowerCase() : key;
    const earlier = [...entries.keys()].find((existing) => (name === 'glossary' ? existing.toLowerCase() : existing) === lookup);
    if (earlier !== undefined) {
      const first = entries.get(earlier);
      const firstLine = first ? first.yaml.positionOf([first.index]).line : 0;
      problems.push(
        finding(
          path,
          yaml.positionOf([index, spec.key]),
          `Duplicate ${spec.key} \`${key}\` in ${spec.file} (first defined on line ${firstLine}): each entry needs its own ${spec.key}.`,
        ),
      );
      return;
    }
    entries.set(key, { value, yaml, index, path });
  });
  return entries;
}

function finding(path: string, position: { line: number; column: number }, message: string): Finding {
  return { path, line: position.line, column: position.column, severity: 'error', message, ruleId: REGISTRIES_RULE_ID, url: ruleDocsPath(REGISTRIES_RULE_ID) };
}
