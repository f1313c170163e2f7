import { useEffect, useRef, useState } from 'react';
import type { AppInfo } from '../../../../electron/shared/contract';
import { PlatformError, usePlatform } from '../../platform';

type Check =
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'ok'; milliseconds: number }
  | { state: 'failed'; reason: string };

const eventTimeoutMs = 5_000;
const pingRepeatMs = 500;

function describeTransport(info: AppInfo): string {
  return info.transport === 'electron' ? 'Desktop app' : 'Browser mode';
}

function newNonce(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

export function AboutSection() {
  const platform = usePlatform();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [check, setCheck] = useState<Check>({ state: 'idle' });
  const stopWaiting = useRef<(() => void) | null>(null);

  useEffect(() => {
    let live = true;
    platform.invoke('app.info', {}).then(
      (value) => live && setInfo(value),
      (error: unknown) => live && setLoadError(error instanceof PlatformError ? error.message : 'Unknown error'),
    );
    return () => {
      live = false;
      stopWaiting.current?.();
    };
  }, [platform]);

  /**
   * Proves both directions: the call must answer and its `app.pong` event must arrive. The update
   * channel may still be connecting when the first ping answers (the web host's event stream opens
   * on first use), so the ping repeats until its event is heard or the time runs out.
   */
  const runCheck = async () => {
    stopWaiting.current?.();
    setCheck({ state: 'checking' });
    const nonce = newNonce();
    const started = performance.now();
    const ping = () => platform.invoke('app.ping', { nonce });
    const eventArrived = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        stop();
        reject(new Error('No event came back from the app host'));
      }, eventTimeoutMs);
      const repeat = setInterval(() => void ping().catch(() => undefined), pingRepeatMs);
      const unsubscribe = platform.on('app.pong', (payload) => {
        if (payload.nonce !== nonce) return;
        stop();
        resolve();
      });
      const stop = () => {
        clearTimeout(timer);
        clearInterval(repeat);
        unsubscribe();
      };
      stopWaiting.current = stop;
    });
    try {
      await Promise.all([ping(), eventArrived]);
      setCheck({ state: 'ok', milliseconds: Math.round(performance.now() - started) });
    } catch (error) {
      setCheck({ state: 'failed', reason: error instanceof Error ? error.message : 'Unknown error' });
    }
  };

  return (
    <section className="card" aria-labelledby="about-heading">
      <h2 id="about-heading">About this app</h2>
      {loadError !== null && <p role="alert">Could not read the app details: {loadError}</p>}
      {info === null && loadError === null && <p>Reading the app details…</p>}
      {info !== null && (
        <dl className="details">
          <dt>Version</dt>
          <dd>{info.version}</dd>
          <dt>Running as</dt>
          <dd>{describeTransport(info)}</dd>
          <dt>System</dt>
          <dd>{info.platform}</dd>
          <dt>Data folder</dt>
          <dd className="path">{info.paths.data}</dd>
        </dl>
      )}
      <div className="actions">
        <button type="button" className="button" onClick={() => void runCheck()} disabled={check.state === 'checking'}>
          Check the connection
        </button>
        <p role="status" className="status-line">
          {check.state === 'checking' && 'Checking…'}
          {check.state === 'ok' && `Connected: requests and updates both work (${check.milliseconds} ms).`}
          {check.state === 'failed' && `Not connected: ${check.reason}.`}
        </p>
      </div>
    </section>
  );
}
