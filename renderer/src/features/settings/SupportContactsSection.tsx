import { useId, useState } from 'react';
import {
  removeSupportContact,
  restoreSupportContact,
  saveSupportContact,
  useDb,
  useSupportContacts,
  type SupportContactRecord,
} from '../../db';
import { FormDialog } from '../../ui/FormDialog';
import { Notice, type NoticeContent } from '../../ui/Notice';
import './settings.css';

/** As many as an export's session plan takes. */
const maxSupportContacts = 50;

/** The dialog is open for a new contact (null) or for one being edited. */
type Editing = { contact: SupportContactRecord | null } | null;

/**
 * Support services trainers signpost: every session plan lists them, so people know where to get
 * help during or after a session. Kept on this device, and in the packs exported from it.
 */
export function SupportContactsSection() {
  const db = useDb();
  const contacts = useSupportContacts();
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<NoticeContent | null>(null);
  const id = useId();

  const remove = async (contact: SupportContactRecord) => {
    const removed = await removeSupportContact(db, contact.id);
    if (removed === undefined) return;
    setNotice({
      message: `Removed “${contact.name}”.`,
      action: { label: 'Undo', run: () => void restoreSupportContact(db, removed) },
    });
  };

  const save = async (existing: SupportContactRecord | null, values: ContactValues) => {
    await saveSupportContact(db, { ...values, ...(existing === null ? {} : { id: existing.id }) });
    setEditing(null);
    setNotice({ message: existing === null ? `Added “${values.name.trim()}”.` : `Saved “${values.name.trim()}”.` });
  };

  return (
    <section className="card" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Support services for session plans</h2>
      <p>
        Every training pack’s session plan lists these services, so people know where they can get help during or after
        a session. They stay on this device and go into the packs you export.
      </p>
      {contacts === undefined && <p className="loading">Loading…</p>}
      {contacts?.length === 0 && (
        <p className="support-empty">
          No support services yet. Add the local and national services you would point people to, such as a specialist
          support service for people affected by sexual exploitation, or a helpline.
        </p>
      )}
      {contacts !== undefined && contacts.length > 0 && (
        <ul className="support-list" aria-label="Support services">
          {contacts.map((contact) => (
            <li key={contact.id} className="support-row">
              <div>
                <p className="support-name">{contact.name}</p>
                {contact.description !== '' && <p>{contact.description}</p>}
                {contact.contact !== '' && <p className="support-contact">{contact.contact}</p>}
              </div>
              <div className="row-actions" role="group" aria-label={`Actions for ${contact.name}`}>
                <button
                  type="button"
                  className="button button-small button-secondary"
                  onClick={() => setEditing({ contact })}
                >
                  Edit
                </button>
                <button
                  type="button"
                  className="button button-small button-secondary"
                  onClick={() => void remove(contact)}
                >
                  Remove
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {contacts !== undefined && contacts.length >= maxSupportContacts ? (
        <p>Session plans hold up to {maxSupportContacts} support services. Remove one to add another.</p>
      ) : (
        <button type="button" className="button" onClick={() => setEditing({ contact: null })}>
          Add a support service
        </button>
      )}
      {editing !== null && (
        <SupportContactDialog
          contact={editing.contact}
          onClose={() => setEditing(null)}
          onSave={(values) => void save(editing.contact, values)}
        />
      )}
      <Notice notice={notice} onDismiss={() => setNotice(null)} />
    </section>
  );
}

type ContactValues = Omit<SupportContactRecord, 'id'>;

function SupportContactDialog({
  contact,
  onClose,
  onSave,
}: {
  contact: SupportContactRecord | null;
  onClose: () => void;
  onSave: (values: ContactValues) => void;
}) {
  const [values, setValues] = useState<ContactValues>({
    name: contact?.name ?? '',
    description: contact?.description ?? '',
    contact: contact?.contact ?? '',
  });
  const [errors, setErrors] = useState<{ name?: string; contact?: string }>({});
  const id = useId();

  const change = (patch: Partial<ContactValues>) => setValues((current) => ({ ...current, ...patch }));

  const submit = () => {
    const next = {
      ...(values.name.trim() === '' ? { name: 'Write the name of the service.' } : {}),
      ...(values.contact.trim() === '' ? { contact: 'Write how people can contact them.' } : {}),
    };
    setErrors(next);
    if (next.name === undefined && next.contact === undefined) onSave(values);
  };

  const describedBy = (hint: string | null, error: string | undefined, errorId: string) =>
    [hint, error === undefined ? null : errorId].filter((each) => each !== null).join(' ') || undefined;

  return (
    <FormDialog
      open
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      title={contact === null ? 'Add a support service' : 'Edit support service'}
      submitLabel={contact === null ? 'Add service' : 'Save changes'}
      onSubmit={submit}
    >
      <div className="field">
        <label htmlFor={`${id}-name`}>Name of the service</label>
        <input
          id={`${id}-name`}
          value={values.name}
          maxLength={200}
          autoComplete="off"
          onChange={(event) => change({ name: event.target.value })}
          aria-invalid={errors.name !== undefined}
          aria-describedby={describedBy(null, errors.name, `${id}-name-error`)}
        />
        {errors.name !== undefined && (
          <p id={`${id}-name-error`} className="field-error" role="alert">
            {errors.name}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>What they offer</label>
        <p id={`${id}-description-hint`} className="field-hint">
          For example: confidential support for young people and their families.
        </p>
        <textarea
          id={`${id}-description`}
          rows={3}
          value={values.description}
          maxLength={1000}
          onChange={(event) => change({ description: event.target.value })}
          aria-describedby={`${id}-description-hint`}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-contact`}>How to contact them</label>
        <p id={`${id}-contact-hint`} className="field-hint">
          A phone number, web address or email, as it should be printed.
        </p>
        <input
          id={`${id}-contact`}
          value={values.contact}
          maxLength={300}
          autoComplete="off"
          onChange={(event) => change({ contact: event.target.value })}
          aria-invalid={errors.contact !== undefined}
          aria-describedby={describedBy(`${id}-contact-hint`, errors.contact, `${id}-contact-error`)}
        />
        {errors.contact !== undefined && (
          <p id={`${id}-contact-error`} className="field-error" role="alert">
            {errors.contact}
          </p>
        )}
      </div>
    </FormDialog>
  );
}
