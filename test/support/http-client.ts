import { CSRF_COOKIE, CSRF_HEADER } from '@waakvlam/contracts';

export interface TestResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/**
 * A small browser-like HTTP client: keeps cookies and, like Angular's HttpClient, echoes the XSRF-TOKEN
 * cookie in the X-XSRF-TOKEN header on state-changing requests (unless told not to).
 */
export class HttpClient {
  readonly cookies = new Map<string, string>();

  constructor(private readonly baseUrl: string) {}

  get<T = unknown>(path: string, headers: Record<string, string> = {}): Promise<TestResponse<T>> {
    return this.request<T>('GET', path, undefined, headers);
  }

  post<T = unknown>(
    path: string,
    body?: unknown,
    options: { csrf?: boolean; headers?: Record<string, string> } = {},
  ) {
    return this.request<T>('POST', path, body, options.headers ?? {}, options.csrf ?? true);
  }

  delete<T = unknown>(path: string): Promise<TestResponse<T>> {
    return this.request<T>('DELETE', path, undefined, {}, true);
  }

  /** Fetches a CSRF cookie, then signs in. */
  async login(email: string, password: string): Promise<TestResponse> {
    if (!this.cookies.has(CSRF_COOKIE)) await this.get('/api/auth/csrf');
    return this.post('/api/auth/login', { email, password });
  }

  async request<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
    csrf = false,
  ): Promise<TestResponse<T>> {
    const all: Record<string, string> = { ...headers };
    if (this.cookies.size > 0) all['cookie'] = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (csrf && this.cookies.has(CSRF_COOKIE)) all[CSRF_HEADER] = this.cookies.get(CSRF_COOKIE) as string;
    if (body !== undefined && typeof body !== 'string') all['content-type'] = 'application/json';
    if (typeof body === 'string' && !all['content-type']) all['content-type'] = 'application/json';
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: all,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair, ...attributes] = cookie.split(';');
      const [name, ...rest] = pair.split('=');
      const value = rest.join('=');
      const expired = attributes.some((a) => /^\s*(max-age=0|expires=thu, 01 jan 1970)/i.test(a));
      if (expired || value === '') this.cookies.delete(name.trim());
      else this.cookies.set(name.trim(), value);
    }
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    return {
      status: response.status,
      headers: response.headers,
      body: (type.includes('json') && text ? JSON.parse(text) : text) as T,
    };
  }
}
