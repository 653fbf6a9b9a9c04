// Runs before every npm script, on whatever Node npm found: stops early, with the fix, when it is
// older than Astro needs. Plain JavaScript on purpose: it must run on the old Node it rejects.
// MINIMUM is Astro's `engines.node` (a test keeps the two equal).
export const MINIMUM = '22.23.4';

const older = (version, minimum) => {
  const [a, b] = [version, minimum].map((text) => text.split('.').map(Number));
  for (let index = 0; index < 3; index += 1) if (a[index] !== b[index]) return a[index] < b[index];
  return false;
};

if (older(process.versions.node, MINIMUM)) {
  console.error(
    [
      `opskb needs Node.js >= ${MINIMUM} (Astro 7.4 does), but this script is running on Node.js ${process.versions.node} (${process.execPath}).`,
      '',
      'The project pins Node.js as a devDependency (the `node` package, an LTS line), which installs',
      'it at node_modules/.bin/node; npm scripts use it automatically. To get it:',
      '  npm install        (or `npm ci`; do not pass --ignore-scripts: the pinned Node installs in a script)',
      'Then run the command again through npm (`npm test`, `npm run build`, `npx opskb lint`).',
    ].join('\n'),
  );
  process.exit(1);
}
