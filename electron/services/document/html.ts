/** The document renderer lives in electron/shared, so the renderer's "everything of mine" archive uses it too. */
export * from '../../shared/document-html';
