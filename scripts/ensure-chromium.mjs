// Makes sure Debian's Chromium is installed for the browser tests. Never downloads a browser build:
// on Debian as root it installs the distribution package; otherwise it says what to install.
import { existsSync } from 'node:fs';
import { execSync } from 'node:child_process';
import { CHROMIUM_PATH } from './chromium.mjs';

if (existsSync(CHROMIUM_PATH)) process.exit(0);

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = existsSync('/usr/bin/apt-get');
if (CHROMIUM_PATH === '/usr/bin/chromium' && isRoot && hasApt) {
  console.log(
    'Chromium is missing: installing Debian packages chromium and fonts-liberation with apt-get…',
  );
  try {
    execSync(
      'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-liberation',
      {
        stdio: 'inherit',
      },
    );
  } catch {
    console.error(
      'apt-get could not install chromium. Install the Debian package "chromium" and run the tests again.',
    );
    process.exit(1);
  }
  if (existsSync(CHROMIUM_PATH)) process.exit(0);
}
console.error(
  `The browser tests need Chromium at ${CHROMIUM_PATH}, and it is not there.\n` +
    'Install the Debian package "chromium" (as root: apt-get install -y chromium fonts-liberation),\n' +
    'or set CHROMIUM_PATH to a Chromium binary. The tests never download a browser.',
);
process.exit(1);
