import type { Result } from '../../../shared/api/result';
import { TOKEN_HEADER } from '../api/transport';

/**
 * Browser mode: sends an import file to the host's POST /upload as raw bytes (never read into the
 * page's memory as text), with upload progress. Electron picks files with the native dialog instead.
 */

const TOKEN_KEY = 'journey-studio.token';

export function uploadFile(
  file: File,
  onProgress: (sent: number, total: number) => void,
  signal: AbortSignal,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const token = window.sessionStorage.getItem(TOKEN_KEY) ?? '';
    const request = new XMLHttpRequest();
    request.open('POST', `/upload?name=${encodeURIComponent(file.name)}`);
    request.setRequestHeader('content-type', 'application/octet-stream');
    request.setRequestHeader(TOKEN_HEADER, token);
    request.upload.onprogress = (event) => onProgress(event.loaded, event.total || file.size);
    request.onerror = () => reject(new Error('The file could not be sent to Journey Studio.'));
    request.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    request.onload = () => {
      try {
        const result = JSON.parse(request.responseText) as Result<{ uploadId: string }>;
        if (result.ok) resolve(result.value.uploadId);
        else reject(new Error(result.error.message));
      } catch {
        reject(new Error(`Journey Studio answered ${request.status} to the upload.`));
      }
    };
    signal.addEventListener('abort', () => request.abort());
    request.send(file);
  });
}
