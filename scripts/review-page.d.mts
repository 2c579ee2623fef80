/** The review page's script, bundled and minified (see review-page.mjs). */
export function reviewPageScript(): string;
/** `{ __KINDNESS_REVIEW_PAGE_SCRIPT__: <the script as a JSON string> }` for esbuild and Vite. */
export function reviewPageDefine(): Record<string, string>;
