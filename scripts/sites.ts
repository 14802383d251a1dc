// `npx tsx scripts/sites.ts [--creator-port 8080] [--embed-port 8081]`: serves the demo creator sites
// (test/sites/public) until Ctrl-C, for trying the extension by hand or from another test tool.
import { parseArgs } from 'node:util';
import { startSites } from '../test/sites/server.js';

const { values } = parseArgs({
  options: {
    'creator-port': { type: 'string', default: '8080' },
    'embed-port': { type: 'string', default: '8081' },
  },
});

function port(name: string, value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    console.error(`--${name} must be a port number (0 picks a free one), not "${value}"`);
    process.exit(2);
  }
  return n;
}

const sites = await startSites({
  creatorPort: port('creator-port', values['creator-port']),
  embedPort: port('embed-port', values['embed-port']),
});
console.log(`creator site    ${sites.creatorOrigin}/  (index of the demo pages)`);
console.log(`embedding site  ${sites.embedOrigin}/embed.html?player-stream=1`);

const stop = async () => {
  await sites.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
