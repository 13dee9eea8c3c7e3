/**
 * The Content-Security-Policy of the console and the API (helmet sends it; docker/nginx-security-headers.conf sends
 * the same text for the console's static files, and an e2e spec holds the two together).
 *
 * - Scripts and styles only from the app's own origin: no inline script, no inline `<style>` or `style="…"`, no
 *   eval. The console's build inlines nothing (critical-CSS inlining is off) and its components keep their styles
 *   in the global stylesheet, so Angular inserts no `<style>` element at run time; Angular's style bindings use the
 *   CSSOM, which a policy does not govern.
 * - Images and fonts also as data: URLs (the favicon and the design tokens' icons); connections only to the origin.
 * - No plugins (`object-src 'none'`), no `<base>` elsewhere, forms only to the origin, never framed.
 */
export function contentSecurityPolicy(upgradeInsecureRequests: boolean): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    ...(upgradeInsecureRequests ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

/** The policy as one header value, in the directives' order. */
export function contentSecurityPolicyHeader(upgradeInsecureRequests: boolean): string {
  return Object.entries(contentSecurityPolicy(upgradeInsecureRequests))
    .map(([name, values]) => [name, ...values].join(' '))
    .join('; ');
}

/** Third-party tool pages the API serves: Swagger UI (the API document) and Bull Board (the queues, admins only). */
export const TOOL_PAGES: readonly string[] = ['/api/docs', '/api/admin/queues'];

/** Whether a request URL is a tool page or one of its files. */
export const isToolPage = (url: string): boolean =>
  TOOL_PAGES.some((page) => url === page || url.startsWith(`${page}/`) || url.startsWith(`${page}?`));

/**
 * The same policy for the tool pages alone (TOOL_PAGES), which ship inline `<style>` and `style="…"` of their own
 * (Bull Board's React inserts style elements at run time): there styles may also be inline. Scripts stay 'self'.
 */
export function toolPageContentSecurityPolicyHeader(upgradeInsecureRequests: boolean): string {
  return contentSecurityPolicyHeader(upgradeInsecureRequests).replace(
    "style-src 'self'",
    "style-src 'self' 'unsafe-inline'",
  );
}
