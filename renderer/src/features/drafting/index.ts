/** Drafting's public face: the Drafts area. Its other files are its own. */
export { DraftsPage } from './DraftsPage';
