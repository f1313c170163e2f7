import { useId } from 'react';
import { Link } from 'react-router';
import type { SessionPlan } from './pack-rules';
import './packs.css';

/**
 * What a trainer needs before the session starts, gathered from the pack: every content warning
 * once, with the resources it comes from, and the support services to signpost.
 */
export function SessionPlanSection({ plan, itemCount }: { plan: SessionPlan; itemCount: number }) {
  const id = useId();
  return (
    <section className="card pack-section session-plan" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Session plan</h2>
      <p className="field-hint">Built from the resources in this pack, and included in every export.</p>
      <h3 id={`${id}-warnings`}>Content warnings</h3>
      {itemCount === 0 && <p>Add resources to gather their content warnings here.</p>}
      {itemCount > 0 && plan.warnings.length === 0 && <p>None of the resources in this pack has a content warning.</p>}
      {plan.warnings.length > 0 && (
        <ul className="plan-warnings" aria-labelledby={`${id}-warnings`}>
          {plan.warnings.map((warning) => (
            <li key={warning.text}>
              <strong>{warning.text}</strong>
              <span className="plan-source"> — from {warning.sources.map((title) => `“${title}”`).join(', ')}</span>
            </li>
          ))}
        </ul>
      )}
      <h3 id={`${id}-support`}>Support to signpost</h3>
      {plan.support.length === 0 ? (
        <p>
          No support services yet. <Link to="/settings">Add support services in Settings</Link> so every session plan
          says where people can get help.
        </p>
      ) : (
        <>
          <ul className="plan-support" aria-labelledby={`${id}-support`}>
            {plan.support.map((contact) => (
              <li key={contact.id}>
                <strong>{contact.name}</strong>
                {contact.description !== '' && <span> — {contact.description}</span>}
                {contact.contact !== '' && <span className="plan-contact">{contact.contact}</span>}
              </li>
            ))}
          </ul>
          <p className="plan-change">
            <Link to="/settings">Change support services in Settings</Link>
          </p>
        </>
      )}
    </section>
  );
}
