/**
 * The page's inline scripts (the start-up question and the first paint, put inline by
 * the build: vite.config.ts) run because the policy allows each by its hash, and
 * nothing else inline does: the hashes are of the scripts as built, and a script that
 * differs by one character gets no permission.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, inlineScripts, rendererPolicy } from '../../../main/renderer-assets.js';
import { repoRoot } from '../../helpers/paths.js';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** The script-src directive's sources. */
const scriptSources = (policy: string) => (/script-src ([^;]*)/.exec(policy)?.[1] ?? '').split(' ');

async function inFolder<T>(files: Record<string, string>, use: (dir: string) => T): Promise<T> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'factmark-policy-'));
  try {
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
    return use(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe("the renderer's content security policy", () => {
  it("allows the page's inline scripts by their hashes, and no other inline script, no eval", async () => {
    const page = '<html><head><script>window.a = 1;\n</script><script src="./x.js"></script></head><body><script>window.b = "é";</script></body></html>';
    const policy = await inFolder({ 'index.html': page }, rendererPolicy);
    expect(scriptSources(policy)).toEqual(["'self'", sha256('window.a = 1;\n'), sha256('window.b = "é";')]);
    expect(scriptSources(policy)).not.toContain(sha256('window.a = 2;\n'));
    expect(policy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline/);
    // The rest of the policy is the strict one.
    expect(policy.replace(/ 'sha256-[^']+'/g, '')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('allows nothing inline for a renderer that is not built, or has no inline script', async () => {
    expect(await inFolder({}, rendererPolicy)).toBe(CONTENT_SECURITY_POLICY);
    expect(await inFolder({ 'index.html': '<script src="./x.js"></script>' }, rendererPolicy)).toBe(CONTENT_SECURITY_POLICY);
  });

  it('allows exactly the two inline scripts the built page carries: the start-up question and the first paint', () => {
    const rendererDir = path.join(repoRoot, 'dist/renderer');
    const scripts = inlineScripts(readFileSync(path.join(rendererDir, 'index.html'), 'utf8'));
    expect(scripts).toHaveLength(2);
    expect(scripts[0]).toContain('getStartup');
    expect(scripts[1]).toContain('factmark:first-paint');
    expect(scriptSources(rendererPolicy(rendererDir))).toEqual(["'self'", ...scripts.map(sha256)]);
  });
});
