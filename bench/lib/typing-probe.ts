// The in-page probe for typing latency, installed with page.evaluate once the document is shown.
// Plain ES5-style source in a string: tsx adds helpers (__name) to compiled functions that do not
// exist in the page.

export const typingProbeGlobal = '__chorusBenchTyping';

/** One keystroke as the page saw it; times are the page's performance.now() (ms). */
export interface KeyRecord {
  key: string;
  /** event.timeStamp: when the browser created the keydown, before it waited for the main thread. */
  input: number;
  /** performance.now() in a capture-phase keydown listener on window: before any editor code. */
  listener: number;
  /** The first requestAnimationFrame callback after the keydown. */
  raf: number;
  /** A MessageChannel message posted from that callback: the task after that frame was produced. */
  frame: number;
}

/** An IndexedDB readwrite transaction over the 'documents' store: a document save. */
export interface SaveSpan {
  /** When the transaction was opened (IDBDatabase.transaction), after the save's synchronous work began. */
  start: number;
  /** Its complete (or abort) event. */
  end: number;
  /** The task after the first frame following the end: by then the work the save's completion queued has run. */
  settled: number;
}

export interface LongFrame {
  start: number;
  duration: number;
  blockingDuration: number;
  scripts: Array<{ invoker: string; sourceURL: string; sourceFunctionName: string; duration: number }>;
}

export interface TypingProbeResult {
  keys: KeyRecord[];
  saves: SaveSpan[];
  longFrames: LongFrame[];
  /** Every text the save status showed, with when. */
  statuses: Array<{ at: number; text: string }>;
}

/**
 * Installed with addInitScript, before the app's own scripts: Dexie binds
 * IDBDatabase.prototype.transaction when it opens the database, so the hook that records saves
 * must be in place before that. It records every readwrite transaction over the 'documents' store.
 */
export const saveHookSource = `(function () {
  var state = { keys: [], saves: [], longFrames: [], statuses: [], stamp: false };
  Object.defineProperty(window, '${typingProbeGlobal}', { value: state });
  var transaction = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (stores, mode) {
    var tx = transaction.apply(this, arguments);
    var names = typeof stores === 'string' ? [stores] : Array.prototype.slice.call(stores);
    if (mode === 'readwrite' && names.indexOf('documents') !== -1) {
      var save = { start: performance.now(), end: 0, settled: 0 };
      var index = state.saves.length;
      state.saves.push(save);
      if (state.stamp) console.timeStamp('save:' + index + ':start');
      var done = function () {
        save.end = performance.now();
        requestAnimationFrame(function () {
          var channel = new MessageChannel();
          channel.port1.onmessage = function () {
            channel.port1.close();
            save.settled = performance.now();
            if (state.stamp) console.timeStamp('save:' + index + ':settled');
          };
          channel.port2.postMessage(null);
        });
      };
      tx.addEventListener('complete', done);
      tx.addEventListener('abort', done);
    }
    return tx;
  };
})();`;

/**
 * The keystroke probe, run with page.evaluate once the document is shown (after saveHookSource).
 * `stamp`: also write console.timeStamp marks ("key:<i>:down", "key:<i>:frame", "save:<i>:start",
 * "save:<i>:settled") into a trace, for the profiled runs.
 */
export function typingProbeSource(options: { stamp: boolean }): string {
  return `(function (stamp) {
  var state = window.${typingProbeGlobal};
  if (state === undefined) throw new Error('The save hook is not installed');
  state.stamp = stamp;
  state.saves.length = 0;
  function afterNextFrame(callback) {
    requestAnimationFrame(function () {
      var raf = performance.now();
      var channel = new MessageChannel();
      channel.port1.onmessage = function () {
        channel.port1.close();
        callback(raf, performance.now());
      };
      channel.port2.postMessage(null);
    });
  }
  window.addEventListener('keydown', function (event) {
    var record = { key: event.key, input: event.timeStamp, listener: performance.now(), raf: 0, frame: 0 };
    var index = state.keys.length;
    state.keys.push(record);
    if (stamp) console.timeStamp('key:' + index + ':down');
    afterNextFrame(function (raf, frame) {
      record.raf = raf;
      record.frame = frame;
      if (stamp) console.timeStamp('key:' + index + ':frame');
    });
  }, true);
  var status = document.querySelector('.save-status[role="status"]');
  if (status !== null) {
    new MutationObserver(function () {
      state.statuses.push({ at: performance.now(), text: (status.textContent || '').trim() });
    }).observe(status, { childList: true, subtree: true, characterData: true });
  }
  if (PerformanceObserver.supportedEntryTypes.indexOf('long-animation-frame') !== -1) {
    new PerformanceObserver(function (list) {
      list.getEntries().forEach(function (entry) {
        state.longFrames.push({
          start: entry.startTime,
          duration: entry.duration,
          blockingDuration: entry.blockingDuration,
          scripts: entry.scripts.map(function (script) {
            return {
              invoker: script.invoker,
              sourceURL: script.sourceURL,
              sourceFunctionName: script.sourceFunctionName,
              duration: script.duration
            };
          })
        });
      });
    }).observe({ type: 'long-animation-frame' });
  }
})(${options.stamp ? 'true' : 'false'});`;
}
