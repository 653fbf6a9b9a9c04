/**
 * # opskb:mdx-safety
 *
 * (being written)
 */
import { defineRule } from '../src/lib/lint/define-rule.ts';

export default defineRule('mdx-safety', () => {});
