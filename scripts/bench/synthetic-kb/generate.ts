// A synthetic knowledge base for benchmarks: N docs (mostly runbooks, some DR plans, knowledge
// articles and onboarding paths) with registries that match them, about 5% of the docs broken on
// purpose. Generation is pure and seeded (same options, same bytes); `writeSyntheticKb` writes it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  type DocDraft,
  type DocPlan,
  type Flavour,
  MIN_SYNTHETIC_DOCS,
  PROBLEM_CYCLE,
  type PlantedProblem,
  RUNBOOK_SECTIONS,
  DR_SECTIONS,
  SYNTHETIC_DEFAULTS,
  type ServicePlan,
  type SyntheticDoc,
  type SyntheticFile,
  type SyntheticKb,
  type SyntheticKbOptions,
  type TeamPlan,
  capitalise,
  docMix,
  pascal,
  slug,
} from './model.ts';
import { createRandom } from './random.ts';
import { configYaml, glossaryYaml, servicesYaml, teamsYaml, toolsYaml } from './registries.ts';
import { type RenderContext, renderDoc } from './render.ts';
import { COMPONENTS, COMPONENT_NAMES, DR_SCENARIOS, KNOWLEDGE_TOPICS, SERVICE_DOMAINS, SYMPTOMS, TEAMS } from './vocabulary.ts';

export function generateSyntheticKb(options: SyntheticKbOptions): SyntheticKb {
  const total = options.docs;
  if (!Number.isInteger(total) || total < MIN_SYNTHETIC_DOCS) throw new Error(`docs must be a whole number of at least ${MIN_SYNTHETIC_DOCS}, got ${total}`);
  const seed = options.seed ?? SYNTHETIC_DEFAULTS.seed;
  const today = options.today ?? SYNTHETIC_DEFAULTS.today;
  const brokenShare = options.brokenShare ?? SYNTHETIC_DEFAULTS.brokenShare;
  const mdxShare = options.mdxShare ?? SYNTHETIC_DEFAULTS.mdxShare;
  const random = createRandom(seed);
  const mix = docMix(total);

  // Teams and services.
  const teams: TeamPlan[] = TEAMS.map(([id, name]) => ({ id, name }));
  const serviceCount = Math.max(3, Math.ceil(mix.runbook / 7));
  const combos = random.shuffle(SERVICE_DOMAINS.flatMap((domain) => COMPONENT_NAMES.map((component) => [domain, component] as const)));
  if (serviceCount > combos.length) throw new Error(`at most ${combos.length * 7} runbooks: not enough service names`);
  const services: ServicePlan[] = [];
  for (const [domain, component] of combos.slice(0, serviceCount)) {
    const earlier = services.map((service) => service.id);
    services.push({
      id: `${domain}-${component}`,
      name: `${capitalise(domain)} ${COMPONENTS[component].label}`,
      component,
      namespace: domain,
      owner: random.pick(teams),
      tier: random.int(1, 3),
      dependsOn: earlier.length === 0 ? [] : random.sample(earlier, random.int(0, Math.min(3, earlier.length))),
    });
  }

  // Doc ids, types, owners and anchors; flavours and problems come after.
  const plans: DocDraft[] = [];
  const usedIds = new Set<string>();
  const serviceOrder = random.shuffle(services);
  const symptomsUsed = new Map<string, Set<string>>();
  for (let index = 0; index < mix.runbook; index += 1) {
    const service = serviceOrder[index % serviceOrder.length] as ServicePlan;
    const used = symptomsUsed.get(service.id) ?? new Set<string>();
    symptomsUsed.set(service.id, used);
    const fitting = SYMPTOMS.filter((symptom) => symptom.fits === 'all' || symptom.fits.includes(service.component));
    const fresh = fitting.filter((symptom) => !used.has(symptom.slug));
    const symptom = random.pick(fresh.length > 0 ? fresh : fitting);
    let name = symptom.slug;
    for (let n = 2; used.has(name); n += 1) name = `${symptom.slug}-${n}`;
    used.add(name);
    const suffix = name === symptom.slug ? '' : name.slice(symptom.slug.length + 1);
    const stem = `${pascal(service.id)}${symptom.alert}${suffix}`;
    const alerts = random.chance(0.5) ? [stem] : [stem, `${stem}Critical`];
    const sections = RUNBOOK_SECTIONS.map((choices) => random.pick(choices));
    plans.push({
      id: `runbooks/${service.id}/${name}`,
      type: 'runbook',
      title: `${service.name} ${symptom.title}${suffix ? ` (${suffix})` : ''}`,
      owner: service.owner,
      service,
      symptom,
      alerts,
      sections,
      anchors: [slug(sections[2] ?? 'Diagnosis'), slug(sections[3] ?? 'Mitigation')],
    });
  }
  const drCombos = random.shuffle(services.flatMap((service) => DR_SCENARIOS.map((scenario) => [service, scenario] as const)));
  for (const [service, [scenarioSlug, scenarioTitle]] of drCombos.slice(0, mix['dr-plan'])) {
    plans.push({
      id: `dr-plans/${service.id}-${scenarioSlug}`,
      type: 'dr-plan',
      title: `${service.name} ${scenarioTitle}`,
      owner: service.owner,
      service,
      alerts: [],
      sections: [...DR_SECTIONS],
      anchors: ['recovery-procedure'],
    });
  }
  const knowledgeCombos = random.shuffle(services.flatMap((service) => KNOWLEDGE_TOPICS.map((topic) => [service, topic] as const)));
  if (mix.knowledge > knowledgeCombos.length) throw new Error('not enough knowledge topics for this many docs');
  for (const [service, [topicSlug, topicTitle]] of knowledgeCombos.slice(0, mix.knowledge)) {
    plans.push({
      id: `knowledge/${service.id}-${topicSlug}`,
      type: 'knowledge',
      title: topicTitle.replace('%Service%', service.name),
      owner: random.chance(0.8) ? service.owner : random.pick(teams),
      service,
      alerts: [],
      sections: [],
      anchors: [],
    });
  }
  for (let index = 0; index < mix.onboarding; index += 1) {
    const team = teams[index % teams.length] as TeamPlan;
    const round = Math.floor(index / teams.length);
    const service = services.find((candidate) => candidate.owner === team) ?? (services[0] as ServicePlan);
    plans.push({
      id: `onboarding/${team.id}-first-week${round === 0 ? '' : `-${round + 1}`}`,
      type: 'onboarding',
      title: `${team.name} first week${round === 0 ? '' : ` (path ${round + 1})`}`,
      owner: team,
      service,
      alerts: [],
      sections: [],
      anchors: [],
    });
  }
  for (const plan of plans) {
    if (usedIds.has(plan.id)) throw new Error(`duplicate synthetic doc id ${plan.id}`);
    usedIds.add(plan.id);
  }

  // 70/30 .mdx/.md, exactly; then the broken docs, each with one problem its doc can have.
  const mdxCount = Math.round(total * mdxShare);
  const mdxIndexes = new Set(
    random.sample(
      plans.map((_, index) => index),
      mdxCount,
    ),
  );
  const flavoured: DocPlan[] = plans.map((plan, index) => {
    const flavour: Flavour = mdxIndexes.has(index) ? 'mdx' : 'md';
    return { ...plan, flavour, path: `${plan.id}.${flavour}` };
  });
  const brokenCount = Math.round(total * brokenShare);
  const candidates = random.shuffle(flavoured.map((_, index) => index).filter((index) => flavoured[index]?.type !== 'onboarding'));
  const problems = new Map<number, PlantedProblem>();
  for (let n = 0; n < brokenCount; n += 1) {
    const problem = PROBLEM_CYCLE[n % PROBLEM_CYCLE.length] as PlantedProblem;
    const position = candidates.findIndex((index) => {
      const doc = flavoured[index] as DocPlan;
      if (problem === 'missing-section') return doc.type === 'runbook' || doc.type === 'dr-plan';
      if (problem === 'mdx-parse-error') return doc.flavour === 'mdx';
      return true;
    });
    if (position === -1) continue;
    const [index] = candidates.splice(position, 1);
    if (index !== undefined) problems.set(index, problem);
  }
  const docs: DocPlan[] = flavoured.map((doc, index) => ({ ...doc, problem: problems.get(index) }));

  const byService = new Map<string, DocPlan[]>();
  for (const doc of docs) {
    if (doc.type !== 'runbook') continue;
    byService.set(doc.service.id, [...(byService.get(doc.service.id) ?? []), doc]);
  }
  const context: RenderContext = {
    random,
    today,
    docs,
    ids: usedIds,
    byService,
    services,
    teams,
    runbooks: docs.filter((doc) => doc.type === 'runbook'),
    drPlans: docs.filter((doc) => doc.type === 'dr-plan'),
    knowledge: docs.filter((doc) => doc.type === 'knowledge'),
  };

  const files: SyntheticFile[] = [
    { path: 'teams.yaml', content: teamsYaml(teams) },
    { path: 'services.yaml', content: servicesYaml(services) },
    { path: 'tools.yaml', content: toolsYaml() },
    { path: 'glossary.yaml', content: glossaryYaml() },
    { path: 'opskb.yaml', content: configYaml() },
  ];
  for (const doc of docs) files.push({ path: doc.path, content: renderDoc(doc, context) });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const publicDocs: SyntheticDoc[] = docs
    .map(({ id, type, flavour, path, problem }) => ({ id, type, flavour, path, problem }))
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const totalBytes = files.reduce((sum, file) => sum + Buffer.byteLength(file.content), 0);
  return { today, seed, docs: publicDocs, files, totalBytes };
}

/** Writes the files under `dir` (created when missing). */
export function writeSyntheticKb(kb: SyntheticKb, dir: string): void {
  for (const file of kb.files) {
    const path = join(dir, file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, file.content);
  }
}
