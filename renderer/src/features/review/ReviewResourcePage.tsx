import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Editor } from '@tiptap/core';
import { Link, useParams } from 'react-router';
import { currentVersionContent, useActiveProfile, useDb, useResource, useSavedDocument } from '../../db';
import { hashContent } from '@core/co-production/approved-version';
import type { ConsentChoices } from '@core/co-production/consent';
import { imageIdsOf } from '@core/document/text';
import { hasPendingSuggestions, stripReviewMarks } from '@core/document/strip';
import { Page } from '../../ui/Page';
import { AuditTrail } from './AuditTrail';
import { FindingsPanel } from './FindingsPanel';
import { KnownDetailsPanel } from './KnownDetailsPanel';
import { revealFinding, showFindingHighlights, type FindingHighlight } from '../../editor/finding-highlights';
import { selectInCover } from './cover-selection';
import { useIdentifyingDetails } from './use-identifying-details';
import type { FindingGroup } from './group-findings';
import type { FindingPlace } from '@core/findings/segments';
import { SharedPreview } from './SharedPreview';
import { SignOffPanel } from './SignOffPanel';
import { WorkflowPanel } from './WorkflowPanel';

/** A finding's place in the shared text or a picture, as the editor highlights it; null for the details. */
function highlightOf(group: FindingGroup, place: FindingPlace): FindingHighlight | null {
  if (place.area !== 'text' && place.area !== 'picture') return null;
  return {
    key: group.key,
    block: place.index,
    from: place.from,
    to: place.to,
    text: group.text,
    picture: place.area === 'picture',
  };
}

/**
 * One resource in review, for the consultee and the facilitator together: what will be shared,
 * the identifying-details check, sign-off, the workflow moves and the audit trail.
 */
export function ReviewResourcePage() {
  const { resourceId = '' } = useParams();
  const db = useDb();
  const resource = useResource(resourceId);
  const document = useSavedDocument(resourceId);
  const profile = useActiveProfile();
  const [hash, setHash] = useState<string | null>(null);
  const [choices, setChoices] = useState<ConsentChoices | null>(null);
  // Everything here is about what would be shared: pending suggestions rejected, comments removed.
  const shared = useMemo(() => (document ? stripReviewMarks(document.doc) : null), [document]);
  const pictures = useMemo(() => (shared === null ? 0 : imageIdsOf(shared).length), [shared]);
  const findings = useIdentifyingDetails(resource, shared);
  const [editor, setEditor] = useState<Editor | null>(null);
  const cover = useRef<HTMLDivElement>(null);

  // Every open finding in the text and pictures is highlighted in the preview of what will be shared.
  const highlights = useMemo(
    () =>
      findings.open.flatMap((group) =>
        group.places.flatMap((place) => {
          const highlight = highlightOf(group, place);
          return highlight === null ? [] : [highlight];
        }),
      ),
    [findings.open],
  );
  useEffect(() => {
    if (editor !== null) showFindingHighlights(editor, highlights);
  }, [editor, highlights]);

  const showFinding = useCallback(
    (group: FindingGroup, index: number) => {
      const place = group.places[index];
      if (place === undefined) return;
      const highlight = highlightOf(group, place);
      if (highlight !== null) {
        if (editor !== null) revealFinding(editor, highlight);
      } else if (cover.current !== null) {
        selectInCover(cover.current, place);
      }
    },
    [editor],
  );

  useEffect(() => {
    let live = true;
    if (resource === undefined || resource === null || document === undefined || document === null) return;
    void currentVersionContent(db, resourceId)
      .then(hashContent)
      .then((value) => live && setHash(value));
    return () => {
      live = false;
    };
  }, [db, resourceId, resource, document]);

  if (resource === undefined || document === undefined || profile === undefined) {
    return <p className="loading">Opening the review…</p>;
  }
  if (resource === null || document === null || shared === null) {
    return (
      <Page title="Not found" intro="This resource is not on this device.">
        <Link to="/review">Back to review</Link>
      </Page>
    );
  }
  if (profile === null) {
    return (
      <Page title={resource.title} intro="Reviews record who did what, so choose who is using Chorus first.">
        <Link to="/settings" className="button">
          Set up profiles
        </Link>
      </Page>
    );
  }

  const consentChoices = choices ?? {
    audiences: resource.audiences,
    purposes: ['training-sessions' as const],
    attribution: { kind: 'anonymous' as const, value: '' },
  };
  const counts = {
    // Until the check has run, sign-off waits for it.
    unresolvedFindings: findings.state.status === 'checking' ? Math.max(1, findings.open.length) : findings.open.length,
    pendingSuggestions: hasPendingSuggestions(document.doc) ? 1 : 0,
  };
  const editable =
    resource.status === 'in-review' || resource.status === 'draft' || resource.status === 'changes-requested';

  return (
    <div className="resource-page">
      <div className="resource-editor">
        <nav aria-label="Breadcrumb" className="breadcrumb">
          <Link to="/review">Review</Link>
        </nav>
        <h1 tabIndex={-1}>{resource.title}</h1>
        {editable && (
          <p>
            <Link to={`/drafts/${resource.id}`}>Edit the draft</Link> (any edit cancels sign-offs already given)
          </p>
        )}
        {counts.pendingSuggestions > 0 && (
          <p className="error-message">
            There are suggested edits in the draft. The consultee must accept or reject each one before sign-off.
          </p>
        )}
        <SharedPreview
          resource={resource}
          doc={shared}
          choices={consentChoices}
          pictures={pictures}
          coverRef={cover}
          onEditorReady={setEditor}
        />
      </div>
      <aside className="resource-side" aria-label="Review">
        <WorkflowPanel resource={resource} profile={profile} />
        {profile.role !== 'trainer' && <KnownDetailsPanel />}
        <FindingsPanel
          resourceId={resource.id}
          check={findings}
          profile={profile}
          editable={editable}
          onShow={showFinding}
        />
        <SignOffPanel
          // Each person decides for themselves (open comments set aside, say): a new profile starts afresh.
          key={profile.id}
          resource={resource}
          profile={profile}
          counts={counts}
          currentHash={hash}
          pictures={pictures}
          choices={consentChoices}
          onChoicesChange={(update) => setChoices((current) => update(current ?? consentChoices))}
        />
        <AuditTrail resourceId={resource.id} />
      </aside>
    </div>
  );
}
