import { createImageStore, useDb, type ResourceRecord } from '../../db';
import { audienceLabels } from '../../domain/audiences';
import { attributionLine, type ConsentChoices } from '../../domain/consent';
import type { DocumentNode } from '../../domain/document-text';
import { ChorusEditor } from '../../editor/ChorusEditor';
import { useMemo } from 'react';

/** Exactly what trainers will see of this version: the cover details and the text, read-only. */
export function SharedPreview({
  resource,
  doc,
  choices,
}: {
  resource: ResourceRecord;
  doc: DocumentNode;
  choices: ConsentChoices;
}) {
  const db = useDb();
  const images = useMemo(() => createImageStore(db), [db]);
  return (
    <section className="shared-preview" aria-labelledby="shared-preview-heading">
      <h2 id="shared-preview-heading">What trainers will see</h2>
      <div className="shared-cover">
        <p className="shared-title">{resource.title}</p>
        <p>{attributionLine(choices.attribution)}</p>
        {resource.contentWarnings.length > 0 && (
          <p>
            <strong>Content warnings:</strong> {resource.contentWarnings.join(', ')}
          </p>
        )}
        {choices.audiences.length > 0 && (
          <p>
            <strong>For:</strong> {choices.audiences.map((audience) => audienceLabels[audience]).join(', ')}
          </p>
        )}
        {resource.summary !== '' && <p>{resource.summary}</p>}
      </div>
      <ChorusEditor
        key={resource.updatedAt}
        content={doc}
        images={images}
        label="Shared text, read only"
        editable={false}
      />
    </section>
  );
}
