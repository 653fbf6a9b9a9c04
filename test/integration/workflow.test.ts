// The example GitHub workflow documented in the README does what it says.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { PROJECT_DIR } from '../support/fixtures.ts';

type Step = { run?: string; uses?: string; with?: Record<string, unknown> };
type Job = { steps: Step[]; needs?: string | string[]; permissions?: Record<string, string> };
const workflow = parse(readFileSync(join(PROJECT_DIR, '.github/workflows/knowledge-base.yml'), 'utf8')) as {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
};
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);
const runs = steps.map((step) => step.run ?? '');

describe('.github/workflows/knowledge-base.yml', () => {
  test('lints the changed docs with annotations, uploads SARIF, builds the site', () => {
    expect(runs).toContain('npx opskb lint --format github --changed-since "origin/${{ github.base_ref }}"');
    expect(runs.some((run) => run.startsWith('npx opskb lint --format sarif > opskb.sarif'))).toBe(true);
    expect(steps.find((step) => step.uses?.startsWith('github/codeql-action/upload-sarif'))?.with).toMatchObject({ sarif_file: 'opskb.sarif' });
    expect(runs).toContain('npm run build');
    expect(runs.filter((run) => run === 'npm ci')).toHaveLength(2);
  });

  test('builds only after the lint passed, each job with the least permissions it needs, never with a fork-writable trigger', () => {
    expect(workflow.permissions).toEqual({});
    expect(workflow.jobs['lint']?.permissions).toEqual({ contents: 'read', 'security-events': 'write' });
    expect(workflow.jobs['build']?.needs).toBe('lint');
    expect(workflow.jobs['build']?.permissions).toEqual({ contents: 'read' });
    expect(Object.keys(workflow.on)).not.toContain('pull_request_target');
    const checkouts = steps.filter((step) => step.uses?.startsWith('actions/checkout'));
    expect(checkouts.length).toBeGreaterThan(0);
    for (const checkout of checkouts) expect(checkout.with?.['persist-credentials']).toBe(false);
  });
});
