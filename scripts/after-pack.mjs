/**
 * electron-builder afterPack hook: flips Electron's fuses in the packaged binary, before signing.
 * - RunAsNode off: ELECTRON_RUN_AS_NODE cannot turn the app into a plain Node with our privileges.
 * - NODE_OPTIONS and --inspect off: no code injection or debugger attach through the environment or argv.
 * - Only load the app from the asar archive, and check the archive's embedded integrity hash.
 * - Cookie encryption on, file:// without extra privileges.
 * (The runtime download `npm run dist` needs is impossible on machines without internet; the fuse
 * settings are unit-tested against a synthetic fuse wire in tests/unit/trust-electron-hardening.test.ts.)
 */
import path from 'node:path';

/** Fuse name (FuseV1Options) → wanted state. Every fuse is set explicitly. */
export const FUSE_SETTINGS = Object.freeze({
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: false,
});

/** The config object @electron/fuses' flipFuses() takes, built from FUSE_SETTINGS. */
export function fuseConfig(FuseVersion, FuseV1Options) {
  const config = { version: FuseVersion.V1, strictlyRequireAllFuses: false, resetAdHocDarwinSignature: false };
  for (const [name, value] of Object.entries(FUSE_SETTINGS)) {
    const option = FuseV1Options[name];
    if (option === undefined) throw new Error(`Unknown Electron fuse: ${name}`);
    config[option] = value;
  }
  return config;
}

/** The Electron binary electron-builder just laid out in appOutDir. */
export function electronBinary(context) {
  const name = context.packager.appInfo.productFilename;
  switch (context.electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(context.appOutDir, `${name}.app`);
    case 'win32':
      return path.join(context.appOutDir, `${name}.exe`);
    default:
      return path.join(context.appOutDir, context.packager.executableName ?? name);
  }
}

export async function afterPack(context) {
  const { flipFuses, FuseVersion, FuseV1Options } = await import('@electron/fuses');
  const config = fuseConfig(FuseVersion, FuseV1Options);
  config.resetAdHocDarwinSignature = context.electronPlatformName === 'darwin' && context.arch === 3; // arm64: re-sign ad hoc
  await flipFuses(electronBinary(context), config);
}

export default afterPack;
