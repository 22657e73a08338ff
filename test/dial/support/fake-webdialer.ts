/**
 * A stand-in for Cisco Unified CM's WebDialer SOAP service (urn:WD70, Apache Axis 1, RPC/encoded),
 * answering as Cisco's WebDialer API reference documents it: makeCallSoap and getProfileDetailSoap
 * with their status result codes (0 Success, 2 User authentication error, 3 No authentication proxy
 * rights, 5 No device is configured…, …), answers wrapped in multiRef elements, unknown operations
 * as SOAP faults, and a Tomcat-style 404 for any other path. It refuses requests that do not follow
 * the WSDL (wrong namespace, missing parts) so the client is held to the published format.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import { parseXml, type XmlElement } from '../../../server/dial/webdialer/xml';

const SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';
const SOAP_ENC = 'http://schemas.xmlsoap.org/soap/encoding/';
const XSI = 'http://www.w3.org/2001/XMLSchema-instance';

export interface FakeDevice {
  deviceName: string;
  lines: string[];
  phoneDesc: string;
  phoneType: string;
}

export interface FakeUser {
  password: string;
  devices: FakeDevice[];
  /** Holds "Standard EM Authentication Proxy Rights": may place calls for other users. */
  proxy?: boolean;
}

export interface PlacedCall {
  userID: string;
  destination: string;
  user: string;
  deviceName: string;
  lineNumber: string | undefined;
}

export interface FakeWebdialerOptions {
  path?: string;
  users: Record<string, FakeUser>;
  tls?: { cert: Buffer; key: Buffer };
  /** Answer every makeCallSoap with this code, e.g. 9 (Service overloaded). */
  forceCode?: number;
}

const DESCRIPTIONS: Record<number, string> = {
  0: 'Success',
  1: 'Call failure error',
  2: 'User authentication error',
  3: 'No authentication proxy rights',
  4: 'Directory error',
  5: 'No device is configured for the user, or missing parameters exist in the request.',
  6: 'Service temporarily unavailable',
  7: 'Destination cannot be reached.',
  8: 'Service error',
  9: 'Service overloaded',
};

const escape = (v: string): string => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const ENVELOPE_OPEN =
  '<?xml version="1.0" encoding="UTF-8"?>\n<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n<soapenv:Body>\n';
const ENVELOPE_CLOSE = '</soapenv:Body>\n</soapenv:Envelope>';

class RequestError extends Error {}

function part(operation: XmlElement, name: string, type?: string): XmlElement {
  const found = operation.children.find((c) => c.name === name);
  if (!found) throw new RequestError(`${operation.local}: missing ${name}`);
  if (type !== undefined && found.attributes['xsi:type'] !== type) throw new RequestError(`${operation.local}: ${name} must have xsi:type="${type}"`);
  return found;
}

const field = (element: XmlElement, name: string): string | undefined => element.children.find((c) => c.name === name)?.text;

export class FakeWebdialer {
  readonly calls: PlacedCall[] = [];
  /** Raw request bodies, as they arrived. */
  readonly bodies: string[] = [];
  readonly soapActions: (string | undefined)[] = [];
  readonly path: string;
  port = 0;
  private server!: http.Server;

  constructor(private readonly options: FakeWebdialerOptions) {
    this.path = options.path ?? '/webdialer/services/WebdialerSoapService70';
  }

  async start(): Promise<this> {
    const handler = (req: IncomingMessage, res: ServerResponse): void => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => this.handle(req, res, Buffer.concat(chunks).toString('utf8')));
    };
    this.server = this.options.tls ? https.createServer(this.options.tls, handler) : http.createServer(handler);
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse, body: string): void {
    if (req.url !== this.path || req.method !== 'POST') {
      res.writeHead(404, { 'Content-Type': 'text/html' }).end('<html><body><h1>HTTP Status 404 – Not Found</h1></body></html>');
      return;
    }
    this.bodies.push(body);
    this.soapActions.push(req.headers['soapaction'] as string | undefined);
    try {
      if (!/^text\/xml/.test(req.headers['content-type'] ?? '')) throw new RequestError('Content-Type must be text/xml');
      if (req.headers['soapaction'] === undefined) throw new RequestError('SOAPAction header missing');
      const root = parseXml(body);
      const soapBody = root.namespace === SOAP_ENV && root.local === 'Envelope' ? root.children.find((c) => c.namespace === SOAP_ENV && c.local === 'Body') : undefined;
      const operation = soapBody?.children[0];
      if (operation === undefined || operation.namespace !== 'urn:WD70') throw new RequestError('no urn:WD70 operation in the SOAP Body');
      if (operation.attributes['soapenv:encodingStyle'] !== SOAP_ENC || !Object.values(root.attributes).includes(XSI)) throw new RequestError('not SOAP-encoded as the WSDL binds it');
      if (operation.local === 'makeCallSoap') this.send(res, this.makeCall(operation));
      else if (operation.local === 'getProfileDetailSoap') this.send(res, this.profileDetail(operation));
      else this.fault(res, 'soapenv:Server.userException', `No such operation '${operation.local}'`);
    } catch (error) {
      this.fault(res, 'soapenv:Server.userException', error instanceof Error ? error.message : String(error));
    }
  }

  private authenticate(operation: XmlElement): { userID: string; user: FakeUser } | undefined {
    const credential = part(operation, 'in0', 'urn:Credential');
    const userID = field(credential, 'userID') ?? '';
    const user = this.options.users[userID];
    return user !== undefined && user.password === field(credential, 'password') ? { userID, user } : undefined;
  }

  private makeCall(operation: XmlElement): string {
    const destination = part(operation, 'in1', 'soapenc:string').text;
    const profile = part(operation, 'in2', 'urn:UserProfile');
    const code = ((): number => {
      if (this.options.forceCode !== undefined) return this.options.forceCode;
      const caller = this.authenticate(operation);
      if (caller === undefined) return 2;
      const onBehalfOf = field(profile, 'user') ?? '';
      if (onBehalfOf !== caller.userID && !caller.user.proxy) return 3;
      const owner = this.options.users[onBehalfOf];
      const device = owner?.devices.find((d) => d.deviceName === field(profile, 'deviceName'));
      const line = field(profile, 'lineNumber');
      if (device === undefined || destination === '' || (line !== undefined && !device.lines.includes(line))) return 5;
      this.calls.push({ userID: caller.userID, destination, user: onBehalfOf, deviceName: device.deviceName, lineNumber: line });
      return 0;
    })();
    return (
      '<ns1:makeCallSoapResponse xmlns:ns1="urn:WD70" soapenv:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/">\n<makeCallSoapReturn href="#id0"/>\n</ns1:makeCallSoapResponse>\n' +
      '<multiRef xmlns:ns2="urn:WD70" xmlns:soapenc="http://schemas.xmlsoap.org/soap/encoding/" id="id0" soapenc:root="0" soapenv:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/" xsi:type="ns2:CallResponse">\n' +
      `<responseCode xsi:type="xsd:int">${code}</responseCode>\n<responseDescription xsi:type="xsd:string">${escape(DESCRIPTIONS[code] ?? '')}</responseDescription>\n</multiRef>\n`
    );
  }

  private profileDetail(operation: XmlElement): string {
    const caller = this.authenticate(operation);
    const devices = caller?.user.devices ?? [];
    const code = caller === undefined ? 2 : devices.length === 0 ? 1 : 0;
    const description = code === 0 ? 'Success' : code === 1 ? 'No device configured for the user' : 'User authentication error';
    const items = devices.map((_, i) => `<item href="#id${i + 1}"/>`).join('');
    const refs = devices
      .map(
        (d, i) =>
          `<multiRef xmlns:ns3="urn:WD70" xmlns:soapenc="http://schemas.xmlsoap.org/soap/encoding/" id="id${i + 1}" soapenc:root="0" soapenv:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/" xsi:type="ns3:WDDeviceInfoDetail">` +
          `<deviceName xsi:type="soapenc:string">${escape(d.deviceName)}</deviceName>` +
          `<lines soapenc:arrayType="soapenc:string[${d.lines.length}]" xsi:type="soapenc:Array">${d.lines.map((l) => `<item xsi:type="soapenc:string">${escape(l)}</item>`).join('')}</lines>` +
          (d.phoneDesc === '' ? '<phoneDesc xsi:type="soapenc:string"/>' : `<phoneDesc xsi:type="soapenc:string">${escape(d.phoneDesc)}</phoneDesc>`) +
          `<phoneType xsi:type="soapenc:string">${escape(d.phoneType)}</phoneType></multiRef>\n`,
      )
      .join('');
    return (
      '<ns1:getProfileDetailSoapResponse xmlns:ns1="urn:WD70" soapenv:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/">\n<getProfileDetailSoapReturn href="#id0"/>\n</ns1:getProfileDetailSoapResponse>\n' +
      '<multiRef xmlns:ns2="urn:WD70" xmlns:soapenc="http://schemas.xmlsoap.org/soap/encoding/" id="id0" soapenc:root="0" soapenv:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/" xsi:type="ns2:ConfigResponseDetail">\n' +
      `<description xsi:type="soapenc:string">${description}</description>\n` +
      `<deviceInfoListDetail soapenc:arrayType="ns2:WDDeviceInfoDetail[${devices.length}]" xsi:type="soapenc:Array">${items}</deviceInfoListDetail>\n` +
      `<responseCode xsi:type="xsd:int">${code}</responseCode>\n</multiRef>\n${refs}`
    );
  }

  private send(res: ServerResponse, body: string): void {
    res.writeHead(200, { 'Content-Type': 'text/xml; charset=utf-8' }).end(`${ENVELOPE_OPEN}${body}${ENVELOPE_CLOSE}`);
  }

  private fault(res: ServerResponse, code: string, text: string): void {
    res
      .writeHead(500, { 'Content-Type': 'text/xml; charset=utf-8' })
      .end(`${ENVELOPE_OPEN}<soapenv:Fault>\n<faultcode>${code}</faultcode>\n<faultstring>${escape(text)}</faultstring>\n</soapenv:Fault>\n${ENVELOPE_CLOSE}`);
  }
}
