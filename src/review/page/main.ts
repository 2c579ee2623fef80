import type {
  ReviewDecision,
  ReviewFileComment,
  ReviewFileContent,
  ReviewFileReply,
  ReviewFileResolution,
} from '../../core/review/file';
import type { FramePoint, ReviewMark } from '../../core/schema/review';
import { signReview } from '../integrity';
import { REVIEW_DATA_ELEMENT_ID, type ReviewPageData } from './pageData';
import { createMarkLayer } from './markLayer';

/**
 * The review page's script: play the draft, comment on moments (optionally on a point or
 * with a freehand mark), approve or ask for changes, and export a signed JSON file the
 * studio imports. Everything runs offline from one HTML file; work in progress is kept in
 * the browser's storage so a reload loses nothing.
 */
interface Draft {
  reviewer: string;
  comments: ReviewFileComment[];
  decision: ReviewDecision | null;
  /** Replies to any comment, the creator's or the reviewer's own. */
  replies: ReviewFileReply[];
  /** Comments the reviewer resolved or reopened: only those left unlike the shared page. */
  resolutions: ReviewFileResolution[];
}

/** A comment as listed: the creator's (from the shared page) or one the reviewer added. */
interface Listed {
  id: string;
  time: number;
  author: string;
  text: string;
  point?: FramePoint | undefined;
  mark?: ReviewMark | undefined;
  own: boolean;
  /** Its state when the page was shared. */
  sharedStatus: 'open' | 'resolved';
  sharedResolvedBy?: string | undefined;
  replies: { id: string; author: string; text: string; own: boolean }[];
}

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (el === null) throw new Error(`The review page is missing #${id}.`);
  return el as T;
}

function clock(seconds: number): string {
  const m = Math.floor(seconds / 60);
  const s = seconds - m * 60;
  return `${m}:${s.toFixed(1).padStart(4, '0')}`;
}

function randomId(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return `r-${[...bytes].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; text?: string; testid?: string } = {},
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  if (props.testid) node.dataset.testid = props.testid;
  return node;
}

function start(): void {
  const data = JSON.parse(byId(REVIEW_DATA_ELEMENT_ID).textContent ?? '{}') as ReviewPageData;
  const video = byId<HTMLVideoElement>('draft');
  const storageKey = `kindness-review:${data.shareId}`;
  const state: Draft = load();

  const reviewer = byId<HTMLInputElement>('reviewer');
  const text = byId<HTMLTextAreaElement>('comment-text');
  const addButton = byId<HTMLButtonElement>('add-comment');
  const list = byId<HTMLOListElement>('comments');
  const status = byId<HTMLParagraphElement>('status');
  const timeReadout = byId<HTMLSpanElement>('time');
  const playButton = byId<HTMLButtonElement>('play');
  const marks = createMarkLayer(byId<HTMLCanvasElement>('marks'), video, data.frame);

  reviewer.value = state.reviewer;
  byId('draft-label').textContent = `Draft v${data.draftVersion} · shared ${data.sharedAt.slice(0, 10)}`;

  function load(): Draft {
    const fresh: Draft = { reviewer: '', comments: [], decision: null, replies: [], resolutions: [] };
    try {
      const saved = localStorage.getItem(storageKey);
      // Work kept by an older page has no replies or resolutions yet.
      if (saved) return { ...fresh, ...(JSON.parse(saved) as Partial<Draft>) };
    } catch {
      // Storage can be off for files; the review still works, it just is not kept on reload.
    }
    return fresh;
  }
  function save(): void {
    try {
      localStorage.setItem(storageKey, JSON.stringify(state));
    } catch {
      // See load().
    }
  }
  function say(message: string): void {
    status.textContent = message;
  }
  function name(): string | null {
    const value = reviewer.value.trim();
    if (value === '') {
      say('Type your name first, so the creator knows who wrote this.');
      reviewer.focus();
      return null;
    }
    return value.slice(0, 100);
  }

  /** Every comment in time order: the creator's as shared, then the reviewer's own. */
  function listed(): Listed[] {
    const shared: Listed[] = (data.comments ?? []).map((c) => ({
      id: c.id,
      time: c.time,
      author: c.author,
      text: c.text,
      point: c.point,
      mark: c.mark,
      own: false,
      sharedStatus: c.status,
      sharedResolvedBy: c.resolvedBy,
      replies: c.replies.map((r) => ({ id: r.id, author: r.author, text: r.text, own: false })),
    }));
    const own: Listed[] = state.comments.map((c) => ({
      ...c,
      own: true,
      sharedStatus: 'open',
      replies: [],
    }));
    const all = [...shared, ...own];
    const byComment = new Map(all.map((c) => [c.id, c]));
    for (const r of state.replies)
      byComment.get(r.commentId)?.replies.push({ id: r.id, author: r.author, text: r.text, own: true });
    return all.sort((a, b) => a.time - b.time);
  }
  function statusOf(c: Listed): { status: 'open' | 'resolved'; by?: string | undefined } {
    const change = state.resolutions.find((r) => r.commentId === c.id);
    return change
      ? { status: change.status, by: change.by }
      : { status: c.sharedStatus, by: c.sharedResolvedBy };
  }
  /** Replies being typed survive the list being drawn again. */
  const replyDrafts = new Map<string, string>();

  function setResolved(c: Listed, resolved: boolean): void {
    const author = name();
    if (author === null) return;
    const status = resolved ? 'resolved' : 'open';
    state.resolutions = state.resolutions.filter((r) => r.commentId !== c.id);
    // Back to how it was shared: nothing to send.
    if (status !== c.sharedStatus)
      state.resolutions.push({ commentId: c.id, status, by: author, at: new Date().toISOString() });
    save();
    renderList();
    say(`${resolved ? 'Resolved' : 'Reopened'} the comment at ${clock(c.time)}.`);
  }
  function reply(c: Listed, input: HTMLInputElement): void {
    const author = name();
    if (author === null) return;
    const body = input.value.trim();
    if (body === '') {
      say('Write your reply first.');
      input.focus();
      return;
    }
    state.replies.push({
      id: randomId(),
      commentId: c.id,
      author,
      text: body.slice(0, 5000),
      createdAt: new Date().toISOString(),
    });
    replyDrafts.delete(c.id);
    save();
    renderList();
    say(`Reply added to the comment at ${clock(c.time)}.`);
  }

  function renderItem(c: Listed): HTMLLIElement {
    const { status: current, by } = statusOf(c);
    const item = el('li', {
      className: `comment${current === 'resolved' ? ' resolved' : ''}`,
      testid: 'review-comment',
    });
    const jump = el('button', { className: 'time', text: clock(c.time) });
    jump.title = 'Go to this moment';
    jump.addEventListener('click', () => {
      video.pause();
      video.currentTime = c.time;
    });
    const body = el('p', { text: c.text });
    const details = [c.author, c.mark ? 'mark' : c.point ? 'point' : '', c.own ? 'yours, not sent yet' : ''];
    if (current === 'resolved') details.push(by ? `resolved by ${by}` : 'resolved');
    const meta = el('span', { className: 'meta', text: details.filter(Boolean).join(' · ') });
    const actions = el('span', { className: 'actions' });
    const toggle = el('button', {
      text: current === 'resolved' ? 'Reopen' : 'Resolve',
      testid: current === 'resolved' ? 'review-reopen' : 'review-resolve',
    });
    toggle.addEventListener('click', () => setResolved(c, current !== 'resolved'));
    actions.append(toggle);
    if (c.own) {
      const remove = el('button', { text: 'Delete' });
      remove.setAttribute('aria-label', `Delete the comment at ${clock(c.time)}`);
      remove.addEventListener('click', () => {
        state.comments = state.comments.filter((x) => x.id !== c.id);
        state.replies = state.replies.filter((r) => r.commentId !== c.id);
        state.resolutions = state.resolutions.filter((r) => r.commentId !== c.id);
        save();
        renderList();
      });
      actions.append(remove);
    }
    item.append(jump, body, meta, actions);

    if (c.replies.length > 0) {
      const replies = el('ul', { className: 'replies' });
      for (const r of c.replies) {
        const line = el('li', { testid: 'review-reply' });
        line.append(el('strong', { text: r.author }), document.createTextNode(` ${r.text}`));
        if (r.own) {
          const remove = el('button', { className: 'link', text: 'Remove' });
          remove.setAttribute('aria-label', `Remove your reply “${r.text.slice(0, 40)}”`);
          remove.addEventListener('click', () => {
            state.replies = state.replies.filter((x) => x.id !== r.id);
            save();
            renderList();
          });
          line.append(' ', remove);
        }
        replies.append(line);
      }
      item.append(replies);
    }

    const form = el('form', { className: 'reply' });
    const input = el('input', { testid: 'review-reply-text' });
    input.maxLength = 5000;
    input.placeholder = 'Reply…';
    input.value = replyDrafts.get(c.id) ?? '';
    input.setAttribute('aria-label', `Reply to ${c.author} at ${clock(c.time)}`);
    input.addEventListener('input', () => replyDrafts.set(c.id, input.value));
    const send = el('button', { text: 'Reply', testid: 'review-reply-send' });
    send.type = 'submit';
    form.append(input, send);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      reply(c, input);
    });
    item.append(form);
    return item;
  }

  function renderList(): void {
    const all = listed();
    list.replaceChildren(...all.map(renderItem));
    byId('comment-count').textContent = String(all.length);
    const decision = state.decision;
    byId('decision').textContent = decision
      ? `${decision.status === 'approved' ? 'Approved' : 'Changes requested'} by ${decision.by}`
      : 'No decision yet';
    marks.show(all, video.currentTime);
  }

  const scrub = byId<HTMLInputElement>('scrub');
  scrub.addEventListener('input', () => {
    video.currentTime = Number(scrub.value);
  });
  function updateTime(): void {
    scrub.value = String(video.currentTime);
    timeReadout.textContent = `${clock(video.currentTime)} / ${clock(data.duration)}`;
    addButton.textContent = `Add comment at ${clock(video.currentTime)}`;
    marks.show(listed(), video.currentTime);
  }

  reviewer.addEventListener('input', () => {
    state.reviewer = reviewer.value;
    save();
  });
  playButton.addEventListener('click', () => {
    if (video.paused) void video.play();
    else video.pause();
  });
  video.addEventListener('play', () => (playButton.textContent = 'Pause'));
  video.addEventListener('pause', () => (playButton.textContent = 'Play'));
  video.addEventListener('timeupdate', updateTime);
  video.addEventListener('seeked', updateTime);
  const step = (frames: number) => {
    video.pause();
    video.currentTime = Math.min(Math.max(0, video.currentTime + frames / data.frame.fps), data.duration);
  };
  byId('back').addEventListener('click', () => step(-1));
  byId('forward').addEventListener('click', () => step(1));
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement | null;
    if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA')) return;
    if (event.key === ',') step(-1);
    else if (event.key === '.') step(1);
    else if (event.key === ' ') {
      event.preventDefault();
      playButton.click();
    }
  });

  for (const tool of ['point', 'mark'] as const) {
    const button = byId<HTMLButtonElement>(`tool-${tool}`);
    button.addEventListener('click', () => {
      video.pause();
      const on = marks.tool() !== tool;
      marks.setTool(on ? tool : null);
      for (const other of ['point', 'mark']) byId(`tool-${other}`).setAttribute('aria-pressed', 'false');
      button.setAttribute('aria-pressed', String(on));
      say(on ? (tool === 'point' ? 'Click the spot on the video.' : 'Draw on the video.') : '');
    });
  }
  byId('tool-clear').addEventListener('click', () => marks.clearPending());

  addButton.addEventListener('click', () => {
    const author = name();
    if (author === null) return;
    const body = text.value.trim();
    if (body === '') {
      say('Write what you would like to say about this moment.');
      text.focus();
      return;
    }
    const pending = marks.takePending();
    const comment: ReviewFileComment = {
      id: randomId(),
      time: Math.round(video.currentTime * 1000) / 1000,
      author,
      text: body.slice(0, 5000),
      createdAt: new Date().toISOString(),
      ...(pending.point ? { point: pending.point } : {}),
      ...(pending.mark ? { mark: { points: pending.mark } } : {}),
    };
    state.comments.push(comment);
    text.value = '';
    marks.setTool(null);
    for (const tool of ['point', 'mark']) byId(`tool-${tool}`).setAttribute('aria-pressed', 'false');
    save();
    renderList();
    updateTime();
    say(`Comment added at ${clock(comment.time)}.`);
  });

  function decide(decision: ReviewDecision['status']): void {
    const author = name();
    if (author === null) return;
    state.decision = { status: decision, by: author, at: new Date().toISOString() };
    save();
    renderList();
    say(
      decision === 'approved'
        ? 'You approved this draft. Export your review to send it.'
        : 'You asked for changes. Export your review to send it.',
    );
  }
  byId('approve').addEventListener('click', () => decide('approved'));
  byId('request-changes').addEventListener('click', () => decide('changes-requested'));

  byId('export').addEventListener('click', () => {
    const author = name();
    if (author === null) return;
    const known = new Set(listed().map((c) => c.id));
    const content: ReviewFileContent = {
      format: 'kindness-review',
      version: 1,
      projectId: data.projectId,
      projectTitle: data.projectTitle,
      shareId: data.shareId,
      draftVersion: data.draftVersion,
      reviewer: author,
      exportedAt: new Date().toISOString(),
      decision: state.decision,
      comments: state.comments,
      // Only answers to comments still on the page (a deleted comment takes its replies with it).
      replies: state.replies.filter((r) => known.has(r.commentId)),
      resolutions: state.resolutions.filter((r) => known.has(r.commentId)),
    };
    void signReview(content, data.secret).then(
      (value) => {
        const file = { ...content, integrity: { algorithm: 'HMAC-SHA256', value } };
        const blob = new Blob([JSON.stringify(file, null, 2)], { type: 'application/json' });
        const link = document.createElement('a');
        link.href = URL.createObjectURL(blob);
        const safe = (s: string) => s.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'review';
        link.download = `${safe(data.projectTitle)}-review-v${data.draftVersion}-${safe(author)}.json`;
        document.body.append(link);
        link.click();
        link.remove();
        setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
        say('Review exported. Send the file to the creator; they import it in Kindness Studio.');
      },
      () => {
        say(
          'This browser could not sign the review file. Open this page in a current Chrome, Edge, Firefox or Safari.',
        );
      },
    );
  });

  renderList();
  updateTime();
}

start();
