import type { App } from '../context.js';

/**
 * The largest CSV body any route takes (cost files); each import route sets its own, lower
 * `bodyLimit` where it takes less.
 */
const CSV_PARSER_LIMIT = 32 * 1024 * 1024;

/** Imports are `text/csv`: the body reaches the route as the file's text. Registered once for every route. */
export function registerCsvBody(app: App): void {
  app.addContentTypeParser(
    'text/csv',
    { parseAs: 'string', bodyLimit: CSV_PARSER_LIMIT },
    (_request, body, done) => done(null, body),
  );
}
