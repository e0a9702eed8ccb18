/**
 * Tokens for git remotes, one per remote, kept out of the project folder (which is
 * shared, copied and committed): in the app's data folder, in `credentials.json`, readable
 * by its owner alone (0600). The desktop app seals each token with the system's keychain
 * (Electron's safeStorage, given as a `TokenSealer` by main/electron: this module knows
 * nothing of Electron). An environment variable, FACTMARK_GIT_TOKEN, comes first: for
 * the command line and browser mode on a machine where nothing should be stored.
 *
 * A token is never sent back to the window: the status says only where one comes from.
 */
import { chmod, open, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { FactmarkError } from '../../shared/errors.js';
import { parseJsonText } from '../../shared/model/parse.js';
import { checkRemoteUrl, remoteKey } from '../../shared/sync/remote-url.js';
import { makeFolder, pathExists, readTextFile, writeFileAtomically } from '../store/files.js';

export const CREDENTIALS_FILE = 'credentials.json';
export const TOKEN_VARIABLE = 'FACTMARK_GIT_TOKEN';
export const USERNAME_VARIABLE = 'FACTMARK_GIT_USERNAME';

/** Seals tokens with the system's keychain (the desktop app's safeStorage). */
export interface TokenSealer {
  seal(token: string): string;
  open(sealed: string): string;
}

const Entry = z.object({
  username: z.string().min(1).optional(),
  /** The token as it is, where nothing seals it (the file is then readable by its owner alone). */
  token: z.string().min(1).optional(),
  /** The token sealed by the keychain (base64). */
  sealed: z.string().min(1).optional(),
});
const CredentialsFile = z.object({ version: z.literal(1), remotes: z.record(z.string(), Entry) });
type CredentialsFile = z.infer<typeof CredentialsFile>;

export type TokenSource = 'environment' | 'settings' | 'keychain';

export interface Credential {
  username: string | null;
  token: string;
  source: TokenSource;
}

export class CredentialStore {
  private constructor(
    private readonly file: string | null,
    private data: CredentialsFile,
    private readonly sealer: TokenSealer | null,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  /** `dataDir`: the app's data folder; null: the environment variable alone (nothing is stored). */
  static async load(dataDir: string | null, options: { sealer?: TokenSealer | null; env?: NodeJS.ProcessEnv } = {}): Promise<CredentialStore> {
    const env = options.env ?? process.env;
    const empty: CredentialsFile = { version: 1, remotes: {} };
    if (dataDir === null) return new CredentialStore(null, empty, null, env);
    const file = path.join(dataDir, CREDENTIALS_FILE);
    if (!(await pathExists(file))) return new CredentialStore(file, empty, options.sealer ?? null, env);
    // A file someone made readable to others is made owner-only again before it is used.
    const mode = (await stat(file)).mode;
    if (process.platform !== 'win32' && (mode & 0o077) !== 0) await chmod(file, 0o600);
    const parsed = CredentialsFile.safeParse(parseJsonText(await readTextFile(file), file));
    if (!parsed.success) throw new FactmarkError('INVALID', `${file} is not a valid credentials file; move it aside and enter the token again`, { file });
    return new CredentialStore(file, parsed.data, options.sealer ?? null, env);
  }

  /** The token for a remote, and its user name: the environment's first, then the stored one. */
  get(remote: string): Credential | null {
    const fromEnv = this.env[TOKEN_VARIABLE];
    if (fromEnv) return { username: this.env[USERNAME_VARIABLE] || null, token: fromEnv, source: 'environment' };
    const entry = this.data.remotes[remoteKey(remote)];
    if (!entry) return null;
    if (entry.sealed) {
      if (!this.sealer) throw new FactmarkError('AUTH', `The token for ${remote} was sealed by the desktop app's keychain; enter it again here, or set ${TOKEN_VARIABLE}`);
      return { username: entry.username ?? null, token: this.sealer.open(entry.sealed), source: 'keychain' };
    }
    return entry.token ? { username: entry.username ?? null, token: entry.token, source: 'settings' } : null;
  }

  /** Where the token for a remote would come from, without reading it. */
  source(remote: string): TokenSource | null {
    if (this.env[TOKEN_VARIABLE]) return 'environment';
    const entry = this.data.remotes[remoteKey(remote)];
    return entry?.sealed ? 'keychain' : entry?.token ? 'settings' : null;
  }

  /** Stores (or with null, forgets) the token for a remote. */
  async set(remote: string, token: string | null, username?: string): Promise<void> {
    const checked = checkRemoteUrl(remote);
    if (!checked.ok) throw new FactmarkError('BAD_INPUT', checked.reason);
    if (!this.file) throw new FactmarkError('BAD_INPUT', `This Factmark stores no tokens; set ${TOKEN_VARIABLE} instead`);
    const key = remoteKey(remote);
    const remotes = Object.fromEntries(Object.entries(this.data.remotes).filter(([known]) => known !== key));
    if (token !== null) remotes[key] = { ...(username ? { username } : {}), ...(this.sealer ? { sealed: this.sealer.seal(token) } : { token }) };
    const next: CredentialsFile = { version: 1, remotes };
    await createOwnerOnly(this.file);
    // The atomic write keeps the file's mode: the temporary file is owner-only from its first byte.
    await writeFileAtomically(this.file, `${JSON.stringify(next, null, 2)}\n`);
    this.data = next;
  }
}

/** Makes the file, empty and readable by its owner alone, unless it is there. */
async function createOwnerOnly(file: string): Promise<void> {
  await makeFolder(path.dirname(file));
  try {
    const handle = await open(file, 'wx', 0o600);
    await handle.close();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  if (process.platform !== 'win32') await chmod(file, 0o600);
}
