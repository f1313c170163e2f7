import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { systemClock, type Clock } from '@core/clock';

const ClockContext = createContext<Clock>(systemClock);

/** Gives every screen below it this clock; without one, screens use the computer's. */
export function ClockProvider({ clock, children }: { clock: Clock; children?: ReactNode }) {
  return <ClockContext.Provider value={clock}>{children}</ClockContext.Provider>;
}

export function useClock(): Clock {
  return useContext(ClockContext);
}

/** The clock's time, read again every `intervalMs`, so words such as "will try again at" move on. */
export function useNow(intervalMs: number): number {
  const clock = useClock();
  const [now, setNow] = useState(() => clock.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(clock.now()), intervalMs);
    return () => clearInterval(timer);
  }, [clock, intervalMs]);
  return now;
}
