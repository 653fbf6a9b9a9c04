// The knowledge-base index: registries, config and every doc's id, type, file and cross-file facts
// (alerts, heading anchors), built once per run and shared by the lint rules, the CLI and the site.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { DOC_FILE_EXTENSIONS, docIdOfPath, docTypeOfId, type DocType } from '../model/index.ts';
import { loadConfig, type LoadedConfig } from './config.ts';
import { extractDocFacts, type DocFacts } from './doc-facts.ts';
import { loadRegistries, type Registries } from './registries.ts';

export type DocEntry = DocFacts & {
  readonly id: string;
  readonly type: DocType;
  /** Absolute path. */
  readonly path: string;
};

export type AlertOwner = { readonly id: string; readonly path: string; readonly line: number; readonly column: number };

export type KnowledgeBase = {
  readonly contentDir: string;
  readonly registries: Registries;
  /** `opskb.yaml`: rule severities and options, internal domains. */
  readonly config: LoadedConfig;
  /** Docs in the type folders, by id. */
  readonly docs: ReadonlyMap<string, DocEntry>;
  /** Runbooks naming each alert, in path order. */
  readonly alerts: ReadonlyMap<string, readonly AlertOwner[]>;
};

/** Reads a file's facts; the lint cache passes a memoised version. */
export type FactsReader = (path: string) => DocFacts;

export const readFacts: FactsReader = (path) => extractDocFacts(readFileSync(path, 'utf8'));

export function loadKnowledgeBase(contentDir: string, facts: FactsReader = readFacts): KnowledgeBase {
  const docs = new Map<string, DocEntry>();
  const alerts = new Map<string, AlertOwner[]>();
  for (const path of listDocFiles(contentDir)) {
    const id = docIdOfPath(relative(contentDir, path));
    const type = docTypeOfId(id);
    if (!type) continue;
    const entry: DocEntry = { id, type, path, ...facts(path) };
    docs.set(id, entry);
    if (type !== 'runbook') continue;
    for (const alert of entry.alerts) {
      const owners = alerts.get(alert.name) ?? [];
      owners.push({ id, path, line: alert.line, column: alert.column });
      alerts.set(alert.name, owners);
    }
  }
  return { contentDir, registries: loadRegistries(contentDir), config: loadConfig(contentDir), docs, alerts };
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
