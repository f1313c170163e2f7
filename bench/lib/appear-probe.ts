// A probe for "how long until this is on screen", added with page.addInitScript so it runs in the
// new document before any of the page's scripts (the same technique as cold-start's probe). Plain
// ES5-style source in a string: tsx adds helpers (__name) to compiled functions.

export const appearProbeGlobal = '__chorusBenchAppear';

/** An element to wait for: it must match, have a non-empty box, and (if given) this exact text. */
export interface AppearTarget {
  selector: string;
  text?: string;
}

/** Times are the page's performance.now(): ms since the navigation started. */
export interface AppearResult {
  /** The DOM commit in which the last of the targets became present and visible (before paint). */
  readyAt: number;
  /** The task after the next frame: requestAnimationFrame, then a MessageChannel message. */
  paintedAt: number;
  readySeenBy: string;
  responseEnd: number | null;
  domContentLoaded: number | null;
}

/**
 * `stamp`: write console.timeStamp marks "appear:start" (when the probe starts) and
 * "appear:painted" into a trace, for the profiled runs.
 */
export function appearProbeSource(targets: readonly AppearTarget[], options: { stamp: boolean }): string {
  return `(function (targets, stamp) {
  if (window.top !== window) return;
  var resolveDone;
  var state = { done: new Promise(function (resolve) { resolveDone = resolve; }) };
  Object.defineProperty(window, '${appearProbeGlobal}', { value: state });
  if (stamp) console.timeStamp('appear:start');
  (${watcherSource})(targets, function (readyAt, paintedAt, seenBy) {
    if (stamp) console.timeStamp('appear:painted');
    var navigation = performance.getEntriesByType('navigation')[0];
    resolveDone({
      readyAt: readyAt,
      paintedAt: paintedAt,
      readySeenBy: seenBy,
      responseEnd: navigation ? navigation.responseEnd : null,
      domContentLoaded: navigation && navigation.domContentLoadedEventEnd > 0 ? navigation.domContentLoadedEventEnd : null
    });
  });
})(${JSON.stringify(targets)}, ${options.stamp ? 'true' : 'false'});`;
}

/**
 * Watches the document until every target is present and visible, then calls
 * `done(readyAt, paintedAt, seenBy)`: the DOM commit that completed them, and the task after the
 * next frame (requestAnimationFrame, then a MessageChannel message).
 */
const watcherSource = `function (targets, done) {
  var readyAt = null;
  // Two passes, so the probe forces no layout until every target is at least in the DOM: first
  // selectors and text only, then visibility and boxes (which make the browser lay out the page).
  function candidates(target) {
    var found = [];
    var elements = document.querySelectorAll(target.selector);
    for (var i = 0; i < elements.length; i += 1) {
      if (target.text !== undefined && (elements[i].textContent || '').trim() !== target.text) continue;
      found.push(elements[i]);
    }
    return found;
  }
  function visible(elements) {
    for (var i = 0; i < elements.length; i += 1) {
      var element = elements[i];
      if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      var box = element.getBoundingClientRect();
      if (box.width > 0 && box.height > 0) return true;
    }
    return false;
  }
  function check(seenBy) {
    if (readyAt !== null) return;
    var all = [];
    for (var i = 0; i < targets.length; i += 1) {
      var found = candidates(targets[i]);
      if (found.length === 0) return;
      all.push(found);
    }
    for (var j = 0; j < all.length; j += 1) if (!visible(all[j])) return;
    readyAt = performance.now();
    observer.disconnect();
    clearInterval(poll);
    requestAnimationFrame(function () {
      var channel = new MessageChannel();
      channel.port1.onmessage = function () {
        channel.port1.close();
        done(readyAt, performance.now(), seenBy);
      };
      channel.port2.postMessage(null);
    });
  }
  var observer = new MutationObserver(function () { check('mutation'); });
  observer.observe(document, { childList: true, subtree: true, attributes: true, characterData: true });
  var poll = setInterval(function () { check('poll'); }, 50);
}`;

export const navigationProbeGlobal = '__chorusBenchNavigate';

/** In-app navigation: from the click (capture listener on window) to the targets painted. */
export interface NavigationResult {
  clickAt: number;
  readyAt: number;
  paintedAt: number;
}

/**
 * For page.evaluate in a loaded page, just before a click: arms a watch for `targets` that starts
 * at the next click, and leaves a promise of a {@link NavigationResult} in
 * `window.${navigationProbeGlobal}`. The targets must not already be on the page.
 */
export function navigationProbeSource(targets: readonly AppearTarget[]): string {
  return `(function (targets) {
  window.${navigationProbeGlobal} = new Promise(function (resolve) {
    window.addEventListener('click', function () {
      var clickAt = performance.now();
      (${watcherSource})(targets, function (readyAt, paintedAt) {
        resolve({ clickAt: clickAt, readyAt: readyAt, paintedAt: paintedAt });
      });
    }, { capture: true, once: true });
  });
})(${JSON.stringify(targets)});`;
}

export function isNavigationResult(value: unknown): value is NavigationResult {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return ['clickAt', 'readyAt', 'paintedAt'].every((key) => typeof record[key] === 'number');
}

export function isAppearResult(value: unknown): value is AppearResult {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record.readyAt === 'number' &&
    typeof record.paintedAt === 'number' &&
    typeof record.readySeenBy === 'string' &&
    (record.responseEnd === null || typeof record.responseEnd === 'number') &&
    (record.domContentLoaded === null || typeof record.domContentLoaded === 'number')
  );
}
