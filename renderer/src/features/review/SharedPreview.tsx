import type { Ref } from 'react';
import type { Editor } from '@tiptap/core';
import type { ResourceRecord } from '../../db';
import { audienceLabels } from '@core/co-production/audiences';
import type { ConsentChoices } from '@core/co-production/consent';
import { creditLine } from '@core/co-production/credit';
import type { DocumentNode } from '@core/document/text';
import { ChorusEditor } from '../../editor/ChorusEditor';
import { noPictures } from '../../editor/image-store';
import './review.css';

/**
 * Exactly what trainers will see of this version: the cover details and the text, read-only. Its
 * `pictures` are not shared, so they show as the library shows them: each one's description.
 */
export function SharedPreview({
  resource,
  doc,
  choices,
  pictures,
  coverRef,
  onEditorReady,
}: {
  resource: ResourceRecord;
  doc: DocumentNode;
  choices: ConsentChoices;
  pictures: number;
  /** The cover's details; each shared one is marked with `data-finding-area` (and `data-finding-index`). */
  coverRef?: Ref<HTMLDivElement>;
  onEditorReady?: (editor: Editor | null) => void;
}) {
  return (
    <section className="shared-preview" aria-labelledby="shared-preview-heading">
      <h2 id="shared-preview-heading">What trainers will see</h2>
      <div className="shared-cover" ref={coverRef}>
        <p className="shared-title" data-finding-area="title">
          {resource.title}
        </p>
        <p>{creditLine(choices.attribution)}</p>
        {resource.contentWarnings.length > 0 && (
          <p>
            <strong>Content warnings:</strong> <CoverList area="content-warning" items={resource.contentWarnings} />
          </p>
        )}
        {resource.topics.length > 0 && (
          <p>
            <strong>Topics:</strong> <CoverList area="topic" items={resource.topics} />
          </p>
        )}
        {choices.audiences.length > 0 && (
          <p>
            <strong>For:</strong> {choices.audiences.map((audience) => audienceLabels[audience]).join(', ')}
          </p>
        )}
        {resource.summary !== '' && <p data-finding-area="summary">{resource.summary}</p>}
      </div>
      {pictures > 0 && (
        <p className="field-hint">
          Pictures are not shared yet. Trainers will see the description written for each picture instead, as shown
          below.
        </p>
      )}
      <ChorusEditor
        key={resource.updatedAt}
        content={doc}
        images={noPictures}
        label="Shared text, read only"
        editable={false}
        onReady={onEditorReady}
      />
    </section>
  );
}

/** A list of details as the cover shows it ("a, b, c"), each item findable by the check's place. */
function CoverList({ area, items }: { area: string; items: readonly string[] }) {
  return items.map((item, index) => (
    // Items may repeat, and the list is read-only: the index is the item's identity here.
    <span key={index}>
      {index > 0 && ', '}
      <span data-finding-area={area} data-finding-index={index}>
        {item}
      </span>
    </span>
  ));
}
