/**
 * Paths inside a packaged app. electron-builder puts the app in `resources/app.asar` and files
 * listed under `asarUnpack` (electron-builder.yml) beside it in `resources/app.asar.unpacked`.
 * Electron's patched `fs` reads through the archive, but a `worker_threads` script is loaded by
 * Node's own loader, so it must be started from the unpacked copy. Kept free of `electron` so it
 * loads in unit tests.
 */

const ASAR_SEGMENT = /([\\/][^\\/]+\.asar)(?=[\\/]|$)/;

/** The unpacked twin of a path inside an `.asar` archive; any other path unchanged. */
export function unpackedPath(file: string): string {
  return file.replace(ASAR_SEGMENT, '$1.unpacked');
}
