import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OPENAPI_PATH, renderOpenApiDocument } from '../../scripts/openapi.js';

describe('the committed OpenAPI document', () => {
  it('is what the server serves (run `npm run openapi` after an API change)', async () => {
    const committed = readFileSync(OPENAPI_PATH, 'utf8');
    // Compared as text, so the failure shows the first changed path rather than "objects differ".
    expect(await renderOpenApiDocument(), 'docs/openapi.json is stale: run `npm run openapi`').toBe(
      committed,
    );
  });
});
