// The `opskb` command line. Thin: parses arguments, calls tested modules, sets the exit code
// (0 clean, 1 errors found, 2 bad usage or an internal failure).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { resolveContentDir } from '../kb/content-dir.ts';
import { isDocFile, listDocFiles } from '../kb/knowledge-base.ts';
import { lintFiles } from '../lint/engine.ts';
import { formatFinding, formatSummary } from '../lint/format.ts';
import { localToday } from '../lint/settings.ts';
import { DOC_TYPES, ISO_DATE_PATTERN, isDocType } from '../model/index.ts';

export type Io = {
  readonly cwd: string;
  readonly env: NodeJS.ProcessEnv;
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
  readonly clock: () => Date;
};

export const USAGE = `Usage: opskb <command> [options]

Commands:
  lint [paths…]       Lint docs (files or folders; default: the content root)
    --now YYYY-MM-DD  The day to check review dates against (default: today)
    --type TYPE       Treat every file as this type (${DOC_TYPES.join(', ')}),
                      e.g. to lint runbooks kept outside the knowledge base

Options:
  -h, --help          Show this help
  -v, --version       Show the opskb version

Environment:
  OPSKB_CONTENT_DIR   The content root (default: ./content); its registries are read.`;

class UsageError extends Error {}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '-h' || command === '--help' || command === 'help') {
      io.out(USAGE);
      return command === undefined ? 2 : 0;
    }
    if (command === '-v' || command === '--version') {
      io.out(readVersion());
      return 0;
    }
    if (command === 'lint') return await lintCommand(rest, io);
    throw new UsageError(`Unknown command \`${command}\`.`);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`opskb: ${error.message}\n\n${USAGE}`);
      return 2;
    }
    io.err(`opskb: internal error: ${(error as Error).message}\nThis is a bug in opskb; please report it with the command you ran.`);
    return 2;
  }
}

async function lintCommand(args: readonly string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { now: { type: 'string' }, type: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.out(USAGE);
    return 0;
  }
  const today = values.now ?? localToday(io.clock());
  if (!ISO_DATE_PATTERN.test(today) || Number.isNaN(Date.parse(today))) {
    throw new UsageError(`--now expects a date written as YYYY-MM-DD, got \`${today}\`.`);
  }
  if (values.type !== undefined && !isDocType(values.type)) {
    throw new UsageError(`--type expects one of ${DOC_TYPES.join(', ')}, got \`${values.type}\`.`);
  }
  const contentDir = resolveContentDir(io.env, io.cwd);
  const targets = positionals.length > 0 ? positionals.map((path) => resolve(io.cwd, path)) : [contentDir];
  const files = new Set<string>();
  for (const target of targets) {
    if (!existsSync(target)) throw new UsageError(`No such file or folder: ${target}`);
    if (statSync(target).isDirectory()) {
      for (const file of listDocFiles(target)) files.add(file);
    } else if (isDocFile(target)) {
      files.add(target);
    } else {
      throw new UsageError(`Not a Markdown or MDX file (.md, .mdx): ${target}`);
    }
  }

  const result = await lintFiles([...files], { contentDir, today, type: values.type });
  for (const finding of result.findings) io.out(formatFinding(finding, io.cwd));
  io.out(formatSummary(result.findings, result.filesChecked));
  if (result.internalFailure) return 2;
  return result.findings.some((finding) => finding.severity === 'error') ? 1 : 0;
}

function readVersion(): string {
  const manifest = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string };
  return manifest.version;
}
