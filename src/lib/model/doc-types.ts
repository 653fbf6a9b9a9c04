// The document types: where each lives under the content root, its required sections and defaults.
import type { z } from 'zod';
import { FRONTMATTER_SCHEMAS } from './frontmatter.ts';

export const DOC_TYPES = ['runbook', 'dr-plan', 'knowledge', 'onboarding'] as const;
export type DocType = (typeof DOC_TYPES)[number];

export type SectionSpec = {
  /** The canonical H2 title. */
  readonly title: string;
  /** Other titles accepted for the same section. */
  readonly aliases: readonly string[];
};

export type DocTypeSpec = {
  readonly type: DocType;
  /** Folder under the content root; the doc id starts with it. */
  readonly folder: string;
  readonly label: string;
  readonly pluralLabel: string;
  /** Required H2 sections, in order. */
  readonly sections: readonly SectionSpec[];
  /** A doc of this type must have some body text even without required sections. */
  readonly requiresBody: boolean;
  readonly defaultReviewEvery: string;
  readonly schema: z.ZodType;
};

const section = (title: string, ...aliases: string[]): SectionSpec => ({ title, aliases });

export const DOC_TYPE_SPECS: Readonly<Record<DocType, DocTypeSpec>> = {
  runbook: {
    type: 'runbook',
    folder: 'runbooks',
    label: 'Runbook',
    pluralLabel: 'Runbooks',
    sections: [
      section('Overview', 'Meaning', 'Summary'),
      section('Impact'),
      section('Diagnosis', 'Investigation', 'Troubleshooting'),
      section('Mitigation', 'Remediation', 'Resolution'),
      section('Verification', 'Validation'),
      section('Escalation', 'Contacts'),
    ],
    requiresBody: true,
    defaultReviewEvery: '90d',
    schema: FRONTMATTER_SCHEMAS['runbook'],
  },
  'dr-plan': {
    type: 'dr-plan',
    folder: 'dr-plans',
    label: 'DR plan',
    pluralLabel: 'DR plans',
    sections: [section('Scope'), section('Dependencies'), section('Backups'), section('Recovery procedure'), section('Verification'), section('Communication')],
    requiresBody: true,
    defaultReviewEvery: '180d',
    schema: FRONTMATTER_SCHEMAS['dr-plan'],
  },
  knowledge: {
    type: 'knowledge',
    folder: 'knowledge',
    label: 'Knowledge',
    pluralLabel: 'Knowledge',
    sections: [],
    requiresBody: true,
    defaultReviewEvery: '365d',
    schema: FRONTMATTER_SCHEMAS['knowledge'],
  },
  onboarding: {
    type: 'onboarding',
    folder: 'onboarding',
    label: 'Onboarding',
    pluralLabel: 'Onboarding paths',
    sections: [],
    requiresBody: true,
    defaultReviewEvery: '180d',
    schema: FRONTMATTER_SCHEMAS['onboarding'],
  },
};

export const DOC_FILE_EXTENSIONS = ['.mdx', '.md'] as const;

export function isDocType(value: string): value is DocType {
  return (DOC_TYPES as readonly string[]).includes(value);
}

/** The type a doc has by its folder (`runbooks/…` → runbook), or undefined outside the type folders. */
export function docTypeOfId(id: string): DocType | undefined {
  const folder = id.split('/')[0];
  return DOC_TYPES.find((type) => DOC_TYPE_SPECS[type].folder === folder);
}

/** The doc id of a path relative to the content root: `runbooks/payments/x.mdx` → `runbooks/payments/x`. */
export function docIdOfPath(relativePath: string): string {
  return relativePath.replaceAll('\\', '/').replace(/\.(mdx|md)$/i, '');
}

/** Normalises a heading for matching: case and surrounding whitespace do not count. */
export function normalizeHeading(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The section spec a heading satisfies, if any. */
export function matchSection(sections: readonly SectionSpec[], heading: string): SectionSpec | undefined {
  const wanted = normalizeHeading(heading);
  return sections.find((spec) => normalizeHeading(spec.title) === wanted || spec.aliases.some((alias) => normalizeHeading(alias) === wanted));
}
