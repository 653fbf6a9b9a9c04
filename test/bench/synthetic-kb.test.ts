import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  createRandom,
  daysBefore,
  docMix,
  generateSyntheticKb,
  PLANTED_PROBLEMS,
  writeSyntheticKb,
  type PlantedProblem,
} from '../../scripts/bench/synthetic-kb/index.ts';
import { listDocFiles } from '../../src/lib/kb/knowledge-base.ts';
import { lintFiles, type LintResult } from '../../src/lib/lint/engine.ts';

const isDoc = (path: string) => /\.mdx?$/.test(path);

describe('generateSyntheticKb', () => {
  test('is deterministic: the same options give the same bytes, another seed other bytes', () => {
    const first = generateSyntheticKb({ docs: 60 });
    const second = generateSyntheticKb({ docs: 60 });
    expect(second.files).toEqual(first.files);
    expect(second.totalBytes).toBe(first.totalBytes);
    const other = generateSyntheticKb({ docs: 60, seed: 7 });
    expect(other.files.map((file) => file.content)).not.toEqual(first.files.map((file) => file.content));
  });

  test('produces N docs with the requested mix: types, 70% .mdx, 5% broken', () => {
    const kb = generateSyntheticKb({ docs: 400 });
    expect(kb.docs).toHaveLength(400);
    expect(kb.files.filter((file) => isDoc(file.path))).toHaveLength(400);
    const count = (type: string) => kb.docs.filter((doc) => doc.type === type).length;
    expect({ runbook: count('runbook'), 'dr-plan': count('dr-plan'), knowledge: count('knowledge'), onboarding: count('onboarding') }).toEqual(docMix(400));
    expect(docMix(400)).toEqual({ runbook: 306, 'dr-plan': 20, knowledge: 72, onboarding: 2 });
    expect(kb.docs.filter((doc) => doc.flavour === 'mdx')).toHaveLength(280);
    expect(kb.docs.filter((doc) => doc.problem)).toHaveLength(20);
    for (const doc of kb.docs) expect(doc.path).toBe(`${doc.id}.${doc.flavour}`);
    expect(new Set(kb.docs.map((doc) => doc.id)).size).toBe(400);
  });

  test('plants parse errors only in .mdx docs and missing sections only where sections are required', () => {
    const kb = generateSyntheticKb({ docs: 400, brokenShare: 0.3 });
    const withProblem = (problem: PlantedProblem) => kb.docs.filter((doc) => doc.problem === problem);
    for (const problem of Object.keys(PLANTED_PROBLEMS) as PlantedProblem[]) expect(withProblem(problem).length, problem).toBeGreaterThan(0);
    expect(withProblem('mdx-parse-error').every((doc) => doc.flavour === 'mdx')).toBe(true);
    expect(withProblem('missing-section').every((doc) => doc.type === 'runbook' || doc.type === 'dr-plan')).toBe(true);
    expect(kb.docs.some((doc) => doc.type === 'onboarding' && doc.problem)).toBe(false);
  });

  test('writes docs of 1.5 to 8 KB, like the demo knowledge base, and the four registries', () => {
    const kb = generateSyntheticKb({ docs: 200 });
    const sizes = kb.files.filter((file) => isDoc(file.path)).map((file) => Buffer.byteLength(file.content));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1500);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(8192);
    expect(kb.totalBytes).toBe(kb.files.reduce((sum, file) => sum + Buffer.byteLength(file.content), 0));
    expect(kb.files.map((file) => file.path).filter((path) => !isDoc(path))).toEqual([
      'glossary.yaml',
      'opskb.yaml',
      'services.yaml',
      'teams.yaml',
      'tools.yaml',
    ]);
  });

  test('refuses fewer than 10 docs', () => {
    expect(() => generateSyntheticKb({ docs: 9 })).toThrow('docs must be a whole number of at least 10, got 9');
  });
});

describe('createRandom', () => {
  test('repeats its sequence for a seed', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
  });

  test('int stays within its bounds, inclusive', () => {
    const random = createRandom(1);
    const values = new Set(Array.from({ length: 500 }, () => random.int(3, 5)));
    expect([...values].sort()).toEqual([3, 4, 5]);
  });
});

test.each([
  ['2026-11-26', 0, '2026-11-26'],
  ['2026-11-26', 26, '2026-10-31'],
  ['2026-03-01', 1, '2026-02-28'],
])('daysBefore(%s, %i) is %s', (today, days, expected) => {
  expect(daysBefore(today, days)).toBe(expected);
});

describe('the synthetic knowledge base under the real linter', () => {
  // 60 docs, a fifth of them broken: every problem kind at least once.
  const kb = generateSyntheticKb({ docs: 60, brokenShare: 0.2 });
  let dir = '';
  let result: LintResult;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'opskb-synthetic-kb-'));
    writeSyntheticKb(kb, dir);
    result = await lintFiles(listDocFiles(dir), { contentDir: dir, today: kb.today, workers: 0 });
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const findingsOf = (path: string) => result.findings.filter((finding) => relative(dir, finding.path) === path);

  test('lints every doc, with no problem in the registries or opskb.yaml', () => {
    expect(result.filesChecked).toBe(60);
    expect(result.internalFailure).toBe(false);
    expect(result.findings.filter((finding) => !isDoc(finding.path))).toEqual([]);
    expect(new Set(kb.docs.map((doc) => doc.problem).filter(Boolean))).toEqual(new Set(Object.keys(PLANTED_PROBLEMS)));
  });

  test('its valid docs lint clean, warnings included', () => {
    const valid = kb.docs.filter((doc) => !doc.problem);
    expect(valid).toHaveLength(48);
    const found = valid.flatMap((doc) =>
      findingsOf(doc.path).map((finding) => `${doc.path}:${finding.line}:${finding.column} ${finding.ruleId} ${finding.message}`),
    );
    expect(found).toEqual([]);
  });

  test('each broken doc produces exactly its planted finding', () => {
    const broken = kb.docs.filter((doc) => doc.problem);
    expect(broken).toHaveLength(12);
    for (const doc of broken) {
      const expected = PLANTED_PROBLEMS[doc.problem ?? 'broken-link'];
      const found = findingsOf(doc.path).map((finding) => ({
        ruleId: finding.ruleId,
        severity: finding.severity,
        message: finding.message.slice(0, expected.message.length),
      }));
      expect(found, doc.path).toEqual([{ ruleId: expected.ruleId, severity: 'error', message: expected.message }]);
    }
  });
});
