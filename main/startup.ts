/**
 * Which project the app opens when it starts: the one asked for, else the most recent
 * one that still opens, else the built-in sample project, copied to a writable place the
 * first time (the copy in resources/ is read-only once packaged).
 */
import { cp } from 'node:fs/promises';
import path from 'node:path';
import type { ProjectInfo } from '../shared/api.js';
import { isFactmarkError } from '../shared/errors.js';
import type { FactmarkService } from './service.js';
import type { SettingsStore } from './settings.js';
import { pathExists } from './store/files.js';

export const SAMPLE_PROJECT_FOLDER = 'Sample project';

export interface StartupOptions {
  /** A project folder named on the command line, opened (or created) first. */
  project?: string | undefined;
  /** resources/ of this build, which holds sample-project/. */
  resourcesDir: string;
  /** A writable folder for the app's own data (settings, the sample copy). */
  dataDir: string;
}

export async function openStartupProject(service: FactmarkService, settings: SettingsStore, options: StartupOptions): Promise<ProjectInfo> {
  if (options.project) {
    const dir = path.resolve(options.project);
    const info = (await pathExists(path.join(dir, 'factmark.json'))) ? await service.openProject({ dir }) : await service.createProject({ dir });
    await settings.rememberProject(info.root);
    return info;
  }
  for (const recent of settings.value.recentProjects) {
    try {
      return await service.openProject({ dir: recent });
    } catch (error) {
      if (!isFactmarkError(error)) throw error;
      // Moved, deleted or unreadable since: try the next one; it stays in the list.
    }
  }
  return service.openProject({ dir: await ensureSampleProject(options) });
}

/** Copies the sample project into the data folder unless a copy is already there. */
export async function ensureSampleProject({ resourcesDir, dataDir }: Pick<StartupOptions, 'resourcesDir' | 'dataDir'>): Promise<string> {
  const target = path.join(dataDir, SAMPLE_PROJECT_FOLDER);
  if (!(await pathExists(path.join(target, 'factmark.json')))) {
    await cp(path.join(resourcesDir, 'sample-project'), target, { recursive: true, errorOnExist: false, force: false });
  }
  return target;
}
