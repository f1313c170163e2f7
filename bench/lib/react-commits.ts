// Counts React commits in a page, through the hook React calls for its developer tools
// (__REACT_DEVTOOLS_GLOBAL_HOOK__: React's production build calls onCommitFiberRoot too). Added
// with addInitScript, before React loads. It does not change what React renders.

export const reactCommitsGlobal = '__chorusBenchReactCommits';

/** The performance.now() of every commit, in order. */
export const reactCommitCounterSource = `(function () {
  if (window.top !== window || window.__REACT_DEVTOOLS_GLOBAL_HOOK__ !== undefined) return;
  var commits = [];
  Object.defineProperty(window, '${reactCommitsGlobal}', { value: commits });
  var renderers = new Map();
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: renderers,
    inject: function (renderer) { renderers.set(renderers.size + 1, renderer); return renderers.size; },
    onScheduleFiberRoot: function () {},
    onCommitFiberRoot: function () { commits.push(performance.now()); },
    onPostCommitFiberRoot: function () {},
    onCommitFiberUnmount: function () {},
    checkDCE: function () {}
  };
})();`;

/** How many commits fall in each [start, end) window (page performance.now() ms). */
export function commitsIn(commits: readonly number[], windows: ReadonlyArray<readonly [number, number]>): number[] {
  return windows.map(([start, end]) => commits.filter((at) => at >= start && at < end).length);
}
