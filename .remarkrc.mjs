// remark-cli and editor integrations (vscode-remark) run the same opskb rules as `opskb lint`.
// The content root is ./content or OPSKB_CONTENT_DIR; review dates are checked against today.
import opskb from './lint-rules/index.ts';

export default { plugins: [opskb] };
