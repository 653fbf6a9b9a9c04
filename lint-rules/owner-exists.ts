/**
 * # opskb:owner-exists
 *
 * The `owner` of a doc is a team in `teams.yaml`, every entry of `services` is a service in
 * `services.yaml`, and every step of an onboarding path points at a doc that exists.
 *
 * ## Why
 * An owner nobody can find is no owner: the doc page links the team's channel and on-call
 * rotation, and review reminders go to it. A service id with a typo drops the doc out of the
 * service's directory page, and a dangling onboarding step strands a new hire.
 *
 * ## Options
 * None. Reads the registries and the doc index once per run.
 *
 * ## Examples
 * ok (with `payments-core` in teams.yaml and `card-authorizer` in services.yaml):
 * ```yaml
 * owner: payments-core
 * services: [card-authorizer]
 * ```
 * not ok:
 * ```yaml
 * owner: payment-core
 * services: [card-authoriser]
 * ```
 * → `` Unknown owner team `payment-core`: not in teams.yaml. … Did you mean `payments-core`? ``,
 * `` Unknown service `card-authoriser`: … Did you mean `card-authorizer`? ``
 */
import { getDocContext } from '../src/lib/lint/doc-context.ts';
import { defineRule } from '../src/lib/lint/define-rule.ts';
import { didYouMean } from '../src/lib/text/suggest.ts';

export default defineRule('owner-exists', (tree, file, settings) => {
  const { frontmatter } = getDocContext(tree, file, settings);
  const data = frontmatter?.data;
  if (!frontmatter || !data) return;
  const { teams, services } = settings.kb.registries;
  const { docs } = settings.kb;

  const owner = data['owner'];
  if (typeof owner === 'string' && !teams.has(owner)) {
    file.message(`Unknown owner team \`${owner}\`: not in teams.yaml. Add the team there or use one of its ids.${didYouMean(owner, teams.keys())}`, {
      place: frontmatter.positionOf(['owner']),
    });
  }

  const serviceIds = data['services'];
  if (Array.isArray(serviceIds)) {
    serviceIds.forEach((service: unknown, index) => {
      if (typeof service === 'string' && !services.has(service)) {
        file.message(
          `Unknown service \`${service}\`: not in services.yaml. Add the service there or use one of its ids.${didYouMean(service, services.keys())}`,
          {
            place: frontmatter.positionOf(['services', index]),
          },
        );
      }
    });
  }

  const steps = data['steps'];
  if (Array.isArray(steps)) {
    steps.forEach((step: unknown, index) => {
      const doc = step && typeof step === 'object' ? (step as Record<string, unknown>)['doc'] : undefined;
      if (typeof doc === 'string' && !docs.has(doc)) {
        file.message(
          `Onboarding step ${index + 1} points at \`${doc}\`, which is not a doc of this knowledge base: use a doc id (its path under the content root without extension).${didYouMean(doc, docs.keys())}`,
          {
            place: frontmatter.positionOf(['steps', index, 'doc']),
          },
        );
      }
    });
  }
});
