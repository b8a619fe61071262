/**
 * The parser: precedence climbing over the operator table in `operators.ts`, building the AST of
 * `ast.ts`. It stops at the first error and returns it with its span; it never throws.
 *
 * Choices on points Google does not document [R]:
 * - `a not in b` is accepted as the negation of `a in b` (Google's samples write `not (a in b)`).
 * - Chained comparisons (`a < b < c`) are rejected; see `operators.ts`.
 * - Slices (`s[1:2]`) and trailing commas (`[1, 2,]`) are rejected.
 * - Only dotted names can be called (`len(x)`, `text.split(s, ",")`, `my_sub(1)`), never
 *   computed values (`f(x)(y)`, `a[0](1)`), as the AST's `CallExpr` documents.
 * - Keywords and literals may follow a dot as property names (`e.in`, `m.null`).
 * - Integer literals must fit in 64 bits; the engine reads large ones from `NumberLiteral.text`.
 * - Parentheses make no node: `(a + b)` is the `+` node with the span of `a + b`, while an
 *   enclosing node's span includes them.
 */
import type { Span } from '../location';
import type { BinaryOperator, Expr, ExprSyntaxError, ParseResult, UnaryOperator } from './ast';
import { EXPR_MESSAGES } from './errors';
import { INT64_MIN_DIGITS, Lexer } from './lexer';
import { BINARY_PRECEDENCE, isBinaryPunctuation, isComparison } from './operators';
import { describeToken, isMiscasedKeyword, type Token } from './tokens';

/**
 * How deep an expression may nest (brackets, operands of operator chains, postfix chains).
 * Far above what Google's expression length limit allows; it keeps the parser and every
 * recursive walker of the tree clear of stack overflows on hostile input.
 */
export const MAX_EXPRESSION_DEPTH = 500;

/**
 * Parses the text inside `${...}`. Spans in the result are relative to the start of `text`.
 * Never throws: bad input gives `{ ok: false, error }` with a span inside `text`.
 */
export function parseExpression(text: string): ParseResult {
  const parser = new Parser(text);
  try {
    return { ok: true, expr: parser.parseWhole() };
  } catch (e) {
    if (e instanceof SyntaxFailure) return { ok: false, error: e.error };
    throw e;
  }
}

class SyntaxFailure {
  constructor(readonly error: ExprSyntaxError) {}
}

class Parser {
  private readonly lexer: Lexer;
  private token: Token = { kind: 'eof', value: '', start: 0, end: 0, isInt: false };
  private lookahead: Token | undefined;
  /** End of the last consumed token: where the node being built ends. */
  private previousEnd = 0;
  private depth = 0;

  constructor(private readonly text: string) {
    this.lexer = new Lexer(text);
  }

  parseWhole(): Expr {
    this.token = this.checked(this.lexer.next());
    if (this.atEnd()) this.fail(EXPR_MESSAGES.emptyExpression, 0, this.text.length);
    const expr = this.parseBinary(0);
    if (!this.atEnd()) this.failAtToken(EXPR_MESSAGES.unexpectedToken(this.describe(this.token)));
    return expr;
  }

  /** Binary operators of precedence ≥ `minPrecedence`, left-associative. */
  private parseBinary(minPrecedence: number): Expr {
    const saved = this.enter();
    const start = this.token.start;
    let left = this.parseUnary();
    let afterComparison = false;
    for (;;) {
      const operator = this.binaryOperator();
      if (operator === undefined || BINARY_PRECEDENCE[operator] < minPrecedence) break;
      const operatorStart = this.token.start;
      if (afterComparison && isComparison(operator)) {
        this.fail(EXPR_MESSAGES.chainedComparison(operator), operatorStart, this.operatorEnd(operator));
      }
      this.enter();
      if (operator === 'not in') this.advance();
      this.advance();
      const operatorSpan = { start: operatorStart, end: this.previousEnd };
      const right = this.parseBinary(BINARY_PRECEDENCE[operator] + 1);
      left = { kind: 'binary', operator, operatorSpan, left, right, span: this.spanFrom(start) };
      afterComparison = isComparison(operator);
    }
    this.depth = saved;
    return left;
  }

  /** The binary operator at the current token, if any; reports `not` without `in` and `And`. */
  private binaryOperator(): BinaryOperator | undefined {
    const token = this.token;
    if (token.kind === 'punctuation') return isBinaryPunctuation(token.value) ? token.value : undefined;
    if (token.kind === 'keyword') {
      if (token.value !== 'not') return token.value as BinaryOperator;
      const next = this.peek();
      if (next.kind === 'keyword' && next.value === 'in') return 'not in';
      this.fail(EXPR_MESSAGES.expectedInAfterNot(this.describe(next)), next.start, next.end);
    }
    if (token.kind === 'identifier' && isMiscasedKeyword(token.value)) {
      this.failAtToken(EXPR_MESSAGES.miscasedKeyword(token.value));
    }
    return undefined;
  }

  private operatorEnd(operator: BinaryOperator): number {
    return operator === 'not in' ? this.peek().end : this.token.end;
  }

  /** Prefix `not` and `-`, which bind tighter than every binary operator. */
  private parseUnary(): Expr {
    const token = this.token;
    let operator: UnaryOperator | undefined;
    if (token.kind === 'keyword' && token.value === 'not') operator = 'not';
    else if (token.kind === 'punctuation' && token.value === '-') operator = '-';
    if (operator === undefined) return this.parsePostfix();
    const next = operator === '-' ? this.peek() : undefined;
    if (next?.kind === 'number' && next.isInt && next.value === INT64_MIN_DIGITS) {
      // `-9223372036854775808` is one literal, the smallest integer: 2^63 alone does not fit.
      this.advance();
      this.advance();
      const text = `-${next.value}`;
      return { kind: 'number', text, isInt: true, value: Number(text), span: this.spanFrom(token.start) };
    }
    const saved = this.enter();
    this.advance();
    const operand = this.parseUnary();
    this.depth = saved;
    return { kind: 'unary', operator, operand, span: this.spanFrom(token.start) };
  }

  /** A primary followed by `.name`, `[index]` and calls of dotted names. */
  private parsePostfix(): Expr {
    const saved = this.depth;
    const start = this.token.start;
    let expr = this.parsePrimary();
    // The dotted name written so far, while the chain is only identifiers and dots; a
    // parenthesised identifier starts after `start` and is not a name that can be called.
    let callee = expr.kind === 'identifier' && expr.span.start === start ? expr.name : undefined;
    for (;;) {
      const token = this.token;
      if (token.kind !== 'punctuation') break;
      if (token.value === '.') {
        this.enter();
        this.advance();
        const name = this.token;
        if (name.kind !== 'identifier' && name.kind !== 'keyword' && name.kind !== 'boolean' && name.kind !== 'null') {
          this.failAtToken(EXPR_MESSAGES.expectedPropertyName(this.describe(name)));
        }
        const property = this.text.slice(name.start, name.end);
        this.advance();
        expr = { kind: 'member', object: expr, property, propertySpan: { start: name.start, end: name.end }, span: this.spanFrom(start) };
        if (callee !== undefined) callee += `.${property}`;
      } else if (token.value === '[') {
        this.enter();
        this.advance();
        if (this.isPunctuation(':')) this.failAtToken(EXPR_MESSAGES.slice);
        const index = this.parseBinary(0);
        if (this.isPunctuation(':')) this.failAtToken(EXPR_MESSAGES.slice);
        this.expectClose(token, ']');
        expr = { kind: 'index', object: expr, index, span: this.spanFrom(start) };
        callee = undefined;
      } else if (token.value === '(') {
        if (callee === undefined) this.fail(EXPR_MESSAGES.notCallable, start, this.previousEnd);
        this.enter();
        const calleeSpan = { start, end: this.previousEnd };
        this.advance();
        const args = this.parseItems(token, ')');
        expr = { kind: 'call', callee, calleeSpan, args, span: this.spanFrom(start) };
        callee = undefined;
      } else {
        break;
      }
    }
    this.depth = saved;
    return expr;
  }

  private parsePrimary(): Expr {
    const token = this.token;
    const span = { start: token.start, end: token.end };
    switch (token.kind) {
      case 'number':
        if (token.isInt && token.value === INT64_MIN_DIGITS) this.fail(EXPR_MESSAGES.numberOutOfRange(token.value, true), token.start, token.end);
        this.advance();
        return { kind: 'number', text: token.value, isInt: token.isInt, value: Number(token.value), span };
      case 'string':
        this.advance();
        return { kind: 'string', value: token.value, span };
      case 'boolean':
        this.advance();
        return { kind: 'boolean', value: token.value === 'true', span };
      case 'null':
        this.advance();
        return { kind: 'null', span };
      case 'identifier':
        if (token.value.toLowerCase() === 'not' && isMiscasedKeyword(token.value) && startsOperand(this.peek())) {
          this.failAtToken(EXPR_MESSAGES.miscasedKeyword(token.value));
        }
        this.advance();
        return { kind: 'identifier', name: token.value, span };
      case 'punctuation':
        if (token.value === '(') return this.parseParenthesized(token);
        if (token.value === '[') return this.parseList(token);
        if (token.value === '{') return this.parseMap(token);
        break;
      default:
        break;
    }
    return this.failAtToken(EXPR_MESSAGES.expectedExpression(this.describe(token)));
  }

  private parseParenthesized(open: Token): Expr {
    const saved = this.enter();
    this.advance();
    const inner = this.parseBinary(0);
    this.expectClose(open, ')');
    this.depth = saved;
    return inner;
  }

  private parseList(open: Token): Expr {
    const saved = this.enter();
    this.advance();
    const items = this.parseItems(open, ']');
    this.depth = saved;
    return { kind: 'list', items, span: this.spanFrom(open.start) };
  }

  /** Comma-separated expressions up to `close` (consumed); the opening token is already consumed. */
  private parseItems(open: Token, close: ')' | ']'): Expr[] {
    const items: Expr[] = [];
    if (this.isPunctuation(close)) {
      this.advance();
      return items;
    }
    for (;;) {
      items.push(this.parseBinary(0));
      if (this.isPunctuation(',')) {
        this.advance();
        continue;
      }
      this.expectClose(open, close, true);
      return items;
    }
  }

  private parseMap(open: Token): Expr {
    const saved = this.enter();
    this.advance();
    const entries: { key: Expr; value: Expr }[] = [];
    if (this.isPunctuation('}')) {
      this.advance();
    } else {
      for (;;) {
        const key = this.parseBinary(0);
        if (!this.isPunctuation(':')) {
          if (this.atEnd()) this.fail(EXPR_MESSAGES.notClosed('{'), open.start, open.end);
          this.failAtToken(EXPR_MESSAGES.expectedColon(this.describe(this.token)));
        }
        this.advance();
        entries.push({ key, value: this.parseBinary(0) });
        if (this.isPunctuation(',')) {
          this.advance();
          continue;
        }
        this.expectClose(open, '}', true);
        break;
      }
    }
    this.depth = saved;
    return { kind: 'map', entries, span: this.spanFrom(open.start) };
  }

  /** Consumes `close`, or fails: "not closed" at the opener at the end of text, else at the token. */
  private expectClose(open: Token, close: string, afterItem = false): void {
    if (this.isPunctuation(close)) {
      this.advance();
      return;
    }
    if (this.atEnd()) this.fail(EXPR_MESSAGES.notClosed(open.value), open.start, open.end);
    const found = this.describe(this.token);
    this.failAtToken(afterItem ? EXPR_MESSAGES.expectedCommaOrClose(close, found) : EXPR_MESSAGES.expectedClose(close, found));
  }

  private atEnd(): boolean {
    return this.token.kind === 'eof';
  }

  private isPunctuation(value: string): boolean {
    return this.token.kind === 'punctuation' && this.token.value === value;
  }

  private advance(): void {
    this.previousEnd = this.token.end;
    if (this.lookahead) {
      this.token = this.lookahead;
      this.lookahead = undefined;
    } else {
      this.token = this.checked(this.lexer.next());
    }
  }

  private peek(): Token {
    this.lookahead ??= this.checked(this.lexer.next());
    return this.lookahead;
  }

  /** A lexical error ends the parse where it is found. */
  private checked(token: Token): Token {
    if (token.kind === 'error') this.fail(token.value, token.start, token.end);
    return token;
  }

  /** One more nesting level; returns the level to restore when the construct is done. */
  private enter(): number {
    const saved = this.depth;
    if (++this.depth > MAX_EXPRESSION_DEPTH) {
      this.failAtToken(EXPR_MESSAGES.tooDeep(MAX_EXPRESSION_DEPTH));
    }
    return saved;
  }

  private spanFrom(start: number): Span {
    return { start, end: this.previousEnd };
  }

  private describe(token: Token): string {
    return describeToken(token, this.text);
  }

  private failAtToken(message: string): never {
    return this.fail(message, this.token.start, this.token.end);
  }

  private fail(message: string, start: number, end: number): never {
    throw new SyntaxFailure({ message, span: { start, end } });
  }
}

/** Tokens that can begin an operand: used to tell `Not x` (a mis-cased `not`) from a variable `Not`. */
function startsOperand(token: Token): boolean {
  switch (token.kind) {
    case 'number': case 'string': case 'identifier': case 'boolean': case 'null':
      return true;
    case 'keyword':
      return token.value === 'not';
    case 'punctuation':
      return token.value === '(' || token.value === '[' || token.value === '{';
    default:
      return false;
  }
}
