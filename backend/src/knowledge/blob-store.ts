import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';

/**
 * Where original uploads are kept. The local folder is the embedded default; an S3
 * bucket implements the same four calls when scaled out.
 */
export interface BlobStore {
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** Null when there is no such blob. */
  get(key: string): Promise<Uint8Array | null>;
  /** Deleting a missing blob is not an error. */
  delete(key: string): Promise<void>;
}

/**
 * Blobs as files under `root`; keys are relative paths like "demo/3f2a.pdf".
 * Writes go to a temporary name first and are renamed, so a crash never leaves half a file.
 * @example const blobs = createLocalBlobStore(join(dataDir, 'uploads'));
 */
export function createLocalBlobStore(root: string): BlobStore {
  const base = resolve(root);
  const pathOf = (key: string) => {
    const path = resolve(base, key);
    // Keys are ours, but a key must never escape the folder.
    if (!path.startsWith(base + sep)) throw new Error(`Invalid blob key: ${key}`);
    return path;
  };
  return {
    async put(key, bytes) {
      const path = pathOf(key);
      await mkdir(dirname(path), { recursive: true });
      const temp = `${path}.${process.pid}.tmp`;
      await writeFile(temp, bytes);
      await rename(temp, path);
    },
    async get(key) {
      try {
        return new Uint8Array(await readFile(pathOf(key)));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    async delete(key) {
      await rm(pathOf(key), { force: true });
    },
  };
}
