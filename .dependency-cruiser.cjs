// The layers of opskb's code, checked by `npm test` (dependency-cruiser). One direction only:
//   model, text → markdown → kb → lint rules → lint runner → cli        (the linter)
//   model, text → markdown → kb → site (pages, integrations, browser code)   (the site)
// and no import cycle anywhere. ARCHITECTURE.md draws the same picture.
const LINT_RULE_SUPPORT = '^src/lib/lint/(define-rule|settings|doc-context|directive-comments)[.]ts$|^src/lib/lint/traversal/';
const SITE = '^src/(lib/site/|lib/content[.]ts$|integrations/|client/|pages/|components/|layouts/|content[.]config[.]ts$)';
const layer = (name, from, allowed, comment) => ({
  name,
  comment,
  severity: 'error',
  from: { path: from },
  to: { path: '^(src|lint-rules|scripts|test)/', pathNot: allowed },
});

module.exports = {
  forbidden: [
    { name: 'no-circular', comment: 'Import cycles tie layers into one knot.', severity: 'error', from: {}, to: { circular: true } },
    layer('model-is-a-leaf', '^src/lib/model/', '^src/lib/model/', 'The document model and the shared facts import nothing of ours.'),
    layer('text-is-a-leaf', '^src/lib/text/', '^src/lib/text/', 'Text utilities import nothing of ours.'),
    layer('markdown-below-kb', '^src/lib/markdown/', '^src/lib/(markdown|text|model)/', 'The parser and YAML layer sits under the knowledge base.'),
    layer('kb-below-lint-and-site', '^src/lib/kb/', '^src/lib/(kb|markdown|text|model)/', 'The knowledge-base index knows nothing of the linter or the site.'),
    layer(
      'lint-rules-below-runner',
      `^lint-rules/|${LINT_RULE_SUPPORT}`,
      `^lint-rules/|${LINT_RULE_SUPPORT}|^src/lib/(kb|markdown|text|model)/`,
      'Rules and what they are built with do not know how they are run.',
    ),
    layer(
      'runner-below-cli',
      '^src/lib/lint/',
      `^lint-rules/|^src/lib/(lint|kb|markdown|text|model)/`,
      'The lint runner (engine, workers, cache, formats) knows nothing of the command line or the site.',
    ),
    layer('cli-on-top', '^src/lib/cli/', '^lint-rules/|^src/lib/(cli|lint|kb|markdown|text|model|site)/', 'The command line may use everything of the library.'),
    layer('site-beside-the-linter', SITE, `${SITE}|^src/lib/(kb|markdown|text|model)/|^src/components/`, 'The site reads the model and the knowledge base, never the linter.'),
    {
      name: 'browser-code-stays-light',
      comment: 'Code shipped to readers never pulls in node-only modules or zod.',
      severity: 'error',
      from: { path: '^src/client/' },
      to: { path: '^src/lib/(kb|markdown|lint|cli)/|^src/lib/model/(index|frontmatter|fields|doc-types|config|registry-schemas)[.]ts$|^lint-rules/' },
    },
    {
      name: 'library-not-on-tooling',
      comment: 'The product does not import its scripts, benchmarks or tests.',
      severity: 'error',
      from: { path: '^(src|lint-rules)/' },
      to: { path: '^(scripts|test)/' },
    },
    { name: 'scripts-not-on-tests', comment: 'Scripts do not import from test/.', severity: 'error', from: { path: '^scripts/' }, to: { path: '^test/' } },
  ],
  options: {
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^node_modules|^test/fixtures/' },
  },
};
