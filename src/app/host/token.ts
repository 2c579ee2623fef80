const STORAGE_KEY = 'kindness-studio-token';

/**
 * The web host's per-run token: it arrives once in the address (`?token=`), is kept for this
 * tab only, and is taken out of the address so it is not left in history or screenshots.
 */
export function takeToken(location: Location, history: History, storage: Storage): string | null {
  const url = new URL(location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    storage.setItem(STORAGE_KEY, fromUrl);
    url.searchParams.delete('token');
    history.replaceState(history.state, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return storage.getItem(STORAGE_KEY);
}
