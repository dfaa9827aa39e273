import { describe, expect, it } from 'vitest';
import * as fakeOpenAI from './index';

describe('fake-openai public API', () => {
  it('exports exactly what its importers use', () => {
    // Importers reach this folder as `testing/fake-openai`; a rename here breaks them silently
    // only at their next run, so the list is pinned.
    expect(Object.keys(fakeOpenAI).sort()).toEqual([
      'DEFAULT_TRANSCRIPT',
      'hashVector',
      'startFakeOpenAI',
    ]);
  });
});
