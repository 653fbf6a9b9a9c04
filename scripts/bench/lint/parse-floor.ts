// The parse floor of the lint benchmark, run as a child process by it:
//   node scripts/bench/lint/parse-floor.ts DIR remark|opskb
// reads every doc under DIR and parses it, nothing else, and prints {files, bytes, errors} as JSON.
import { readFileSync } from 'node:fs';

/**
 * The child process of the parse-floor measurement: read every doc and parse it, nothing else.
 * `remark`: remark-parse + remark-frontmatter, + remark-mdx for .mdx (the floor in STACK-NOTES);
 * `opskb`: the linter's own parser (src/lib/markdown/parse.ts: Sätteri, the parser of the site's
 * build, with frontmatter, GFM and, for .mdx, MDX), as the lint process loads it.
 */
export async function parseFloor(dir: string, parser: 'remark' | 'opskb'): Promise<void> {
  const { listDocFiles } = await import('../../../src/lib/kb/knowledge-base.ts');
  let parse: (text: string, mdx: boolean) => unknown;
  if (parser === 'opskb') {
    const { parseDocument } = await import('../../../src/lib/markdown/parse.ts');
    parse = (text, mdx) => parseDocument(text, mdx ? 'mdx' : 'markdown');
  } else {
    const { unified } = await import('unified');
    const { default: remarkParse } = await import('remark-parse');
    const { default: remarkMdx } = await import('remark-mdx');
    const { default: remarkFrontmatter } = await import('remark-frontmatter');
    const mdxProcessor = unified().use(remarkParse).use(remarkMdx).use(remarkFrontmatter).freeze();
    const markdownProcessor = unified().use(remarkParse).use(remarkFrontmatter).freeze();
    parse = (text, mdx) => (mdx ? mdxProcessor : markdownProcessor).parse(text);
  }
  let files = 0;
  let bytes = 0;
  let errors = 0;
  for (const path of listDocFiles(dir)) {
    const text = readFileSync(path, 'utf8');
    files += 1;
    bytes += Buffer.byteLength(text);
    try {
      parse(text, path.endsWith('.mdx'));
    } catch {
      errors += 1;
    }
  }
  console.log(JSON.stringify({ files, bytes, errors }));
}

const [dir, parser] = process.argv.slice(2);
if (dir === undefined || (parser !== 'remark' && parser !== 'opskb')) {
  console.error('Usage: node scripts/bench/lint/parse-floor.ts DIR remark|opskb');
  process.exitCode = 2;
} else {
  await parseFloor(dir, parser);
}
