/**
 * # opskb:code-blocks
 *
 * (being written)
 */
import { defineRule } from '../src/lib/lint/define-rule.ts';

export default defineRule('code-blocks', () => {});
