/**
 * Where links may go: the app never navigates away from itself and never opens windows. Links to
 * the web (https) or to mail open in the operating system's own handlers, nothing else.
 */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'mailto:';
  } catch {
    return false;
  }
}
