/**
 * A small, strict XML reader for SOAP answers: elements with resolved namespaces, attributes, text,
 * the five entities and character references, CDATA and comments. DTDs are refused (a SOAP message
 * must not carry one, and refusing them rules out entity expansion attacks). No XML package is installed.
 */

export interface XmlElement {
  /** Name as written, e.g. "ns1:makeCallSoapResponse". */
  name: string;
  /** Local part, e.g. "makeCallSoapResponse". */
  local: string;
  /** Namespace URI the prefix resolves to, or "" for none. */
  namespace: string;
  /** Attributes by name as written (xmlns declarations included). */
  attributes: Record<string, string>;
  children: XmlElement[];
  /** Concatenated character data directly inside this element. */
  text: string;
}

export class XmlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'XmlError';
  }
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);|&/g, (all, ref: string | undefined) => {
    if (ref === undefined) throw new XmlError('a bare "&" must be written &amp;');
    if (ref.startsWith('#x')) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith('#')) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    const value = ENTITIES[ref];
    if (value === undefined) throw new XmlError(`unknown entity ${all}`);
    return value;
  });
}

const NAME = '[A-Za-z_][A-Za-z0-9_.:-]*';
const START_TAG = new RegExp(`^<(${NAME})((?:\\s+${NAME}\\s*=\\s*(?:"[^"]*"|'[^']*'))*)\\s*(/?)>`);
const ATTRIBUTE = new RegExp(`(${NAME})\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'g');

function resolveNamespace(name: string, scopes: readonly Map<string, string>[], isAttribute = false): string {
  const colon = name.indexOf(':');
  const prefix = colon < 0 ? '' : name.slice(0, colon);
  if (prefix === '' && isAttribute) return '';
  if (prefix === 'xml') return 'http://www.w3.org/XML/1998/namespace';
  for (let i = scopes.length - 1; i >= 0; i--) {
    const uri = scopes[i]?.get(prefix);
    if (uri !== undefined) return uri;
  }
  if (prefix !== '') throw new XmlError(`namespace prefix "${prefix}" is not declared`);
  return '';
}

export function parseXml(source: string): XmlElement {
  let rest = source.replace(/^\uFEFF/, '');
  const stack: XmlElement[] = [];
  const scopes: Map<string, string>[] = [];
  let root: XmlElement | undefined;

  while (rest.length > 0) {
    if (rest.startsWith('<?')) {
      const end = rest.indexOf('?>');
      if (end < 0) throw new XmlError('unterminated processing instruction');
      rest = rest.slice(end + 2);
    } else if (rest.startsWith('<!--')) {
      const end = rest.indexOf('-->');
      if (end < 0) throw new XmlError('unterminated comment');
      rest = rest.slice(end + 3);
    } else if (rest.startsWith('<![CDATA[')) {
      const end = rest.indexOf(']]>');
      if (end < 0) throw new XmlError('unterminated CDATA section');
      const top = stack[stack.length - 1];
      if (top === undefined) throw new XmlError('CDATA outside the root element');
      top.text += rest.slice(9, end);
      rest = rest.slice(end + 3);
    } else if (rest.startsWith('<!')) {
      throw new XmlError('DTDs and entity declarations are not accepted');
    } else if (rest.startsWith('</')) {
      const found = new RegExp(`^</(${NAME})\\s*>`).exec(rest);
      const top = stack.pop();
      scopes.pop();
      if (!found || top === undefined || found[1] !== top.name) throw new XmlError(`unexpected closing tag ${rest.slice(0, 40)}`);
      rest = rest.slice(found[0].length);
    } else if (rest.startsWith('<')) {
      const found = START_TAG.exec(rest);
      if (!found) throw new XmlError(`malformed tag ${rest.slice(0, 40)}`);
      const [whole, name = '', attributeText = '', selfClosing] = found;
      const attributes: Record<string, string> = {};
      const scope = new Map<string, string>();
      for (const attribute of attributeText.matchAll(ATTRIBUTE)) {
        const key = attribute[1] ?? '';
        if (key in attributes) throw new XmlError(`attribute ${key} appears twice`);
        const value = decode(attribute[2] ?? attribute[3] ?? '');
        attributes[key] = value;
        if (key === 'xmlns') scope.set('', value);
        else if (key.startsWith('xmlns:')) scope.set(key.slice(6), value);
      }
      scopes.push(scope);
      const element: XmlElement = { name, local: name.slice(name.indexOf(':') + 1), namespace: resolveNamespace(name, scopes), attributes, children: [], text: '' };
      const parent = stack[stack.length - 1];
      if (parent !== undefined) parent.children.push(element);
      else if (root === undefined) root = element;
      else throw new XmlError('more than one root element');
      if (selfClosing === '/') scopes.pop();
      else stack.push(element);
      rest = rest.slice(whole.length);
    } else {
      const end = rest.indexOf('<');
      const text = end < 0 ? rest : rest.slice(0, end);
      const top = stack[stack.length - 1];
      if (top !== undefined) top.text += decode(text);
      else if (text.trim() !== '') throw new XmlError('text outside the root element');
      rest = end < 0 ? '' : rest.slice(end);
    }
  }
  if (stack.length > 0) throw new XmlError(`element ${stack[stack.length - 1]?.name ?? ''} is not closed`);
  if (root === undefined) throw new XmlError('no root element');
  return root;
}

/** First child element with this local name (namespaces of SOAP-encoded parts vary by server). */
export const child = (element: XmlElement, local: string): XmlElement | undefined => element.children.find((c) => c.local === local);

/** The value of an attribute by its local name, whatever prefix it carries. */
export function attribute(element: XmlElement, local: string): string | undefined {
  const key = Object.keys(element.attributes).find((k) => k === local || k.endsWith(`:${local}`));
  return key === undefined ? undefined : element.attributes[key];
}
