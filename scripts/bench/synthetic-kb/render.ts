// The text of each synthetic doc, from its plan: frontmatter, sections, commands, links.
import type { DocType } from '../../../src/lib/model/index.ts';
import { type DocPlan, type ServicePlan, type TeamPlan, capitalise, daysBefore, yamlString } from './model.ts';
import type { Random } from './random.ts';
import { COMPONENTS, DOMAIN, DR_STRATEGIES, SEVERITIES, SYMPTOMS, type Symptom } from './vocabulary.ts';

// ---------------------------------------------------------------------------------------------
// Docs.

export type RenderContext = {
  readonly random: Random;
  readonly today: string;
  readonly docs: readonly DocPlan[];
  readonly ids: ReadonlySet<string>;
  readonly byService: ReadonlyMap<string, readonly DocPlan[]>;
  readonly services: readonly ServicePlan[];
  readonly teams: readonly TeamPlan[];
  readonly runbooks: readonly DocPlan[];
  readonly drPlans: readonly DocPlan[];
  readonly knowledge: readonly DocPlan[];
};

export const REVIEW_DAYS: Record<DocType, { every: number; freshWithin: number }> = {
  runbook: { every: 90, freshWithin: 60 },
  'dr-plan': { every: 180, freshWithin: 140 },
  knowledge: { every: 365, freshWithin: 300 },
  onboarding: { every: 180, freshWithin: 140 },
};

export const REVIEW_EVERY_SPELLING: Record<DocType, string> = { runbook: '90d', 'dr-plan': '6mo', knowledge: '1y', onboarding: '26w' };

export function renderDoc(doc: DocPlan, context: RenderContext): string {
  switch (doc.type) {
    case 'runbook':
      return renderRunbook(doc, context);
    case 'dr-plan':
      return renderDrPlan(doc, context);
    case 'knowledge':
      return renderKnowledge(doc, context);
    case 'onboarding':
      return renderOnboarding(doc, context);
  }
}

/** Text substitutions for a doc's service. */
export function filler(doc: DocPlan, random: Random): (template: string) => string {
  const service = doc.service;
  const values: Record<string, string> = {
    svc: service.id,
    Service: service.name,
    metric: service.id.replaceAll('-', '_'),
    ns: service.namespace,
    db: `pg-${service.namespace}`,
    n: String(random.int(6, 40)),
  };
  return (template) => template.replace(/%(\w+)%/g, (match, key: string) => values[key] ?? match);
}

export function frontmatter(doc: DocPlan, context: RenderContext, extra: readonly string[], summary: string, tags: readonly string[]): string {
  const { random, today } = context;
  const review = REVIEW_DAYS[doc.type];
  const overdue = doc.problem === 'overdue-review';
  const lastReviewed = daysBefore(today, overdue ? review.every + random.int(20, 300) : random.int(1, review.freshWithin));
  let owner = doc.owner.id;
  if (doc.problem === 'unknown-owner') {
    owner = owner.includes('-') ? owner.replace('-', '') : `${owner}s`;
    if (context.teams.some((team) => team.id === owner)) owner = `${owner}-team`;
  }
  const lines = ['---', `title: ${yamlString(doc.title)}`, `summary: ${yamlString(summary)}`, `owner: ${owner}`];
  if (doc.type === 'runbook' || doc.type === 'dr-plan') {
    const services = [doc.service.id, ...doc.service.dependsOn.slice(0, random.int(0, 2))];
    lines.push(`services: [${services.join(', ')}]`);
  }
  lines.push(...extra, `last_reviewed: ${lastReviewed}`);
  // Spelled differently, but never shorter than the type's default: the doc stays fresh.
  if (random.chance(0.2) && !overdue) lines.push(`review_every: ${REVIEW_EVERY_SPELLING[doc.type]}`);
  lines.push(`tags: [${tags.join(', ')}]`, '---', '');
  return lines.join('\n');
}

export function linkTo(from: DocPlan, target: DocPlan, random: Random, withAnchor: boolean): string {
  const anchor = withAnchor && target.anchors.length > 0 ? `#${random.pick(target.anchors)}` : '';
  const sameFolder = from.type === 'runbook' && target.type === 'runbook';
  const style = random.next();
  if (sameFolder && style < 0.25) {
    // File-relative, as on GitHub.
    const fromDir = from.id.split('/').slice(0, -1).join('/');
    const targetDir = target.id.split('/').slice(0, -1).join('/');
    const name = target.path.split('/').at(-1) ?? '';
    const url = fromDir === targetDir ? `./${name}` : `../${target.service.id}/${name}`;
    return `[${target.title}](${url}${anchor})`;
  }
  if (sameFolder && style < 0.35 && from.service.id === target.service.id) {
    // Page-relative, as in the browser.
    return `[${target.title}](../${target.id.split('/').at(-1) ?? ''}/${anchor})`;
  }
  return `[${target.title}](/${target.id}/${anchor})`;
}

export function brokenLink(doc: DocPlan, context: RenderContext): string {
  let id = `runbooks/${doc.service.id}/legacy-${doc.service.id}-procedure`;
  for (let n = 2; context.ids.has(id); n += 1) id = `runbooks/${doc.service.id}/legacy-${doc.service.id}-procedure-${n}`;
  return `the [old ${doc.service.name} procedure](/${id}/)`;
}

export function others(doc: DocPlan, pool: readonly DocPlan[], random: Random, count: number): DocPlan[] {
  const picked: DocPlan[] = [];
  for (let attempt = 0; attempt < count * 4 && picked.length < count && pool.length > 1; attempt += 1) {
    const candidate = random.pick(pool);
    if (candidate.id !== doc.id && !picked.includes(candidate)) picked.push(candidate);
  }
  return picked;
}

export const dashboard = (doc: DocPlan) => `[${doc.service.name} overview](https://grafana.${DOMAIN}/d/${doc.service.id}/${doc.service.id}-overview)`;

export function codeBlock(language: string, lines: readonly string[], indent = ''): string {
  return [`${indent}\`\`\`${language}`, ...lines.map((line) => (line === '' ? '' : `${indent}${line}`)), `${indent}\`\`\``].join('\n');
}

/** A warning right above a destructive command: a `<Warning>` callout in MDX, a blockquote otherwise. */
export function warning(doc: DocPlan, text: string, random: Random): string {
  if (doc.flavour === 'mdx' && doc.problem !== 'mdx-parse-error' && random.chance(0.5)) {
    return `<Warning title="Destructive">\n  ${text}\n</Warning>`;
  }
  return `> **Warning:** ${text}`;
}

export const OVERVIEW_EXTRAS = [
  '%Service% is tier %tier% in the service catalogue: when it degrades, merchants notice within minutes.',
  'The alert is tuned on four weeks of production data; it rarely fires on its own, so take it seriously at any hour.',
  'Most pages for this alert in the last quarter came in the evening peak, between 18:00 and 21:00 UTC.',
  'The thresholds live in the `%svc%` PrometheusRule in `platform-infra/alerts/%ns%.yaml`; change them there, with a pull request.',
  'A single pod failing is not enough to page: the alert aggregates over every replica of the deployment.',
];
export const IMPACT_SENTENCES = [
  'Merchants see failed or slow operations in %Service%, and their clients retry with the same idempotency key.',
  'Balances shown in the merchant dashboard go stale until %Service% catches up; no money is lost.',
  'Partner files are delayed, and partners open tickets after about two hours.',
  'At a 2% failure rate the monthly error budget lasts about 36 hours.',
  'Downstream services that read from %Service% serve cached data and mark it as stale.',
  'Large merchants have contractual SLAs and notice within minutes; the account managers will ask for updates.',
  'Nothing is lost while the backlog stays within the 7-day retention of the source topic.',
];
export const DIAGNOSIS_STEPS = [
  ['Pods and recent changes', 'Start with the pods and what changed in the last hour: most pages follow a deploy or a config change.'],
  ['Logs', 'Group `level:error` by `error.type` in OpenSearch. A single new exception type that started at a deploy time is the answer nine times out of ten.'],
  ['Dependencies', 'Compare the p99 latency per dependency; a slow dependency shows as wide client spans in the traces.'],
  ['Database', 'Check what the database is doing for this service: long transactions and lock waits show here first.'],
  ['Traffic shape', 'Compare the request rate with the same hour last week. A spike from one merchant or one partner is common.'],
  ['Node health', 'Check whether the failing pods share a node or an availability zone.'],
];
export const DIAGNOSIS_COMMANDS = [
  'kubectl --context prod-euw1 -n %ns% get pods -l app=%svc% -o wide',
  'kubectl --context prod-euw1 -n %ns% get events --sort-by=.lastTimestamp | tail -20',
  'kubectl --context prod-euw1 -n %ns% top pods -l app=%svc%',
  'kubectl --context prod-euw1 -n %ns% logs deploy/%svc% --since=15m | grep -c \'"level":"error"\'',
  'argocd app history %svc% --grpc-web | head -5',
  "kubectl --context prod-euw1 -n %ns% describe pod -l app=%svc% | grep -A5 'Last State'",
];
export const SQL_QUERIES = [
  [
    'SELECT pid, state, wait_event_type, now() - xact_start AS age, left(query, 80)',
    'FROM pg_stat_activity',
    "WHERE datname = '%ns%' AND state <> 'idle'",
    'ORDER BY age DESC',
    'LIMIT 20;',
  ],
  ['SELECT status, count(*), min(created_at)', 'FROM %metric%_jobs', "WHERE created_at > now() - interval '2 hours'", 'GROUP BY status;'],
  ['SELECT relname, n_dead_tup, last_autovacuum', 'FROM pg_stat_user_tables', 'ORDER BY n_dead_tup DESC', 'LIMIT 10;'],
];
export const VERIFICATION_ITEMS = [
  'The alert resolved and stayed resolved for 15 minutes.',
  'Error ratio under 0.1% and p99 back under its objective on the %Service% overview dashboard.',
  'No pod restarted in the last 15 minutes: `kubectl --context prod-euw1 -n %ns% get pods -l app=%svc%`.',
  'The backlog is decreasing and will be empty within the hour at the current rate.',
  'Error budget burn rate (panel "SLO burn 1h and 6h") back under 1.',
  'Downstream consumers report no gaps: their lag is back under their own thresholds.',
];
export const ESCALATION_ITEMS = [
  '%owner%-primary on-call, #%owner%-oncall.',
  'More than 5% errors for 5 minutes, or a complete outage: page ic-primary and declare SEV1.',
  'Database saturation: page platform-primary; the fleet is theirs, the queries are ours, so stay on the bridge.',
  'Partner-side problems: the partner operations desk, through the number in the partner contact sheet.',
  'Anything touching money movement after 22:00 UTC: page ledger-primary before acting.',
];

export function renderRunbook(doc: DocPlan, context: RenderContext): string {
  const { random } = context;
  const fill = filler(doc, random);
  const symptom = doc.symptom ?? (SYMPTOMS[0] as Symptom);
  const siblings = (context.byService.get(doc.service.id) ?? []).filter((other) => other.id !== doc.id);
  const related = [...others(doc, siblings, random, 2), ...others(doc, context.runbooks, random, random.int(1, 3))];
  const knowledge = others(doc, context.knowledge, random, 1);
  const drPlans = others(doc, context.drPlans, random, 1);
  const plain = doc.problem === 'mdx-parse-error' || doc.flavour === 'md';
  const condition = fill(symptom.condition);
  const summary = `What to do when ${doc.service.name} alerts on ${symptom.title}: ${condition}.`;
  const out: string[] = [
    frontmatter(doc, context, [`alerts: [${doc.alerts.join(', ')}]`, `severity: ${random.pick(SEVERITIES)}`], summary, [
      doc.service.namespace,
      symptom.slug.split('-')[0] ?? 'ops',
      COMPONENTS[doc.service.component].label.toLowerCase(),
    ]),
  ];
  const section = (index: number) => `## ${doc.sections[index] ?? ''}`;
  const skip = doc.problem === 'missing-section' ? random.pick([1, 4, 5]) : -1;

  // Overview
  const overview = [
    section(0),
    '',
    fill(`${doc.service.name} ${COMPONENTS[doc.service.component].role}. This runbook covers ${symptom.title}.`) +
      ' ' +
      fill(random.pick(OVERVIEW_EXTRAS)).replace('%tier%', String(doc.service.tier)) +
      (doc.problem === 'mdx-parse-error' ? ' It pages when latency {p99 > 5s} holds for ten minutes.' : ''),
    '',
    ...doc.alerts.map((alert, index) => `- **${alert}**: ${index === 0 ? condition : `the same condition, twice the threshold, for 5 minutes`}.`),
    '',
    codeBlock(
      'promql',
      doc.alerts.flatMap((alert, index) => [
        ...(index > 0 ? [''] : []),
        `# ${alert}`,
        fill(symptom.promql).replace(/> ([\d.]+)$/, (match, value: string) => (index === 0 ? match : `> ${Number(value) * 2}`)),
      ]),
    ),
    '',
    `Dashboard: ${dashboard(doc)}.`,
  ];
  if (!plain && random.chance(0.3)) overview.push('', `{/* Thresholds reviewed with ${doc.owner.name} after the last incident. */}`);
  out.push(overview.join('\n'));

  // Impact
  if (skip !== 1) {
    const impact = random.sample(IMPACT_SENTENCES, random.int(2, 4)).map(fill).join(' ');
    const extra = knowledge[0] && random.chance(0.6) ? ` For the background, see ${linkTo(doc, knowledge[0], random, false)}.` : '';
    out.push([section(1), '', impact + extra].join('\n'));
  }

  // Diagnosis
  const diagnosis: string[] = [section(2)];
  const steps = random.sample(DIAGNOSIS_STEPS, random.int(2, 5));
  steps.forEach(([title, text], index) => {
    diagnosis.push('', `### ${index + 1}. ${title}`, '', fill(text ?? ''));
    if (title === 'Database') {
      diagnosis.push('', codeBlock('sql', random.pick(SQL_QUERIES).map(fill)));
    } else if (title === 'Dependencies' || title === 'Traffic shape') {
      diagnosis.push(
        '',
        codeBlock('promql', [
          fill(`histogram_quantile(0.99, sum by (le, peer_service) (rate(client_request_duration_seconds_bucket{service="%svc%"}[5m])))`),
          fill(`sum by (merchant_tier) (rate(http_server_requests_total{service="%svc%"}[5m]))`),
        ]),
      );
    } else {
      diagnosis.push('', codeBlock('bash', random.sample(DIAGNOSIS_COMMANDS, random.int(2, 3)).map(fill)));
    }
  });
  const causes = random.sample(symptom.causes, Math.min(symptom.causes.length, random.int(2, 3)));
  diagnosis.push('', 'Common causes we have seen:', '', ...causes.map((cause) => `- ${cause}`));
  if (related.length > 0 && random.chance(0.7)) {
    diagnosis.push('', '| Signal | Likely cause | Next step |', '| --- | --- | --- |');
    for (const target of related.slice(0, 3)) {
      diagnosis.push(
        `| ${capitalise(target.symptom?.title ?? 'errors')} on ${target.service.id} | ${random.pick(['A dependency', 'Capacity', 'A bad deploy', 'The database'])} | ${linkTo(doc, target, random, true)} |`,
      );
    }
  }
  if (doc.problem === 'broken-link') diagnosis.push('', `If none of this matches, follow ${brokenLink(doc, context)}.`);
  out.push(diagnosis.join('\n'));

  // Mitigation
  const mitigation: string[] = [section(3)];
  const fixes = random.sample(symptom.fixes, Math.min(symptom.fixes.length, random.int(1, 3)));
  for (const fix of fixes) {
    mitigation.push('', `### ${fix.title}`, '', fill(fix.text), '');
    if (fix.destructive)
      mitigation.push(
        warning(doc, 'this removes running pods; in-flight requests on them fail and clients retry. Check the PodDisruptionBudget first.', random),
        '',
      );
    mitigation.push(codeBlock('bash', fix.commands.map(fill)));
  }
  if (drPlans[0] && random.chance(0.4)) mitigation.push('', `If the whole service is lost, switch to the DR plan: ${linkTo(doc, drPlans[0], random, true)}.`);
  out.push(mitigation.join('\n'));

  // Verification
  if (skip !== 4) {
    out.push([section(4), '', ...random.sample(VERIFICATION_ITEMS, random.int(2, 4)).map((item) => `- ${fill(item)}`)].join('\n'));
  }

  // Escalation
  if (skip !== 5) {
    const items = random.sample(ESCALATION_ITEMS, random.int(2, 4)).map((item) => `- ${fill(item).replaceAll('%owner%', doc.owner.id)}`);
    if (related[0]) items.push(`- If the cause is in ${related[0].service.id}, follow ${linkTo(doc, related[0], random, false)} and page its owner.`);
    out.push([section(5), '', ...items].join('\n'));
  }
  return `${out.join('\n\n')}\n`;
}

export const DR_STEP_SENTENCES = [
  'The incident commander approves this step in the incident channel before anyone runs it.',
  'Run it from the toolbox pod; it has the credentials and the tools pinned to the right versions.',
  'This step takes about %n% minutes on production volumes; post progress every 10 minutes.',
  'Nothing here is irreversible; repeat it if the first attempt times out.',
  'At the last gameday this step was the slowest: start it as early as the previous one allows.',
  'Write down the time each command finished in the incident channel; the postmortem needs the timeline.',
  'If the command fails with a permission error, the break-glass role in Vault has the rights; do not change IAM policies during the incident.',
  'Check the result on the %Service% overview dashboard before moving on: a step that looks done can still be catching up.',
];

export function renderDrPlan(doc: DocPlan, context: RenderContext): string {
  const { random, today } = context;
  const fill = filler(doc, random);
  const service = doc.service;
  const gamedayCount = random.int(1, 3);
  const gamedays: string[] = ['gamedays:'];
  for (let index = gamedayCount - 1; index >= 0; index -= 1) {
    const daysAgo = index === 0 ? random.int(10, 140) : random.int(150 + 120 * (index - 1), 260 + 120 * (index - 1));
    const outcome = index === 0 ? random.pick(['pass', 'pass', 'partial'] as const) : random.pick(['pass', 'partial', 'fail'] as const);
    gamedays.push(
      `  - date: ${daysBefore(today, daysAgo)}`,
      `    scenario: ${yamlString(`Restore ${service.name} on staging from the latest backup, with producers running.`)}`,
      `    measured_rto: ${random.int(1, 5)}h${random.int(10, 55)}m`,
      `    measured_rpo: ${random.int(1, 15)}m`,
      `    outcome: ${outcome}`,
      `    notes: ${yamlString(`${outcome === 'pass' ? 'Within targets' : 'Missed the RTO'}: the restore took ${random.int(20, 90)} minutes, replay ${random.int(10, 60)} minutes. Follow-up: ${random.pick(['automate the DNS switch', 'pre-warm the standby', 'export the schemas hourly', 'document the Vault unseal'])}.`)}`,
    );
  }
  const extra = [`rto: ${random.int(1, 6)}h`, `rpo: ${random.pick(['1m', '5m', '15m', '1h'])}`, `strategy: ${random.pick(DR_STRATEGIES)}`, ...gamedays];
  const summary = `Recover ${service.name} after ${doc.title.slice(service.name.length + 1)}, from backups and replays, within its RTO.`;
  const out = [frontmatter(doc, context, extra, summary, ['dr', service.namespace, 'recovery'])];
  const skip = doc.problem === 'missing-section' ? random.pick([2, 5]) : -1;
  const dependencies = service.dependsOn.map((id) => `- ${id}: must be healthy, or recovered first with its own plan.`);
  const runbooks = others(doc, context.byService.get(service.id) ?? [], random, 2);

  out.push(
    [
      '## Scope',
      '',
      fill(
        `This plan covers losing %Service% in eu-west-1 or its data: several nodes lost with their volumes, a corrupted database, or an operator mistake that deleted data. The region is assumed healthy unless the scenario says otherwise. %Service% ${COMPONENTS[service.component].role}, so every service that depends on it degrades until the recovery is complete.`,
      ),
      '',
      `Targets: **RTO as in the frontmatter**, measured from the decision to recover. Accepted losses: derived data that can be rebuilt, and caches.${doc.problem === 'mdx-parse-error' ? ' The plan is used when latency {p99 > 5s} persists after a failover.' : ''}`,
    ].join('\n'),
  );
  out.push(
    [
      '## Dependencies',
      '',
      ...(dependencies.length > 0 ? dependencies : ['- None besides the platform: EKS, Vault and the Postgres fleet.']),
      fill('- S3 bucket `heron-%ns%-backup` (versioned, replicated to eu-central-1).'),
      '- The Argo CD application and the Terraform state for the service.',
    ].join('\n'),
  );
  if (skip !== 2) {
    out.push(
      [
        '## Backups',
        '',
        '| What | Where | Frequency |',
        '| --- | --- | --- |',
        fill('| Database base backups | `s3://heron-%ns%-backup/pgbackrest/` | daily, full weekly |'),
        fill('| WAL archive | `s3://heron-%ns%-backup/wal/` | continuous |'),
        '| Configuration | git, `platform-infra` | every change |',
      ].join('\n'),
    );
  }
  const steps: string[] = ['## Recovery procedure'];
  const stepTitles = random.sample(
    [
      'Declare and freeze writes',
      'Restore the database',
      'Redeploy from git',
      'Replay the outbox',
      'Switch traffic back',
      'Rebuild the caches',
      'Reconcile with partners',
    ],
    random.int(4, 6),
  );
  stepTitles.forEach((title, index) => {
    steps.push('', `### Step ${index + 1} ${title.toLowerCase()}`, '', random.sample(DR_STEP_SENTENCES, 2).map(fill).join(' '));
    if (index === 1) {
      steps.push(
        '',
        warning(doc, 'this deletes the broken volumes. Anything not in the backups or an outbox is gone: the incident commander must approve.', random),
        '',
        codeBlock('bash', [
          fill('kubectl --context prod-euw1 -n %ns% delete pvc -l app=%svc%'),
          fill('pgbackrest --stanza=%ns% --type=time --target="$TARGET_TIME" restore'),
        ]),
      );
    } else {
      steps.push('', codeBlock('bash', random.sample(DIAGNOSIS_COMMANDS, 2).map(fill)));
    }
  });
  out.push(steps.join('\n'));
  out.push(
    [
      '## Verification',
      '',
      ...random.sample(VERIFICATION_ITEMS, 3).map((item) => `- ${fill(item)}`),
      ...runbooks.map((runbook) => `- No alert from ${linkTo(doc, runbook, random, false)}.`),
    ].join('\n'),
  );
  if (skip !== 5) {
    out.push(
      [
        '## Communication',
        '',
        `- The incident channel, run by the incident commander; updates every 30 minutes.`,
        `- #${doc.owner.id}-oncall at declaration.`,
        '- Merchants: Statuspage component degraded until verification is complete.',
      ].join('\n'),
    );
  }
  if (doc.problem === 'broken-link') out.push(`See also ${brokenLink(doc, context)}.`);
  return `${out.join('\n\n')}\n`;
}

export const KNOWLEDGE_SECTIONS = [
  ['The rule', 'What the rule is, in one paragraph: %Service% never does this on its own, and the on-call engineer never does it without the owner team.'],
  [
    'Why',
    'None of the reasons is tradition. They come from incidents: the last one cost four hours and a partner escalation, and the postmortem is linked from the runbooks.',
  ],
  [
    'How it works',
    '%Service% %role%. Requests arrive through the edge, are validated, written to the database and published through the outbox in the same transaction.',
  ],
  [
    'What is still allowed',
    'Rollbacks, always. Config flags that exist for incidents. Scaling. Anything the incident commander decides to stop an ongoing incident.',
  ],
  [
    'Numbers to know',
    'Normal traffic is about %n%0 requests per second at the evening peak, with a p99 under 300 ms; the database handles twice that in load tests.',
  ],
  [
    'History',
    'The current design dates from the migration off the monolith. Two earlier designs were tried and abandoned; the decision records are in the repository.',
  ],
  [
    'Common mistakes',
    'Restarting everything at once, scaling down during a drain, and retrying without an idempotency key. Each of these turned a small incident into a large one.',
  ],
];

export const KNOWLEDGE_SENTENCES = [
  'This is the part new engineers get wrong most often, usually in their first month.',
  'The numbers come from the last load test on staging, scaled to production traffic.',
  'Partners see the effect within minutes, so their operations desks are often the first to call.',
  'We wrote this down after the third incident in a year with the same root cause.',
  'The design trades a little latency for the guarantee that no payment is processed twice.',
  'Nothing about this is specific to %Service%, but %Service% is where it hurts most.',
  'The limits are enforced in code and in the database; changing one without the other has caused an incident before.',
  'When in doubt, prefer the slower, reversible action: a delayed payout is an apology, a duplicated one is a recovery project.',
];

export function renderKnowledge(doc: DocPlan, context: RenderContext): string {
  const { random } = context;
  const base = filler(doc, random);
  const fill = (text: string) => base(text).replace('%role%', COMPONENTS[doc.service.component].role);
  const summary = `${doc.title}: what every engineer touching ${doc.service.name} should know, and why.`;
  const out = [frontmatter(doc, context, [], summary, [doc.service.namespace, 'knowledge'])];
  const runbooks = others(doc, context.byService.get(doc.service.id) ?? context.runbooks, random, 2);
  const more = others(doc, context.runbooks, random, 2);
  const plain = doc.problem === 'mdx-parse-error' || doc.flavour === 'md';
  const sections = random.sample(KNOWLEDGE_SECTIONS, random.int(3, 6));
  sections.forEach(([title, text], index) => {
    const broken = index === 0 && doc.problem === 'mdx-parse-error' ? ' The limit applies when latency {p99 > 5s} for five minutes.' : '';
    const body: string[] = [`## ${title}`, '', fill(text ?? '') + broken, '', random.sample(KNOWLEDGE_SENTENCES, random.int(2, 3)).map(fill).join(' ')];
    body.push(
      '',
      fill(
        random.pick([
          'The owner team reviews this every year, or after any incident where it mattered.',
          'If something here is wrong or out of date, fix it in a pull request; the owner team is in the header.',
          'Ask in the owner channel before changing anything described here, even in staging.',
          'Most questions about %Service% in the on-call channel are answered by this section.',
        ]),
      ),
    );
    if (random.chance(0.4))
      body.push(
        '',
        ...random
          .sample(
            [
              '- **Tier**: tier %tier% in the service catalogue.'.replace('%tier%', String(doc.service.tier)),
              `- **Owner**: ${doc.owner.name}, #${doc.owner.id}-oncall.`,
              '- **Dashboards**: ' + dashboard(doc) + '.',
              '- **Traces**: [Jaeger](https://jaeger.heron.internal/search?service=' + doc.service.id + ').',
              '- **Depends on**: ' + (doc.service.dependsOn.join(', ') || 'the platform only') + '.',
            ],
            3,
          )
          .map(fill),
      );
    if (random.chance(0.25))
      body.push(
        '',
        '| Setting | Value | Why |',
        '| --- | --- | --- |',
        fill('| Timeout | 2 s | Above the p99 of the dependency |'),
        fill('| Retries | 3 | With jitter, and idempotency keys |'),
        fill('| Replicas | %n% | Survives the loss of one zone |'),
      );
    if (random.chance(0.25))
      body.push('', codeBlock('yaml', fill('resources:\n  requests:\n    cpu: 500m\n    memory: 1Gi\n  limits:\n    memory: 2Gi\nreplicas: %n%').split('\n')));
    if (!plain && random.chance(0.15))
      body.push(
        '',
        '<details>',
        '  <summary>Why not more replicas</summary>',
        '',
        '  Each replica holds its own connection pool; more replicas exhaust the database before they add capacity.',
        '</details>',
      );
    out.push(body.join('\n'));
  });
  const links = [...runbooks, ...more].map((target) => `- ${linkTo(doc, target, random, random.chance(0.3))}`);
  if (doc.problem === 'broken-link') links.push(`- ${capitalise(brokenLink(doc, context))}`);
  out.push(['## Related', '', ...links].join('\n'));
  return `${out.join('\n\n')}\n`;
}

export function renderOnboarding(doc: DocPlan, context: RenderContext): string {
  const { random } = context;
  const own = context.docs.filter((other) => other.owner === doc.owner && other.type !== 'onboarding');
  const pool = own.length >= 8 ? own : [...own, ...context.knowledge, ...context.runbooks];
  const steps = others(doc, pool, random, random.int(8, 12));
  const extra = [
    `audience: ${yamlString(`Engineers joining the ${doc.owner.id}-primary on-call rotation`)}`,
    'steps:',
    ...steps.flatMap((step) => [
      `  - doc: ${step.id}`,
      `    why: ${yamlString(`${step.title}: ${random.pick(['read it before your first shift', 'the most common page for this team', 'explains a rule you will rely on', 'practise it on staging with your buddy'])}.`)}`,
    ]),
  ];
  const summary = `The reading path and practical checklist for an engineer joining ${doc.owner.name}, from tools to the first on-call shift.`;
  const out = [frontmatter(doc, context, extra, summary, ['onboarding', 'on-call'])];
  out.push(
    [
      '## Before you start',
      '',
      "By the end of your first day you should have, with your buddy's help:",
      '',
      '- Laptop enrolled, VPN working, and SSO access to Grafana, OpenSearch, Argo CD and Jaeger.',
      '- `kubectl` contexts for `prod-euw1`, `dr-euc1` and `staging-euw1`.',
      '- PagerDuty account with phone and push notifications tested.',
      `- Slack channels: #${doc.owner.id}-oncall, #incidents.`,
    ].join('\n'),
  );
  out.push(
    [
      '## How to use the reading path',
      '',
      'The steps above are in order. Read one or two a day alongside the practical work below; for each runbook, open the dashboards it links and find the panels it talks about.',
    ].join('\n'),
  );
  const days: string[] = ['## Day by day'];
  for (const [index, step] of steps.slice(0, 5).entries()) {
    days.push(
      '',
      `### Day ${index + 1}`,
      '',
      `- Read ${linkTo(doc, step, random, false)} and discuss it with your buddy.`,
      '- Shadow the on-call engineer for one handover.',
    );
  }
  out.push(days.join('\n'));
  return `${out.join('\n\n')}\n`;
}
