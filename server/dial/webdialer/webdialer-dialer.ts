/**
 * Cisco Unified CM WebDialer over SOAP (urn:WD70): makeCallSoap makes the user's Cisco phone dial,
 * getProfileDetailSoap lists the user's phones and lines. WebDialer checks no number itself ("the
 * phone handles the required validation"), so a success means queued, not ringing.
 */
import type { DialerDevice, DialOutcome } from '../../../src/shared/api';
import type { WebdialerDialerConfig } from '../../config/dial-schema';
import { dialerRejected } from '../dial-errors';
import { commonTraits, type DialCall, type Dialer, type DialerTraits } from '../dialer';
import { httpRequest } from '../http/http-request';
import { deviceRequired, forXml } from '../template';
import { MAKE_CALL_CODES, PROFILE_CODES, type ResponseCode } from './response-codes';
import { SoapFault, envelope, readSoapResponse, textOf, typed, type SoapResult } from './soap';
import { child, XmlError } from './xml';

export class WebdialerDialer implements Dialer {
  readonly traits: DialerTraits;

  constructor(
    private readonly config: WebdialerDialerConfig,
    private readonly password: string,
  ) {
    // WebDialer "does not support SIP URI dialing" (Cisco's documentation).
    this.traits = commonTraits(config, { sipUris: false, inPane: false, defaultDevice: config.profile.deviceName });
  }

  private credential(): string {
    return `<in0 xsi:type="urn:Credential">${typed('userID', 'xsd:string', this.config.user)}${typed('password', 'xsd:string', this.password)}</in0>`;
  }

  async dial(call: DialCall): Promise<DialOutcome> {
    if (call.device === undefined) throw deviceRequired(this.config, 'device');
    const { profile } = this.config;
    const line = call.line ?? profile.lineNumber;
    const userProfile = [
      typed('user', 'xsd:string', call.profileUser ?? profile.user ?? this.config.user),
      typed('deviceName', 'xsd:string', call.device),
      ...(line === undefined ? [] : [typed('lineNumber', 'xsd:string', line)]),
      typed('supportEM', 'xsd:boolean', String(profile.supportEM)),
      typed('locale', 'xsd:string', profile.locale),
      typed('dontAutoClose', 'xsd:boolean', String(profile.dontAutoClose)),
      typed('dontShowCallConf', 'xsd:boolean', String(profile.dontShowCallConf)),
    ].join('');
    const result = await this.call('makeCallSoap', [
      this.credential(),
      // The destination goes exactly as dialed: "+14085550100", never regrouped with spaces.
      `<in1 xsi:type="soapenc:string">${forXml(call.dialed)}</in1>`,
      `<in2 xsi:type="urn:UserProfile">${userProfile}</in2>`,
    ]);
    this.check(result, result.value, MAKE_CALL_CODES, 'responseDescription');
    return 'queued';
  }

  async listDevices(): Promise<DialerDevice[]> {
    const result = await this.call('getProfileDetailSoap', [this.credential()]);
    this.check(result, result.value, PROFILE_CODES, 'description');
    const list = child(result.value, 'deviceInfoListDetail');
    if (list === undefined) return [];
    return result.deref(list).children.map((item) => {
      const device = result.deref(item);
      const lines = child(device, 'lines');
      const description = textOf(result, device, 'phoneDesc');
      const type = textOf(result, device, 'phoneType');
      return {
        deviceName: textOf(result, device, 'deviceName') ?? '',
        lines: lines === undefined ? [] : result.deref(lines).children.map((l) => result.deref(l).text.trim()),
        ...(description ? { description } : {}),
        ...(type ? { type } : {}),
      };
    });
  }

  private check(result: SoapResult, value: SoapResult['value'], codes: Readonly<Record<number, ResponseCode>>, descriptionElement: string): void {
    const raw = textOf(result, value, 'responseCode');
    const code = raw === undefined ? NaN : Number(raw);
    if (code === 0) return;
    if (!Number.isInteger(code)) throw dialerRejected(this.config, 'responseCode missing', 'WebDialer answered without a responseCode', 'Check url and path: they must point at the WebDialer SOAP service.');
    const known = codes[code];
    const description = textOf(result, value, descriptionElement) || known?.description || 'unknown code';
    throw dialerRejected(this.config, `responseCode ${code}`, description, known?.hint ?? 'Ask your phone administrator about this WebDialer code.');
  }

  private async call(operation: string, parts: string[]): Promise<SoapResult> {
    const url = new URL(this.config.path, this.config.url);
    const response = await httpRequest(this.config, {
      method: 'POST',
      url,
      // Axis 1 binds the WD70 operations with an empty SOAPAction.
      headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: '""' },
      body: envelope(operation, parts),
      tls: this.config.tls,
      timeoutMs: this.config.timeoutMs,
    });
    try {
      return readSoapResponse(response.body, operation);
    } catch (error) {
      if (error instanceof SoapFault) throw dialerRejected(this.config, `SOAP fault ${error.faultCode}`, error.faultString);
      const detail = error instanceof XmlError ? ` (${error.message})` : error instanceof Error ? ` (${error.message})` : '';
      throw dialerRejected(
        this.config,
        `HTTP ${response.status}`,
        `${url.pathname} did not answer with a WebDialer ${operation} response${detail}`,
        'Check url and path: the default path is /webdialer/services/WebdialerSoapService70.',
      );
    }
  }
}
