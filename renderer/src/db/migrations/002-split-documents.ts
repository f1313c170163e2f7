import { documentText, type DocumentNode } from '@core/document/text';
import { countWords } from '@core/document/text-stats';
import type { Migration } from './migration';

interface Version1Resource {
  id: string;
  doc?: DocumentNode;
  updatedAt: number;
  wordCount?: number;
}

/**
 * Moves each document out of the resources table into `documents`, so the Drafts list reads only
 * small records, and stores the plain text and word count beside it.
 */
export const migration002: Migration = {
  version: 2,
  stores: {
    resources: 'id, updatedAt, [inTrash+updatedAt]',
    documents: 'resourceId',
  },
  async upgrade(tx) {
    const resources = tx.table<Version1Resource, string>('resources');
    const all = await resources.toArray();
    await tx.table('documents').bulkPut(
      all.map((resource) => {
        const doc = resource.doc ?? { type: 'doc', content: [{ type: 'paragraph' }] };
        return { resourceId: resource.id, doc, text: documentText(doc), updatedAt: resource.updatedAt };
      }),
    );
    await resources.bulkPut(
      all.map(({ doc, ...resource }) => ({ ...resource, wordCount: countWords(documentText(doc ?? {})) })),
    );
  },
};
