/** The app lock's public face: the gate around the app, its state, and the hook settings use. */
export { LockGate, useAppLock } from './LockGate';
export { createAppLock, type AppLock } from './app-lock';
