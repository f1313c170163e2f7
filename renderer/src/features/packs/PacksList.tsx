import { useId, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import {
  audienceLabels,
  audiences,
  createPack,
  deletePack,
  duplicatePack,
  restorePack,
  useDb,
  useLibrary,
  usePackSummaries,
  type Audience,
  type PackRecord,
  type PackSummary,
} from '../../db';
import { describeUse, type Purpose } from '@core/co-production/consent';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { EmptyState } from '../../ui/EmptyState';
import { FormDialog } from '../../ui/FormDialog';
import { formatWhen } from '@core/clock';
import { plural } from '../../ui/format';
import { Notice, type NoticeContent } from '../../ui/Notice';
import { Page } from '../../ui/Page';
import { packLimits } from './pack-rules';
import { PurposeRadios } from './PurposeRadios';
import { useClock } from '../clock';
import './packs.css';

export function PacksList() {
  const db = useDb();
  const navigate = useNavigate();
  const packs = usePackSummaries();
  const library = useLibrary();
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<PackRecord | null>(null);
  const [notice, setNotice] = useState<NoticeContent | null>(null);

  const create = async (name: string, audience: Audience, purpose: Purpose) => {
    const id = await createPack(db, { name, audience, purpose });
    setCreating(false);
    void navigate(`/packs/${id}`);
  };

  const duplicate = async (pack: PackRecord) => {
    await duplicatePack(db, pack.id);
    setNotice({ message: `Made a copy of “${pack.name}”.` });
  };

  const remove = async (pack: PackRecord) => {
    const removed = await deletePack(db, pack.id);
    if (removed === undefined) return;
    setNotice({
      message: `Deleted “${pack.name}”.`,
      action: { label: 'Undo', run: () => void restorePack(db, removed) },
    });
  };

  return (
    <Page title="Training packs" intro="Bring approved resources together for a training session and export them.">
      <div className="page-actions">
        <button type="button" className="button" onClick={() => setCreating(true)}>
          New pack
        </button>
      </div>
      {packs === undefined && <p className="loading">Loading your packs…</p>}
      {packs?.length === 0 && (
        <EmptyState title="No training packs yet">
          <p>
            A pack gathers approved resources from the library in the order you will use them, with your own notes on
            each. Chorus builds a session plan from it, with every content warning and the support services to signpost,
            and exports it as Word, PDF, PowerPoint or HTML.
          </p>
          <p>
            Each pack is for one audience and one way of using it, and only holds resources the people who shared them
            agreed to for both.
          </p>
          {library?.length === 0 && (
            <p>
              The library on this device is empty, so there is nothing to add yet. <Link to="/sync">Set up sync</Link>{' '}
              to bring in approved resources.
            </p>
          )}
        </EmptyState>
      )}
      {packs !== undefined && packs.length > 0 && (
        <>
          <p className="result-count">{plural(packs.length, 'pack')}</p>
          <ul className="resource-list" aria-label="Training packs">
            {packs.map((summary) => (
              <PackRow
                key={summary.pack.id}
                summary={summary}
                onDuplicate={() => void duplicate(summary.pack)}
                onDelete={() => setDeleting(summary.pack)}
              />
            ))}
          </ul>
        </>
      )}
      {creating && (
        <NewPackDialog
          onClose={() => setCreating(false)}
          onCreate={(name, audience, purpose) => void create(name, audience, purpose)}
        />
      )}
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => {
          if (!open) setDeleting(null);
        }}
        title={`Delete “${deleting?.name ?? ''}”?`}
        confirmLabel="Delete pack"
        destructive
        onConfirm={() => {
          if (deleting !== null) void remove(deleting);
          setDeleting(null);
        }}
      >
        <p>This deletes the pack and your notes in it. The resources stay in the library.</p>
      </ConfirmDialog>
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
    </Page>
  );
}

function PackRow({
  summary,
  onDuplicate,
  onDelete,
}: {
  summary: PackSummary;
  onDuplicate: () => void;
  onDelete: () => void;
}) {
  const clock = useClock();
  const { pack, withdrawnCount } = summary;
  return (
    <li className="resource-row pack-row">
      <div className="resource-main">
        <h2 className="resource-title">
          <Link to={`/packs/${pack.id}`}>{pack.name}</Link>
        </h2>
        {pack.description.trim() !== '' && <p className="resource-summary">{pack.description}</p>}
        <p className="resource-meta">
          <span className="badge">For {describeUse(pack)}</span>
          <span>{plural(pack.items.length, 'resource')}</span>
          <span>Updated {formatWhen(pack.updatedAt, clock)}</span>
        </p>
        {withdrawnCount > 0 && (
          <p className="pack-row-warning">
            {withdrawnCount === 1
              ? 'A resource in this pack was withdrawn. Open the pack to remove it.'
              : `${withdrawnCount} resources in this pack were withdrawn. Open the pack to remove them.`}
          </p>
        )}
      </div>
      <div className="row-actions" role="group" aria-label={`Actions for ${pack.name}`}>
        <button type="button" className="button button-small button-secondary" onClick={onDuplicate}>
          Duplicate
        </button>
        <button type="button" className="button button-small button-secondary" onClick={onDelete}>
          Delete
        </button>
      </div>
    </li>
  );
}

function NewPackDialog({
  onClose,
  onCreate,
}: {
  onClose: () => void;
  onCreate: (name: string, audience: Audience, purpose: Purpose) => void;
}) {
  const [name, setName] = useState('');
  const [audience, setAudience] = useState<Audience | null>(null);
  const [purpose, setPurpose] = useState<Purpose | null>(null);
  const [errors, setErrors] = useState<{ name?: string; audience?: string; purpose?: string }>({});
  const id = useId();

  const submit = () => {
    const next = {
      ...(name.trim() === '' ? { name: 'Write a name for the pack.' } : {}),
      ...(audience === null ? { audience: 'Choose who the pack is for.' } : {}),
      ...(purpose === null ? { purpose: 'Choose how the pack will be used.' } : {}),
    };
    setErrors(next);
    if (audience === null || purpose === null || next.name !== undefined) return;
    onCreate(name, audience, purpose);
  };

  return (
    <FormDialog
      open
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title="New training pack"
      description="Only resources whose consent covers the pack’s audience and use can go in it."
      submitLabel="Create pack"
      onSubmit={submit}
    >
      <div className="field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          value={name}
          maxLength={packLimits.name}
          onChange={(event) => setName(event.target.value)}
          autoComplete="off"
          aria-invalid={errors.name !== undefined}
          aria-describedby={errors.name === undefined ? undefined : `${id}-name-error`}
        />
        {errors.name !== undefined && (
          <p id={`${id}-name-error`} className="field-error" role="alert">
            {errors.name}
          </p>
        )}
      </div>
      <fieldset
        className="field checkbox-group"
        aria-describedby={`${id}-audience-hint${errors.audience === undefined ? '' : ` ${id}-audience-error`}`}
      >
        <legend>Who is this pack for?</legend>
        <p id={`${id}-audience-hint`} className="field-hint">
          This cannot be changed later, because it decides which resources may go in.
        </p>
        {audiences.map((each) => (
          <label key={each} className="checkbox">
            <input
              type="radio"
              name={`${id}-audience`}
              value={each}
              checked={audience === each}
              onChange={() => setAudience(each)}
            />
            {audienceLabels[each]}
          </label>
        ))}
        {errors.audience !== undefined && (
          <p id={`${id}-audience-error`} className="field-error" role="alert">
            {errors.audience}
          </p>
        )}
      </fieldset>
      <fieldset
        className="field checkbox-group"
        aria-describedby={`${id}-purpose-hint${errors.purpose === undefined ? '' : ` ${id}-purpose-error`}`}
      >
        <legend>How will it be used?</legend>
        <p id={`${id}-purpose-hint`} className="field-hint">
          The people who shared each resource agreed to some uses and not others. This cannot be changed later either.
        </p>
        <PurposeRadios name={`${id}-purpose`} value={purpose} onChange={setPurpose} />
        {errors.purpose !== undefined && (
          <p id={`${id}-purpose-error`} className="field-error" role="alert">
            {errors.purpose}
          </p>
        )}
      </fieldset>
    </FormDialog>
  );
}
