import type { ReviewPageData } from '../../../review/page/pageData';
import { REVIEW_DATA_ELEMENT_ID } from '../../../review/page/pageData';

/** Text that can sit inside a <script> element without ending it. */
function scriptSafe(text: string): string {
  return text.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The content security policy of the page: nothing from any network, only its own inline
 * script and style, and the video and pictures embedded as data.
 */
export const REVIEW_PAGE_CSP =
  "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; media-src data: blob:; img-src data: blob:; connect-src 'none'; form-action 'none'; base-uri 'none'";

const STYLE = `
:root{color-scheme:dark;--bg:#14151b;--panel:#1d1f28;--line:#2c2f3b;--text:#e9e9f0;--muted:#a0a3b1;--accent:#8b7cf6;--good:#6ee7b7;--warn:#fbbf77}
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:var(--bg);color:var(--text)}
header{display:flex;flex-wrap:wrap;gap:12px 24px;align-items:center;padding:14px 20px;border-bottom:1px solid var(--line);background:var(--panel)}
header h1{font-size:18px;margin:0}
.muted{color:var(--muted)}
main{display:grid;grid-template-columns:minmax(260px,auto) minmax(300px,420px);gap:20px;padding:20px;justify-content:center}
.player{display:flex;flex-direction:column;gap:10px;align-items:center}
.frame{position:relative;height:min(72vh,960px);aspect-ratio:var(--aspect)}
video{width:100%;height:100%;background:#000;border-radius:8px;display:block}
#marks{position:absolute;inset:0;width:100%;height:100%;pointer-events:none;border-radius:8px}
#marks.active{pointer-events:auto;cursor:crosshair;outline:2px dashed var(--good)}
.controls,.tools,.decide{display:flex;gap:8px;flex-wrap:wrap;align-items:center}
button{font:inherit;color:var(--text);background:#2a2d3a;border:1px solid var(--line);border-radius:6px;padding:6px 12px;cursor:pointer}
button:hover{background:#343849}
button:focus-visible,input:focus-visible,textarea:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
button[aria-pressed=true]{background:var(--accent);color:#111}
button.primary{background:var(--accent);border-color:var(--accent);color:#111;font-weight:600}
aside{display:flex;flex-direction:column;gap:14px}
section{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:14px}
section h2{font-size:14px;margin:0 0 8px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
label{display:block;font-size:13px;color:var(--muted);margin-bottom:4px}
input,textarea{width:100%;font:inherit;color:var(--text);background:#12131a;border:1px solid var(--line);border-radius:6px;padding:8px}
textarea{min-height:70px;resize:vertical;margin-bottom:8px}
#comments{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:8px;max-height:38vh;overflow:auto}
.comment{display:grid;grid-template-columns:auto 1fr auto;gap:2px 10px;padding:8px;border:1px solid var(--line);border-radius:6px}
.comment p{margin:0;grid-column:2;white-space:pre-wrap;overflow-wrap:anywhere}
.comment .time{grid-row:1/3;align-self:start;padding:2px 8px;font-variant-numeric:tabular-nums}
.comment .meta{grid-column:2;font-size:12px;color:var(--muted)}
.comment .actions{grid-column:3;grid-row:1/3;align-self:start;display:flex;flex-direction:column;gap:4px}
.comment .actions button{font-size:12px;padding:2px 8px}
.comment.resolved>p{color:var(--muted)}
.comment .replies,.comment .reply{grid-column:2/4}
.replies{list-style:none;margin:2px 0 0;padding:0 0 0 10px;border-left:2px solid var(--line);font-size:13px;display:flex;flex-direction:column;gap:2px;overflow-wrap:anywhere}
.reply{display:flex;gap:6px;margin-top:2px}
.reply input{padding:4px 8px;font-size:13px}
.reply button{font-size:12px;padding:2px 10px}
button.link{background:none;border:none;padding:0 2px;color:var(--muted);text-decoration:underline;font-size:12px}
.hint{margin:0 0 8px;font-size:13px}
#status{min-height:1.4em;margin:0;color:var(--good)}
#decision{font-weight:600}
.time-readout{font-variant-numeric:tabular-nums;min-width:110px}
#scrub{width:100%;max-width:560px;accent-color:var(--accent)}
@media (max-width:800px){main{grid-template-columns:1fr}.frame{height:60vh}}
`;

/** One self-contained review page: the draft video as a data URL, the review UI inline. */
export function reviewPageHtml(options: {
  data: ReviewPageData;
  videoBase64: string;
  script: string;
}): string {
  const { data } = options;
  const title = escapeHtml(data.projectTitle || 'Untitled');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REVIEW_PAGE_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Review: ${title} (draft v${data.draftVersion})</title>
<style>${STYLE}</style>
</head>
<body>
<header>
  <h1>Review: ${title}</h1>
  <span class="muted" id="draft-label"></span>
  <span>Decision: <span id="decision" data-testid="decision"></span></span>
</header>
<main>
  <div class="player">
    <div class="frame" style="--aspect:${data.frame.width}/${data.frame.height}">
      <video id="draft" preload="auto" playsinline src="data:video/mp4;base64,${options.videoBase64}"></video>
      <canvas id="marks" aria-label="Draw a point or a mark on the frame"></canvas>
    </div>
    <div class="controls">
      <button id="back" title="Previous frame (,)" aria-label="Previous frame">◀︎ Frame</button>
      <button id="play" class="primary" title="Play or pause (Space)">Play</button>
      <button id="forward" title="Next frame (.)" aria-label="Next frame">Frame ▶︎</button>
      <span id="time" class="time-readout" aria-live="off"></span>
    </div>
    <input id="scrub" type="range" min="0" max="${data.duration}" step="0.001" value="0" aria-label="Position in the draft">
  </div>
  <aside>
    <section>
      <label for="reviewer">Your name</label>
      <input id="reviewer" autocomplete="name" maxlength="100" placeholder="e.g. Maya (campaign lead)">
    </section>
    <section>
      <h2>Comment on this moment</h2>
      <label for="comment-text">Comment</label>
      <textarea id="comment-text" maxlength="5000" placeholder="What should change here, or what works?"></textarea>
      <div class="tools">
        <button id="tool-point" aria-pressed="false" title="Click a spot on the video">Point</button>
        <button id="tool-mark" aria-pressed="false" title="Draw on the video">Draw mark</button>
        <button id="tool-clear" title="Remove the point or mark not yet added">Clear</button>
        <button id="add-comment" class="primary">Add comment</button>
      </div>
    </section>
    <section>
      <h2>Comments (<span id="comment-count">0</span>)</h2>
      <p class="muted hint">Reply to any comment, or resolve it when it is settled.</p>
      <ol id="comments"></ol>
    </section>
    <section>
      <h2>Your decision</h2>
      <div class="decide">
        <button id="approve">Approve</button>
        <button id="request-changes">Request changes</button>
        <button id="export" class="primary">Export review (JSON)</button>
      </div>
      <p id="status" role="status"></p>
    </section>
  </aside>
</main>
<script type="application/json" id="${REVIEW_DATA_ELEMENT_ID}">${jsonForScript(data)}</script>
<script>${scriptSafe(options.script)}</script>
</body>
</html>
`;
}
