/** HTTPS requests to the service from the benchmarks: keep-alive, its self-signed certificate accepted. */
import https from 'node:https';

const agent = new https.Agent({ keepAlive: true, rejectUnauthorized: false, maxSockets: 64 });

export function request(url: string, options: { method?: string; body?: unknown } = {}): Promise<{ status: number; text: string }> {
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return new Promise((resolve, reject) => {
    const req = https.request(url, { agent, method: options.method ?? 'GET', headers: body === undefined ? {} : { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** GET (or POST with a body) and parse the JSON answer; anything but 200 is an error naming the answer. */
export async function getJson<T>(url: string, options: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await request(url, options);
  if (res.status !== 200) throw new Error(`${options.method ?? 'GET'} ${url} answered ${res.status}: ${res.text.slice(0, 300)}`);
  return JSON.parse(res.text) as T;
}

export function closeAgent(): void {
  agent.destroy();
}
