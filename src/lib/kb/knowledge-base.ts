// The knowledge-base index: registries, config and every doc's id, type, file and cross-file facts
// (alerts, heading anchors), built once per run and shared by the lint rules, the CLI and the site.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DOC_FILE_EXTENSIONS, docIdOfPath, docTypeOfId, type DocType } from '../model/index.ts';
import { loadConfig, type LoadedConfig } from './config.ts';
import { extractDocFacts, type DocFacts } from './doc-facts.ts';
import { loadRegistries, type Registries } from './load-registries.ts';

export type IndexedDoc = DocFacts & {
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
  readonly docs: ReadonlyMap<string, IndexedDoc>;
  /** Runbooks naming each alert, in path order. */
  readonly alerts: ReadonlyMap<string, readonly AlertOwner[]>;
};

/** Reads a file's facts; the lint cache passes a memoised version. */
export type FactsReader = (path: string) => DocFacts;

export const readFacts: FactsReader = (path) => extractDocFacts(readFileSync(path, 'utf8'));

/**
 * The index of the knowledge base in `contentDir`. Registries and opskb.yaml are read when first
 * used: a run whose findings all come from the cache never parses them.
 */
export function loadKnowledgeBase(contentDir: string, facts: FactsReader = readFacts, files: readonly string[] = listDocFiles(contentDir)): KnowledgeBase {
  const docs = new Map<string, IndexedDoc>();
  const alerts = new Map<string, AlertOwner[]>();
  for (const path of files) {
    const id = docIdOfPath(relative(contentDir, path));
    const type = docTypeOfId(id);
    if (!type) continue;
    const entry: IndexedDoc = { id, type, path, ...facts(path) };
    docs.set(id, entry);
    if (type !== 'runbook') continue;
    for (const alert of entry.alerts) {
      const owners = alerts.get(alert.name) ?? [];
      owners.push({ id, path, line: alert.line, column: alert.column });
      alerts.set(alert.name, owners);
    }
  }
  let registries: Registries | undefined;
  let config: LoadedConfig | undefined;
  return {
    contentDir,
    get registries() {
      registries ??= loadRegistries(contentDir);
      return registries;
    },
    get config() {
      config ??= loadConfig(contentDir);
      return config;
    },
    docs,
    alerts,
  };
}

export function isDocFile(path: string): boolean {
  return DOC_FILE_EXTENSIONS.some((extension) => path.toLowerCase().endsWith(extension));
}

/** Every `.md` / `.mdx` file under `dir` (recursively, skipping dot folders and node_modules), sorted. */
export function listDocFiles(dir: string): string[] {
  return listFiles(dir, isDocFile);
}

/**
 * Every other file under `dir` (images, attachments): links to them are checked, so whether they
 * exist is part of what a cached finding depends on.
 */
export function listOtherFiles(dir: string): string[] {
  return listFiles(dir, (name) => !isDocFile(name));
}

/**
 * Files under `dir` whose names `keep` accepts, sorted; dot folders and node_modules skipped. A
 * symbolic link counts as the file it points to; one that cannot be followed (a loop) is listed,
 * so that reading it reports the problem, and a dangling one is not.
 */
function listFiles(dir: string, keep: (name: string) => boolean): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if ((entry.isFile() || (entry.isSymbolicLink() && linkedFile(path))) && keep(entry.name)) found.push(path);
    }
  };
  walk(dir);
  return found.sort();
}

function linkedFile(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
  } catch {
    return true;
  }
}
