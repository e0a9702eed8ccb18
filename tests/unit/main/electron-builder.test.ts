import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../helpers/paths.js';

const config = parse(readFileSync(path.join(repoRoot, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & {
  linux: { target: string[]; icon: string };
  mac: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
  extraResources: { from: string; to: string }[];
  files: string[];
  asar: boolean;
  electronFuses: Record<string, boolean>;
};

const schemaFile = createRequire(import.meta.url).resolve('app-builder-lib/scheme.json');
const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as { definitions: { FuseOptionsV1: { properties: Record<string, unknown> } } };

describe('electron-builder.yml', () => {
  it('is valid against electron-builder\'s own configuration schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(schema);
    expect(validate(config) ? [] : validate.errors).toEqual([]);
  });

  it('builds AppImage and deb, dmg and nsis, with the app icon', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
    for (const platform of [config.linux, config.mac, config.win]) {
      const icon = readFileSync(path.join(repoRoot, platform.icon));
      expect(icon.subarray(1, 4).toString()).toBe('PNG');
      expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([512, 512]); // electron-builder needs at least 512x512 for macOS
    }
  });

  it('ships the built app and the sample project, and points main at the Electron bundle', () => {
    expect(config.files).toContain('dist/**/*');
    for (const resource of config.extraResources) expect(existsSync(path.join(repoRoot, resource.from, 'factmark.json'))).toBe(true);
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    expect(pkg.main).toBe('dist/main/electron.cjs');
    expect(pkg.dependencies ?? {}).toEqual({}); // bundles are self-contained
  });

  it('flips the Electron fuses that would let the installed app run other code', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false, // ELECTRON_RUN_AS_NODE=1 would make the app a plain Node
      enableNodeOptionsEnvironmentVariable: false, // NODE_OPTIONS=--require evil.js
      enableNodeCliInspectArguments: false, // --inspect / SIGUSR1: a debugger into the main process
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true, // together with the check above: no unchecked app code
      grantFileProtocolExtraPrivileges: false, // pages come over app://, not file://
      loadBrowserProcessSpecificV8Snapshot: false,
    });
    expect(config.asar).toBe(true); // onlyLoadAppFromAsar needs the app in an asar
  });

  it('decides every fuse electron-builder can set (a new one in an update is not left at its default unseen)', () => {
    const settable = Object.keys(schema.definitions.FuseOptionsV1.properties).filter((name) => name !== 'resetAdHocDarwinSignature'); // a signing step, not a fuse
    expect(Object.keys(config.electronFuses).sort()).toEqual(settable.sort());
  });

  it('serves the renderer over its own scheme, so file:// needs no privileges', () => {
    const main = readFileSync(path.join(repoRoot, 'main/electron/main.ts'), 'utf8');
    expect(main).toContain('loadURL(`${APP_ORIGIN}/');
    expect(main).not.toMatch(/loadFile\(|file:\/\//);
  });
});
