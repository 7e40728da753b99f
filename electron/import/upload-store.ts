import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { AppError } from '../../shared/api/result';
import { cutText } from '../../shared/text/cut';

/**
 * Files uploaded in browser mode, streamed to a private temp folder (never held in memory) and
 * handed to an import session by id. The session deletes the file when it ends.
 */

export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024 * 1024;

export interface Upload {
  filePath: string;
  fileName: string;
}

export class UploadStore {
  private readonly dir: string;
  private readonly uploads = new Map<string, Upload>();
  readonly limit: number;

  constructor(dir: string, limit = MAX_UPLOAD_BYTES) {
    this.dir = dir;
    this.limit = limit;
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  }

  /** Streams the body into a new file; refuses bodies over the limit (the partial file is removed). */
  async receive(body: Readable, fileName: string): Promise<{ uploadId: string }> {
    const uploadId = randomUUID();
    const filePath = path.join(this.dir, `upload-${uploadId}`);
    let size = 0;
    const limit = this.limit;
    const cap = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        size += chunk.length;
        if (size > limit)
          callback(
            new AppError('invalid-input', `The file is larger than ${Math.round(limit / 1024 / 1024)} MB.`),
          );
        else callback(null, chunk);
      },
    });
    try {
      await pipeline(body, cap, fs.createWriteStream(filePath, { mode: 0o600 }));
    } catch (error) {
      fs.rmSync(filePath, { force: true });
      throw error;
    }
    const safeName = cutText(path.basename(fileName.replace(/\\/g, '/')), 255) || 'upload.csv';
    this.uploads.set(uploadId, { filePath, fileName: safeName });
    return { uploadId };
  }

  /** The upload, removed from the store: a session now owns its file. */
  take(uploadId: string): Upload {
    const upload = this.uploads.get(uploadId);
    if (!upload) throw new AppError('not-found', 'The uploaded file is gone: choose it again.');
    this.uploads.delete(uploadId);
    return upload;
  }

  /** Deletes every upload not taken (shutdown). */
  clear(): void {
    for (const upload of this.uploads.values()) fs.rmSync(upload.filePath, { force: true });
    this.uploads.clear();
  }
}
