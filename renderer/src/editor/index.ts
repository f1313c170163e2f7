export { ChorusEditor, type ChorusEditorProps } from './ChorusEditor';
export { EditorToolbar, type EditorToolbarProps } from './EditorToolbar';
export { createChorusExtensions, findDocumentError, getChorusSchema, type ChorusEditorOptions } from './extensions';
export { ChorusImage, type ChorusImageAttributes, type ChorusImageOptions } from './chorus-image';
export { ContentWarning } from './content-warning';
export { InMyWords } from './in-my-words';
export { SAFE_IMAGE_ID, isSafeImageId, type ImageStore } from './image-store';
export { isAllowedLinkHref, normaliseLinkInput } from './links';
export { cleanHtml, type CleanHtmlOptions, type CleanedHtml } from './clean-html';
export { ChorusPaste, cleanPastedHtml, cleanPastedHtmlWithImages, hasEmbeddedImages } from './paste';
export {
  ImportError,
  MAX_IMPORT_BYTES,
  importFile,
  type ImportErrorReason,
  type ImportableFile,
  type ImportedDocument,
} from './import';
export * from './review';
export { documentText } from '@core/document/text';
