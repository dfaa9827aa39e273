import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

describe('fake OpenAI close()', () => {
  it('leaves nothing that keeps the process alive, even with hung and paced requests', () => {
    const fixture = fileURLToPath(new URL('./close-check.fixture.ts', import.meta.url));
    // The fixture's stream would wait 30 s for its first token; the run is killed (status null)
    // at 25 s, so exiting 0 proves the pacing timer and both sockets went with close().
    const run = spawnSync(process.execPath, ['--import', 'tsx', fixture], {
      cwd: fileURLToPath(new URL('../../..', import.meta.url)),
      encoding: 'utf8',
      timeout: 25_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout.trim())).toEqual(['rejected', 'rejected']);
  });
});
