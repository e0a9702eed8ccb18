/**
 * Tokens for git remotes: kept per remote, outside the project, owner-only, sealed by the
 * keychain where the desktop gives one, the environment variable first; and the rules
 * for remote addresses (https, or http to 127.0.0.1 only, never a token inside).
 */
import { chmod, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isFactmarkError } from '../../../shared/errors.js';
import { checkRemoteUrl, remoteKey } from '../../../shared/sync/remote-url.js';
import { CREDENTIALS_FILE, CredentialStore, type TokenSealer } from '../../../main/sync/credentials.js';
import { remoteAccess } from '../../../main/sync/remote.js';
import { tempDir } from '../../helpers/temp.js';

const REMOTE = 'https://git.example.org/team/k1.git';

describe('remote addresses', () => {
  it('takes https anywhere and http only to 127.0.0.1, and never a user name or token in the address', () => {
    for (const url of [REMOTE, 'https://github.com/org/repo', 'http://127.0.0.1:8080/team.git', 'https://[::1]:3000/x.git']) expect(checkRemoteUrl(url).ok, url).toBe(true);
    for (const url of ['http://git.example.org/team.git', 'http://localhost/x.git', 'http://127.0.0.2/x.git', 'https://alice:secret@github.com/org/repo', 'https://token@github.com/org/repo', 'ssh://git@github.com/org/repo', 'git@github.com:org/repo.git', 'file:///srv/repo', '']) {
      expect(checkRemoteUrl(url).ok, url).toBe(false);
    }
    expect(remoteKey('https://GIT.example.org/team/k1.git/')).toBe(remoteKey('https://git.example.org/team/k1'));
  });
});

describe('tokens for remotes', () => {
  it('keeps a token per remote in an owner-only file of the data folder, and forgets it on request', async () => {
    const data = path.join(await tempDir(), 'data');
    const store = await CredentialStore.load(data, { env: {} });
    expect(store.get(REMOTE)).toBeNull();
    await store.set(REMOTE, 'secret-1', 'alice');
    const file = path.join(data, CREDENTIALS_FILE);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    const again = await CredentialStore.load(data, { env: {} });
    expect(again.get(`${REMOTE}/`)).toEqual({ username: 'alice', token: 'secret-1', source: 'settings' });
    expect(again.get('https://git.example.org/other.git')).toBeNull();
    await again.set(REMOTE, null);
    expect((await CredentialStore.load(data, { env: {} })).get(REMOTE)).toBeNull();
  });

  it('makes a credentials file others could read owner-only again before using it', async () => {
    const data = await tempDir();
    const store = await CredentialStore.load(data, { env: {} });
    await store.set(REMOTE, 'secret-2');
    await chmod(path.join(data, CREDENTIALS_FILE), 0o644);
    expect((await CredentialStore.load(data, { env: {} })).get(REMOTE)?.token).toBe('secret-2');
    expect((await stat(path.join(data, CREDENTIALS_FILE))).mode & 0o777).toBe(0o600);
  });

  it('seals tokens with the keychain when there is one, and asks again where that keychain is missing', async () => {
    const data = await tempDir();
    const sealer: TokenSealer = { seal: (token) => Buffer.from(`sealed:${token}`).toString('base64'), open: (sealed) => Buffer.from(sealed, 'base64').toString().slice('sealed:'.length) };
    await (await CredentialStore.load(data, { sealer, env: {} })).set(REMOTE, 'secret-3');
    expect(await readFile(path.join(data, CREDENTIALS_FILE), 'utf8')).not.toContain('secret-3');
    expect((await CredentialStore.load(data, { sealer, env: {} })).get(REMOTE)).toMatchObject({ token: 'secret-3', source: 'keychain' });
    const elsewhere = await CredentialStore.load(data, { env: {} });
    expect(elsewhere.source(REMOTE)).toBe('keychain');
    expect(() => elsewhere.get(REMOTE)).toThrow(/sealed by the desktop app's keychain/);
  });

  it('takes FACTMARK_GIT_TOKEN first, and stores nothing without a data folder', async () => {
    const data = await tempDir();
    await (await CredentialStore.load(data, { env: {} })).set(REMOTE, 'stored');
    const env = { FACTMARK_GIT_TOKEN: 'from-env', FACTMARK_GIT_USERNAME: 'bot' };
    expect((await CredentialStore.load(data, { env })).get(REMOTE)).toEqual({ username: 'bot', token: 'from-env', source: 'environment' });
    const nowhere = await CredentialStore.load(null, { env: {} });
    await expect(nowhere.set(REMOTE, 'x')).rejects.toThrow(/FACTMARK_GIT_TOKEN/);
  });

  it('refuses a broken credentials file by name rather than losing what is in it', async () => {
    const data = await tempDir();
    await writeFile(path.join(data, CREDENTIALS_FILE), '{ not json', { mode: 0o600 });
    const error = await CredentialStore.load(data, { env: {} }).catch((caught: unknown) => caught);
    expect(isFactmarkError(error)).toBe(true);
    expect(await readFile(path.join(data, CREDENTIALS_FILE), 'utf8')).toBe('{ not json');
  });

  it('offers the token only when the server asks, with the user name each host expects, and stops when refused', async () => {
    const store = await CredentialStore.load(null, { env: { FACTMARK_GIT_TOKEN: 'tok' } });
    expect(await remoteAccess('https://github.com/org/repo.git', store).onAuth('', {})).toEqual({ username: 'x-access-token', password: 'tok' });
    expect(await remoteAccess(REMOTE, store).onAuth('', {})).toEqual({ username: 'oauth2', password: 'tok' });
    expect(await remoteAccess(REMOTE, await CredentialStore.load(null, { env: {} })).onAuth('', {})).toEqual({ cancel: true });
    expect(await remoteAccess(REMOTE, store).onAuthFailure('', {})).toEqual({ cancel: true });
    expect(() => remoteAccess('http://example.org/x.git', store)).toThrow(/use https/);
  });
});
