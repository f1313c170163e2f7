import { useId, useLayoutEffect, useRef, useState } from 'react';
import {
  movePackItem,
  PackRefused,
  removePackItem,
  restorePackItem,
  switchPackItemVersion,
  useDb,
  type PackItemView,
  type PackView,
} from '../../db';
import { describeUse, purposeLabels } from '@core/co-production/consent';
import { creditOf } from '@core/co-production/credit';
import { Notice, type NoticeContent } from '../../ui/Notice';
import { AddResourceDialog } from './AddResourceDialog';
import { itemState, packLimits, positionMessage, titleOf, withdrawnMessage, type ItemState } from './pack-rules';
import { useClock } from '../clock';
import './packs.css';

/** The resources of a pack in order, each with its trainer notes, and the Add resource dialog. */
export function PackItemsSection({
  view,
  flush,
  onNotesChange,
}: {
  view: PackView;
  /** Saves anything typed, so a removal or a move never races a note being saved. */
  flush: () => Promise<void>;
  onNotesChange: (itemId: string, notes: string) => void;
}) {
  const db = useDb();
  const id = useId();
  const { pack, items } = view;
  const [adding, setAdding] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const [notice, setNotice] = useState<NoticeContent | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const listRef = useRef<HTMLOListElement>(null);
  // After a move, focus follows the item to its new place once the list shows it there.
  const focusAfterMove = useRef<{ itemId: string; index: number; by: -1 | 1 } | null>(null);

  useLayoutEffect(() => {
    const request = focusAfterMove.current;
    if (request === null || items[request.index]?.item.id !== request.itemId) return;
    focusAfterMove.current = null;
    const button = (direction: 'up' | 'down') =>
      listRef.current?.querySelector<HTMLButtonElement>(
        `[data-item-id="${request.itemId}"] [data-move="${direction}"]`,
      );
    const preferred = button(request.by === -1 ? 'up' : 'down');
    (preferred?.disabled === false ? preferred : button(request.by === -1 ? 'down' : 'up'))?.focus();
  });

  /** Runs a change, and says in plain words if it could not be made. */
  const attempt = (work: () => Promise<void>) => {
    work().catch((error: unknown) =>
      setNotice({
        message: error instanceof PackRefused ? error.message : 'Chorus could not save that change. Please try again.',
      }),
    );
  };

  const move = (itemView: PackItemView, by: -1 | 1) =>
    attempt(async () => {
      await flush();
      const { index, count } = await movePackItem(db, pack.id, itemView.item.id, by);
      focusAfterMove.current = { itemId: itemView.item.id, index, by };
      setAnnouncement(positionMessage(itemTitle(itemView), index, count));
    });

  const remove = (itemView: PackItemView) =>
    attempt(async () => {
      await flush();
      const removed = await removePackItem(db, pack.id, itemView.item.id);
      if (removed === undefined) return;
      headingRef.current?.focus();
      setAnnouncement('');
      setNotice({
        message: `Removed “${itemTitle(itemView)}” from the pack.`,
        action: { label: 'Undo', run: () => attempt(() => restorePackItem(db, pack.id, removed)) },
      });
    });

  const switchVersion = (itemView: PackItemView, versionId: string, version: number) =>
    attempt(async () => {
      const previous = itemView.item.versionId;
      await switchPackItemVersion(db, pack.id, itemView.item.id, versionId);
      setNotice({
        message: `“${itemTitle(itemView)}” now uses version ${version}. Check your notes still fit.`,
        action: {
          label: 'Undo',
          run: () => attempt(() => switchPackItemVersion(db, pack.id, itemView.item.id, previous)),
        },
      });
    });

  return (
    <section className="card pack-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`} ref={headingRef} tabIndex={-1} className="focus-heading">
        Resources in this pack
      </h2>
      <div className="actions pack-items-actions">
        <button type="button" className="button" onClick={() => setAdding(true)}>
          Add resource
        </button>
        <p role="status" className="status-line">
          {announcement}
        </p>
      </div>
      {items.length === 0 ? (
        <p className="pack-empty">
          No resources yet. Add approved resources from the library in the order you will use them.
        </p>
      ) : (
        <ol ref={listRef} className="pack-items" aria-labelledby={`${id}-heading`}>
          {items.map((itemView, index) => (
            <PackItemCard
              key={itemView.item.id}
              itemView={itemView}
              state={itemState(itemView, pack)}
              use={describeUse(pack)}
              position={index + 1}
              count={items.length}
              onNotesChange={onNotesChange}
              onMove={(by) => move(itemView, by)}
              onRemove={() => remove(itemView)}
              onSwitchVersion={(versionId, version) => switchVersion(itemView, versionId, version)}
            />
          ))}
        </ol>
      )}
      {adding && <AddResourceDialog view={view} onClose={() => setAdding(false)} />}
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
    </section>
  );
}

function itemTitle(itemView: PackItemView): string {
  return itemView.pinned === undefined ? 'Unknown resource' : titleOf(itemView.pinned.approved);
}

function PackItemCard({
  itemView,
  state,
  use,
  position,
  count,
  onNotesChange,
  onMove,
  onRemove,
  onSwitchVersion,
}: {
  itemView: PackItemView;
  state: ItemState;
  /** Who the pack is for and how it will be used, in words. */
  use: string;
  position: number;
  count: number;
  onNotesChange: (itemId: string, notes: string) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
  onSwitchVersion: (versionId: string, version: number) => void;
}) {
  const clock = useClock();
  const id = useId();
  const { item, pinned } = itemView;
  const [notes, setNotes] = useState(item.notes);
  const title = itemTitle(itemView);

  const content = pinned?.approved.content;
  return (
    <li className="pack-item" data-state={state.kind} data-item-id={item.id} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className="pack-item-title">
        <span className="pack-item-position">
          <span className="visually-hidden">Resource </span>
          {position}
          <span className="visually-hidden"> of {count}:</span>
        </span>{' '}
        {title}
      </h3>
      {state.kind === 'withdrawn' && (
        <p className="pack-item-alert">
          <strong>Withdrawn.</strong> {withdrawnMessage(title, state.at, clock)}
        </p>
      )}
      {state.kind === 'not-consented' && (
        <p className="pack-item-alert">
          <strong>Not agreed for this use.</strong> The person who shared it did not agree to its use for {use}. Remove
          it before exporting.
        </p>
      )}
      {state.kind === 'missing' && (
        <p className="pack-item-alert">
          <strong>Not on this device.</strong> The version this pack was built with is no longer here. Remove it before
          exporting.
        </p>
      )}
      {pinned !== undefined && content !== undefined && (
        <>
          <p className="resource-meta">
            <span>Version {content.version}</span>
            <span>{creditOf(pinned.approved)}</span>
          </p>
          {content.contentWarnings.length > 0 && (
            <p className="content-warning-line">
              <strong>Content warning:</strong> {content.contentWarnings.join('; ')}
            </p>
          )}
          {pinned.approved.consent.choices.purposes.length > 0 && (
            <p className="pack-item-purposes">
              May be used in{' '}
              {pinned.approved.consent.choices.purposes.map((purpose) => purposeLabels[purpose]).join('; ')}.
            </p>
          )}
        </>
      )}
      {state.kind === 'ready' && state.newer !== null && (
        <div className="pack-item-newer">
          {state.newer.consented ? (
            <>
              <p>
                Version {state.newer.version} is in the library. This pack keeps version {content?.version} until you
                choose.
              </p>
              <button
                type="button"
                className="button button-small button-secondary"
                onClick={() => state.newer !== null && onSwitchVersion(state.newer.id, state.newer.version)}
              >
                Use version {state.newer.version}
                <span className="visually-hidden"> of “{title}”</span>
              </button>
            </>
          ) : (
            <p>
              Version {state.newer.version} is in the library, but its consent does not cover {use}, so this pack keeps
              version {content?.version}.
            </p>
          )}
        </div>
      )}
      <div className="field pack-notes">
        <label htmlFor={`${id}-notes`}>
          Trainer notes<span className="visually-hidden"> for “{title}”</span>
        </label>
        <textarea
          id={`${id}-notes`}
          rows={3}
          value={notes}
          maxLength={packLimits.notes}
          onChange={(event) => {
            setNotes(event.target.value);
            onNotesChange(item.id, event.target.value);
          }}
        />
      </div>
      <div className="row-actions" role="group" aria-label={`Actions for ${title}`}>
        <button
          data-move="up"
          type="button"
          className="button button-small button-secondary"
          disabled={position === 1}
          onClick={() => onMove(-1)}
        >
          Move up
        </button>
        <button
          data-move="down"
          type="button"
          className="button button-small button-secondary"
          disabled={position === count}
          onClick={() => onMove(1)}
        >
          Move down
        </button>
        <button type="button" className="button button-small button-secondary" onClick={onRemove}>
          Remove
        </button>
      </div>
    </li>
  );
}
