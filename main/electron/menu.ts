/** The native menu. Project actions run here (they need native dialogs); the rest are
 *  forwarded to the renderer as menu commands. */
import { Menu, dialog, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';
import { MENU_CHANNEL, type MenuCommand } from '../../shared/api-methods.js';
import { toErrorInfo } from '../../shared/errors.js';
import { IMPORTABLE_EXTENSIONS } from '../importers/article-file.js';
import { SHEET_EXTENSIONS, isMetadataSheet } from '../importers/metadata-sheet.js';
import type { FactmarkService } from '../service.js';
import type { SettingsStore } from '../settings.js';

export interface MenuContext {
  window: BrowserWindow;
  service: FactmarkService;
  settings: SettingsStore;
  annotator: () => string;
  isMac: boolean;
}

export function buildMenu(context: MenuContext): Menu {
  const { window, service, settings, isMac } = context;
  const send = (command: MenuCommand) => window.webContents.send(MENU_CHANNEL, command);
  const guarded = (action: () => Promise<void>) => () => {
    action().catch((error: unknown) => dialog.showErrorBox('Factmark', toErrorInfo(error).message));
  };
  const opened = async (root: string) => {
    await settings.rememberProject(root);
    Menu.setApplicationMenu(buildMenu(context));
    send('project-changed');
  };

  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      {
        label: 'New Project…',
        accelerator: 'CmdOrCtrl+Shift+N',
        click: guarded(async () => {
          const choice = await dialog.showOpenDialog(window, { title: 'New project: choose an empty folder', properties: ['openDirectory', 'createDirectory'] });
          const dir = choice.filePaths[0];
          if (!choice.canceled && dir) await opened((await service.createProject({ dir })).root);
        }),
      },
      {
        label: 'Open Project…',
        accelerator: 'CmdOrCtrl+O',
        click: guarded(async () => {
          const choice = await dialog.showOpenDialog(window, { title: 'Open a Factmark project folder', properties: ['openDirectory'] });
          const dir = choice.filePaths[0];
          if (!choice.canceled && dir) await opened((await service.openProject({ dir })).root);
        }),
      },
      {
        label: 'Open Recent',
        submenu: settings.value.recentProjects.length
          ? settings.value.recentProjects.map((dir) => ({ label: dir, click: guarded(async () => opened((await service.openProject({ dir })).root)) }))
          : [{ label: 'No recent projects', enabled: false }],
      },
      { type: 'separator' },
      {
        label: 'Import Articles…',
        accelerator: 'CmdOrCtrl+I',
        click: guarded(async () => {
          const choice = await dialog.showOpenDialog(window, {
            title: 'Import articles',
            properties: ['openFile', 'multiSelections'],
            filters: [{ name: 'Articles, and metadata sheets', extensions: [...IMPORTABLE_EXTENSIONS, ...SHEET_EXTENSIONS].map((extension) => extension.slice(1)) }],
          });
          if (choice.canceled || choice.filePaths.length === 0) return;
          // Paths from the native dialog just shown: the host-only import. A sheet chosen with the files gives their metadata.
          const sheetPath = choice.filePaths.find(isMetadataSheet);
          const files = choice.filePaths.filter((file) => !isMetadataSheet(file));
          if (files.length === 0) throw new Error('A metadata sheet applies to the articles imported with it: choose it together with the files it describes');
          const sheet = sheetPath ? await service.metadataSheetAt(sheetPath, files) : null;
          const outcomes = await service.importFilesAt(files, { importedBy: context.annotator(), fileMeta: sheet?.meta ?? {} });
          const problems = [...(sheet?.notes ?? []), ...outcomes.flatMap((outcome) => (outcome.status === 'failed' ? [outcome.error.message] : outcome.status === 'duplicate' ? [outcome.message] : []))];
          if (problems.length) await dialog.showMessageBox(window, { type: 'warning', message: 'Some files were not imported', detail: problems.join('\n') });
          send('project-changed');
        }),
      },
      // Both open the app's own dialogs, which offer every format.
      { label: 'Import Annotations…', click: () => send('import-annotations') },
      { label: 'Export…', accelerator: 'CmdOrCtrl+E', click: () => send('export') },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      // Undo/redo act on the tagging history, not on text fields: the renderer owns it.
      { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: () => send('undo') },
      { label: 'Redo', accelerator: 'Shift+CmdOrCtrl+Z', click: () => send('redo') },
      { type: 'separator' },
      { role: 'copy' },
      { role: 'selectAll' },
      { label: 'Find', accelerator: 'CmdOrCtrl+F', click: () => send('find') },
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [{ role: 'zoomIn' }, { role: 'zoomOut' }, { role: 'resetZoom' }, { type: 'separator' }, { label: 'Toggle Dark Theme', click: () => send('toggle-theme') }, { role: 'togglefullscreen' }],
  };
  const help: MenuItemConstructorOptions = {
    label: 'Help',
    submenu: [{ label: 'Keyboard Shortcuts', accelerator: '?', click: () => send('show-shortcuts') }],
  };
  const template: MenuItemConstructorOptions[] = [...(isMac ? [{ role: 'appMenu' as const }] : []), file, edit, view, help];
  return Menu.buildFromTemplate(template);
}
