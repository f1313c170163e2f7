export { ClockProvider, useClock, useNow } from './ClockProvider';
