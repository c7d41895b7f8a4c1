import { BrowserWindow } from 'electron';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PASSPHRASE_FILE } from '../core/crypto/keys';

const SCHEME = 'forlopsbenk-passphrase:';

function page(fresh: boolean, error: string): string {
  const esc = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html><html lang="nb"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'">
<title>Forløpsbenk</title><style>body{font:15px system-ui;margin:24px}input{font:inherit;width:100%;margin:4px 0 12px}p.e{color:#c30000}</style></head>
<body><h1 style="font-size:18px">${fresh ? 'Velg passordfrase' : 'Lås opp databasen'}</h1>
<p>${fresh ? 'Dataene krypteres med en nøkkel som låses med denne passordfrasen. Mister du den, er dataene tapt.' : 'Skriv passordfrasen for denne datamappen.'}</p>
${error ? `<p class="e" role="alert">${esc(error)}</p>` : ''}
<form id="f"><label>Passordfrase<input id="p" type="password" autofocus autocomplete="off"></label>
${fresh ? '<label>Gjenta passordfrasen<input id="q" type="password" autocomplete="off"></label>' : ''}
<button>OK</button></form>
<script>document.getElementById('f').onsubmit=function(e){e.preventDefault();var p=document.getElementById('p').value;var q=document.getElementById('q');
if(q&&q.value!==p){alert('Passordfrasene er ikke like.');return;}location.href='${SCHEME}'+encodeURIComponent(p);};</script></body></html>`;
}

/**
 * Desktop without safeStorage (or a folder set up with a passphrase): a small window asks for the passphrase.
 * The page has no preload and no Node; it hands the passphrase over by a navigation main refuses and reads.
 * `tryKey` unwraps the master key; a wrong passphrase shows the message and asks again.
 */
export function askPassphrase(dataDir: string, tryKey: (passphrase: string) => Buffer): Promise<Buffer> {
  const fresh = !existsSync(join(dataDir, PASSPHRASE_FILE));
  const win = new BrowserWindow({
    width: 460,
    height: fresh ? 380 : 300,
    title: 'Forløpsbenk',
    webPreferences: { contextIsolation: true, sandbox: true, nodeIntegration: false, spellcheck: false, disableBlinkFeatures: 'Auxclick' },
  });
  const show = (error: string) => void win.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(page(fresh, error))}`);
  return new Promise((resolve, reject) => {
    win.webContents.on('will-navigate', (e, url) => {
      if (!url.startsWith(SCHEME)) return;
      e.preventDefault();
      try {
        const key = tryKey(decodeURIComponent(url.slice(SCHEME.length)));
        win.removeAllListeners('closed');
        win.close();
        resolve(key);
      } catch (err) {
        show(err instanceof Error ? err.message : 'Feil passordfrase.');
      }
    });
    win.on('closed', () => reject(new Error('Avbrutt: ingen passordfrase ble oppgitt.')));
    show('');
  });
}
