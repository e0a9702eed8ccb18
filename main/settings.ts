/**
 * App settings (not project data): who the annotator is, recent projects, the theme and
 * the window's place. One JSON file in the app's data folder, read with zod: a broken
 * settings file falls back to defaults and is kept aside, never silently lost.
 */
import { rename } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { Theme } from '../shared/api.js';
import { AnnotatorName } from '../shared/model/common.js';
import { parseJsonText } from '../shared/model/parse.js';
import { readTextFile, writeFileAtomically } from './store/files.js';

export const SETTINGS_FILE = 'settings.json';
const MAX_RECENT = 10;

export const Settings = z.object({
  annotator: AnnotatorName.nullable().default(null),
  recentProjects: z.array(z.string()).default([]),
  theme: Theme.default('system'),
  window: z
    .object({ x: z.int(), y: z.int(), width: z.int().min(400), height: z.int().min(300), maximized: z.boolean() })
    .nullable()
    .default(null),
});
export type Settings = z.infer<typeof Settings>;

export class SettingsStore {
  private constructor(
    private readonly file: string,
    private current: Settings,
    /** Set when the file on disk could not be read and was moved aside. */
    readonly recovered: string | null,
  ) {}

  static async load(dataDir: string): Promise<SettingsStore> {
    const file = path.join(dataDir, SETTINGS_FILE);
    let text: string;
    try {
      text = await readTextFile(file);
    } catch {
      return new SettingsStore(file, Settings.parse({}), null);
    }
    const parsed = (() => {
      try {
        return Settings.safeParse(parseJsonText(text, file));
      } catch {
        return null;
      }
    })();
    if (parsed?.success) return new SettingsStore(file, parsed.data, null);
    const aside = `${file}.broken-${Date.now()}`;
    await rename(file, aside).catch(() => undefined);
    return new SettingsStore(file, Settings.parse({}), aside);
  }

  get value(): Settings {
    return this.current;
  }

  async update(change: Partial<Settings>): Promise<Settings> {
    this.current = Settings.parse({ ...this.current, ...change });
    await writeFileAtomically(this.file, `${JSON.stringify(this.current, null, 2)}\n`);
    return this.current;
  }

  /** Puts `root` first in the recent list. */
  async rememberProject(root: string): Promise<void> {
    const recent = [root, ...this.current.recentProjects.filter((item) => item !== root)].slice(0, MAX_RECENT);
    await this.update({ recentProjects: recent });
  }
}
