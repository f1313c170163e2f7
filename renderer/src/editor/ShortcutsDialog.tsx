import { Fragment } from 'react';
import { Modal } from '../ui/Modal';
import { keyLabel, shortcutGroups, type Shortcut } from './shortcuts';

export interface ShortcutsDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onClosed: () => void;
}

function Keys({ shortcut }: { shortcut: Shortcut }) {
  if (shortcut.typed !== undefined) {
    return (
      <>
        Type <kbd>{shortcut.typed}</kbd> and a space at the start of a line
      </>
    );
  }
  return (
    <>
      {(shortcut.keys ?? []).map((combination, index) => (
        <Fragment key={combination.join('+')}>
          {index > 0 && ' or '}
          {combination.map((key, keyIndex) => (
            <Fragment key={key}>
              {keyIndex > 0 && ' + '}
              <kbd>{keyLabel(key)}</kbd>
            </Fragment>
          ))}
        </Fragment>
      ))}
    </>
  );
}

/** Every shortcut that works in the editor, grouped, as a list of what each does and its keys. */
export function ShortcutsDialog({ open, onOpenChange, onClosed }: ShortcutsDialogProps) {
  return (
    <Modal
      open={open}
      onOpenChange={onOpenChange}
      title="Keyboard shortcuts"
      description="You can do everything with the toolbar too. These keys are quicker once you know them."
      onClosed={onClosed}
    >
      <div className="chorus-shortcuts">
        {shortcutGroups.map((group) => (
          <section key={group.heading} className="chorus-shortcuts__group">
            <h3>{group.heading}</h3>
            <dl>
              {group.shortcuts.map((shortcut) => (
                <div key={shortcut.action} className="chorus-shortcuts__row">
                  <dt>{shortcut.action}</dt>
                  <dd>
                    <Keys shortcut={shortcut} />
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <div className="dialog-actions">
        <button type="button" className="button" onClick={() => onOpenChange(false)}>
          Close
        </button>
      </div>
    </Modal>
  );
}
