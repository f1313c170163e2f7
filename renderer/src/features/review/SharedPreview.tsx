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
}: {
  resource: ResourceRecord;
  doc: DocumentNode;
  choices: ConsentChoices;
  pictures: number;
}) {
  return (
    <section className="shared-preview" aria-labelledby="shared-preview-heading">
      <h2 id="shared-preview-heading">What trainers will see</h2>
      <div className="shared-cover">
        <p className="shared-title">{resource.title}</p>
        <p>{creditLine(choices.attribution)}</p>
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
      />
    </section>
  );
}
