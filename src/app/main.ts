import { createPinia } from 'pinia';
import { createApp } from 'vue';
import App from './App.vue';
import { installBenchHook } from './benchHook';
import { createBrowserHost } from './host/browserHost';
import { takeToken } from './host/token';
import { pageIdentity, sayGoodbyeOnPageEnd } from './host/pagePresence';
import { SHELL_KEY } from './host/shell';
import { HOST_KEY } from './host/useHost';
import { loadStudioFonts } from './render/fonts';
import './styles/tokens.css';
import './styles/controls.css';
import './styles/panels.css';
import './styles/dialogs.css';
import './styles/studio.css';

/**
 * The studio's entry: in Electron the preload provides the host (and the shell's menus and
 * dialogs); in a browser the page talks to the loopback web host with its per-run token.
 */
async function start(): Promise<void> {
  const root = document.getElementById('app');
  if (root === null) return;
  const desktopHost = window.kindnessHost;
  const token = desktopHost ? null : takeToken(window.location, window.history, window.sessionStorage);
  if (!desktopHost && token === null) {
    root.innerHTML =
      '<main class="no-token"><h1>Kindness Studio</h1><p>Open the address printed by <code>npm run web</code>: it carries the key this page needs to reach your projects.</p></main>';
    return;
  }
  await loadStudioFonts();
  const app = createApp(App);
  let host = desktopHost;
  if (host === undefined) {
    // The web host closes what a page left open once the page is gone (reload, closed tab).
    const page = pageIdentity(window.sessionStorage);
    sayGoodbyeOnPageEnd(window, window.sessionStorage, (url, body) => navigator.sendBeacon(url, body), {
      token: token ?? '',
      pageId: page.pageId,
    });
    host = createBrowserHost(token ?? '', '', page);
  }
  app.provide(HOST_KEY, host);
  app.provide(SHELL_KEY, window.kindnessShell ?? null);
  const pinia = createPinia();
  app.use(pinia);
  app.mount(root);
  installBenchHook(pinia);
}

void start();
