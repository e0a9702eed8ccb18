/**
 * A real git server for the sync tests and the bench: the system's `git http-backend`
 * (Debian's `git` package; `.ci/run` installs it) run as CGI behind a small Node HTTP
 * server on 127.0.0.1, with bare repositories in a folder of its own. Nothing is mocked:
 * isomorphic-git talks the smart HTTP protocol to the same program GitLab and Gitea
 * wrap. The server asks for a token (HTTP Basic, the token as the password), as a real
 * host does, and can be taken offline and brought back on the same port.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

export interface GitServer {
  /** `http://127.0.0.1:<port>/<name>.git` of a bare repository made with `createRepo`. */
  url(name: string): string;
  /** Makes an empty bare repository (its default branch: main). */
  createRepo(name: string): Promise<string>;
  /** The bare repository's folder, for `git` commands that check what arrived. */
  repoDir(name: string): string;
  /** Stops answering: connections are refused, as with no network. */
  goOffline(): Promise<void>;
  /** Answers again on the same port. */
  goOnline(): Promise<void>;
  /** Requests answered so far (to see that a sync did or did not reach the server). */
  requests: number;
  /** Every request, in order: `POST /team.git/git-receive-pack` is a push. */
  log: string[];
  /** Runs before a request is handed to git (a test's chance to push first, in between). */
  beforeRequest: ((request: string) => Promise<void>) | null;
  close(): Promise<void>;
}

export interface GitServerOptions {
  /** Where the bare repositories live. */
  root: string;
  /** The token every request must carry (as the Basic password); null: none asked. */
  token: string | null;
}

export function gitExecPath(): string {
  return execFileSync('git', ['--exec-path'], { encoding: 'utf8' }).trim();
}

export async function startGitServer({ root, token }: GitServerOptions): Promise<GitServer> {
  await mkdir(root, { recursive: true });
  const backend = path.join(gitExecPath(), 'git-http-backend');
  let port = 0;
  let server: http.Server | null = null;
  const state = { requests: 0, log: [] as string[], beforeRequest: null as ((request: string) => Promise<void>) | null };

  const authorised = (request: http.IncomingMessage): string | null => {
    if (token === null) return 'anonymous';
    const header = request.headers.authorization ?? '';
    if (!header.startsWith('Basic ')) return null;
    const [user = '', password = ''] = Buffer.from(header.slice(6), 'base64').toString('utf8').split(/:(.*)/s);
    return password === token || user === token ? user || 'token' : null;
  };

  const handle = (request: http.IncomingMessage, response: http.ServerResponse) => {
    const line = `${request.method ?? 'GET'} ${new URL(request.url ?? '/', 'http://127.0.0.1').pathname}`;
    const hook = state.beforeRequest;
    if (!hook) return serve(request, response, line);
    request.pause();
    hook(line).then(
      () => serve(request, response, line),
      (error: unknown) => {
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(String(error));
      },
    );
  };

  const serve = (request: http.IncomingMessage, response: http.ServerResponse, line: string) => {
    state.requests++;
    state.log.push(line);
    const user = authorised(request);
    if (!user) {
      response.writeHead(401, { 'www-authenticate': 'Basic realm="factmark test git"', 'content-type': 'text/plain' });
      response.end('token needed');
      return;
    }
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const env: NodeJS.ProcessEnv = {
      PATH: process.env.PATH,
      GIT_PROJECT_ROOT: root,
      GIT_HTTP_EXPORT_ALL: '1',
      PATH_INFO: decodeURIComponent(url.pathname),
      QUERY_STRING: url.search.slice(1),
      REQUEST_METHOD: request.method ?? 'GET',
      CONTENT_TYPE: request.headers['content-type'] ?? '',
      REMOTE_USER: user,
      REMOTE_ADDR: '127.0.0.1',
      GIT_HTTP_MAX_REQUEST_BUFFER: '100M',
      ...(request.headers['content-length'] ? { CONTENT_LENGTH: request.headers['content-length'] } : {}),
      ...(request.headers['content-encoding'] ? { HTTP_CONTENT_ENCODING: request.headers['content-encoding'] } : {}),
      ...(request.headers['git-protocol'] ? { GIT_PROTOCOL: String(request.headers['git-protocol']) } : {}),
    };
    const child = spawn(backend, [], { env, stdio: ['pipe', 'pipe', 'pipe'] });
    request.pipe(child.stdin);
    let head = Buffer.alloc(0);
    let headersDone = false;
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      if (headersDone) {
        response.write(chunk);
        return;
      }
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      const endLf = head.indexOf('\n\n');
      const cut = end >= 0 ? end : endLf;
      if (cut < 0) return;
      const separator = end >= 0 ? 4 : 2;
      const lines = head.subarray(0, cut).toString('latin1').split(/\r?\n/);
      let status = 200;
      const headers: Record<string, string> = {};
      for (const line of lines) {
        const at = line.indexOf(':');
        if (at < 0) continue;
        const name = line.slice(0, at).trim().toLowerCase();
        const value = line.slice(at + 1).trim();
        if (name === 'status') status = Number.parseInt(value, 10);
        else headers[name] = value;
      }
      headersDone = true;
      response.writeHead(status, headers);
      response.write(head.subarray(cut + separator));
    });
    child.on('close', (code) => {
      if (!headersDone) {
        response.writeHead(500, { 'content-type': 'text/plain' });
        response.end(`git http-backend failed (${code}): ${stderr}`);
        return;
      }
      response.end();
    });
    request.on('error', () => child.kill());
  };

  const listen = async () => {
    server = http.createServer(handle);
    server.keepAliveTimeout = 1000;
    await new Promise<void>((resolve, reject) => {
      server?.once('error', reject);
      server?.listen(port, '127.0.0.1', () => resolve());
    });
    port = (server.address() as AddressInfo).port;
  };
  const stop = async () => {
    const current = server;
    server = null;
    if (!current) return;
    current.closeAllConnections();
    await new Promise<void>((resolve) => current.close(() => resolve()));
  };
  await listen();

  return {
    url: (name) => `http://127.0.0.1:${port}/${name}.git`,
    repoDir: (name) => path.join(root, `${name}.git`),
    createRepo: async (name) => {
      const dir = path.join(root, `${name}.git`);
      execFileSync('git', ['init', '--quiet', '--bare', '--initial-branch=main', dir]);
      execFileSync('git', ['-C', dir, 'config', 'http.receivepack', 'true']);
      return dir;
    },
    goOffline: stop,
    goOnline: listen,
    get requests() {
      return state.requests;
    },
    set requests(value: number) {
      state.requests = value;
    },
    get log() {
      return state.log;
    },
    get beforeRequest() {
      return state.beforeRequest;
    },
    set beforeRequest(hook: ((request: string) => Promise<void>) | null) {
      state.beforeRequest = hook;
    },
    close: stop,
  };
}
