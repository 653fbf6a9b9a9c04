// The MDX components docs may use (opskb:mdx-safety's default allowlist). Every MDX doc gets them
// without an import; `import { Warning } from '@opskb/mdx'` also works.
import Danger from './Danger.astro';
import Note from './Note.astro';
import Warning from './Warning.astro';

export { Danger, Note, Warning };
export const mdxComponents = { Warning, Danger, Note };
