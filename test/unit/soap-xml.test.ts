import { SoapFault, envelope, readSoapResponse, textOf, typed } from '../../server/dial/webdialer/soap';
import { XmlError, parseXml } from '../../server/dial/webdialer/xml';

/** makeCallSoap's answer exactly as Cisco documents it: Axis 1 RPC/encoded with a multiRef. */
const MAKE_CALL_RESPONSE = `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<soapenv:Body>
<ns1:makeCallSoapResponse xmlns:ns1="urn:WD70" soapenv:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/">
<makeCallSoapReturn href="#id0"/>
</ns1:makeCallSoapResponse>
<multiRef xmlns:ns2="urn:WD70" xmlns:soapenc="http://schemas.xmlsoap.org/soap/encoding/" id="id0" soapenc:root="0" soapenv:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/" xsi:type="ns2:CallResponse">
<responseCode xsi:type="xsd:int">0</responseCode>
<responseDescription xsi:type="xsd:string">Success</responseDescription>
</multiRef>
</soapenv:Body>
</soapenv:Envelope>`;

describe('XML reader', () => {
  it('resolves namespaces, decodes entities and character references, keeps CDATA', () => {
    const root = parseXml('<?xml version="1.0"?><!-- c --><a:r xmlns:a="urn:a" x="1 &amp; 2"><a:b>&lt;&#x41;&#66;&apos;</a:b><c><![CDATA[<raw>]]></c></a:r>');
    expect(root).toMatchObject({ local: 'r', namespace: 'urn:a', attributes: { 'xmlns:a': 'urn:a', x: '1 & 2' } });
    expect(root.children.map((c) => [c.local, c.namespace, c.text])).toEqual([
      ['b', 'urn:a', "<AB'"],
      ['c', '', '<raw>'],
    ]);
  });

  it.each([
    ['<!DOCTYPE x [<!ENTITY e "boom">]><x>&e;</x>', 'DTDs and entity declarations are not accepted'],
    ['<a><b></a>', 'unexpected closing tag </a>'],
    ['<p:a/>', 'namespace prefix "p" is not declared'],
    ['<a>&nbsp;</a>', 'unknown entity &nbsp;'],
    ['<a>', 'element a is not closed'],
  ])('refuses %j', (text, message) => {
    expect(() => parseXml(text)).toThrow(new XmlError(message));
  });
});

describe('WD70 SOAP messages', () => {
  it('builds a request like Cisco\'s published makeCallSoap example, values escaped', () => {
    const body = envelope('makeCallSoap', [`<in0 xsi:type="urn:Credential">${typed('userID', 'xsd:string', 'a<b')}</in0>`]);
    expect(body).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:urn="urn:WD70" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:soapenc="http://schemas.xmlsoap.org/soap/encoding/">',
        '<soapenv:Header/>',
        '<soapenv:Body>',
        '<urn:makeCallSoap soapenv:encodingStyle="http://schemas.xmlsoap.org/soap/encoding/">',
        '<in0 xsi:type="urn:Credential"><userID xsi:type="xsd:string">a&lt;b</userID></in0>',
        '</urn:makeCallSoap>',
        '</soapenv:Body>',
        '</soapenv:Envelope>',
      ].join('\n'),
    );
  });

  it('reads the documented answer through its multiRef', () => {
    const result = readSoapResponse(MAKE_CALL_RESPONSE, 'makeCallSoap');
    expect(textOf(result, result.value, 'responseCode')).toBe('0');
    expect(textOf(result, result.value, 'responseDescription')).toBe('Success');
  });

  it('turns a SOAP fault into its code and string', () => {
    const fault = `<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><soapenv:Fault><faultcode>soapenv:Server.userException</faultcode><faultstring>No such operation 'makeCall'</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>`;
    expect(() => readSoapResponse(fault, 'makeCallSoap')).toThrow(new SoapFault('soapenv:Server.userException', "No such operation 'makeCall'"));
  });
});
