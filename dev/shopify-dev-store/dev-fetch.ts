/**
 * The store's fetch: requests to https://<shop domain>/... go to the local
 * server (same path, query, method, headers and body); anything else goes to
 * the real fetch captured when the store started. `latencyMs` delays each of the store's
 * answers, as the way to Shopify and back would.
 */

function urlOf(input: RequestInfo | URL): string {
  if (typeof input === "string") return input;
  if (input instanceof URL) return input.href;
  return input.url;
}

export function createDevStoreFetch(shopDomain: string, getBaseUrl: () => string, realFetch: typeof fetch, latencyMs = 0): typeof fetch {
  const domain = shopDomain.toLowerCase();
  const devFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    let target: URL;
    try {
      target = new URL(urlOf(input));
    } catch {
      return realFetch(input, init);
    }
    if (target.hostname.toLowerCase() !== domain) return realFetch(input, init);
    const request = input instanceof Request ? new Request(input, init) : new Request(target, init);
    const method = request.method.toUpperCase();
    const body = method === "GET" || method === "HEAD" ? undefined : await request.arrayBuffer();
    if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));
    return realFetch(`${getBaseUrl()}${target.pathname}${target.search}`, {
      method,
      headers: request.headers,
      body,
      redirect: "manual",
      signal: request.signal,
    });
  };
  return devFetch as typeof fetch;
}
