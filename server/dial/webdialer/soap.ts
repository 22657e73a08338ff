/**
 * SOAP 1.1 RPC/encoded messages as Cisco WebDialer's WD70 service (Apache Axis 1) exchanges them:
 * requests built exactly like the published examples, answers read with their multiRef/href indirection
 * (`<makeCallSoapReturn href="#id0"/>` … `<multiRef id="id0">…</multiRef>`) resolved.
 */
import { forXml } from '../template';
import { attribute, child, parseXml, type XmlElement } from './xml';

export const SOAP_ENV = 'http://schemas.xmlsoap.org/soap/envelope/';
export const SOAP_ENC = 'http://schemas.xmlsoap.org/soap/encoding/';
export const WD70 = 'urn:WD70';

/** `<name xsi:type="type">value</name>`, the value XML-escaped. */
export const typed = (name: string, type: string, value: string): string => `<${name} xsi:type="${type}">${forXml(value)}</${name}>`;

export function envelope(operation: string, parts: readonly string[]): string {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<soapenv:Envelope xmlns:soapenv="${SOAP_ENV}" xmlns:urn="${WD70}" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:soapenc="${SOAP_ENC}">`,
    '<soapenv:Header/>',
    '<soapenv:Body>',
    `<urn:${operation} soapenv:encodingStyle="${SOAP_ENC}">`,
    ...parts,
    `</urn:${operation}>`,
    '</soapenv:Body>',
    '</soapenv:Envelope>',
  ].join('\n');
}

export class SoapFault extends Error {
  constructor(
    readonly faultCode: string,
    readonly faultString: string,
  ) {
    super(`SOAP fault ${faultCode}: ${faultString}`);
    this.name = 'SoapFault';
  }
}

export class SoapFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SoapFormatError';
  }
}

/** A parsed answer: its return value, and `deref` to follow href="#id" into the Body's multiRef elements. */
export interface SoapResult {
  value: XmlElement;
  deref(element: XmlElement): XmlElement;
}

export function readSoapResponse(text: string, operation: string): SoapResult {
  const root = parseXml(text);
  if (root.local !== 'Envelope' || root.namespace !== SOAP_ENV) throw new SoapFormatError(`not a SOAP 1.1 envelope (root ${root.name})`);
  const body = root.children.find((c) => c.local === 'Body' && c.namespace === SOAP_ENV);
  if (body === undefined) throw new SoapFormatError('the SOAP envelope has no Body');
  const fault = body.children.find((c) => c.local === 'Fault' && c.namespace === SOAP_ENV);
  if (fault !== undefined) throw new SoapFault((child(fault, 'faultcode')?.text ?? '').trim(), (child(fault, 'faultstring')?.text ?? '').trim());

  const byId = new Map<string, XmlElement>();
  for (const element of body.children) {
    const id = element.attributes['id'];
    if (id !== undefined) byId.set(id, element);
  }
  const deref = (element: XmlElement, depth = 0): XmlElement => {
    const href = attribute(element, 'href');
    if (href === undefined) return element;
    const target = byId.get(href.replace(/^#/, ''));
    if (target === undefined || depth > 16) throw new SoapFormatError(`href ${href} points nowhere`);
    return deref(target, depth + 1);
  };

  const response = body.children.find((c) => c.local === `${operation}Response`);
  if (response === undefined) throw new SoapFormatError(`the answer has no ${operation}Response`);
  const returned = response.children[0];
  if (returned === undefined) throw new SoapFormatError(`${operation}Response is empty`);
  return { value: deref(returned), deref: (element) => deref(element) };
}

/** Text of a (possibly href'd) child, trimmed; undefined when absent. */
export function textOf(result: SoapResult, parent: XmlElement, local: string): string | undefined {
  const element = child(parent, local);
  return element === undefined ? undefined : result.deref(element).text.trim();
}
