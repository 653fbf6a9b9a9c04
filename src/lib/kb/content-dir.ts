// Where the knowledge base lives: `content/`, unless OPSKB_CONTENT_DIR names another folder.
import { resolve } from 'node:path';

export const CONTENT_DIR_VARIABLE = 'OPSKB_CONTENT_DIR';

export function resolveContentDir(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  const configured = env[CONTENT_DIR_VARIABLE]?.trim();
  return resolve(cwd, configured ? configured : 'content');
}
