/**
 * The rule grammar, in Peggy's PEG notation. Each action builds an {@link Expr} node with the
 * span of its text. Private to core/rules: {@link parseRule} in parse.ts is the entry point.
 *
 * Summary (lowest precedence first):
 * ```
 * rule       = or
 * or         = and ("or" and)*
 * and        = not ("and" not)*
 * not        = "not" not | comparison
 * comparison = sum [("<" | "<=" | ">" | ">=" | "==" | "!=" | "crosses_above" | "crosses_below") sum]
 * sum        = product (("+" | "-") product)*
 * product    = unary (("*" | "/") unary)*
 * unary      = "-" unary | postfix
 * postfix    = primary ("." name)*
 * primary    = number | string | true | false | $param [= number [in number..number]]
 *            | name "(" [arg ("," arg)*] ")" | name | "(" or ")"
 * arg        = name ":" or | or
 * ```
 * Keywords are case-insensitive; `#` starts a comment that runs to the end of the line.
 *
 * @module
 */
export const RULE_GRAMMAR = String.raw`
{{
  function join(a, b) {
    return { line: a.line, column: a.column, endLine: b.endLine, endColumn: b.endColumn,
      offset: a.offset, endOffset: b.endOffset };
  }
  function fold(head, tail, type) {
    return tail.reduce((left, [op, right]) =>
      ({ type, op, left, right, span: join(left.span, right.span) }), head);
  }
}}
{
  function sp() {
    const l = location();
    return { line: l.start.line, column: l.start.column, endLine: l.end.line,
      endColumn: l.end.column, offset: l.start.offset, endOffset: l.end.offset };
  }
}

Rule = _ e:Or _ { return e; }

Or = head:And tail:(_ OrKw _ @And)* {
  return tail.length ? { type: "logic", op: "or", operands: [head, ...tail], span: sp() } : head;
}

And = head:Not tail:(_ AndKw _ @Not)* {
  return tail.length ? { type: "logic", op: "and", operands: [head, ...tail], span: sp() } : head;
}

Not
  = NotKw _ e:Not { return { type: "not", operand: e, span: sp() }; }
  / Comparison

Comparison = left:Sum tail:(_ @CompareOp _ @Sum)? {
  return tail ? { type: "compare", op: tail[0], left, right: tail[1], span: sp() } : left;
}

CompareOp "comparison"
  = "<=" / ">=" / "==" / "!=" / "<" / ">"
  / op:$("crosses_above"i / "crosses_below"i) !IdChar { return op.toLowerCase(); }

Sum = head:Product tail:(_ @("+" / "-") _ @Product)* { return fold(head, tail, "arith"); }

Product = head:Unary tail:(_ @("*" / "/") _ @Unary)* { return fold(head, tail, "arith"); }

Unary
  = "-" _ e:Unary { return { type: "neg", operand: e, span: sp() }; }
  / Postfix

Postfix = head:Primary tail:(_ "." _ @Field)* {
  return tail.reduce((object, f) => ({ type: "member", object, field: f.name,
    fieldSpan: f.span, span: join(object.span, f.span) }), head);
}

Field "output name" = name:IdName { return { name, span: sp() }; }

Primary = Number / String / Bool / Param / Call / Ident / Group

Group = "(" _ @Or _ ")"

Call = name:CallName _ "(" _ args:Args? _ ")" {
  return { type: "call", name: name.name, nameSpan: name.span, args: args ?? [], span: sp() };
}

CallName = name:IdName { return { name, span: sp() }; }

Args = head:Arg tail:(_ "," _ @Arg)* { return [head, ...tail]; }

Arg
  = name:IdName _ ":" _ value:Or { return { name, value, span: sp() }; }
  / value:Or { return { value, span: sp() }; }

Ident "name" = !Keyword name:IdName { return { type: "ident", name, span: sp() }; }

Param "parameter" = "$" name:IdName decl:(_ "=" _ @Signed @(_ InKw _ @Signed _ ".." _ @Signed)?)? {
  if (!decl) return { type: "param", name, span: sp() };
  const [def, range] = decl;
  const d = range ? { default: def, min: range[0], max: range[1] } : { default: def };
  return { type: "param", name, decl: d, span: sp() };
}

Signed = sign:"-"? n:Digits { return sign ? -n : n; }

Number "number" = n:Digits { return { type: "number", value: n, span: sp() }; }

Digits = text:$([0-9]+ ("_" [0-9]+)* ("." [0-9]+)?) !IdChar { return Number(text.replaceAll("_", "")); }

String "string"
  = '"' chars:$[^"\n]* '"' { return { type: "string", value: chars, span: sp() }; }
  / "'" chars:$[^'\n]* "'" { return { type: "string", value: chars, span: sp() }; }

Bool
  = "true"i !IdChar { return { type: "bool", value: true, span: sp() }; }
  / "false"i !IdChar { return { type: "bool", value: false, span: sp() }; }

Keyword = ("and"i / "or"i / "not"i / "true"i / "false"i / "in"i / "crosses_above"i / "crosses_below"i) !IdChar
AndKw = "and"i !IdChar
OrKw = "or"i !IdChar
NotKw = "not"i !IdChar
InKw = "in"i !IdChar

IdName = $([a-zA-Z_] IdChar*)
IdChar = [a-zA-Z0-9_]

_ = ([ \t\r\n] / "#" [^\n]*)*
`;
