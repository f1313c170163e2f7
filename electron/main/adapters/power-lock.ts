import { powerMonitor } from 'electron';
import type { EventHub } from '../../services/event-hub';

/**
 * Tells the page to lock when the computer goes to sleep or its screen is locked, so whoever wakes
 * it finds Chorus locked too. Call once the app is ready (`powerMonitor` needs it).
 */
export function lockOnSleepAndScreenLock(events: EventHub): void {
  powerMonitor.on('suspend', () => events.emit('privacy.lock', { reason: 'suspend' }));
  powerMonitor.on('lock-screen', () => events.emit('privacy.lock', { reason: 'lock-screen' }));
}
