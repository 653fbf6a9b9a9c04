/**
 * # opskb:registries
 *
 * The registries (`teams.yaml`, `services.yaml`, `tools.yaml`, `glossary.yaml`) and `opskb.yaml`
 * are valid: each entry matches its schema, ids are unique, and references between them resolve
 * (a service's owner is a team, its `depends_on` are services, its dashboards use a tool of
 * tools.yaml and start with one of that tool's `url_prefixes`, glossary `see_also` terms exist).
 * `opskb.yaml` names only known rules, with valid options.
 *
 * `teams.yaml` and `services.yaml` are required; `tools.yaml`, `glossary.yaml` and `opskb.yaml`
 * are optional. Findings are reported at the line and column of the YAML at fault, on every run.
 *
 * ## Why
 * Every doc's owner, services and dashboards are checked against the registries: a broken
 * registry makes every doc that reads it wrong. Ownership that points at a team nobody can page
 * is no ownership.
 *
 * ## Options
 * None.
 *
 * ## Examples
 * ok (`services.yaml`):
 * ```yaml
 * - id: card-authorizer
 *   name: Card authorizer
 *   owner: payments-core
 *   tier: 1
 *   description: Authorizes card payments with the acquirers.
 * ```
 * not ok (`services.yaml`):
 * ```yaml
 * - id: card-authorizer
 *   owner: payment-core
 *   tier: 4
 * ```
 * → `` `name` is missing from services.yaml … ``, `` `description` is missing from services.yaml … ``,
 * `` `tier` in services.yaml: expected tier 1, 2 or 3 … ``
 */
// Not a remark plugin: registries are YAML, checked once per run by the knowledge-base loader.
export { loadRegistries as checkRegistries } from '../src/lib/kb/load-registries.ts';
