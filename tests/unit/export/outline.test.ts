import { describe, expect, it } from 'vitest';
import { plainText } from '@core/document/export-blocks';
import { buildOutline, type ExportOutline, type ResourcePart } from '../../../electron/services/export/outline';
import type { ExportRequest } from '../../../electron/shared/contract';
import { canary, realisticRequest, titles, trainerNotes } from '../../helpers/export';

function resourceParts(outline: ExportOutline): ResourcePart[] {
  return outline.parts.filter((part): part is ResourcePart => part.kind === 'resource');
}

function resources(request: ExportRequest): ResourcePart[] {
  return resourceParts(buildOutline(request));
}

describe('the export outline', () => {
  it('puts the cover first, then the session plan, the introduction and the resources in order', async () => {
    const outline = buildOutline(await realisticRequest('html'));
    expect(outline.parts.map((part) => part.kind)).toEqual([
      'cover',
      'session-plan',
      'introduction',
      'resource',
      'resource',
      'resource',
    ]);
    expect(resourceParts(outline).map((part) => part.title)).toEqual([...titles]);
    expect(resourceParts(outline).map((part) => part.anchor)).toEqual(['resource-1', 'resource-2', 'resource-3']);
  });

  it('gives each resource its content warnings first, then attribution, version, review-by, audiences and uses', async () => {
    const [first] = resources(await realisticRequest('html'));
    expect(first?.facts.map((fact) => fact.label)).toEqual([
      'Content warnings',
      'Attribution',
      'Version',
      'Review by',
      'May be used with',
      'May be used in',
      'Summary',
    ]);
    expect(first?.facts[0]?.items).toEqual(['Describes grooming', 'Mentions going missing']);
    expect(first?.facts[1]?.items).toEqual(['Written under the name Sam']);
    expect(first?.facts[2]?.items).toEqual(['Version 2, approved 1 January 2026']);
    expect(first?.facts[3]?.items).toEqual(['31 December 2027']);
    expect(first?.facts[4]?.items).toEqual(['Social care', 'Police']);
    expect(first?.facts[5]?.items).toEqual(['training sessions led by a trainer']);
  });

  it('leaves out facts a resource does not have, such as content warnings or a review date', async () => {
    const request = await realisticRequest('html');
    const third = request.items[2];
    if (third === undefined) throw new Error('no third item');
    third.version = { ...third.version, content: { ...third.version.content, reviewBy: '', summary: ' ' } };
    const labels = resources(request)[2]?.facts.map((fact) => fact.label);
    expect(labels).toEqual(['Attribution', 'Version', 'May be used with', 'May be used in']);
  });

  it('keeps trainer notes apart from the resource, as paragraphs with their line breaks', async () => {
    const [first] = resources(await realisticRequest('html'));
    expect(first?.trainerNotes).toHaveLength(1);
    expect(first?.trainerNotes[0]?.map((inline) => inline.kind)).toEqual(['text', 'break', 'text']);
    expect(plainText(first?.trainerNotes[0] ?? [])).toBe(trainerNotes[0].replace('\n', ' '));
    expect(JSON.stringify(first?.blocks)).not.toContain('Pause after');
  });

  it('never carries the names in approvals, the consent wording or ids', async () => {
    const request = await realisticRequest('html');
    const outline = JSON.stringify(buildOutline(request));
    expect(outline).not.toContain(canary);
    expect(outline).not.toContain(request.items[0]?.version.consent.wording.slice(0, 30));
    expect(outline).not.toContain(request.items[0]?.version.id);
    expect(outline).not.toContain('res-1');
  });

  it('says on a pack’s cover who it is for and how it will be used, and nothing of the kind for a resource', async () => {
    const [packCover] = buildOutline(await realisticRequest('html')).parts;
    expect(packCover.use).toBe('For Social care, in training sessions led by a trainer');
    const [resourceCover] = buildOutline(await realisticRequest('html', 'resource')).parts;
    expect(resourceCover.use).toBe('');
  });

  it('gathers the session plan warnings without repeats, each with where it comes from, and leaves empty parts out', async () => {
    const request = await realisticRequest('html');
    request.sessionPlan = { contentWarnings: ['describes GROOMING', '', 'Only in the plan'], support: [] };
    request.introduction = '  \n\n ';
    const outline = buildOutline(request);
    expect(outline.parts.map((part) => part.kind)).toEqual([
      'cover',
      'session-plan',
      'resource',
      'resource',
      'resource',
    ]);
    const plan = outline.parts[1];
    expect(plan?.kind === 'session-plan' ? plan.contentWarnings : []).toEqual([
      `Describes grooming — from “${titles[0]}”`,
      `Mentions going missing — from “${titles[0]}”`,
      `Describes police contact — from “${titles[1]}”`,
      'Only in the plan',
    ]);

    request.sessionPlan.contentWarnings = [];
    for (const item of request.items) {
      item.version = { ...item.version, content: { ...item.version.content, contentWarnings: [] } };
    }
    expect(buildOutline(request).parts.map((part) => part.kind)).not.toContain('session-plan');
  });

  it('names an untitled pack and an untitled resource', async () => {
    const pack = await realisticRequest('html');
    pack.title = '   ';
    expect(buildOutline(pack).title).toBe('Untitled training pack');
    const resource = await realisticRequest('html', 'resource');
    resource.title = '';
    expect(buildOutline(resource).title).toBe('Being heard');
    expect(buildOutline(resource).parts[0].label).toBe('Training resource');
  });
});
