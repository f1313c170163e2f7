import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attributionKinds } from '@core/co-production/consent';
import { creditLine, creditOf } from '@core/co-production/credit';
import { approvedVersionSchema } from '@core/repository/records';

/** An approved version as version 1 of the repository format froze it, with the old credit line. */
const fixture = approvedVersionSchema.parse(
  JSON.parse(readFileSync(new URL('../../fixtures/db/approved-version.v1.json', import.meta.url), 'utf8')),
);

describe('the credit line', () => {
  it.each([
    [{ kind: 'anonymous', value: '' }, 'Written anonymously by a person with lived experience'],
    [{ kind: 'anonymous', value: 'Jane Smith' }, 'Written anonymously by a person with lived experience'],
    [{ kind: 'pseudonym', value: 'Robin' }, 'Written under the name Robin'],
    [{ kind: 'pseudonym', value: 'A survivor from Shropshire' }, 'Written by a survivor from Shropshire'],
    [{ kind: 'pseudonym', value: '  an   expert by experience. ' }, 'Written by an expert by experience'],
    [{ kind: 'group', value: 'The Telford Young People’s Forum' }, 'Written by the Telford Young People’s Forum'],
    [{ kind: 'group', value: 'Members of Young Voices' }, 'Written by members of Young Voices'],
    [{ kind: 'group', value: 'Young Voices Shropshire' }, 'Written by Young Voices Shropshire'],
    [{ kind: 'group', value: 'THE FORUM' }, 'Written by THE FORUM'],
    [{ kind: 'name', value: 'Jo Bloggs' }, 'Written by Jo Bloggs'],
    [{ kind: 'name', value: '   ' }, 'Written anonymously by a person with lived experience'],
  ] as const)('reads naturally for %j', (credit, expected) => {
    expect(creditLine(credit)).toBe(expected);
  });

  it('never says "a chosen name", never leaves a bare "Written by" and never doubles punctuation', () => {
    fc.assert(
      fc.property(fc.constantFrom(...attributionKinds), fc.string({ maxLength: 200 }), (kind, value) => {
        const line = creditLine({ kind, value });
        expect(line).not.toContain('chosen name');
        expect(line).toMatch(/^Written (by|anonymously by|under the name) \S/);
        expect(line).not.toMatch(/\s$|[.,;:]$/);
        if (kind === 'anonymous') expect(line).toBe('Written anonymously by a person with lived experience');
      }),
    );
  });

  it('is composed from the choice for a version frozen with the old wording', () => {
    expect(fixture.attribution).toBe('Written by Sam (a chosen name)');
    expect(creditOf(fixture)).toBe('Written under the name Sam');
  });
});
