import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { UploadStore } from '../../../../electron/import/upload-store';

describe('upload store file names', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('cuts a long name with emoji at 255 units without splitting a character', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'upload-store-'));
    dirs.push(dir);
    const store = new UploadStore(dir);
    // 254 letters then an emoji: a cut at 255 units would keep only the emoji's first half.
    const name = `${'a'.repeat(254)}😀 survey.csv`;
    const { uploadId } = await store.receive(
      Readable.from([Buffer.from('a,b\n1,2\n')]),
      `C:\\exports\\${name}`,
    );
    const upload = store.take(uploadId);
    expect(upload.fileName).toBe('a'.repeat(254));
    expect(upload.fileName).not.toMatch(/[\uD800-\uDFFF]/);
    rmSync(upload.filePath, { force: true });
  });

  it('keeps an emoji that fits whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'upload-store-'));
    dirs.push(dir);
    const store = new UploadStore(dir);
    const { uploadId } = await store.receive(Readable.from([Buffer.from('x\n')]), '😀 café.csv');
    expect(store.take(uploadId).fileName).toBe('😀 café.csv');
  });
});
