/**
 * How deeply a JSON value nests, found without recursion, so a hostile file nested thousands of
 * levels deep is measured in constant stack. Every recursive reader (zod's lazy schemas, the
 * document walkers, canonical JSON) runs only on values this has passed.
 */

/** Whether `value` nests objects and arrays at most `maxDepth` levels deep (a scalar is depth 0). */
export function jsonDepthWithin(value: unknown, maxDepth: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 0 }];
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value: current, depth } = next;
    if (current === null || typeof current !== 'object') continue;
    if (depth + 1 > maxDepth) return false;
    const children: unknown[] = Array.isArray(current) ? current : Object.values(current);
    for (const child of children) {
      if (child !== null && typeof child === 'object') stack.push({ value: child, depth: depth + 1 });
    }
  }
  return true;
}
