/**
 * `factmark sync <dir>`: share the project through git (docs/sync.md). Clones a missing or
 * empty folder from --remote, else commits, fetches, merges and pushes; exit 1 when
 * conflicts wait for a choice or the remote could not be reached.
 */
import type { Command } from 'commander';
import { FactmarkError } from '../../shared/errors.js';
import { checkRemoteUrl } from '../../shared/sync/remote-url.js';
import { plural } from '../../shared/text/plural.js';
import { defaultDataDir } from '../data-dir.js';
import { FactmarkService } from '../service.js';
import { formatSyncResult, parseChoices } from '../sync/cli-output.js';
import { canCloneInto } from '../sync/clone.js';
import { CredentialStore } from '../sync/credentials.js';
import { osAnnotatorName } from '../user.js';

interface SyncIo {
  stdout: (text: string) => void | Promise<void>;
  /** All of standard input: the token is read from it, never from the command line. */
  stdin?: () => Promise<string>;
}

interface SyncOptions {
  remote?: string;
  annotator?: string;
  choose?: string[];
  saveToken?: boolean;
  json?: boolean;
}

/** Adds `sync` to the program; `problems()` is called when the sync did not go all the way. */
export function registerSyncCommand(program: Command, service: FactmarkService, io: SyncIo, problems: () => void): void {
  program
    .command('sync')
    .description('Share the project through git: commit your changes, fetch and merge your colleagues\', push. The first time, --remote attaches the project to an (empty or shared) repository; a missing or empty DIR is cloned from it. Needs no git installed. Tokens: FACTMARK_GIT_TOKEN, or --save-token (kept owner-only in the app\'s data folder). Exit 0 synced; 1 conflicts to choose, or offline (your work is committed here and goes out next time).')
    .argument('<dir>', 'project folder (missing or empty: cloned from --remote)')
    .option('--remote <url>', 'the git remote: https://, or http:// to 127.0.0.1 only')
    .option('--annotator <name>', 'whose changes these are: the commit\'s author (default: your user name)')
    .option('--choose <id=side...>', 'at a conflict shown by the last sync: ID=ours (yours) or ID=theirs')
    .option('--save-token', 'read the remote\'s token from standard input and keep it for this remote')
    .option('--json', 'print the result as JSON')
    .action(async (dir: string, options: SyncOptions) => {
      if (options.remote) {
        const checked = checkRemoteUrl(options.remote);
        if (!checked.ok) throw new FactmarkError('BAD_INPUT', `--remote ${options.remote}: ${checked.reason}`);
      }
      const resolutions = parseChoices(options.choose ?? []);
      // The project is checked before the app's data folder is read: a wrong DIR is named as such.
      const cloning = options.remote !== undefined && (await canCloneInto(dir));
      if (!cloning) await service.openProject({ dir });
      const credentials = await CredentialStore.load(defaultDataDir());
      const syncing = new FactmarkService({ credentials });
      if (options.saveToken) await saveToken(credentials, options.remote, io);
      if (options.remote && cloning) {
        const info = await syncing.cloneProject({ dir, remote: options.remote });
        await io.stdout(options.json ? json({ cloned: info.root, documents: info.documentCount }) : `Cloned ${options.remote} into ${info.root}: ${plural(info.documentCount, 'document')}\n`);
        return;
      }
      await syncing.openProject({ dir });
      const annotator = options.annotator ?? osAnnotatorName();
      const result = await syncing.syncProjectAs({ annotator, resolutions, ...(options.remote ? { remote: options.remote } : {}) });
      await io.stdout(options.json ? json(result) : formatSyncResult(result));
      if (result.outcome !== 'synced') problems();
    });
}

async function saveToken(credentials: CredentialStore, remote: string | undefined, io: SyncIo): Promise<void> {
  if (!remote) throw new FactmarkError('BAD_INPUT', '--save-token needs --remote URL: the remote the token is for');
  const token = (await (io.stdin ?? (() => Promise.resolve('')))()).trim();
  if (!token) throw new FactmarkError('BAD_INPUT', '--save-token reads the token from standard input, and it was empty');
  await credentials.set(remote, token);
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
