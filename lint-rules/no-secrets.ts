/**
 * # opskb:no-secrets
 *
 * (being written)
 */
import { defineRule } from '../src/lib/lint/define-rule.ts';

export default defineRule('no-secrets', () => {});
