/**
 * Generates the connector catalogue (src/core/connectors/data/<api>.<version>.json) from Google's
 * published API descriptions in the pinned `googleapis` npm package (a devDependency; see
 * CONNECTORS.md in the project docs for how its files are laid out). Run with
 * `npm run connectors:generate`; the output is checked in so that building needs no generator.
 *
 * The package ships compiled JavaScript and declarations, not discovery JSON, so this reads both as
 * text: the `.js` for the resource tree and each method's HTTP method, URL template, required and
 * path parameters; the `.d.ts` for doc strings, query parameters, the body and the response type.
 * Integrations v1, the connector-only helpers and `gke.*` are written by hand in `handWritten.ts`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONNECTOR_APIS, type ConnectorApiInfo } from '../../src/core/connectors/apis';
import type { ApiData, MethodData, ParamData } from '../../src/core/connectors/types';

const ROOT = path.resolve(__dirname, '..', '..');
const APIS_DIR = path.join(ROOT, 'node_modules', 'googleapis', 'build', 'src', 'apis');
const OUT_DIR = path.join(ROOT, 'src', 'core', 'connectors', 'data');
/** Doc strings are trimmed to their first paragraph and at most this many characters. */
const METHOD_DOC_MAX = 400;
const PARAM_DOC_MAX = 240;

interface JsMethod {
  resource: string;
  name: string;
  rootUrl: string;
  url: string;
  httpMethod: string;
  requiredParams: string[];
  pathParams: string[];
  upload: boolean;
}

/** Walks `this.<prop> = new Resource$...(this.context)` from the root class to resource paths. */
function resourcePaths(js: string): Map<string, string> {
  const classes = new Map<string, string>();
  const classPattern = /^ {4}class (\S+) \{/gm;
  const starts = [...js.matchAll(classPattern)];
  starts.forEach((m, i) => classes.set(m[1], js.slice(m.index, i + 1 < starts.length ? starts[i + 1].index : js.length)));
  const paths = new Map<string, string>();
  const root = starts[0][1];
  const visit = (className: string, prefix: string) => {
    const body = classes.get(className) ?? '';
    for (const m of body.matchAll(/this\.(\w+) =\s*new (Resource\$[\w$]+)\(this\.context\)/g)) {
      const p = prefix ? `${prefix}.${m[1]}` : m[1];
      paths.set(m[2], p);
      visit(m[2], p);
    }
  };
  visit(root, '');
  return paths;
}

function jsMethods(js: string): JsMethod[] {
  const paths = resourcePaths(js);
  const out: JsMethod[] = [];
  const starts = [...js.matchAll(/^ {4}class (\S+) \{/gm)];
  starts.forEach((m, i) => {
    const resource = paths.get(m[1]);
    if (resource === undefined) return;
    const body = js.slice(m.index, i + 1 < starts.length ? starts[i + 1].index : js.length);
    const methods = [...body.matchAll(/^ {8}(\w+)\(paramsOrCallback, optionsOrCallback, callback\) \{/gm)];
    methods.forEach((mm, j) => {
      const text = body.slice(mm.index, j + 1 < methods.length ? methods[j + 1].index : body.length);
      const need = (re: RegExp, what: string) => {
        const found = re.exec(text);
        if (!found) throw new Error(`${resource}.${mm[1]}: no ${what}`);
        return found[1];
      };
      const list = (re: RegExp, what: string) => [...need(re, what).matchAll(/'([^']+)'/g)].map((x) => x[1]);
      out.push({
        resource,
        name: mm[1],
        rootUrl: need(/const rootUrl = options\.rootUrl \|\| '([^']+)'/, 'rootUrl'),
        url: need(/url: \(rootUrl \+\s*'([^']+)'\)/, 'url'),
        httpMethod: need(/method: '(\w+)'/, 'method'),
        requiredParams: list(/requiredParams: \[([^\]]*)\]/, 'requiredParams'),
        pathParams: list(/pathParams: \[([^\]]*)\]/, 'pathParams'),
        upload: /mediaUrl:/.test(text),
      });
    });
  });
  return out;
}

/** A JSDoc block's text without the leading stars, `\}` unescaped. */
function docText(block: string): string {
  return block
    .split('\n')
    .map((l) => l.replace(/^\s*\/?\*+\/?\s?/, '').replace(/\s*\*\/$/, ''))
    .join('\n')
    .replace(/\\\}/g, '}')
    .trim();
}

/** First paragraph, whitespace folded, cut at a sentence end before `max` characters when possible. */
export function trimDoc(text: string, max: number): string {
  const para = text.split(/\n\s*\n/)[0].replace(/\s+/g, ' ').trim();
  if (para.length <= max) return para;
  const cut = para.slice(0, max);
  const sentence = cut.lastIndexOf('. ');
  return sentence > max / 3 ? cut.slice(0, sentence + 1) : `${cut.slice(0, max - 1).trimEnd()}…`;
}

interface DtsInfo {
  /** Resource class → method → { doc, paramsInterface, response }. */
  methods: Map<string, { doc: string; params?: string; response?: string }>;
  params: Map<string, { body?: string; query: ParamData[]; docs: Map<string, string> }>;
}

function dtsInfo(dts: string): DtsInfo {
  const methods = new Map<string, { doc: string; params?: string; response?: string }>();
  for (const cls of dts.matchAll(/^ {4}export class (Resource\$[\w$]+) \{([\s\S]*?)^ {4}\}/gm)) {
    const body = cls[2];
    for (const m of body.matchAll(/^ {8}\/\*\*([\s\S]*?)\*\/\n {8}(\w+)\(params(?:\?)?: (Params\$[\w$]+), options\?: MethodOptions\): Promise<GaxiosResponseWithHTTP2<([^>]+)>>;/gm)) {
      methods.set(`${cls[1]}#${m[2]}`, { doc: docText(m[1].split('@example')[0]), params: m[3], response: m[4] });
    }
    // Methods whose first overload is the stream form: find doc + the MethodOptions overload separately.
    for (const m of body.matchAll(/^ {8}\/\*\*([\s\S]*?)\*\/\n {8}(\w+)\(/gm)) {
      const key = `${cls[1]}#${m[2]}`;
      if (methods.has(key)) continue;
      const overload = new RegExp(`^ {8}${m[2]}\\(params\\??: (Params\\$[\\w$]+), options\\?: MethodOptions\\): Promise<GaxiosResponseWithHTTP2<([^>]+)>>;`, 'm').exec(body);
      methods.set(key, { doc: docText(m[1].split('@example')[0]), params: overload?.[1], response: overload?.[2] });
    }
  }
  const params = new Map<string, { body?: string; query: ParamData[]; docs: Map<string, string> }>();
  for (const p of dts.matchAll(/^ {4}export interface (Params\$[\w$]+) extends StandardParameters \{([\s\S]*?)^ {4}\}/gm)) {
    const query: ParamData[] = [];
    const docs = new Map<string, string>();
    let body: string | undefined;
    // Members at 8 spaces: an optional doc block, then `name?: type;` (nested `media?: {` skipped).
    for (const m of p[2].matchAll(/^ {8}(?:\/\*\*([\s\S]*?)\*\/\n {8})?('?[\w.$-]+'?)\?: ([^;{\n]+|\{)/gm)) {
      const name = m[2].replace(/'/g, '');
      if (name === 'media') continue;
      if (name === 'requestBody') {
        body = m[3].replace(/^Schema\$/, '').trim();
        continue;
      }
      const doc = trimDoc(docText(m[1] ?? ''), PARAM_DOC_MAX);
      docs.set(name, doc);
      query.push({ name, type: m[3].trim(), doc });
    }
    params.set(p[1], { body, query, docs });
  }
  return { methods, params };
}

function templateIndex(url: string, name: string): number {
  const at = url.search(new RegExp(`\\{\\+?${name}\\}`));
  return at < 0 ? Number.MAX_SAFE_INTEGER : at;
}

function classOf(paths: Map<string, string>, resource: string): string {
  for (const [cls, p] of paths) if (p === resource) return cls;
  throw new Error(`no class for ${resource}`);
}

/** Whether the connector waits on the operation: the response type is one of the API's LRO types and the call changes something. */
export function isLro(api: ConnectorApiInfo, httpMethod: string, response: string | undefined, resource: string, method: string): boolean {
  if (!response || api.lroTypes.length === 0) return false;
  if (httpMethod === 'GET' && method !== 'wait') return false;
  if (api.lroExclusions?.includes(`${resource}.${method}`)) return false;
  return api.lroTypes.some((t) => response.endsWith(t));
}

function generate(api: ConnectorApiInfo, version: string): ApiData {
  const sourceVersion = api.derivedFrom ?? version;
  const base = path.join(APIS_DIR, api.name, sourceVersion);
  const js = fs.readFileSync(`${base}.js`, 'utf8');
  const dts = fs.readFileSync(`${base}.d.ts`, 'utf8');
  const paths = resourcePaths(js);
  const info = dtsInfo(dts);
  let rootUrl = '';
  const methods: MethodData[] = jsMethods(js).map((m) => {
    rootUrl = m.rootUrl;
    const d = info.methods.get(`${classOf(paths, m.resource)}#${m.name}`);
    if (!d) throw new Error(`${api.name}.${version}.${m.resource}.${m.name}: no declaration`);
    const p = d.params ? info.params.get(d.params) : undefined;
    const response = d.response && d.response !== 'void' ? d.response.replace(/^Schema\$/, '') : undefined;
    const out: { -readonly [K in keyof MethodData]: MethodData[K] } = {
      name: `${m.resource}.${m.name}`,
      http: m.httpMethod,
      url: m.url.replace(/^\//, '').replace(`${sourceVersion}/`, `${version}/`),
      // In URL template order (the package lists them alphabetically): project, zone, instance.
      path: [...m.pathParams]
        .sort((a, b) => templateIndex(m.url, a) - templateIndex(m.url, b))
        .map((name) => ({ name, doc: p?.docs.get(name) ?? '' })),
      query: (p?.query ?? []).filter((q) => !m.pathParams.includes(q.name)),
      doc: trimDoc(d.doc, METHOD_DOC_MAX),
    };
    const extraRequired = m.requiredParams.filter((r) => !m.pathParams.includes(r));
    if (extraRequired.length) out.required = extraRequired;
    if (p?.body) out.body = p.body;
    if (response) out.response = response;
    if (isLro(api, m.httpMethod, response, m.resource, m.name)) out.lro = true;
    if (m.upload) out.upload = true;
    return out;
  });
  methods.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const source = `googleapis@${packageVersion()}${api.derivedFrom ? ` (${api.name} ${api.derivedFrom}, served as ${version})` : ''}`;
  return { api: api.name, version, rootUrl, source, methods };
}

function packageVersion(): string {
  return (JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', 'googleapis', 'package.json'), 'utf8')) as { version: string }).version;
}

function main(): void {
  fs.mkdirSync(OUT_DIR, { recursive: true });
  for (const f of fs.readdirSync(OUT_DIR)) if (f.endsWith('.json')) fs.rmSync(path.join(OUT_DIR, f));
  let total = 0;
  for (const api of CONNECTOR_APIS) {
    for (const version of api.versions) {
      if (api.handWritten) continue;
      const data = generate(api, version);
      total += data.methods.length;
      const file = path.join(OUT_DIR, `${api.name}.${version}.json`);
      fs.writeFileSync(file, `${JSON.stringify(data)}\n`);
      console.log(`${api.name}.${version}: ${data.methods.length} methods, ${(fs.statSync(file).size / 1024).toFixed(0)} KB`);
    }
  }
  console.log(`total: ${total} methods`);
}

if (require.main === module) main();
