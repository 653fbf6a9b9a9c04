// The words of Heron Pay, the fictional company of the synthetic knowledge base: teams, services,
// symptoms with their alerts, queries and fixes, DR scenarios, knowledge topics and the glossary.

// ---------------------------------------------------------------------------------------------
// Vocabulary: a fictional payments company, Heron Pay, with the shapes of the demo knowledge base.

export const DOMAIN = 'heron.internal';
export const TEAMS = [
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

export const SERVICE_DOMAINS = [
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

export type Component = 'api' | 'gateway' | 'router' | 'db' | 'store' | 'cache' | 'consumer' | 'worker' | 'indexer' | 'sync' | 'exporter' | 'scheduler';
export const COMPONENTS: Record<Component, { label: string; role: string }> = {
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
export const COMPONENT_NAMES = Object.keys(COMPONENTS) as Component[];

export type Fix = { readonly title: string; readonly text: string; readonly commands: readonly string[]; readonly destructive?: boolean };
export type Symptom = {
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
export const ROLLBACK: Fix = {
  title: 'Bad deploy',
  text: 'Roll back; do not roll forward at night. The Friday freeze never blocks a rollback.',
  commands: ['argocd app rollback %svc% --grpc-web', 'argocd app wait %svc% --health --timeout 600 --grpc-web'],
};
export const SCALE_UP: Fix = {
  title: 'Not enough capacity',
  text: 'Raise the HPA floor; new pods are ready in about 40 seconds. Check first that the database has room for the extra connections.',
  commands: [`kubectl --context prod-euw1 -n %ns% patch hpa %svc% --type merge -p '{"spec":{"minReplicas":%n%}}'`],
};
export const RESTART: Fix = {
  title: 'Stuck pods',
  text: 'A rolling restart is safe: the deployment keeps its PodDisruptionBudget and drains connections for 30 seconds.',
  commands: [
    'kubectl --context prod-euw1 -n %ns% rollout restart deploy/%svc%',
    'kubectl --context prod-euw1 -n %ns% rollout status deploy/%svc% --timeout=10m',
  ],
};
export const DELETE_PODS: Fix = {
  title: 'Pods stuck in a bad state',
  text: 'Delete the failed pods so the ReplicaSet recreates them on healthy nodes.',
  commands: ['kubectl --context prod-euw1 -n %ns% delete pod -l app=%svc% --field-selector=status.phase=Failed'],
  destructive: true,
};
export const DRAIN_NODE: Fix = {
  title: 'One bad node',
  text: 'If every failing pod runs on the same node, cordon and drain it; Karpenter replaces it within five minutes.',
  commands: [
    'kubectl --context prod-euw1 cordon ip-10-0-%n%-17.eu-west-1.compute.internal',
    'kubectl --context prod-euw1 drain ip-10-0-%n%-17.eu-west-1.compute.internal --ignore-daemonsets --delete-emptydir-data',
  ],
  destructive: true,
};

export const SYMPTOMS: readonly Symptom[] = [
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

export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export const DR_STRATEGIES = ['backup-restore', 'pilot-light', 'warm-standby', 'active-active'] as const;
export const DR_SCENARIOS = [
  ['loss', 'loss'],
  ['data-corruption', 'data corruption'],
  ['region-failover', 'region failover'],
] as const;
export const KNOWLEDGE_TOPICS = [
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

export const GLOSSARY: readonly { term: string; aliases: readonly string[]; definition: string; see_also?: readonly string[] }[] = [
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
