const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** The labels of one request in the latency histogram: never the raw path (ids, tokens), only its template. */
export interface HttpRequestLabels {
  method: string;
  route: string;
  status_class: string;
}

/**
 * `routeTemplate` is Fastify's matched route (`/api/clients/:id`), undefined when nothing matched. The
 * console's static files are one route each (hashed names change per release), so they count as `static`.
 */
export function httpRequestLabels(
  method: string,
  routeTemplate: string | undefined,
  statusCode: number,
): HttpRequestLabels {
  const upper = method.toUpperCase();
  let route = 'unmatched';
  if (routeTemplate) {
    route = routeTemplate === '/metrics' || routeTemplate.startsWith('/api') ? routeTemplate : 'static';
  }
  return {
    method: METHODS.has(upper) ? upper : 'OTHER',
    route,
    status_class: statusCode >= 100 && statusCode < 600 ? `${Math.floor(statusCode / 100)}xx` : 'other',
  };
}
