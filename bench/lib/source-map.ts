// Just enough of the source map format (version 3) to turn a position in a built file back into
// the original file, line and name, so a CPU profile of the minified build names app functions.

const base64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const digit = new Map(Array.from({ length: base64.length }, (_, index) => [base64.charAt(index), index]));

/** [generated column, source index, original line, original column, name index?] */
type Segment = [number, number, number, number, number | undefined];

function decodeMappings(mappings: string): Segment[][] {
  const lines: Segment[][] = [];
  let source = 0;
  let originalLine = 0;
  let originalColumn = 0;
  let name = 0;
  for (const line of mappings.split(';')) {
    const segments: Segment[] = [];
    let column = 0;
    for (const text of line.split(',')) {
      if (text === '') continue;
      const values: number[] = [];
      let value = 0;
      let shift = 0;
      for (const character of text) {
        const bits = digit.get(character);
        if (bits === undefined) throw new Error(`Bad base64 digit in a source map: ${character}`);
        value += (bits & 31) << shift;
        if ((bits & 32) !== 0) {
          shift += 5;
          continue;
        }
        values.push(value & 1 ? -(value >>> 1) : value >>> 1);
        value = 0;
        shift = 0;
      }
      column += values[0] ?? 0;
      if (values.length < 4) continue;
      source += values[1] ?? 0;
      originalLine += values[2] ?? 0;
      originalColumn += values[3] ?? 0;
      let nameIndex: number | undefined;
      if (values.length >= 5) {
        name += values[4] ?? 0;
        nameIndex = name;
      }
      segments.push([column, source, originalLine, originalColumn, nameIndex]);
    }
    lines.push(segments);
  }
  return lines;
}

export interface OriginalPosition {
  /** The source as the map names it, with leading ../ removed: "renderer/src/db/resources.ts". */
  source: string;
  /** 0-based, as in the map. */
  line: number;
  column: number;
  /** The name the map records at that position, if any. */
  name?: string;
  /** The original line's text, when the map carries the sources. */
  text?: string;
}

export interface SourceMap {
  lookup(line: number, column: number): OriginalPosition | null;
}

interface RawSourceMap {
  mappings: string;
  sources: string[];
  names?: string[];
  sourcesContent?: (string | null)[];
}

export function parseSourceMap(json: string): SourceMap {
  const raw = JSON.parse(json) as RawSourceMap;
  const lines = decodeMappings(raw.mappings);
  const sources = raw.sources.map((source) => source.replace(/^(\.\.\/)+/, '').replace(/^\/+/, ''));
  const contents = new Map<number, string[]>();
  const sourceLines = (index: number): string[] | undefined => {
    let cached = contents.get(index);
    if (cached === undefined) {
      const content = raw.sourcesContent?.[index];
      if (typeof content !== 'string') return undefined;
      cached = content.split('\n');
      contents.set(index, cached);
    }
    return cached;
  };
  return {
    lookup(line, column) {
      const segments = lines[line];
      if (segments === undefined || segments.length === 0) return null;
      let low = 0;
      let high = segments.length - 1;
      let found: Segment | undefined;
      while (low <= high) {
        const middle = (low + high) >> 1;
        const segment = segments[middle] as Segment;
        if (segment[0] <= column) {
          found = segment;
          low = middle + 1;
        } else high = middle - 1;
      }
      found ??= segments[0];
      if (found === undefined) return null;
      const [, sourceIndex, originalLine, originalColumn, nameIndex] = found;
      const name = nameIndex === undefined ? undefined : raw.names?.[nameIndex];
      const text = sourceLines(sourceIndex)?.[originalLine];
      return {
        source: sources[sourceIndex] ?? '?',
        line: originalLine,
        column: originalColumn,
        ...(name === undefined ? {} : { name }),
        ...(text === undefined ? {} : { text }),
      };
    },
  };
}

/** Whether `text` (starting at an opening parenthesis) is a parameter list followed by a body. */
function isParameterList(text: string): boolean {
  let depth = 0;
  for (let index = 0; index < text.length; index += 1) {
    const character = text[index];
    if (character === '(') depth += 1;
    else if (character === ')') {
      depth -= 1;
      if (depth === 0) return /^\s*(?:\{|=>|:)/.test(text.slice(index + 1));
    }
  }
  return true;
}

/**
 * The name of the function that starts at an original position, read from the source text: a
 * function declaration or expression, a method, or a variable or property holding an arrow
 * function. A callback passed straight to a call is named after the call ("(callback of
 * useMemo)"); null when nothing tells.
 */
export function functionNameAt(position: OriginalPosition): string | null {
  const text = position.text;
  if (text === undefined) return null;
  const from = text.slice(position.column);
  const before = text.slice(0, position.column);
  const declared = /^(?:async\s+)?function\s*\*?\s*([\w$]+)/.exec(from);
  if (declared?.[1] !== undefined) return declared[1];
  const method = /^(?:(?:get|set|static|async)\s+)*([\w$]+)\s*(?=\()/.exec(from);
  if (method?.[1] !== undefined && method[1] !== 'async' && method[1] !== 'function') {
    return isParameterList(from.slice(method[0].length)) ? method[1] : `(callback of ${method[1]})`;
  }
  const assigned = /([\w$]+)\s*(?:=|:)\s*(?:async\s*)?(?:function\b[^(]*)?$/.exec(before);
  return assigned?.[1] ?? null;
}
