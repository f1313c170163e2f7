/** Lives in electron/shared beside the document renderer that needs it. */
export * from '../../shared/json-object';
