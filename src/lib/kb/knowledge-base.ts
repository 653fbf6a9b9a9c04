// The knowledge-base index: registries plus every doc's id, type and file, built once per run
// and shared by the cross-file lint rules, the CLI and the site.
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { DOC_FILE_EXTENSIONS, docIdOfPath, docTypeOfId, type DocType } from '../model/index.ts';
import { loadConfig, type LoadedConfig } from './config.ts';
import { loadRegistries, type Registries } from './registries.ts';

export type DocEntry = {
  readonly id: string;
  readonly type: DocType;
  /** Absolute path. */
  readonly path: string;
};

export type KnowledgeBase = {
  readonly contentDir: string;
  readonly registries: Registries;
  /** `opskb.yaml`: rule severities and options, internal domains. */
  readonly config: LoadedConfig;
  /** Docs in the type folders, by id. */
  readonly docs: ReadonlyMap<string, DocEntry>;
};

export function loadKnowledgeBase(contentDir: string): KnowledgeBase {
  const docs = new Map<string, DocEntry>();
  for (const path of listDocFiles(contentDir)) {
    const id = docIdOfPath(relative(contentDir, path));
    const type = docTypeOfId(id);
    if (type) docs.set(id, { id, type, path });
  }
  return { contentDir, registries: loadRegistries(contentDir), config: loadConfig(contentDir), docs };
}

export function isDocFile(path: string): boolean {
  return DOC_FILE_EXTENSIONS.some((extension) => path.toLowerCase().endsWith(extension));
}

/** Every `.md` / `.mdx` file under `dir` (recursively, skipping dot folders and node_modules), sorted. */
export function listDocFiles(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir, { recursive: true, encoding: 'utf8' });
  } catch {
    return [];
  }
  return names
    .filter((name) => isDocFile(name) && !name.split(sep).some((part) => part.startsWith('.') || part === 'node_modules'))
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile())
    .sort();
}
