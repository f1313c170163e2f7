import { childrenOf, isInline, isObject, type JsonObject } from './model';

/** Where a node sits: how many nodes enclose it, which holds it, and its index there. */
export interface WalkContext {
  depth: number;
  parent: JsonObject | null;
  index: number;
}

export interface DocumentVisitor {
  /** A node other than text and line breaks. Returning false skips what it holds, and its `leave`. */
  enter?(node: JsonObject, context: WalkContext): boolean | undefined;
  leave?(node: JsonObject, context: WalkContext): void;
  /**
   * Consecutive text and line breaks of one parent, in order, as one run (its context is the
   * first's). Marks stay open across neighbours, so readers take a run at a time.
   */
  inline?(run: readonly JsonObject[], context: WalkContext): void;
}

type Task =
  | { kind: 'enter'; node: JsonObject; context: WalkContext }
  | { kind: 'leave'; node: JsonObject; context: WalkContext }
  | { kind: 'inline'; run: JsonObject[]; context: WalkContext };

/** A node's children as tasks in document order: consecutive inline nodes one task, other nodes one each. */
function childTasks(children: readonly unknown[], parent: JsonObject | null, depth: number): Task[] {
  const tasks: Task[] = [];
  let run: { nodes: JsonObject[]; index: number } | null = null;
  children.forEach((child, index) => {
    if (isInline(child)) {
      if (run === null) run = { nodes: [], index };
      run.nodes.push(child);
      return;
    }
    if (run !== null) tasks.push({ kind: 'inline', run: run.nodes, context: { depth, parent, index: run.index } });
    run = null;
    if (isObject(child)) tasks.push({ kind: 'enter', node: child, context: { depth, parent, index } });
  });
  // TypeScript cannot see the callback assign `run`.
  const last = run as { nodes: JsonObject[]; index: number } | null;
  if (last !== null) tasks.push({ kind: 'inline', run: last.nodes, context: { depth, parent, index: last.index } });
  return tasks;
}

/**
 * The one walk over a Chorus document that every reader uses: depth first, in document order,
 * safe for any JSON (values that are not nodes are skipped, `constructor` and other inherited
 * names are never read). It keeps its own stack instead of recursing, so a document nested
 * thousands of levels deep cannot overflow the call stack, and it visits each node once.
 */
export function walkDocument(root: unknown, visitor: DocumentVisitor): void {
  const stack: Task[] = childTasks([root], null, 0).reverse();
  for (let task = stack.pop(); task !== undefined; task = stack.pop()) {
    if (task.kind === 'inline') {
      visitor.inline?.(task.run, task.context);
      continue;
    }
    if (task.kind === 'leave') {
      visitor.leave?.(task.node, task.context);
      continue;
    }
    const { node, context } = task;
    if (visitor.enter?.(node, context) === false) continue;
    stack.push({ kind: 'leave', node, context });
    const children = childTasks(childrenOf(node), node, context.depth + 1);
    // A loop, not push(...children): spreading a huge content array would overflow the call stack.
    for (let index = children.length - 1; index >= 0; index -= 1) stack.push(children[index] as Task);
  }
}

/** Every node of a document, text and line breaks included, in document order. */
export function documentNodes(root: unknown): JsonObject[] {
  const nodes: JsonObject[] = [];
  walkDocument(root, {
    enter: (node) => {
      nodes.push(node);
    },
    inline: (run) => {
      for (const node of run) nodes.push(node);
    },
  });
  return nodes;
}
