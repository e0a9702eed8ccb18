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
};

describe('electron-builder.yml', () => {
  it('is valid against electron-builder\'s own configuration schema', () => {
    const schemaFile = createRequire(import.meta.url).resolve('app-builder-lib/scheme.json');
    const ajv = new Ajv({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')) as object);
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
});
