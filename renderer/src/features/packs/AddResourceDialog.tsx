import { useId, useMemo, useRef, useState } from 'react';
import { describeUse } from '@core/co-production/consent';
import { creditOf } from '@core/co-production/credit';
import { Link } from 'react-router';
import { addPackItem, PackRefused, useDb, useLibrary, type PackView } from '../../db';
import { plural } from '../../ui/format';
import { Modal } from '../../ui/Modal';
import { filterByTitle, libraryChoices, resourcesIn, titleOf } from './pack-rules';
import './packs.css';

/**
 * Approved resources the pack may take: the newest version of each whose consent covers the
 * pack's audience and use. The others are not offered, and a note says how many and why. The dialog stays
 * open so several can be added in a row.
 */
export function AddResourceDialog({ view, onClose }: { view: PackView; onClose: () => void }) {
  const db = useDb();
  const library = useLibrary();
  const id = useId();
  const [query, setQuery] = useState('');
  const [message, setMessage] = useState('');
  const listRef = useRef<HTMLUListElement>(null);
  const doneRef = useRef<HTMLButtonElement>(null);
  const use = describeUse(view.pack);

  const { offered, notConsented } = useMemo(
    () => libraryChoices(library ?? [], view.pack, resourcesIn(view.items)),
    [library, view],
  );
  const shown = useMemo(() => filterByTitle(offered, query), [offered, query]);

  const add = async (resourceId: string, title: string) => {
    try {
      await addPackItem(db, view.pack.id, resourceId);
      setMessage(`Added “${title}” to the pack.`);
      // The Add button turns into "In this pack", so focus moves on to the next one to add.
      const buttons = [...(listRef.current?.querySelectorAll<HTMLButtonElement>('button[data-resource-id]') ?? [])];
      const index = buttons.findIndex((button) => button.dataset.resourceId === resourceId);
      const next = buttons[index + 1] ?? buttons[index - 1];
      (next ?? doneRef.current)?.focus();
    } catch (error) {
      setMessage(
        error instanceof PackRefused ? error.message : 'Chorus could not add this resource. Please try again.',
      );
    }
  };

  return (
    <Modal
      open
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title="Add resources"
      description={`Approved resources from the library whose consent covers ${use}. Each is added in its newest version.`}
      wide
    >
      {library === undefined && <p className="loading">Loading the library…</p>}
      {library?.length === 0 && (
        <p>
          The library on this device is empty. Approved resources arrive when Chorus syncs with the shared repository.{' '}
          <Link to="/sync">Open Sync</Link>
        </p>
      )}
      {library !== undefined && library.length > 0 && (
        <div className="add-resources">
          <search className="field" aria-label="Find resources">
            <label htmlFor={`${id}-search`}>Search by title</label>
            <input
              id={`${id}-search`}
              type="search"
              value={query}
              autoComplete="off"
              onChange={(event) => setQuery(event.target.value)}
            />
          </search>
          <p className="result-count" role="status">
            {query.trim() === ''
              ? `${plural(offered.length, 'resource')} for ${use}`
              : `${plural(shown.length, 'resource')} found`}
          </p>
          {shown.length > 0 && (
            <ul ref={listRef} className="add-list" aria-label="Resources you can add">
              {shown.map(({ record, inPack }) => {
                const title = titleOf(record.approved);
                const warnings = record.approved.content.contentWarnings;
                return (
                  <li key={record.id} className="add-item">
                    <div>
                      <h3 className="add-item-title">{title}</h3>
                      <p className="resource-meta">
                        <span>Version {record.version}</span>
                        <span>{creditOf(record.approved)}</span>
                      </p>
                      {warnings.length > 0 && (
                        <p className="content-warning-line">
                          <strong>Content warning:</strong> {warnings.join('; ')}
                        </p>
                      )}
                    </div>
                    {inPack ? (
                      <p className="add-item-added">In this pack</p>
                    ) : (
                      <button
                        type="button"
                        className="button button-small"
                        data-resource-id={record.resourceId}
                        onClick={() => void add(record.resourceId, title)}
                      >
                        Add<span className="visually-hidden"> “{title}”</span>
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
          {notConsented.length > 0 && (
            <div className="add-not-offered">
              <p>
                {notConsented.length === 1
                  ? `1 resource in the library is not offered: the person who shared it did not agree to its use for ${use}.`
                  : `${notConsented.length} resources in the library are not offered: the people who shared them did not agree to their use for ${use}.`}
              </p>
              <details>
                <summary>Which resources</summary>
                <ul aria-label="Resources not offered for this pack">
                  {notConsented.map((record) => (
                    <li key={record.id}>{titleOf(record.approved)}</li>
                  ))}
                </ul>
              </details>
            </div>
          )}
        </div>
      )}
      <p role="status" className="status-line add-message">
        {message}
      </p>
      <div className="dialog-actions">
        <button ref={doneRef} type="button" className="button" onClick={onClose}>
          Done
        </button>
      </div>
    </Modal>
  );
}
