/**
 * The page's one inline script (the early start-up question, put inline by the build:
 * vite.config.ts) runs because the policy allows it by its hash, and nothing else inline
 * does: the hash is of the script as built, and a page whose inline script differs by
 * one character gets no permission for it.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, rendererPolicy } from '../../../main/renderer-assets.js';
import { repoRoot } from '../../helpers/paths.js';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** The script-src directive's sources. */
const scriptSources = (policy: string) => (/script-src ([^;]*)/.exec(policy)?.[1] ?? '').split(' ');

describe("the renderer's content security policy", () => {
  it('allows the inline start-up script by its hash, and no other inline script, no eval', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'factmark-policy-'));
    try {
      await writeFile(path.join(dir, 'early-start.js'), 'window.x = 1;\n');
      const policy = rendererPolicy(dir);
      expect(scriptSources(policy)).toEqual(["'self'", sha256('window.x = 1;\n')]);
      expect(scriptSources(policy)).not.toContain(sha256('window.x = 2;\n'));
      expect(policy).not.toMatch(/unsafe-eval|unsafe-inline'[^;]*script|script-src[^;]*unsafe-inline/);
      // The rest of the policy is the strict one.
      expect(policy.replace(/ 'sha256-[^']+'/, '')).toBe(CONTENT_SECURITY_POLICY);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('allows nothing inline for a renderer that has no start-up script', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'factmark-policy-'));
    try {
      expect(rendererPolicy(dir)).toBe(CONTENT_SECURITY_POLICY);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('allows exactly the inline script the built page carries', () => {
    const rendererDir = path.join(repoRoot, 'dist/renderer');
    const html = readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
    const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1] as string);
    expect(inline).toHaveLength(1);
    expect(scriptSources(rendererPolicy(rendererDir))).toContain(sha256(inline[0] as string));
  });
});
