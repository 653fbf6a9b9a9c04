import { github } from './github.ts';
import { json } from './json.ts';
import type { Formatter } from './report.ts';
import { sarif } from './sarif.ts';
import { stylish } from './stylish.ts';

export const FORMATS = { stylish, json, github, sarif } satisfies Record<string, Formatter>;
export type FormatName = keyof typeof FORMATS;

export function isFormatName(name: string): name is FormatName {
  return name in FORMATS;
}
