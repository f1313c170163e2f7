import { useCallback, useId, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  choosePackPurpose,
  PackRefused,
  updatePack,
  useDb,
  usePackView,
  useSupportContacts,
  type PackDetails,
  type PackRecord,
} from '../../db';
import { useClock } from '../clock';
import { statusText } from '../../saving/save-status';
import { useAutosaver, useFlushOnLeave } from '../../saving/useAutosaver';
import { useStoreValue, type ValueStore } from '../../saving/value-store';
import type { SaveStatus } from '../../saving/autosave';
import { describeUse, type Purpose } from '@core/co-production/consent';
import { plural } from '../../ui/format';
import { Page } from '../../ui/Page';
import { ExportSection } from './ExportSection';
import { buildSessionPlan, exportBlockers, packLimits, pinnedVersions, withdrawnMessage } from './pack-rules';
import { PackItemsSection } from './PackItemsSection';
import { PurposeRadios } from './PurposeRadios';
import { SessionPlanSection } from './SessionPlanSection';
import './packs.css';

/** What the trainer typed and has not been saved yet. */
interface PendingEdits {
  details: Partial<PackDetails>;
  notes: Record<string, string>;
}

const noEdits = (): PendingEdits => ({ details: {}, notes: {} });

/**
 * One training pack: the session plan first, then its details, its resources in order and the
 * export. Typing is saved like a draft, within half a second of the last keystroke and at once
 * when the window is hidden or the screen is left; moves and removals are saved straight away.
 */
export function PackEditor() {
  const { packId = '' } = useParams();
  const db = useDb();
  const view = usePackView(packId);
  const contacts = useSupportContacts();
  const pending = useRef<PendingEdits>(noEdits());
  const clock = useClock();

  const saveNow = async () => {
    const edits = pending.current;
    const at = clock.now();
    pending.current = noEdits();
    try {
      await updatePack(db, packId, edits, at);
    } catch (error) {
      // Kept for the next try, under anything typed since.
      pending.current = {
        details: { ...edits.details, ...pending.current.details },
        notes: { ...edits.notes, ...pending.current.notes },
      };
      throw error;
    }
    return at;
  };
  const { saver, status } = useAutosaver(saveNow);
  const flush = useCallback(() => saver.flush(), [saver]);

  useFlushOnLeave(flush);

  const changeDetails = useCallback(
    (patch: Partial<PackDetails>) => {
      pending.current.details = { ...pending.current.details, ...patch };
      saver.changed();
    },
    [saver],
  );
  const changeNotes = useCallback(
    (itemId: string, notes: string) => {
      pending.current.notes = { ...pending.current.notes, [itemId]: notes };
      saver.changed();
    },
    [saver],
  );

  const plan = useMemo(
    () => (view == null ? null : buildSessionPlan(pinnedVersions(view), contacts ?? [])),
    [view, contacts],
  );
  const blockers = useMemo(() => (view == null ? null : exportBlockers(view)), [view]);

  if (view === undefined || contacts === undefined || plan === null || blockers === null) {
    return <p className="loading">Opening the pack…</p>;
  }
  if (view === null) {
    return (
      <Page title="Pack not found" intro="This pack is not on this device. It may have been deleted.">
        <Link to="/packs" className="button">
          Back to training packs
        </Link>
      </Page>
    );
  }

  const { pack } = view;
  const use = describeUse(pack);
  return (
    <div className="pack-editor">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <Link to="/packs">Training packs</Link>
      </nav>
      <Page
        title={pack.name}
        intro={`For ${use} · ${plural(pack.items.length, 'resource')}. Only resources whose consent covers this can be added.`}
      >
        <SaveStatusText status={status} onRetry={() => void flush()} />
        {pack.purpose === undefined && <PurposeChooser packId={pack.id} />}
        {blockers.withdrawn.length > 0 && (
          <section className="pack-alert" aria-labelledby="pack-alert-heading">
            <h2 id="pack-alert-heading">
              {blockers.withdrawn.length === 1
                ? 'A resource in this pack was withdrawn'
                : 'Resources in this pack were withdrawn'}
            </h2>
            <ul>
              {blockers.withdrawn.map((each) => (
                <li key={each.itemId}>{withdrawnMessage(each.title, each.at, clock)}</li>
              ))}
            </ul>
            <p>
              {blockers.withdrawn.length === 1
                ? 'A withdrawn resource must not be used any more. Export stays off until it is removed.'
                : 'Withdrawn resources must not be used any more. Export stays off until they are removed.'}
            </p>
          </section>
        )}
        <SessionPlanSection plan={plan} itemCount={pack.items.length} />
        <DetailsSection key={pack.id} pack={pack} onChange={changeDetails} />
        <PackItemsSection view={view} flush={flush} onNotesChange={changeNotes} />
        <ExportSection packId={pack.id} blockers={blockers} flush={flush} />
      </Page>
    </div>
  );
}

function SaveStatusText({ status, onRetry }: { status: ValueStore<SaveStatus>; onRetry: () => void }) {
  const current = useStoreValue(status);
  const clock = useClock();
  return (
    <div className="save-status" role="status">
      <span>{statusText(current, clock)}</span>
      {current.state === 'failed' && (
        <button type="button" className="link-button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}

/** The pack's own words. Each field keeps its own state, so saves arriving never move the cursor. */
function DetailsSection({ pack, onChange }: { pack: PackRecord; onChange: (patch: Partial<PackDetails>) => void }) {
  const id = useId();
  const [name, setName] = useState(pack.name);
  const [description, setDescription] = useState(pack.description);
  const [introduction, setIntroduction] = useState(pack.introduction);
  return (
    <section className="card pack-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>About this pack</h2>
      <div className="pack-fields">
        <div className="field">
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            id={`${id}-name`}
            value={name}
            maxLength={packLimits.name}
            autoComplete="off"
            onChange={(event) => {
              setName(event.target.value);
              onChange({ name: event.target.value });
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-description`}>Description</label>
          <p id={`${id}-description-hint`} className="field-hint">
            A sentence or two about the session, for you and other trainers.
          </p>
          <textarea
            id={`${id}-description`}
            rows={2}
            value={description}
            maxLength={packLimits.description}
            aria-describedby={`${id}-description-hint`}
            onChange={(event) => {
              setDescription(event.target.value);
              onChange({ description: event.target.value });
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-introduction`}>Introduction</label>
          <p id={`${id}-introduction-hint`} className="field-hint">
            What you will say at the start of the session. It goes into every export of this pack.
          </p>
          <textarea
            id={`${id}-introduction`}
            rows={5}
            value={introduction}
            maxLength={packLimits.introduction}
            aria-describedby={`${id}-introduction-hint`}
            onChange={(event) => {
              setIntroduction(event.target.value);
              onChange({ introduction: event.target.value });
            }}
          />
        </div>
      </div>
    </section>
  );
}

/**
 * For a pack made before Chorus asked how packs are used: the trainer says so once. Until then the
 * pack cannot be exported, and afterwards anything in it not agreed for that use must come out.
 */
function PurposeChooser({ packId }: { packId: string }) {
  const db = useDb();
  const id = useId();
  const [purpose, setPurpose] = useState<Purpose | null>(null);
  const [message, setMessage] = useState('');

  const save = async () => {
    if (purpose === null) {
      setMessage('Choose how the pack will be used.');
      return;
    }
    try {
      await choosePackPurpose(db, packId, purpose);
    } catch (error) {
      setMessage(error instanceof PackRefused ? error.message : 'Chorus could not save this. Please try again.');
    }
  };

  return (
    <section className="pack-alert" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>How will this pack be used?</h2>
      <p>
        The people who shared these resources agreed to some uses and not others. Choose this pack’s use once; export
        stays off until you do.
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <fieldset className="field checkbox-group">
          <legend>Use</legend>
          <PurposeRadios name={`${id}-purpose`} value={purpose} onChange={setPurpose} />
        </fieldset>
        {message !== '' && (
          <p className="field-error" role="alert">
            {message}
          </p>
        )}
        <button type="submit" className="button">
          Save the use
        </button>
      </form>
    </section>
  );
}
