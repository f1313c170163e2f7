/** Settings' public face: the Settings area, and how the quick-exit shortcut is matched and named. */
export { SettingsPage } from './SettingsPage';
export { describeShortcut, matchesShortcut } from './quick-exit-shortcut';
