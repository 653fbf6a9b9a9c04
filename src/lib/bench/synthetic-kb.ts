// A synthetic knowledge base for benchmarks: N docs (mostly runbooks, some DR plans, knowledge
// articles and onboarding paths) with registries that match them, about 5% of the docs broken on
// purpose. Generation is pure and seeded (same options, same bytes); `writeSyntheticKb` writes it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { DocType } from '../model/index.ts';

export type Flavour = 'mdx' | 'md';

/** The problems planted in broken docs, one per doc, each meant to produce exactly one finding. */
export const PLANTED_PROBLEMS = {
  'missing-section': { ruleId: 'opskb:required-sections', message: 'Missing required section' },
  'unknown-owner': { ruleId: 'opskb:owner-exists', message: 'Unknown owner team' },
  'broken-link': { ruleId: 'opskb:links', message: 'Broken link' },
  'overdue-review': { ruleId: 'opskb:review-freshness', message: 'Review overdue' },
  'mdx-parse-error': { ruleId: 'opskb:mdx-syntax', message: 'MDX syntax error' },
} as const;
export type PlantedProblem = keyof typeof PLANTED_PROBLEMS;

/** Broken docs take their problems in this order, round and round: parse errors are the rarest. */
const PROBLEM_CYCLE: readonly PlantedProblem[] = [
  'missing-section',
  'unknown-owner',
  'broken-link',
  'overdue-review',
  'mdx-parse-error',
  'missing-section',
  'unknown-owner',
  'broken-link',
  'overdue-review',
];

export type SyntheticDoc = {
  readonly id: string;
  readonly type: DocType;
  readonly flavour: Flavour;
  /** Relative to the content root, with its extension. */
  readonly path: string;
  readonly problem?: PlantedProblem | undefined;
};

export type SyntheticFile = { readonly path: string; readonly content: string };

export type SyntheticKb = {
  /** The day the docs' review dates are relative to: lint with `--now <today>`. */
  readonly today: string;
  readonly seed: number;
  /** In path order. */
  readonly docs: readonly SyntheticDoc[];
  /** Registries, opskb.yaml and docs, paths relative to the content root, in path order. */
  readonly files: readonly SyntheticFile[];
  /** UTF-8 bytes of all files. */
  readonly totalBytes: number;
};

export type SyntheticKbOptions = {
  readonly docs: number;
  readonly seed?: number | undefined;
  readonly today?: string | undefined;
  /** Share of docs with a planted problem (default 0.05). */
  readonly brokenShare?: number | undefined;
  /** Share of `.mdx` docs; the others are `.md` (default 0.7). */
  readonly mdxShare?: number | undefined;
};

export const SYNTHETIC_DEFAULTS = { seed: 20261126, today: '2026-11-26', brokenShare: 0.05, mdxShare: 0.7 } as const;
export const MIN_SYNTHETIC_DOCS = 10;

/** How many docs of each type N docs hold: a few onboarding paths, ~5% DR plans, ~18% knowledge, the rest runbooks. */
export function docMix(total: number): Record<DocType, number> {
  const onboarding = Math.max(1, Math.round(total * 0.005));
  const drPlans = Math.max(1, Math.round(total * 0.05));
  const knowledge = Math.max(1, Math.round(total * 0.18));
  return { runbook: total - onboarding - drPlans - knowledge, 'dr-plan': drPlans, knowledge, onboarding };
}

// ---------------------------------------------------------------------------------------------
// Seeded randomness (mulberry32): the same seed gives the same sequence on every platform.

export type Random = {
  next(): number;
  /** An integer in [min, max]. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  shuffle<T>(items: readonly T[]): T[];
  sample<T>(items: readonly T[], count: number): T[];
};

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(next() * items.length)] as T;
  };
  const shuffle = <T>(items: readonly T[]): T[] => {
    const copy = [...items];
    for (let index = copy.length - 1; index > 0; index -= 1) {
      const other = Math.floor(next() * (index + 1));
      [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
    }
    return copy;
  };
  return { next, int, chance: (probability) => next() < probability, pick, shuffle, sample: (items, count) => shuffle(items).slice(0, count) };
}

// ---------------------------------------------------------------------------------------------
// Vocabulary: a fictional payments company, Heron Pay, with the shapes of the demo knowledge base.

const DOMAIN = 'heron.internal';
const TEAMS = [
  ['payments-core', 'Payments Core'],
  ['ledger', 'Ledger and Settlement'],
  ['platform', 'Platform Engineering'],
  ['risk', 'Risk Engineering'],
  ['payouts', 'Payouts'],
  ['data-platform', 'Data Platform'],
  ['identity', 'Identity and Access'],
  ['merchant-experience', 'Merchant Experience'],
  ['messaging', 'Messaging'],
  ['search', 'Search and Discovery'],
  ['billing', 'Billing'],
  ['compliance-eng', 'Compliance Engineering'],
  ['networking', 'Networking'],
  ['storage', 'Storage'],
] as const;

const SERVICE_DOMAINS = [
  'payments',
  'ledger',
  'payouts',
  'card',
  'fraud',
  'merchant',
  'billing',
  'identity',
  'search',
  'webhook',
  'settlement',
  'kyc',
  'risk',
  'reporting',
  'pricing',
  'catalog',
  'checkout',
  'refund',
  'dispute',
  'notification',
  'invoice',
  'tax',
  'fx',
  'wallet',
  'loyalty',
  'onboarding',
  'audit',
  'session',
  'tokenization',
  'clearing',
] as const;

type Component = 'api' | 'gateway' | 'router' | 'db' | 'store' | 'cache' | 'consumer' | 'worker' | 'indexer' | 'sync' | 'exporter' | 'scheduler';
const COMPONENTS: Record<Component, { label: string; role: string }> = {
  api: { label: 'API', role: 'serves the public REST API behind the edge gateway' },
  gateway: { label: 'Gateway', role: 'terminates partner connections and translates their protocols to ours' },
  router: { label: 'Router', role: 'routes requests to the right acquirer or region based on merchant configuration' },
  db: { label: 'DB', role: 'is the Patroni-managed PostgreSQL cluster holding the system of record' },
  store: { label: 'Store', role: 'keeps derived state in PostgreSQL for fast reads by the API' },
  cache: { label: 'Cache', role: 'is the Redis cluster in front of the database for hot reads and rate limits' },
  consumer: { label: 'Consumer', role: 'consumes events from Kafka and applies them idempotently' },
  worker: { label: 'Worker', role: 'runs background jobs from the job queue' },
  indexer: { label: 'Indexer', role: 'keeps the OpenSearch index in step with the database' },
  sync: { label: 'Sync', role: 'synchronises state with a partner system every few minutes' },
  exporter: { label: 'Exporter', role: 'exports daily files to partners and the data warehouse' },
  scheduler: { label: 'Scheduler', role: 'triggers the nightly and intraday batch jobs' },
};
const COMPONENT_NAMES = Object.keys(COMPONENTS) as Component[];

type Fix = { readonly title: string; readonly text: string; readonly commands: readonly string[]; readonly destructive?: boolean };
type Symptom = {
  readonly slug: string;
  readonly title: string;
  readonly alert: string;
  readonly fits: readonly Component[] | 'all';
  readonly condition: string;
  readonly promql: string;
  readonly causes: readonly string[];
  readonly fixes: readonly Fix[];
};

// Placeholders: %svc% (id), %Service% (name), %metric% (id with underscores), %ns%, %n%, %db%.
const ROLLBACK: Fix = {
  title: 'Bad deploy',
  text: 'Roll back; do not roll forward at night. The Friday freeze never blocks a rollback.',
  commands: ['argocd app rollback %svc% --grpc-web', 'argocd app wait %svc% --health --timeout 600 --grpc-web'],
};
const SCALE_UP: Fix = {
  title: 'Not enough capacity',
  text: 'Raise the HPA floor; new pods are ready in about 40 seconds. Check first that the database has room for the extra connections.',
  commands: [`kubectl --context prod-euw1 -n %ns% patch hpa %svc% --type merge -p '{"spec":{"minReplicas":%n%}}'`],
};
const RESTART: Fix = {
  title: 'Stuck pods',
  text: 'A rolling restart is safe: the deployment keeps its PodDisruptionBudget and drains connections for 30 seconds.',
  commands: [
    'kubectl --context prod-euw1 -n %ns% rollout restart deploy/%svc%',
    'kubectl --context prod-euw1 -n %ns% rollout status deploy/%svc% --timeout=10m',
  ],
};
const DELETE_PODS: Fix = {
  title: 'Pods stuck in a bad state',
  text: 'Delete the failed pods so the ReplicaSet recreates them on healthy nodes.',
  commands: ['kubectl --context prod-euw1 -n %ns% delete pod -l app=%svc% --field-selector=status.phase=Failed'],
  destructive: true,
};
const DRAIN_NODE: Fix = {
  title: 'One bad node',
  text: 'If every failing pod runs on the same node, cordon and drain it; Karpenter replaces it within five minutes.',
  commands: [
    'kubectl --context prod-euw1 cordon ip-10-0-%n%-17.eu-west-1.compute.internal',
    'kubectl --context prod-euw1 drain ip-10-0-%n%-17.eu-west-1.compute.internal --ignore-daemonsets --delete-emptydir-data',
  ],
  destructive: true,
};

const SYMPTOMS: readonly Symptom[] = [
  {
    slug: 'pod-crashlooping',
    title: 'pods crash looping',
    alert: 'PodCrashLooping',
    fits: 'all',
    condition: 'a pod restarted more than 3 times in 15 minutes',
    promql: 'increase(kube_pod_container_status_restarts_total{namespace="%ns%",container="%svc%"}[15m]) > 3',
    causes: [
      'The container is OOMKilled (exit code 137): the heap grew past the memory limit after a traffic change.',
      'A required secret or ConfigMap key is missing after a rename, and the process exits at start-up.',
      'The liveness probe is too strict for a slow start after a schema migration.',
      'A dependency is down and the service exits instead of retrying.',
    ],
    fixes: [ROLLBACK, DELETE_PODS, RESTART],
  },
  {
    slug: 'memory-pressure',
    title: 'memory pressure',
    alert: 'MemoryPressure',
    fits: 'all',
    condition: 'working set above 90% of the memory limit for 10 minutes',
    promql:
      'max by (pod) (container_memory_working_set_bytes{namespace="%ns%",container="%svc%"}) / max by (pod) (kube_pod_container_resource_limits{namespace="%ns%",container="%svc%",resource="memory"}) > 0.9',
    causes: [
      'A cache inside the process has no size bound and grows with the number of merchants.',
      'A large batch was loaded into memory at once instead of streamed.',
      'The garbage collector runs behind because the CPU limit throttles it.',
    ],
    fixes: [RESTART, ROLLBACK],
  },
  {
    slug: 'cpu-throttling',
    title: 'CPU throttling',
    alert: 'CPUThrottlingHigh',
    fits: 'all',
    condition: 'more than 25% of CPU periods throttled for 15 minutes',
    promql:
      'sum(rate(container_cpu_cfs_throttled_periods_total{namespace="%ns%",container="%svc%"}[5m])) / sum(rate(container_cpu_cfs_periods_total{namespace="%ns%",container="%svc%"}[5m])) > 0.25',
    causes: [
      'Traffic grew and the HPA maximum is reached.',
      'A hot loop in a new release spins on a retry without back-off.',
      'The CPU limit was lowered in a cost review without a load test.',
    ],
    fixes: [SCALE_UP, ROLLBACK],
  },
  {
    slug: 'rollout-stuck',
    title: 'rollout stuck',
    alert: 'DeploymentRolloutStuck',
    fits: 'all',
    condition: 'a rollout has not progressed for 15 minutes',
    promql: 'kube_deployment_status_condition{namespace="%ns%",deployment="%svc%",condition="Progressing",status="false"} == 1',
    causes: [
      'New pods fail their readiness probe and the old ReplicaSet keeps serving.',
      'The PodDisruptionBudget and a node drain block each other.',
      'The image tag does not exist in the registry because the CI pipeline failed after tagging.',
    ],
    fixes: [ROLLBACK, DRAIN_NODE],
  },
  {
    slug: 'dns-resolution-failures',
    title: 'DNS resolution failures',
    alert: 'DNSResolutionFailures',
    fits: 'all',
    condition: 'more than 1% of DNS lookups fail for 5 minutes',
    promql: 'sum(rate(coredns_dns_responses_total{rcode="SERVFAIL"}[5m])) / sum(rate(coredns_dns_responses_total[5m])) > 0.01',
    causes: [
      'CoreDNS pods are CPU-throttled during a traffic peak.',
      'The conntrack table on a node is full and drops UDP packets.',
      'An upstream resolver in the VPC is unhealthy.',
    ],
    fixes: [RESTART, DRAIN_NODE],
  },
  {
    slug: 'high-error-rate',
    title: 'high error rate',
    alert: 'HighErrorRate',
    fits: 'all',
    condition: 'more than 2% of operations fail for 5 minutes',
    promql: 'sum(rate(%metric%_operations_total{outcome="error"}[5m])) / sum(rate(%metric%_operations_total[5m])) > 0.02',
    causes: [
      'A release changed the error handling and now surfaces retries as failures.',
      'A downstream dependency returns errors and the service does not degrade gracefully.',
      'One merchant sends malformed requests in a loop.',
    ],
    fixes: [ROLLBACK, SCALE_UP],
  },
  {
    slug: 'dependency-timeouts',
    title: 'dependency timeouts',
    alert: 'DependencyTimeouts',
    fits: 'all',
    condition: 'more than 1% of calls to a dependency time out for 10 minutes',
    promql:
      'sum by (peer_service) (rate(client_requests_total{service="%svc%",outcome="timeout"}[5m])) / sum by (peer_service) (rate(client_requests_total{service="%svc%"}[5m])) > 0.01',
    causes: [
      'The dependency is slow and our timeout is shorter than its p99.',
      'The connection pool to the dependency is exhausted and requests wait for a connection.',
      'A network policy change drops part of the traffic.',
    ],
    fixes: [SCALE_UP, RESTART],
  },
  {
    slug: 'certificate-expiring',
    title: 'certificate expiring',
    alert: 'CertificateExpiring',
    fits: 'all',
    condition: 'a certificate used by the service expires in less than 21 days',
    promql: '(min by (name) (certmanager_certificate_expiration_timestamp_seconds{namespace="%ns%"}) - time()) / 86400 < 21',
    causes: [
      'The DNS-01 challenge fails because the cert-manager role lost its Route 53 permissions.',
      'The Vault PKI role token expired and renewals are refused.',
      'Someone edited the Certificate by hand and Argo CD shows it OutOfSync.',
    ],
    fixes: [
      {
        title: 'Force a renewal',
        text: 'Fix the cause above, then force a renewal rather than waiting for the next retry.',
        commands: ['cmctl renew -n %ns% %svc%-tls', 'kubectl --context prod-euw1 -n %ns% wait certificate %svc%-tls --for=condition=Ready --timeout=10m'],
      },
    ],
  },
  {
    slug: 'http-5xx-and-latency',
    title: '5xx rate and p99 latency',
    alert: 'Http5xxRateHigh',
    fits: ['api', 'gateway', 'router'],
    condition: 'more than 1% of requests return 5xx, or p99 latency is above 1.5 s, for 5 minutes',
    promql: 'sum(rate(http_server_requests_total{service="%svc%",code=~"5.."}[5m])) / sum(rate(http_server_requests_total{service="%svc%"}[5m])) > 0.01',
    causes: [
      'Envoy returns 503 because no pod is ready behind the ingress.',
      'The service sheds load with 503 when its in-flight limit is reached.',
      'An unhandled exception in a new release returns 500 on one route.',
    ],
    fixes: [ROLLBACK, SCALE_UP],
  },
  {
    slug: 'rate-limit-rejections',
    title: 'rate limit rejections',
    alert: 'RateLimitRejectionsHigh',
    fits: ['api', 'gateway', 'router'],
    condition: 'more than 5% of requests are rejected with 429 for 10 minutes',
    promql: 'sum(rate(http_server_requests_total{service="%svc%",code="429"}[5m])) / sum(rate(http_server_requests_total{service="%svc%"}[5m])) > 0.05',
    causes: [
      'One merchant retries without back-off after a client release.',
      'The rate limiter lost its Redis connection and falls back to a strict local limit.',
      'A partner changed its batch schedule and sends everything at once.',
    ],
    fixes: [
      {
        title: 'One merchant flooding us',
        text: 'Lower its limit at the edge instead of scaling for it; limits are hot-reloaded.',
        commands: ['kubectl --context prod-euw1 -n edge edit configmap edge-ratelimits'],
      },
      SCALE_UP,
    ],
  },
  {
    slug: 'connection-resets',
    title: 'connection resets',
    alert: 'ConnectionResetsHigh',
    fits: ['api', 'gateway', 'router'],
    condition: 'more than 100 connection resets per second for 5 minutes',
    promql: 'sum(rate(envoy_cluster_upstream_cx_destroy_remote_with_active_rq{envoy_cluster_name="%svc%"}[5m])) > 100',
    causes: [
      'Idle timeouts differ between Envoy and the service, so keep-alive connections are reset mid-request.',
      'Pods are killed before the load balancer removes them (no pre-stop delay).',
    ],
    fixes: [RESTART, ROLLBACK],
  },
  {
    slug: 'replication-lag',
    title: 'replication lag',
    alert: 'ReplicationLagHigh',
    fits: ['db', 'store'],
    condition: 'a replica is more than 30 seconds behind the primary for 5 minutes',
    promql: 'max by (instance) (pg_replication_lag_seconds{cluster="%svc%"}) > 30',
    causes: [
      'A long-running query on the replica holds back replay (hot standby feedback is off).',
      'A bulk update on the primary generates WAL faster than the replica applies it.',
      'The replica disk is slower after a volume type change.',
    ],
    fixes: [
      {
        title: 'Cancel the blocking query',
        text: 'Find the query that holds back replay and cancel it; the application retries reads on the primary.',
        commands: [
          "kpsql %db% -c \"SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE state = 'active' AND now() - query_start > interval '5 minutes'\"",
        ],
      },
    ],
  },
  {
    slug: 'connections-saturated',
    title: 'connections saturated',
    alert: 'ConnectionsSaturated',
    fits: ['db', 'store'],
    condition: 'more than 90% of max_connections in use for 5 minutes',
    promql: 'sum(pg_stat_activity_count{cluster="%svc%"}) / max(pg_settings_max_connections{cluster="%svc%"}) > 0.9',
    causes: [
      'A client bypasses PgBouncer and opens direct connections.',
      'Connections idle in transaction pile up after an application bug.',
      'The pool size was raised on every pod after a scale-up.',
    ],
    fixes: [SCALE_UP],
  },
  {
    slug: 'disk-filling-up',
    title: 'disk filling up',
    alert: 'DiskFillingUp',
    fits: ['db', 'store'],
    condition: 'the data volume will be full within 24 hours at the current rate',
    promql: 'predict_linear(node_filesystem_avail_bytes{cluster="%svc%",mountpoint="/var/lib/postgresql"}[6h], 86400) < 0',
    causes: [
      'An inactive replication slot retains WAL.',
      'Autovacuum cannot keep up with a table that is updated in place.',
      'A temporary table from a report was never dropped.',
    ],
    fixes: [
      {
        title: 'Grow the volume',
        text: 'EBS volumes grow online; Patroni needs no restart. Grow by 50% at most at once.',
        commands: ['aws ec2 modify-volume --volume-id "$VOLUME_ID" --size %n%00', 'sudo resize2fs /dev/nvme1n1'],
      },
    ],
  },
  {
    slug: 'deadlocks',
    title: 'deadlocks',
    alert: 'DeadlocksDetected',
    fits: ['db', 'store'],
    condition: 'more than 5 deadlocks per minute for 10 minutes',
    promql: 'sum(rate(pg_stat_database_deadlocks{cluster="%svc%"}[5m])) * 60 > 5',
    causes: ['Two code paths update the same rows in a different order.', 'A batch job takes row locks in a long transaction during business hours.'],
    fixes: [ROLLBACK],
  },
  {
    slug: 'slow-queries',
    title: 'slow queries',
    alert: 'SlowQueries',
    fits: ['db', 'store'],
    condition: 'p99 query time above 200 ms for 10 minutes',
    promql: 'histogram_quantile(0.99, sum by (le) (rate(pg_query_duration_seconds_bucket{cluster="%svc%"}[5m]))) > 0.2',
    causes: [
      'The planner switched to a sequential scan after statistics went stale.',
      'A new query has no supporting index.',
      'Table bloat after a failed autovacuum.',
    ],
    fixes: [
      { title: 'Refresh statistics', text: 'ANALYZE is safe at any time and takes seconds on most tables.', commands: ['kpsql %db% -c "ANALYZE VERBOSE"'] },
    ],
  },
  {
    slug: 'evictions-high',
    title: 'evictions high',
    alert: 'RedisEvictionsHigh',
    fits: ['cache'],
    condition: 'more than 100 keys evicted per second for 10 minutes',
    promql: 'sum(rate(redis_evicted_keys_total{cluster="%svc%"}[5m])) > 100',
    causes: ['A new key pattern without a TTL fills memory.', 'maxmemory was lowered after a node type change.'],
    fixes: [
      {
        title: 'Find the big keys',
        text: 'Sample the keyspace from a replica, never from the primary.',
        commands: ['redis-cli -h %svc%-replica.%ns%.svc --bigkeys -i 0.1'],
      },
    ],
  },
  {
    slug: 'hit-ratio-dropped',
    title: 'hit ratio dropped',
    alert: 'CacheHitRatioLow',
    fits: ['cache'],
    condition: 'hit ratio under 80% for 15 minutes',
    promql:
      'sum(rate(redis_keyspace_hits_total{cluster="%svc%"}[5m])) / (sum(rate(redis_keyspace_hits_total{cluster="%svc%"}[5m])) + sum(rate(redis_keyspace_misses_total{cluster="%svc%"}[5m]))) < 0.8',
    causes: ['A release changed the key format and every read misses.', 'Evictions after a memory change.'],
    fixes: [ROLLBACK],
  },
  {
    slug: 'failover-flapping',
    title: 'failover flapping',
    alert: 'RedisFailoverFlapping',
    fits: ['cache'],
    condition: 'more than 2 failovers in an hour',
    promql: 'changes(redis_instance_info{cluster="%svc%",role="master"}[1h]) > 2',
    causes: ['The sentinel quorum sees network partitions between availability zones.', 'The primary is swapping under memory pressure.'],
    fixes: [RESTART],
  },
  {
    slug: 'consumer-lag',
    title: 'consumer lag',
    alert: 'ConsumerLagHigh',
    fits: ['consumer', 'worker', 'indexer', 'sync', 'exporter'],
    condition: 'consumer group lag above 10,000 messages for 10 minutes',
    promql: 'sum by (topic) (kafka_consumergroup_lag{consumergroup="%svc%"}) > 10000',
    causes: [
      'A poison message makes the consumer retry the same offset.',
      'A rebalance storm after a deploy: consumers join and leave repeatedly.',
      'The database the consumer writes to is slow.',
    ],
    fixes: [SCALE_UP, RESTART],
  },
  {
    slug: 'dead-letter-queue-growing',
    title: 'dead-letter queue growing',
    alert: 'DeadLetterQueueGrowing',
    fits: ['consumer', 'worker', 'indexer', 'sync', 'exporter'],
    condition: 'more than 50 messages dead-lettered in 15 minutes',
    promql: 'increase(dead_letter_messages_total{service="%svc%"}[15m]) > 50',
    causes: ['A schema change upstream that the consumer does not understand yet.', 'A partner API rejects requests after a contract change.'],
    fixes: [
      {
        title: 'Replay the dead letters',
        text: 'Once the cause is fixed, replay; the consumer is idempotent by event id.',
        commands: ['kubectl --context prod-euw1 -n %ns% exec deploy/%svc% -- dlqctl replay --since 2h --rate 100'],
      },
    ],
  },
  {
    slug: 'poison-message',
    title: 'poison message',
    alert: 'PoisonMessageDetected',
    fits: ['consumer', 'worker', 'indexer', 'sync', 'exporter'],
    condition: 'the same offset was retried more than 20 times',
    promql: 'max by (partition) (consumer_retries_same_offset{service="%svc%"}) > 20',
    causes: ['A message larger than the consumer buffer.', 'A message with a field the deserialiser rejects.'],
    fixes: [
      {
        title: 'Skip the message',
        text: 'Move the message to the dead-letter topic and let the consumer continue; record its offset in the incident channel.',
        commands: ['kubectl --context prod-euw1 -n %ns% exec deploy/%svc% -- dlqctl skip --partition %n% --reason incident'],
      },
    ],
  },
  {
    slug: 'job-late',
    title: 'job late',
    alert: 'BatchJobLate',
    fits: ['scheduler', 'worker', 'exporter'],
    condition: 'the job has not finished %n% minutes after its expected end',
    promql: 'time() - max(batch_job_last_success_timestamp_seconds{job_name="%svc%"}) > 7200',
    causes: ['The job waits for an upstream file that arrived late.', 'The job runs on a node that was scaled in.'],
    fixes: [
      {
        title: 'Rerun the job',
        text: 'Jobs are idempotent per business day; a rerun skips the parts already done.',
        commands: ['kubectl --context prod-euw1 -n %ns% create job --from=cronjob/%svc% %svc%-manual-%n%'],
      },
    ],
  },
  {
    slug: 'job-failed',
    title: 'job failed',
    alert: 'BatchJobFailed',
    fits: ['scheduler', 'worker', 'exporter'],
    condition: 'the last run of the job failed',
    promql: 'kube_job_status_failed{namespace="%ns%",job_name=~"%svc%.*"} > 0',
    causes: ['A partner SFTP server refused the upload.', 'The job ran out of memory on a month-end volume.'],
    fixes: [RESTART],
  },
  {
    slug: 'duplicate-runs',
    title: 'duplicate runs',
    alert: 'BatchJobDuplicateRun',
    fits: ['scheduler'],
    condition: 'two runs of the same job overlap',
    promql: 'count(kube_job_status_active{namespace="%ns%",job_name=~"%svc%.*"} > 0) > 1',
    causes: ['concurrencyPolicy was changed from Forbid to Allow.', 'A manual run started while the scheduled one was still running.'],
    fixes: [RESTART],
  },
];

const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
const DR_STRATEGIES = ['backup-restore', 'pilot-light', 'warm-standby', 'active-active'] as const;
const DR_SCENARIOS = [
  ['loss', 'loss'],
  ['data-corruption', 'data corruption'],
  ['region-failover', 'region failover'],
] as const;
const KNOWLEDGE_TOPICS = [
  ['capacity-model', 'Capacity model of %Service%'],
  ['retry-and-idempotency', 'Retries and idempotency in %Service%'],
  ['data-retention', 'Data retention in %Service%'],
  ['failure-modes', 'Failure modes of %Service%'],
  ['deploy-process', 'How %Service% is deployed'],
  ['partner-integration', 'The partner integration behind %Service%'],
  ['architecture', 'Architecture of %Service%'],
  ['slos', 'SLOs of %Service% and why they are set there'],
  ['oncall-notes', 'On-call notes for %Service%'],
  ['cost-guardrails', 'Cost guardrails for %Service%'],
] as const;

const GLOSSARY: readonly { term: string; aliases: readonly string[]; definition: string; see_also?: readonly string[] }[] = [
  {
    term: 'Out of memory',
    aliases: ['OOM', 'OOMKilled'],
    definition: 'A process was killed because it used more memory than it is allowed; the pod restarts with exit code 137.',
    see_also: ['Kubernetes'],
  },
  {
    term: 'Kubernetes',
    aliases: ['k8s', 'kube'],
    definition: 'The container orchestrator every Heron Pay workload runs on, as EKS clusters prod-euw1 and dr-euc1.',
    see_also: ['Out of memory'],
  },
  {
    term: 'PostgreSQL',
    aliases: ['Postgres', 'PG'],
    definition: 'The relational database behind payments, ledger and payouts, run as Patroni clusters.',
    see_also: ['Write-ahead log'],
  },
  {
    term: 'Write-ahead log',
    aliases: ['WAL'],
    definition: 'The PostgreSQL log of changes, shipped to replicas and archived to S3 for point-in-time recovery.',
    see_also: ['PostgreSQL'],
  },
  {
    term: 'Recovery time objective',
    aliases: ['RTO'],
    definition: 'The longest a service may be down after a disaster before the business impact becomes unacceptable.',
    see_also: ['Recovery point objective', 'Gameday'],
  },
  {
    term: 'Recovery point objective',
    aliases: ['RPO'],
    definition: 'The most data, measured in time, we accept losing in a disaster.',
    see_also: ['Recovery time objective'],
  },
  {
    term: 'Gameday',
    aliases: ['DR test', 'game day'],
    definition: 'A planned exercise of a DR plan on staging or production, with measured RTO and RPO.',
    see_also: ['Recovery time objective'],
  },
  {
    term: 'Service level objective',
    aliases: ['SLO'],
    definition: 'The target share of good events over 28 days, such as 99.95% of requests without a 5xx.',
    see_also: ['Error budget'],
  },
  {
    term: 'Error budget',
    aliases: ['budget burn'],
    definition: 'What the SLO allows to fail; the burn rate says how fast it is spent.',
    see_also: ['Service level objective'],
  },
  {
    term: 'Idempotency key',
    aliases: ['Idempotency-Key'],
    definition: 'A client-chosen key that makes a retried request return the first result instead of acting twice.',
  },
  {
    term: 'Dead-letter queue',
    aliases: ['DLQ', 'dead letters'],
    definition: 'Where a consumer parks messages it cannot process, to be replayed once the cause is fixed.',
  },
  {
    term: 'Incident commander',
    aliases: ['IC'],
    definition: 'The person who runs an incident: decides, delegates and communicates; not the one typing commands.',
  },
];

// ---------------------------------------------------------------------------------------------
// Planning: every id, owner, alert and heading is decided before any text is written, so links
// and onboarding steps point at what exists.

type TeamPlan = { readonly id: string; readonly name: string };
type ServicePlan = {
  readonly id: string;
  readonly name: string;
  readonly component: Component;
  readonly namespace: string;
  readonly owner: TeamPlan;
  readonly tier: number;
  readonly dependsOn: readonly string[];
};

type DocDraft = Omit<DocPlan, 'flavour' | 'path' | 'problem'>;

type DocPlan = SyntheticDoc & {
  readonly title: string;
  readonly owner: TeamPlan;
  readonly service: ServicePlan;
  /** Anchor slugs other docs may link to. */
  readonly anchors: readonly string[];
  readonly symptom?: Symptom | undefined;
  readonly alerts: readonly string[];
  /** Runbook section titles, in order (aliases included). */
  readonly sections: readonly string[];
};

const RUNBOOK_SECTIONS = [
  ['Overview', 'Overview', 'Overview', 'Summary', 'Meaning'],
  ['Impact'],
  ['Diagnosis', 'Diagnosis', 'Diagnosis', 'Investigation', 'Troubleshooting'],
  ['Mitigation', 'Mitigation', 'Mitigation', 'Remediation', 'Resolution'],
  ['Verification', 'Verification', 'Validation'],
  ['Escalation', 'Escalation', 'Escalation', 'Contacts'],
] as const;
const DR_SECTIONS = ['Scope', 'Dependencies', 'Backups', 'Recovery procedure', 'Verification', 'Communication'] as const;

const pascal = (id: string) =>
  id
    .split('-')
    .map((part) => (part[0] ?? '').toUpperCase() + part.slice(1))
    .join('');
const slug = (title: string) =>
  title
    .toLowerCase()
    .replace(/[^a-z0-9 -]/g, '')
    .replace(/ /g, '-');
const capitalise = (text: string) => (text[0] ?? '').toUpperCase() + text.slice(1);

/** `YYYY-MM-DD`, `days` before `today`. */
export function daysBefore(today: string, days: number): string {
  const time = Date.parse(`${today}T00:00:00Z`) - days * 86_400_000;
  return new Date(time).toISOString().slice(0, 10);
}

/** A YAML scalar: plain when that is safe, double-quoted (JSON is valid YAML) otherwise. */
function yamlString(text: string): string {
  return /^[A-Za-z0-9][^:#[\]{},&*!|>'"%@`]*$/.test(text) && !/\s$/.test(text) ? text : JSON.stringify(text);
}

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

// ---------------------------------------------------------------------------------------------
// Registries.

function teamsYaml(teams: readonly TeamPlan[]): string {
  const entries = teams.map(
    (team) => `- id: ${team.id}\n  name: ${team.name}\n  channel: "#${team.id}-oncall"\n  oncall: ${team.id}-primary\n  email: ${team.id}@heronpay.example\n`,
  );
  return `# Teams that own services and docs. \`oncall\` is the PagerDuty schedule name.\n${entries.join('\n')}`;
}

function servicesYaml(services: readonly ServicePlan[]): string {
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

const TOOLS = [
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

function toolsYaml(): string {
  const entries = TOOLS.map(
    ([id, name, kind, prefixes]) =>
      `- id: ${id}\n  name: ${yamlString(name)}\n  kind: ${kind}\n  url_prefixes:\n${prefixes.map((prefix) => `    - ${prefix}\n`).join('')}`,
  );
  return `# Tools referenced from services and docs. Links to *.${DOMAIN} hosts must start with one of these url_prefixes.\n${entries.join('\n')}`;
}

function glossaryYaml(): string {
  const entries = GLOSSARY.map((term) => {
    const lines = [`- term: ${term.term}`, `  aliases: [${term.aliases.join(', ')}]`, `  definition: ${yamlString(term.definition)}`];
    if (term.see_also) lines.push(`  see_also: [${term.see_also.join(', ')}]`);
    return `${lines.join('\n')}\n`;
  });
  return `# Terms, abbreviations and Heron Pay jargon.\n${entries.join('\n')}`;
}

function configYaml(): string {
  return `# opskb settings for the synthetic knowledge base.\nrules:\n  links:\n    internalDomains: ['*.${DOMAIN}']\n  review-freshness:\n    dueSoonDays: 14\n`;
}

// ---------------------------------------------------------------------------------------------
// Docs.

type RenderContext = {
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

const REVIEW_DAYS: Record<DocType, { every: number; freshWithin: number }> = {
  runbook: { every: 90, freshWithin: 60 },
  'dr-plan': { every: 180, freshWithin: 140 },
  knowledge: { every: 365, freshWithin: 300 },
  onboarding: { every: 180, freshWithin: 140 },
};

const REVIEW_EVERY_SPELLING: Record<DocType, string> = { runbook: '90d', 'dr-plan': '6mo', knowledge: '1y', onboarding: '26w' };

function renderDoc(doc: DocPlan, context: RenderContext): string {
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
function filler(doc: DocPlan, random: Random): (template: string) => string {
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

function frontmatter(doc: DocPlan, context: RenderContext, extra: readonly string[], summary: string, tags: readonly string[]): string {
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

function linkTo(from: DocPlan, target: DocPlan, random: Random, withAnchor: boolean): string {
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

function brokenLink(doc: DocPlan, context: RenderContext): string {
  let id = `runbooks/${doc.service.id}/legacy-${doc.service.id}-procedure`;
  for (let n = 2; context.ids.has(id); n += 1) id = `runbooks/${doc.service.id}/legacy-${doc.service.id}-procedure-${n}`;
  return `the [old ${doc.service.name} procedure](/${id}/)`;
}

function others(doc: DocPlan, pool: readonly DocPlan[], random: Random, count: number): DocPlan[] {
  const picked: DocPlan[] = [];
  for (let attempt = 0; attempt < count * 4 && picked.length < count && pool.length > 1; attempt += 1) {
    const candidate = random.pick(pool);
    if (candidate.id !== doc.id && !picked.includes(candidate)) picked.push(candidate);
  }
  return picked;
}

const dashboard = (doc: DocPlan) => `[${doc.service.name} overview](https://grafana.${DOMAIN}/d/${doc.service.id}/${doc.service.id}-overview)`;

function codeBlock(language: string, lines: readonly string[], indent = ''): string {
  return [`${indent}\`\`\`${language}`, ...lines.map((line) => (line === '' ? '' : `${indent}${line}`)), `${indent}\`\`\``].join('\n');
}

/** A warning right above a destructive command: a `<Warning>` callout in MDX, a blockquote otherwise. */
function warning(doc: DocPlan, text: string, random: Random): string {
  if (doc.flavour === 'mdx' && doc.problem !== 'mdx-parse-error' && random.chance(0.5)) {
    return `<Warning title="Destructive">\n  ${text}\n</Warning>`;
  }
  return `> **Warning:** ${text}`;
}

const OVERVIEW_EXTRAS = [
  '%Service% is tier %tier% in the service catalogue: when it degrades, merchants notice within minutes.',
  'The alert is tuned on four weeks of production data; it rarely fires on its own, so take it seriously at any hour.',
  'Most pages for this alert in the last quarter came in the evening peak, between 18:00 and 21:00 UTC.',
  'The thresholds live in the `%svc%` PrometheusRule in `platform-infra/alerts/%ns%.yaml`; change them there, with a pull request.',
  'A single pod failing is not enough to page: the alert aggregates over every replica of the deployment.',
];
const IMPACT_SENTENCES = [
  'Merchants see failed or slow operations in %Service%, and their clients retry with the same idempotency key.',
  'Balances shown in the merchant dashboard go stale until %Service% catches up; no money is lost.',
  'Partner files are delayed, and partners open tickets after about two hours.',
  'At a 2% failure rate the monthly error budget lasts about 36 hours.',
  'Downstream services that read from %Service% serve cached data and mark it as stale.',
  'Large merchants have contractual SLAs and notice within minutes; the account managers will ask for updates.',
  'Nothing is lost while the backlog stays within the 7-day retention of the source topic.',
];
const DIAGNOSIS_STEPS = [
  ['Pods and recent changes', 'Start with the pods and what changed in the last hour: most pages follow a deploy or a config change.'],
  ['Logs', 'Group `level:error` by `error.type` in OpenSearch. A single new exception type that started at a deploy time is the answer nine times out of ten.'],
  ['Dependencies', 'Compare the p99 latency per dependency; a slow dependency shows as wide client spans in the traces.'],
  ['Database', 'Check what the database is doing for this service: long transactions and lock waits show here first.'],
  ['Traffic shape', 'Compare the request rate with the same hour last week. A spike from one merchant or one partner is common.'],
  ['Node health', 'Check whether the failing pods share a node or an availability zone.'],
];
const DIAGNOSIS_COMMANDS = [
  'kubectl --context prod-euw1 -n %ns% get pods -l app=%svc% -o wide',
  'kubectl --context prod-euw1 -n %ns% get events --sort-by=.lastTimestamp | tail -20',
  'kubectl --context prod-euw1 -n %ns% top pods -l app=%svc%',
  'kubectl --context prod-euw1 -n %ns% logs deploy/%svc% --since=15m | grep -c \'"level":"error"\'',
  'argocd app history %svc% --grpc-web | head -5',
  "kubectl --context prod-euw1 -n %ns% describe pod -l app=%svc% | grep -A5 'Last State'",
];
const SQL_QUERIES = [
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
const VERIFICATION_ITEMS = [
  'The alert resolved and stayed resolved for 15 minutes.',
  'Error ratio under 0.1% and p99 back under its objective on the %Service% overview dashboard.',
  'No pod restarted in the last 15 minutes: `kubectl --context prod-euw1 -n %ns% get pods -l app=%svc%`.',
  'The backlog is decreasing and will be empty within the hour at the current rate.',
  'Error budget burn rate (panel "SLO burn 1h and 6h") back under 1.',
  'Downstream consumers report no gaps: their lag is back under their own thresholds.',
];
const ESCALATION_ITEMS = [
  '%owner%-primary on-call, #%owner%-oncall.',
  'More than 5% errors for 5 minutes, or a complete outage: page ic-primary and declare SEV1.',
  'Database saturation: page platform-primary; the fleet is theirs, the queries are ours, so stay on the bridge.',
  'Partner-side problems: the partner operations desk, through the number in the partner contact sheet.',
  'Anything touching money movement after 22:00 UTC: page ledger-primary before acting.',
];

function renderRunbook(doc: DocPlan, context: RenderContext): string {
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

const DR_STEP_SENTENCES = [
  'The incident commander approves this step in the incident channel before anyone runs it.',
  'Run it from the toolbox pod; it has the credentials and the tools pinned to the right versions.',
  'This step takes about %n% minutes on production volumes; post progress every 10 minutes.',
  'Nothing here is irreversible; repeat it if the first attempt times out.',
  'At the last gameday this step was the slowest: start it as early as the previous one allows.',
  'Write down the time each command finished in the incident channel; the postmortem needs the timeline.',
  'If the command fails with a permission error, the break-glass role in Vault has the rights; do not change IAM policies during the incident.',
  'Check the result on the %Service% overview dashboard before moving on: a step that looks done can still be catching up.',
];

function renderDrPlan(doc: DocPlan, context: RenderContext): string {
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

const KNOWLEDGE_SECTIONS = [
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

const KNOWLEDGE_SENTENCES = [
  'This is the part new engineers get wrong most often, usually in their first month.',
  'The numbers come from the last load test on staging, scaled to production traffic.',
  'Partners see the effect within minutes, so their operations desks are often the first to call.',
  'We wrote this down after the third incident in a year with the same root cause.',
  'The design trades a little latency for the guarantee that no payment is processed twice.',
  'Nothing about this is specific to %Service%, but %Service% is where it hurts most.',
  'The limits are enforced in code and in the database; changing one without the other has caused an incident before.',
  'When in doubt, prefer the slower, reversible action: a delayed payout is an apology, a duplicated one is a recovery project.',
];

function renderKnowledge(doc: DocPlan, context: RenderContext): string {
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

function renderOnboarding(doc: DocPlan, context: RenderContext): string {
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
