// The registries and opskb.yaml of the synthetic knowledge base.
import { yamlString, type ServicePlan, type TeamPlan } from './model.ts';
import { COMPONENTS, DOMAIN, GLOSSARY } from './vocabulary.ts';

// ---------------------------------------------------------------------------------------------
// Registries.

export function teamsYaml(teams: readonly TeamPlan[]): string {
  const entries = teams.map(
    (team) => `- id: ${team.id}\n  name: ${team.name}\n  channel: "#${team.id}-oncall"\n  oncall: ${team.id}-primary\n  email: ${team.id}@heronpay.example\n`,
  );
  return `# Teams that own services and docs. \`oncall\` is the PagerDuty schedule name.\n${entries.join('\n')}`;
}

export function servicesYaml(services: readonly ServicePlan[]): string {
  const entries = services.map((service) => {
    const depends = service.dependsOn.length === 0 ? '[]' : `[${service.dependsOn.join(', ')}]`;
    return [
      `- id: ${service.id}`,
      `  name: ${service.name}`,
      `  owner: ${service.owner.id}`,
      `  tier: ${service.tier}`,
      `  description: ${yamlString(`${service.name} ${COMPONENTS[service.component].role}.`)}`,
      '  dashboards:',
      '    - tool: grafana',
      `      url: https://grafana.${DOMAIN}/d/${service.id}/${service.id}-overview`,
      '    - tool: opensearch',
      `      url: https://logs.${DOMAIN}/app/discover#/view/${service.id}-logs`,
      `  repository: https://github.com/heron-pay/${service.id}`,
      `  depends_on: ${depends}`,
      '',
    ].join('\n');
  });
  return `# Service catalogue. tier 1 = money stops moving if it is down; tier 3 = can wait for business hours.\n${entries.join('\n')}`;
}

export const TOOLS = [
  ['grafana', 'Grafana', 'dashboard', [`https://grafana.${DOMAIN}/`]],
  ['prometheus', 'Prometheus (Thanos Query)', 'dashboard', [`https://prometheus.${DOMAIN}/`, `https://thanos.${DOMAIN}/`]],
  ['opensearch', 'OpenSearch Dashboards (logs)', 'logs', [`https://logs.${DOMAIN}/`]],
  ['jaeger', 'Jaeger (traces)', 'traces', [`https://jaeger.${DOMAIN}/`]],
  ['pagerduty', 'PagerDuty', 'paging', ['https://heronpay.pagerduty.com/']],
  ['slack', 'Slack', 'chat', ['https://heronpay.slack.com/']],
  ['argocd', 'Argo CD', 'ci', [`https://argocd.${DOMAIN}/`]],
  ['github', 'GitHub', 'other', ['https://github.com/heron-pay/']],
  ['statuspage', 'Statuspage', 'other', ['https://manage.statuspage.io/']],
] as const;

export function toolsYaml(): string {
  const entries = TOOLS.map(
    ([id, name, kind, prefixes]) =>
      `- id: ${id}\n  name: ${yamlString(name)}\n  kind: ${kind}\n  url_prefixes:\n${prefixes.map((prefix) => `    - ${prefix}\n`).join('')}`,
  );
  return `# Tools referenced from services and docs. Links to *.${DOMAIN} hosts must start with one of these url_prefixes.\n${entries.join('\n')}`;
}

export function glossaryYaml(): string {
  const entries = GLOSSARY.map((term) => {
    const lines = [`- term: ${term.term}`, `  aliases: [${term.aliases.join(', ')}]`, `  definition: ${yamlString(term.definition)}`];
    if (term.see_also) lines.push(`  see_also: [${term.see_also.join(', ')}]`);
    return `${lines.join('\n')}\n`;
  });
  return `# Terms, abbreviations and Heron Pay jargon.\n${entries.join('\n')}`;
}

export function configYaml(): string {
  return `# opskb settings for the synthetic knowledge base.\nrules:\n  links:\n    internalDomains: ['*.${DOMAIN}']\n  review-freshness:\n    dueSoonDays: 14\n`;
}
