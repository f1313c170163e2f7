import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash, NotCanonicalError, type CanonicalValue } from '@core/repository/canonical-json';

describe('canonical JSON', () => {
  it('sorts keys, drops undefined and has no whitespace', () => {
    expect(canonicalJson({ b: 1, a: [true, null, 'x'], c: { z: 1, y: undefined, é: 2, A: 3 } })).toBe(
      '{"a":[true,null,"x"],"b":1,"c":{"A":3,"z":1,"é":2}}',
    );
  });

  it('writes numbers and strings as RFC 8785 does', () => {
    expect(canonicalJson([1e21, 0.1, -0, 1.5e-7, 'line\nbreak', '\u2028'])).toBe(
      '[1e+21,0.1,0,1.5e-7,"line\\nbreak","\u2028"]',
    );
    expect(() => canonicalJson(Number.NaN)).toThrow(NotCanonicalError);
    expect(() => canonicalJson({ a: Number.POSITIVE_INFINITY })).toThrow(NotCanonicalError);
  });

  it('gives the same text whatever the key order', () => {
    const json = fc.letrec<{ value: CanonicalValue }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.constant(null),
        fc.boolean(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.string(),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(fc.string(), tie('value'), { maxKeys: 4 }),
      ),
    })).value;
    fc.assert(
      fc.property(json, (value) => {
        const reversed = JSON.parse(JSON.stringify(value), (_key, item: unknown) =>
          item !== null && typeof item === 'object' && !Array.isArray(item)
            ? Object.fromEntries(Object.entries(item).reverse())
            : item,
        ) as CanonicalValue;
        expect(canonicalJson(reversed)).toBe(canonicalJson(value));
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('hashes with SHA-256 to a known value', async () => {
    // sha256('{"a":1}'), computed independently with `printf '{"a":1}' | sha256sum`.
    expect(await contentHash({ a: 1 })).toBe('015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862');
    expect(await contentHash({ b: [1, 2], a: 'x' })).toBe(await contentHash({ a: 'x', b: [1, 2] }));
  });
});
