import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Language, Parser, type Node } from 'web-tree-sitter';

/**
 * Bicep, read offline: no Bicep compiler installs here, so the templates are
 * parsed with the tree-sitter Bicep grammar (its WebAssembly build) and the
 * tests inspect the syntax tree.
 */

const require = createRequire(import.meta.url);
let parser: Promise<Parser> | undefined;

export function bicepParser(): Promise<Parser> {
  parser ??= (async () => {
    await Parser.init();
    const language = await Language.load(require.resolve('tree-sitter-bicep/tree-sitter-bicep.wasm'));
    return new Parser().setLanguage(language);
  })();
  return parser;
}

export async function parseBicep(source: string): Promise<Node> {
  const tree = (await bicepParser()).parse(source);
  if (!tree) throw new Error('tree-sitter returned no tree');
  return tree.rootNode;
}

export function bicepFilesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.bicep'))
    .map((file) => join(dir, file))
    .sort();
}

export async function parseBicepFile(path: string): Promise<Node> {
  return parseBicep(readFileSync(path, 'utf8'));
}

/** Every ERROR and MISSING node, as "line L, column C: ..." (1-based), in source order. */
export function syntaxProblems(root: Node): string[] {
  const problems: string[] = [];
  const visit = (node: Node) => {
    const where = `line ${node.startPosition.row + 1}, column ${node.startPosition.column + 1}`;
    if (node.isMissing) problems.push(`${where}: missing ${node.type}`);
    else if (node.isError) problems.push(`${where}: cannot parse ${JSON.stringify(node.text.slice(0, 40))}`);
    if (node.hasError || node.isMissing) for (const child of node.children) visit(child);
  };
  visit(root);
  return problems;
}

const named = (node: Node): Node[] => node.namedChildren;

export function declarations(root: Node, type: string): Node[] {
  return named(root).filter((n) => n.type === type);
}

export function declaredName(node: Node): string {
  const id = named(node).find((c) => c.type === 'identifier');
  if (!id) throw new Error(`${node.type} without a name`);
  return id.text;
}

export function parameters(root: Node): { name: string; hasDefault: boolean }[] {
  // param <name> <type> [= <default>]
  return declarations(root, 'parameter_declaration').map((p) => ({
    name: declaredName(p),
    hasDefault: named(p).length > 2,
  }));
}

export function outputNames(root: Node): string[] {
  return declarations(root, 'output_declaration').map(declaredName);
}

/** A plain string literal's value; undefined for anything else (interpolations included). */
export function stringValue(node: Node | undefined): string | undefined {
  if (node?.type !== 'string' || named(node).some((c) => c.type === 'interpolation')) return undefined;
  return node.text.slice(1, -1);
}

/** The object a resource or module declares, also behind `if (...)` or `[for ...]`. */
function bodyOf(declaration: Node): Node {
  const direct = named(declaration).find((c) => c.type === 'object');
  if (direct) return direct;
  for (const wrapper of named(declaration)) {
    const inner = named(wrapper)
      .filter((c) => c.type === 'object')
      .at(-1);
    if (inner) return inner;
  }
  throw new Error(`no body in ${declaration.text.slice(0, 60)}`);
}

/** Bodies of the resources whose type starts with `typePrefix`, e.g. 'Microsoft.Web/sites@'. */
export function resourcesOfType(root: Node, typePrefix: string): Node[] {
  return declarations(root, 'resource_declaration')
    .filter((r) => stringValue(named(r)[1])?.startsWith(typePrefix))
    .map(bodyOf);
}

export function modules(root: Node): { name: string; path: string; body: Node }[] {
  return declarations(root, 'module_declaration').map((m) => ({
    name: declaredName(m),
    path: stringValue(named(m)[1]) ?? '',
    body: bodyOf(m),
  }));
}

function keyOf(property: Node): string {
  const key = named(property)[0]!;
  return key.type === 'string' ? key.text.slice(1, -1) : key.text;
}

export function objectKeys(object: Node): string[] {
  return named(object)
    .filter((c) => c.type === 'object_property')
    .map(keyOf);
}

/** The value at a dotted path of object keys, e.g. 'properties.siteConfig.alwaysOn'. */
export function valueAt(object: Node, path: string): Node | undefined {
  let current: Node | undefined = object;
  for (const key of path.split('.')) {
    const property: Node | undefined =
      current && named(current).find((c) => c.type === 'object_property' && keyOf(c) === key);
    current = property ? named(property)[1] : undefined;
  }
  return current;
}
