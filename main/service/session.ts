/** Who is annotating and how the app looks: the app's settings, not the project's. */
import type { Session, Theme } from '../../shared/api.js';
import { FactmarkError } from '../../shared/errors.js';
import type { SettingsStore } from '../settings.js';
import { osAnnotatorName } from '../user.js';

export function session(settings: SettingsStore | undefined): Session {
  const value = settings?.value;
  return { annotator: value?.annotator ?? null, suggestedAnnotator: osAnnotatorName(), theme: value?.theme ?? 'system', recentProjects: value?.recentProjects ?? [] };
}

export async function updateSession(settings: SettingsStore | undefined, change: { annotator?: string | undefined; theme?: Theme | undefined }): Promise<Session> {
  if (!settings) throw new FactmarkError('BAD_INPUT', 'This Factmark has no app settings to change');
  await settings.update({ ...(change.annotator ? { annotator: change.annotator } : {}), ...(change.theme ? { theme: change.theme } : {}) });
  return session(settings);
}
