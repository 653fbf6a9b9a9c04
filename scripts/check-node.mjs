// Runs before every npm script, on whatever Node npm found: stops early, with the fix, when it is
// older than Astro 7 needs. Plain JavaScript on purpose: it must run on the old Node it rejects.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    [
      `opskb needs Node.js >= 22.12, but this script is running on Node.js ${process.versions.node} (${process.execPath}).`,
      '',
      'The project pins Node 22 as a devDependency (the `node` package), which installs it at',
      'node_modules/.bin/node; npm scripts use it automatically. To get it:',
      '  npm install        (or `npm ci`; do not pass --ignore-scripts: the pinned Node installs in a script)',
      'Then run the command again through npm (`npm test`, `npm run build`, `npx opskb lint`).',
    ].join('\n'),
  );
  process.exit(1);
}
