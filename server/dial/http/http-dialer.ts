/**
 * Desk phones and PBXes that dial when an "action URL" is requested (Yealink, Snom, Grandstream
 * style): the URL and body are templates, the number is encoded for where it lands (+ -> %2B in a
 * URL), and the phone's web credentials go as Basic or Digest authentication.
 */
import type { DialOutcome } from '../../../src/shared/api';
import type { HttpDialerConfig } from '../../config/dial-schema';
import { dialerRejected } from '../dial-errors';
import { commonTraits, type DialCall, type Dialer, type DialerTraits } from '../dialer';
import { encoderFor, forUrl, render } from '../template';
import { DigestError, digestAuthorization, findDigestChallenge } from './digest';
import { httpRequest, type HttpResponse } from './http-request';

export class HttpDialer implements Dialer {
  readonly traits: DialerTraits;

  constructor(
    private readonly config: HttpDialerConfig,
    private readonly password: string | undefined,
  ) {
    this.traits = commonTraits(config, { sipUris: false, inPane: false, defaultDevice: config.device });
  }

  async dial(call: DialCall): Promise<DialOutcome> {
    const values = { number: call.dialed, device: call.device, line: call.line };
    const url = new URL(render(this.config.url, values, forUrl, this.config));
    const body = this.config.method === 'POST' && this.config.body !== undefined ? render(this.config.body, values, encoderFor(this.config.contentType), this.config) : undefined;
    const headers: Record<string, string> = body === undefined ? {} : { 'Content-Type': this.config.contentType };
    const send = (extra: Record<string, string>): Promise<HttpResponse> =>
      httpRequest(this.config, {
        method: this.config.method,
        url,
        headers: { ...headers, ...extra },
        ...(body === undefined ? {} : { body }),
        tls: this.config.tls,
        timeoutMs: this.config.timeoutMs,
      });

    const auth = this.config.auth;
    let response: HttpResponse;
    if (auth?.scheme === 'basic') {
      response = await send({ Authorization: `Basic ${Buffer.from(`${auth.user}:${this.password ?? ''}`, 'utf8').toString('base64')}` });
    } else {
      response = await send({});
      if (auth?.scheme === 'digest' && response.status === 401) {
        const challenge = findDigestChallenge(response.headers.get('www-authenticate') ?? []);
        if (challenge === undefined) throw dialerRejected(this.config, 'HTTP 401', 'without a Digest challenge', 'The phone does not offer Digest authentication: try auth.scheme: basic.');
        let authorization: string;
        try {
          authorization = digestAuthorization(challenge, { user: auth.user, password: this.password ?? '' }, { method: this.config.method, uri: `${url.pathname}${url.search}` });
        } catch (error) {
          if (error instanceof DigestError) throw dialerRejected(this.config, 'HTTP 401', error.message);
          throw error;
        }
        response = await send({ Authorization: authorization });
      }
    }
    if (response.status >= 200 && response.status < 300) return 'queued';
    const hint =
      response.status === 401 || response.status === 403
        ? `Check auth.user and the password of dialer "${this.config.id}", and that the phone allows action URLs from this service.`
        : 'Check the action URL against the phone\'s documentation.';
    throw dialerRejected(this.config, `HTTP ${response.status}`, response.statusText, hint);
  }
}
