/**
 * The fields of the sheet-plan types, read from src/sheets/plan.ts itself with the TypeScript
 * parser, so a field added to a type is seen here without anyone listing it.
 *
 * A field is named "Interface.member" ("ChartBlock.axisMin"); a member whose type is an inline
 * object is named by its own members ("ChartBlock.anchor.row", "SheetPlan.rowHeights.height"); a
 * member whose type is a union of two or more string literals also names each value
 * ("PrintSetup.pageOrder=overThenDown"), so a new chart type or orientation is a new field too.
 * Single-literal discriminators (`kind: "range"`, `paper: "A4"`) name no values.
 *
 * `coveredFields(value, "WorkbookPlan")` walks a plan and names every field it sets (and every
 * literal value it uses), following the declared types: unions are resolved by which interface the
 * object fits (its literal `kind`, its required members).
 */
import * as fs from "fs";
import * as path from "path";
import ts from "typescript";

const PLAN_FILE = path.join(__dirname, "..", "..", "src", "sheets", "plan.ts");

interface Declarations {
  interfaces: Map<string, ts.InterfaceDeclaration>;
  aliases: Map<string, ts.TypeAliasDeclaration>;
}

let cached: Declarations | null = null;

function declarations(): Declarations {
  if (cached) return cached;
  const source = ts.createSourceFile(PLAN_FILE, fs.readFileSync(PLAN_FILE, "utf8"), ts.ScriptTarget.Latest, true);
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  const aliases = new Map<string, ts.TypeAliasDeclaration>();
  for (const statement of source.statements) {
    const exported = ts.canHaveModifiers(statement) && (ts.getModifiers(statement) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    if (ts.isInterfaceDeclaration(statement)) interfaces.set(statement.name.text, statement);
    else if (ts.isTypeAliasDeclaration(statement)) aliases.set(statement.name.text, statement);
  }
  cached = { interfaces, aliases };
  return cached;
}

function unwrap(type: ts.TypeNode): ts.TypeNode {
  let t = type;
  while (ts.isParenthesizedTypeNode(t)) t = t.type;
  return t;
}

function memberName(m: ts.TypeElement): string {
  return m.name && (ts.isIdentifier(m.name) || ts.isStringLiteral(m.name)) ? m.name.text : "";
}

function properties(members: ts.NodeArray<ts.TypeElement>): ts.PropertySignature[] {
  return members.filter((m): m is ts.PropertySignature => ts.isPropertySignature(m) && !!m.type);
}

/** The string literals of a union of two or more of them (null and undefined aside), else null. */
function stringLiterals(type: ts.TypeNode): string[] | null {
  const t = unwrap(type);
  if (!ts.isUnionTypeNode(t)) return null;
  const values: string[] = [];
  for (const member of t.types.map(unwrap)) {
    if (ts.isLiteralTypeNode(member) && ts.isStringLiteral(member.literal)) values.push(member.literal.text);
    else if (ts.isLiteralTypeNode(member) && member.literal.kind === ts.SyntaxKind.NullKeyword) continue;
    else if (member.kind === ts.SyntaxKind.UndefinedKeyword) continue;
    else return null;
  }
  return values.length >= 2 ? values : null;
}

/** An inline object type, directly or as the element of an array. */
function inlineObject(type: ts.TypeNode): ts.TypeLiteralNode | null {
  let t = unwrap(type);
  if (ts.isArrayTypeNode(t)) t = unwrap(t.elementType);
  return ts.isTypeLiteralNode(t) ? t : null;
}

function fieldsOfMembers(members: ts.NodeArray<ts.TypeElement>, prefix: string, out: string[]): void {
  for (const m of properties(members)) {
    const name = `${prefix}.${memberName(m)}`;
    const inline = inlineObject(m.type!);
    if (inline) {
      fieldsOfMembers(inline.members, name, out);
      continue;
    }
    out.push(name);
    for (const value of stringLiterals(m.type!) ?? []) out.push(`${name}=${value}`);
  }
}

/** Every field of every exported interface of plan.ts, in declaration order. */
export function planFields(): string[] {
  const out: string[] = [];
  for (const [name, decl] of declarations().interfaces) fieldsOfMembers(decl.members, name, out);
  return out;
}

/** The interfaces a type can stand for (through aliases and unions). */
function interfacesOf(type: ts.TypeNode): ts.InterfaceDeclaration[] {
  const { interfaces, aliases } = declarations();
  const t = unwrap(type);
  if (ts.isTypeReferenceNode(t) && ts.isIdentifier(t.typeName)) {
    const name = t.typeName.text;
    if (interfaces.has(name)) return [interfaces.get(name)!];
    if (aliases.has(name)) return interfacesOf(aliases.get(name)!.type);
    return [];
  }
  if (ts.isUnionTypeNode(t)) return t.types.flatMap(interfacesOf);
  return [];
}

/** Whether an object fits an interface: its literal members match and its required members are there. */
function fits(value: Record<string, unknown>, decl: ts.InterfaceDeclaration): boolean {
  for (const m of properties(decl.members)) {
    const name = memberName(m);
    const t = unwrap(m.type!);
    if (ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal) && value[name] !== t.literal.text) return false;
    if (!m.questionToken && !(name in value)) return false;
  }
  return true;
}

function walkMembers(value: Record<string, unknown>, members: ts.NodeArray<ts.TypeElement>, prefix: string, out: Set<string>): void {
  for (const m of properties(members)) {
    const name = memberName(m);
    const v = value[name];
    if (v === undefined) continue;
    const field = `${prefix}.${name}`;
    if (!inlineObject(m.type!)) out.add(field);
    walk(v, m.type!, field, out);
  }
}

function walk(value: unknown, type: ts.TypeNode, field: string, out: Set<string>): void {
  const t = unwrap(type);
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    const element = ts.isArrayTypeNode(t) ? t.elementType : t; // a matrix is an array of arrays
    for (const item of value) walk(item, element, field, out);
    return;
  }
  if (typeof value === "string") {
    if (stringLiterals(t)?.includes(value)) out.add(`${field}=${value}`);
    return;
  }
  if (typeof value !== "object") return;
  if (ts.isTypeLiteralNode(t)) return walkMembers(value as Record<string, unknown>, t.members, field, out);
  if (ts.isArrayTypeNode(t)) return walk(value, t.elementType, field, out);
  const candidates = interfacesOf(t).filter((d) => fits(value as Record<string, unknown>, d));
  if (candidates.length > 0) walkMembers(value as Record<string, unknown>, candidates[0].members, candidates[0].name.text, out);
}

/** Every field (and literal value) that `value`, an object of the named interface, sets. */
export function coveredFields(value: unknown, interfaceName: string): Set<string> {
  const decl = declarations().interfaces.get(interfaceName);
  if (!decl) throw new Error(`plan.ts has no interface ${interfaceName}`);
  const out = new Set<string>();
  walkMembers(value as Record<string, unknown>, decl.members, interfaceName, out);
  return out;
}
