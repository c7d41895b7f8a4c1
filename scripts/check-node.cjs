// Plain CommonJS on purpose: it must run (and explain itself) on any old Node.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `Forløpsbenk trenger Node.js 22.12 eller nyere (du har ${process.versions.node}).\n` +
      'Forløpsbenk needs Node.js >= 22.12 (better-sqlite3-multiple-ciphers needs Node-API 10). Install a current Node LTS and try again.',
  );
  process.exit(1);
}
