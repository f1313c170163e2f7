import { app, Menu, type MenuItemConstructorOptions } from 'electron';

/**
 * The usual desktop menus, with en-GB wording. Reload and the developer tools only when
 * `isDevelopment` (security/development.ts: never in a packaged build).
 */
export function installMenu(isDevelopment: boolean): void {
  const isMac = process.platform === 'darwin';
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom', label: 'Actual size' },
    { role: 'zoomIn', label: 'Zoom in' },
    { role: 'zoomOut', label: 'Zoom out' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: 'Full screen' },
  ];
  if (isDevelopment) view.push({ type: 'separator' }, { role: 'reload' }, { role: 'toggleDevTools' });
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const, label: app.name }] : []),
    { label: 'File', submenu: [isMac ? { role: 'close', label: 'Close window' } : { role: 'quit', label: 'Quit' }] },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo', label: 'Undo' },
        { role: 'redo', label: 'Redo' },
        { type: 'separator' },
        { role: 'cut', label: 'Cut' },
        { role: 'copy', label: 'Copy' },
        { role: 'paste', label: 'Paste' },
        { role: 'pasteAndMatchStyle', label: 'Paste as plain text' },
        { role: 'selectAll', label: 'Select all' },
      ],
    },
    { label: 'View', submenu: view },
    {
      label: 'Window',
      submenu: [
        { role: 'minimize', label: 'Minimise' },
        ...(isMac
          ? [{ role: 'zoom' as const }, { role: 'front' as const }]
          : [{ role: 'close' as const, label: 'Close' }]),
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
