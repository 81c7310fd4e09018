import { request } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { sampleSum, scrape } from './prometheus-text';

/** A POST whose body is sent in two parts: the first at once, the rest on `finish()`. */
export interface SlowRequest {
  /** The answer (status 0 when the connection was cut). */
  readonly answer: Promise<{ status: number; body: string }>;
  finish(): void;
}

/** Starts `POST <url>` with the first 5 bytes of `body`; `finish` sends the rest. */
export function slowPost(url: string, body: string): SlowRequest {
  const bytes = Buffer.from(body);
  const req = request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'content-length': String(bytes.length) },
  });
  const answer = new Promise<{ status: number; body: string }>((resolve) => {
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => {
        text += chunk;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', (error) => resolve({ status: 0, body: String(error) }));
  });
  req.write(bytes.subarray(0, 5));
  return { answer, finish: () => req.end(bytes.subarray(5)) };
}

/** Waits (bounded) until `count` requests besides the scrape itself are in flight at `url`. */
export async function untilInFlight(url: string, count: number): Promise<void> {
  for (const deadline = Date.now() + 5000; Date.now() < deadline; await sleep(10)) {
    if (sampleSum(await scrape(url), 'mlops_http_requests_in_flight') === count + 1) return;
  }
  throw new Error(`never ${count} request(s) in flight at ${url}`);
}
