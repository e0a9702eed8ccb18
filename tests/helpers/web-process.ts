/**
 * Browser mode as its own process (the built dist/web.cjs), for end-to-end tests and the
 * renderer benchmark: started on a project folder with its own settings folder, and
 * ready once it prints its address.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from './paths.js';

const web = path.join(repoRoot, 'dist/web.cjs');

export interface WebProcess {
  url: string;
  process: ChildProcess;
  /** Stops it and waits until it has exited. */
  stop(): Promise<void>;
}

/** `env`: more environment for the process (the crash trials' self-test loads a module into it). */
export async function startWebProcess(projectDir: string, dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<WebProcess> {
  const child = spawn(process.execPath, [web, '--project', projectDir], { env: { ...process.env, ...env, FACTMARK_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`browser mode did not start: ${output}`)), 15_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`browser mode exited (${code}): ${output}`)));
  });
  return { url, process: child, stop: () => stop(child) };
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
}
