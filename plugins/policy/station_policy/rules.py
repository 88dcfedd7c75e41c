"""The rule language of the policy catalogue: a tiny, safe expression language (never ``eval``).

A policy officer writes conditions like::

    facts.rd_spend_fen[year-1] >= 200万元 and has_cert("高新技术企业")
    enterprise.founded_on >= today - 3 * 365 or enterprise.stage in ["startup", "operation"]
    facts.layoffs[year-1] <= facts.insured_staff[year-1] * 5.5%

Its own tokenizer and recursive-descent parser build a small tree; nothing is ever handed to Python's
``eval``. Values: integers (money is integer fen: ``200万元`` = 200,000,000 fen, ``1.5亿元``, ``800元``),
Decimals (``5.5%`` = 0.055), strings, dates (``date("2025-06-30")``, ``today``), booleans, lists.

Logic is three-valued (Kleene): a fact the station does not hold is UNKNOWN, and UNKNOWN propagates
through arithmetic and comparisons; ``and`` is False as soon as one side is False, ``or`` True as soon
as one side is True. So a missing fact gives "unknown", never "eligible".

Two evaluators share the tree: ``interpret`` walks it for one enterprise (explanations, the naive
baseline of the benchmark), and ``compile_columnar`` turns it once into closures that evaluate a whole
column of enterprises at a time, narrowing the candidates condition by condition (the matcher).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from station_policy.facts import ENTERPRISE_FIELDS, FACTS


class _Unknown:
    """The third truth value: a fact the station does not hold."""

    _instance: _Unknown | None = None

    def __new__(cls) -> _Unknown:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "UNKNOWN"

    def __bool__(self) -> bool:
        raise TypeError("UNKNOWN has no truth value; test it with `is UNKNOWN`")


UNKNOWN: Any = _Unknown()


class RuleError(ValueError):
    """A rule that cannot be read. The message is Chinese and points at the place."""


# -- tokens -------------------------------------------------------------------------------------

_UNITS = {"亿元": 10_000_000_000, "万元": 1_000_000, "元": 100}
_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
  | (?P<number>\d+(?:\.\d+)?)(?P<unit>亿元|万元|元|%)?
  | (?P<string>"[^"]*"|'[^']*'|“[^”]*”)
  | (?P<op>==|!=|<=|>=|<|>|\+|-|\*|/|\(|\)|\[|\]|,|\.)
  | (?P<name>[A-Za-z_][A-Za-z_0-9]*)
    """,
    re.VERBOSE,
)
KEYWORDS = {"and", "or", "not", "in", "between", "true", "false"}


@dataclass(frozen=True)
class Token:
    kind: str  # number | string | op | name | keyword | end
    value: Any
    pos: int


def quantity(text: str) -> int | Decimal:
    """``"200万元"`` -> 200000000 (fen), ``"5.5%"`` -> Decimal("0.055"), ``"12"`` -> 12."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(亿元|万元|元|%)?\s*", str(text))
    if not m:
        raise RuleError(f"“{text}”不是数额，请写成 200万元、800元、5.5% 或整数。")
    return _number(m.group(1), m.group(2))


def _number(digits: str, unit: str | None) -> int | Decimal:
    value = Decimal(digits)
    if unit == "%":
        return value / 100
    if unit:
        fen = value * _UNITS[unit]
        if fen != fen.to_integral_value():
            raise RuleError(f"{digits}{unit} 不是整分的金额。")
        return int(fen)
    return int(value) if value == value.to_integral_value() and "." not in digits else value


def tokenize(source: str) -> list[Token]:
    tokens: list[Token] = []
    pos = 0
    while pos < len(source):
        m = _TOKEN.match(source, pos)
        if m is None:
            raise RuleError(f"规则第 {pos + 1} 个字符“{source[pos]}”无法识别：{source}")
        kind = m.lastgroup if m.lastgroup != "unit" else "number"
        if m.group("number") is not None:
            tokens.append(Token("number", _number(m.group("number"), m.group("unit")), pos))
        elif kind == "string":
            tokens.append(Token("string", m.group("string")[1:-1], pos))
        elif kind == "op":
            tokens.append(Token("op", m.group("op"), pos))
        elif kind == "name":
            word = m.group("name")
            tokens.append(Token("keyword" if word in KEYWORDS else "name", word, pos))
        pos = m.end()
    tokens.append(Token("end", None, len(source)))
    return tokens


# -- tree ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Node:
    op: str  # const | fact | field | var | cert | call | not | and | or | cmp | in | between | arith | neg | list
    args: tuple[Any, ...] = ()


def const_value(node: Node) -> Any:
    return node.args[0]


class Parser:
    def __init__(self, source: str) -> None:
        self.source = source
        self.tokens = tokenize(source)
        self.i = 0

    def parse(self) -> Node:
        node = self.expr()
        if self.peek().kind != "end":
            self.fail("多余的内容")
        return node

    # helpers
    def peek(self) -> Token:
        return self.tokens[self.i]

    def take(self) -> Token:
        tok = self.tokens[self.i]
        self.i += 1
        return tok

    def accept(self, kind: str, value: Any = None) -> Token | None:
        tok = self.peek()
        if tok.kind == kind and (value is None or tok.value == value):
            self.i += 1
            return tok
        return None

    def expect(self, kind: str, value: Any = None) -> Token:
        tok = self.accept(kind, value)
        if tok is None:
            self.fail(f"这里应当是“{value or kind}”")
        return tok  # type: ignore[return-value]

    def fail(self, what: str) -> None:
        pos = self.peek().pos
        raise RuleError(f"规则写法有误（第 {pos + 1} 个字符处{what}）：{self.source}")

    # grammar
    def expr(self) -> Node:
        node = self.conj()
        while self.accept("keyword", "or"):
            node = Node("or", (node, self.conj()))
        return node

    def conj(self) -> Node:
        node = self.neg()
        while self.accept("keyword", "and"):
            node = Node("and", (node, self.neg()))
        return node

    def neg(self) -> Node:
        if self.accept("keyword", "not"):
            return Node("not", (self.neg(),))
        return self.comparison()

    def comparison(self) -> Node:
        left = self.sum()
        tok = self.peek()
        if tok.kind == "op" and tok.value in ("==", "!=", "<", "<=", ">", ">="):
            self.take()
            return Node("cmp", (tok.value, left, self.sum()))
        if self.accept("keyword", "in"):
            return Node("in", (left, self.sum()))
        if tok.kind == "keyword" and tok.value == "not" and self.tokens[self.i + 1].value == "in":
            self.i += 2
            return Node("not", (Node("in", (left, self.sum())),))
        if self.accept("keyword", "between"):
            low = self.sum()
            self.expect("keyword", "and")
            return Node("between", (left, low, self.sum()))
        return left

    def sum(self) -> Node:
        node = self.product()
        while (tok := self.peek()).kind == "op" and tok.value in ("+", "-"):
            self.take()
            node = Node("arith", (tok.value, node, self.product()))
        return node

    def product(self) -> Node:
        node = self.unary()
        while (tok := self.peek()).kind == "op" and tok.value in ("*", "/"):
            self.take()
            node = Node("arith", (tok.value, node, self.unary()))
        return node

    def unary(self) -> Node:
        if self.accept("op", "-"):
            return Node("neg", (self.unary(),))
        return self.primary()

    def primary(self) -> Node:
        tok = self.take()
        if tok.kind in ("number", "string"):
            return Node("const", (tok.value,))
        if tok.kind == "keyword" and tok.value in ("true", "false"):
            return Node("const", (tok.value == "true",))
        if tok.kind == "op" and tok.value == "(":
            node = self.expr()
            self.expect("op", ")")
            return node
        if tok.kind == "op" and tok.value == "[":
            items: list[Node] = []
            if not self.accept("op", "]"):
                items.append(self.expr())
                while self.accept("op", ","):
                    items.append(self.expr())
                self.expect("op", "]")
            return Node("list", tuple(items))
        if tok.kind == "name":
            return self.name(tok)
        self.i -= 1
        self.fail("缺少数值或名称")
        raise AssertionError  # pragma: no cover

    def name(self, tok: Token) -> Node:
        word = tok.value
        if word in ("facts", "enterprise"):
            self.expect("op", ".")
            key = self.expect("name").value
            if word == "enterprise":
                if key not in ENTERPRISE_FIELDS:
                    raise RuleError(f"企业没有“{key}”这一项，可用：{'、'.join(ENTERPRISE_FIELDS)}。")
                return Node("field", (key,))
            spec = FACTS.get(key)
            if spec is None:
                raise RuleError(f"没有名为“{key}”的企业数据项，请查看数据项清单（facts.py）。")
            index: Node | None = None
            if self.accept("op", "["):
                index = self.expr()
                self.expect("op", "]")
                if _depends_on_rows(index):
                    raise RuleError(f"“{key}”的年份只能用 year、today 和数字写成：{self.source}")
            if spec.yearly and index is None:
                raise RuleError(f"“{spec.label}”按年度记录，请写明年份，如 facts.{key}[year-1]。")
            if not spec.yearly and index is not None:
                raise RuleError(f"“{spec.label}”不分年度，不要写年份。")
            return Node("fact", (key, index))
        if word in ("year", "today"):
            return Node("var", (word,))
        if self.accept("op", "("):
            args: list[Node] = []
            if not self.accept("op", ")"):
                args.append(self.expr())
                while self.accept("op", ","):
                    args.append(self.expr())
                self.expect("op", ")")
            return self.call(word, args)
        self.i -= 1
        self.fail(f"不认识的名称“{word}”")
        raise AssertionError  # pragma: no cover

    def call(self, fn: str, args: list[Node]) -> Node:
        if fn == "date":
            if len(args) != 1 or args[0].op != "const" or not isinstance(const_value(args[0]), str):
                raise RuleError(f'date 需要一个日期文字，如 date("2025-06-30")：{self.source}')
            try:
                return Node("const", (dt.date.fromisoformat(const_value(args[0])),))
            except ValueError:
                raise RuleError(f"“{const_value(args[0])}”不是日期，请写成 2025-06-30。") from None
        if fn in ("has_cert", "cert_expires"):
            if len(args) != 1 or args[0].op != "const":
                raise RuleError(f'{fn} 需要一个证书名称，如 {fn}("高新技术企业")。')
            return Node("cert", (fn, const_value(args[0])))
        if fn in FUNCTIONS:
            arity = FUNCTIONS[fn][0]
            if arity is not None and len(args) != arity:
                raise RuleError(f"{fn} 需要 {arity} 个参数：{self.source}")
            if arity is None and not args:
                raise RuleError(f"{fn} 至少需要一个参数：{self.source}")
            return Node("call", (fn, tuple(args)))
        raise RuleError(f"不认识的函数“{fn}”，可用：date、has_cert、cert_expires、{'、'.join(FUNCTIONS)}。")


def _depends_on_rows(node: Node) -> bool:
    if node.op in ("fact", "field", "cert"):
        return True
    return any(isinstance(a, Node) and _depends_on_rows(a) for a in node.args) or any(
        isinstance(a, tuple) and any(isinstance(x, Node) and _depends_on_rows(x) for x in a) for a in node.args
    )


def parse(source: str) -> Node:
    return Parser(str(source)).parse()


# -- what a rule is evaluated against -----------------------------------------------------------


@dataclass
class Subject:
    """One enterprise as the rules see it: registry fields, facts by (key, year) and certificates."""

    enterprise: dict[str, Any]
    facts: dict[tuple[str, int], Any]  # year 0 for facts that are not yearly
    certs: dict[str, dt.date | None]  # kind -> expiry (None: no expiry)


@dataclass(frozen=True)
class Env:
    today: dt.date

    @property
    def year(self) -> int:
        return self.today.year


# -- scalar functions (shared by both evaluators) ----------------------------------------------


def _years_since(d: Any, today: dt.date) -> Any:
    if d is UNKNOWN or d is None:
        return UNKNOWN
    years = today.year - d.year - ((today.month, today.day) < (d.month, d.day))
    return years


def _min(*xs: Any) -> Any:
    return UNKNOWN if any(x is UNKNOWN for x in xs) else min(xs)


def _max(*xs: Any) -> Any:
    return UNKNOWN if any(x is UNKNOWN for x in xs) else max(xs)


def _days(a: Any, b: Any) -> Any:
    return UNKNOWN if a is UNKNOWN or b is UNKNOWN else (b - a).days


def _starts_with(s: Any, prefix: Any) -> Any:
    return UNKNOWN if s is UNKNOWN or prefix is UNKNOWN else str(s).startswith(str(prefix))


# name -> (arity or None for variadic, function(*args, today))
FUNCTIONS: dict[str, tuple[int | None, Callable[..., Any]]] = {
    "min": (None, lambda today, *xs: _min(*xs)),
    "max": (None, lambda today, *xs: _max(*xs)),
    "years_since": (1, lambda today, d: _years_since(d, today)),
    "days_until": (1, lambda today, d: _days(today, d)),
    "days_between": (2, lambda today, a, b: _days(a, b)),
    "starts_with": (2, lambda today, s, p: _starts_with(s, p)),
}


def _cmp(op: str, a: Any, b: Any) -> Any:
    if a is UNKNOWN or b is UNKNOWN:
        return UNKNOWN
    try:
        return _CMP[op](a, b)
    except TypeError:
        raise RuleError(f"无法比较 {a!r} 与 {b!r}，请检查规则中的数据类型。") from None


_CMP: dict[str, Callable[[Any, Any], bool]] = {
    "==": lambda a, b: a == b,
    "!=": lambda a, b: a != b,
    "<": lambda a, b: a < b,
    "<=": lambda a, b: a <= b,
    ">": lambda a, b: a > b,
    ">=": lambda a, b: a >= b,
}


def _arith(op: str, a: Any, b: Any) -> Any:
    if a is UNKNOWN or b is UNKNOWN:
        return UNKNOWN
    if isinstance(a, dt.date) and isinstance(b, int) and op in "+-":
        return a + dt.timedelta(days=b) if op == "+" else a - dt.timedelta(days=b)
    if op == "/":
        if b == 0:
            return UNKNOWN  # a share of nothing is not known, rather than an error
        return Decimal(a) / Decimal(b)
    if isinstance(a, Decimal) or isinstance(b, Decimal):
        a, b = Decimal(a), Decimal(b)
    try:
        return a + b if op == "+" else a - b if op == "-" else a * b
    except TypeError:
        raise RuleError(f"无法计算 {a!r} {op} {b!r}，请检查规则中的数据类型。") from None


def _truth(v: Any) -> Any:
    if v is UNKNOWN or v is None:
        return UNKNOWN
    return bool(v)


def _and(a: Any, b: Any) -> Any:
    if a is False or b is False:
        return False
    if a is UNKNOWN or b is UNKNOWN:
        return UNKNOWN
    return True


def _or(a: Any, b: Any) -> Any:
    if a is True or b is True:
        return True
    if a is UNKNOWN or b is UNKNOWN:
        return UNKNOWN
    return False


def _not(a: Any) -> Any:
    return UNKNOWN if a is UNKNOWN else not a


def _in(a: Any, b: Any) -> Any:
    if a is UNKNOWN or b is UNKNOWN:
        return UNKNOWN
    return a in b


def cert_value(subject_certs: dict[str, dt.date | None], fn: str, kind: str, today: dt.date) -> Any:
    """``has_cert``: the certificate registry is complete (一数一源), so an absent certificate is False."""
    if kind not in subject_certs:
        return False if fn == "has_cert" else UNKNOWN
    expires = subject_certs[kind]
    if fn == "cert_expires":
        return UNKNOWN if expires is None else expires
    return expires is None or expires >= today


# -- the naive evaluator: walk the tree for one enterprise -------------------------------------


def interpret(node: Node, subject: Subject, env: Env) -> Any:
    op, args = node.op, node.args
    if op == "const":
        return args[0]
    if op == "fact":
        key, index = args
        year = 0 if index is None else interpret(index, subject, env)
        value = subject.facts.get((key, year))
        return UNKNOWN if value is None else value
    if op == "field":
        value = subject.enterprise.get(args[0])
        return UNKNOWN if value is None or value == "" else value
    if op == "var":
        return env.today if args[0] == "today" else env.year
    if op == "cert":
        return cert_value(subject.certs, args[0], args[1], env.today)
    if op == "not":
        return _not(_truth(interpret(args[0], subject, env)))
    if op == "and":
        left = _truth(interpret(args[0], subject, env))
        if left is False:
            return False
        return _and(left, _truth(interpret(args[1], subject, env)))
    if op == "or":
        left = _truth(interpret(args[0], subject, env))
        if left is True:
            return True
        return _or(left, _truth(interpret(args[1], subject, env)))
    if op == "cmp":
        return _cmp(args[0], interpret(args[1], subject, env), interpret(args[2], subject, env))
    if op == "in":
        return _in(interpret(args[0], subject, env), interpret(args[1], subject, env))
    if op == "between":
        value = interpret(args[0], subject, env)
        low = _cmp(">=", value, interpret(args[1], subject, env))
        return _and(low, _cmp("<=", value, interpret(args[2], subject, env)))
    if op == "arith":
        return _arith(args[0], interpret(args[1], subject, env), interpret(args[2], subject, env))
    if op == "neg":
        value = interpret(args[0], subject, env)
        return UNKNOWN if value is UNKNOWN else -value
    if op == "list":
        values = [interpret(a, subject, env) for a in args]
        return UNKNOWN if any(v is UNKNOWN for v in values) else values
    if op == "call":
        fn, call_args = args
        return FUNCTIONS[fn][1](env.today, *(interpret(a, subject, env) for a in call_args))
    raise AssertionError(op)  # pragma: no cover


def fact_refs(node: Node, env: Env) -> list[tuple[str, int]]:
    """The (fact key, year) pairs a rule reads, in reading order: what an explanation shows."""
    found: list[tuple[str, int]] = []

    def walk(n: Node) -> None:
        if n.op == "fact":
            key, index = n.args
            year = 0 if index is None else interpret(index, Subject({}, {}, {}), env)
            if (key, year) not in found:
                found.append((key, year))
            return
        for a in n.args:
            if isinstance(a, Node):
                walk(a)
            elif isinstance(a, tuple):
                for x in a:
                    if isinstance(x, Node):
                        walk(x)

    walk(node)
    return found


def field_refs(node: Node) -> list[str]:
    found: list[str] = []

    def walk(n: Node) -> None:
        if n.op == "field" and n.args[0] not in found:
            found.append(n.args[0])
        for a in n.args:
            if isinstance(a, Node):
                walk(a)
            elif isinstance(a, tuple):
                for x in a:
                    if isinstance(x, Node):
                        walk(x)

    walk(node)
    return found


def cert_refs(node: Node) -> list[str]:
    found: list[str] = []

    def walk(n: Node) -> None:
        if n.op == "cert" and n.args[1] not in found:
            found.append(n.args[1])
        for a in n.args:
            if isinstance(a, Node):
                walk(a)
            elif isinstance(a, tuple):
                for x in a:
                    if isinstance(x, Node):
                        walk(x)

    walk(node)
    return found


# -- the compiled evaluator: closures over columns of enterprises ------------------------------


class Frame:
    """Many subjects evaluated together. Columns are built once per frame and shared by every policy."""

    def __init__(self, subjects: Sequence[Subject], env: Env) -> None:
        self.subjects = subjects
        self.env = env
        self._columns: dict[tuple[Any, ...], list[Any]] = {}

    def __len__(self) -> int:
        return len(self.subjects)

    def fact_column(self, key: str, year: int) -> list[Any]:
        col = self._columns.get(("fact", key, year))
        if col is None:
            want = (key, year)
            col = [s.facts.get(want, UNKNOWN) for s in self.subjects]
            self._columns[("fact", key, year)] = col
        return col

    def field_column(self, name: str) -> list[Any]:
        col = self._columns.get(("field", name))
        if col is None:
            col = [s.enterprise.get(name) for s in self.subjects]
            col = [UNKNOWN if v is None or v == "" else v for v in col]
            self._columns[("field", name)] = col
        return col

    def cert_column(self, fn: str, kind: str) -> list[Any]:
        col = self._columns.get((fn, kind))
        if col is None:
            today = self.env.today
            col = [cert_value(s.certs, fn, kind, today) for s in self.subjects]
            self._columns[(fn, kind)] = col
        return col


# A compiled node: either a constant (known at bind time) or a function of (frame, row indices).
Vec = Callable[[Frame, list[int]], list[Any]]


@dataclass(frozen=True)
class Compiled:
    const: bool
    value: Any = None  # the constant, for const
    fn: Vec | None = None  # evaluates rows, for vectors
    truth: bool = False  # its rows are already True, False or UNKNOWN (no conversion needed)

    def rows(self, frame: Frame, idx: list[int]) -> list[Any]:
        if self.const:
            return [self.value] * len(idx)
        return self.fn(frame, idx)  # type: ignore[misc]


def _bind_const(node: Node, env: Env) -> Any:
    return interpret(node, Subject({}, {}, {}), env)


def compile_columnar(node: Node, env: Env) -> Compiled:
    """Compile a rule for one evaluation date into closures over columns; constants are folded."""
    if not _depends_on_rows(node):
        return Compiled(True, _bind_const(node, env))
    op, args = node.op, node.args
    if op == "fact":
        key, index = args
        year = 0 if index is None else _bind_const(index, env)
        return Compiled(False, fn=lambda f, idx: _take(f.fact_column(key, year), idx))
    if op == "field":
        name = args[0]
        return Compiled(False, fn=lambda f, idx: _take(f.field_column(name), idx))
    if op == "cert":
        fn_name, kind = args
        return Compiled(False, fn=lambda f, idx: _take(f.cert_column(fn_name, kind), idx), truth=fn_name == "has_cert")
    if op == "cmp":
        return _compile_cmp(args[0], compile_columnar(args[1], env), compile_columnar(args[2], env))
    if op == "between":
        value = compile_columnar(args[0], env)
        low = _compile_cmp(">=", value, compile_columnar(args[1], env))
        high = _compile_cmp("<=", value, compile_columnar(args[2], env))
        return _compile_logic("and", low, high)
    if op in ("and", "or"):
        return _compile_logic(op, _as_truth(compile_columnar(args[0], env)), _as_truth(compile_columnar(args[1], env)))
    if op == "not":
        inner = _as_truth(compile_columnar(args[0], env))
        return Compiled(
            False, fn=lambda f, idx: [UNKNOWN if v is UNKNOWN else not v for v in inner.rows(f, idx)], truth=True
        )
    if op == "in":
        left, right = compile_columnar(args[0], env), compile_columnar(args[1], env)
        if right.const and right.value is not UNKNOWN:
            members = frozenset(right.value) if _hashable(right.value) else right.value
            return Compiled(
                False,
                fn=lambda f, idx: [UNKNOWN if v is UNKNOWN else v in members for v in left.rows(f, idx)],
                truth=True,
            )
        return _truthy(_zip2(left, right, _in))
    if op == "arith":
        sym = args[0]
        return _zip2(compile_columnar(args[1], env), compile_columnar(args[2], env), lambda a, b: _arith(sym, a, b))
    if op == "neg":
        inner = compile_columnar(args[0], env)
        return Compiled(False, fn=lambda f, idx: [UNKNOWN if v is UNKNOWN else -v for v in inner.rows(f, idx)])
    if op == "list":
        items = [compile_columnar(a, env) for a in args]
        return Compiled(
            False,
            fn=lambda f, idx: [
                UNKNOWN if any(v is UNKNOWN for v in row) else list(row)
                for row in zip(*(c.rows(f, idx) for c in items), strict=True)
            ],
        )
    if op == "call":
        fn_name, call_args = args
        impl = FUNCTIONS[fn_name][1]
        compiled = [compile_columnar(a, env) for a in call_args]
        today = env.today
        return Compiled(
            False,
            fn=lambda f, idx: [impl(today, *row) for row in zip(*(c.rows(f, idx) for c in compiled), strict=True)],
        )
    raise AssertionError(op)  # pragma: no cover


def _hashable(value: Any) -> bool:
    try:
        frozenset(value)
    except TypeError:
        return False
    return True


def _take(col: list[Any], idx: list[int]) -> list[Any]:
    return [col[i] for i in idx]


def _truthy(c: Compiled) -> Compiled:
    return Compiled(c.const, c.value, c.fn, truth=True)


def _against_constant(op: str, lf: Vec, c: Any) -> Vec:
    """One comprehension per operator, so the hot loop makes no function call per enterprise."""
    U = UNKNOWN
    if op == ">=":
        return lambda f, idx: [U if v is U else v >= c for v in lf(f, idx)]
    if op == ">":
        return lambda f, idx: [U if v is U else v > c for v in lf(f, idx)]
    if op == "<=":
        return lambda f, idx: [U if v is U else v <= c for v in lf(f, idx)]
    if op == "<":
        return lambda f, idx: [U if v is U else v < c for v in lf(f, idx)]
    if op == "==":
        return lambda f, idx: [U if v is U else v == c for v in lf(f, idx)]
    return lambda f, idx: [U if v is U else v != c for v in lf(f, idx)]


def _compile_cmp(op: str, left: Compiled, right: Compiled) -> Compiled:
    if right.const and not left.const:
        c = right.value
        if c is UNKNOWN:
            return Compiled(True, UNKNOWN)
        fast = _against_constant(op, left.fn, c)  # type: ignore[arg-type]

        def cmp_const(f: Frame, idx: list[int]) -> list[Any]:
            try:
                return fast(f, idx)
            except TypeError:
                raise RuleError(f"无法比较规则中的数据与 {c!r}，请检查数据类型。") from None

        return Compiled(False, fn=cmp_const, truth=True)
    return _truthy(_zip2(left, right, lambda a, b: _cmp(op, a, b)))


def _zip2(left: Compiled, right: Compiled, fn: Callable[[Any, Any], Any]) -> Compiled:
    if left.const:
        a = left.value
        return Compiled(False, fn=lambda f, idx: [fn(a, b) for b in right.rows(f, idx)])
    if right.const:
        b = right.value
        return Compiled(False, fn=lambda f, idx: [fn(a, b) for a in left.rows(f, idx)])
    return Compiled(False, fn=lambda f, idx: list(map(fn, left.rows(f, idx), right.rows(f, idx))))


def _as_truth(c: Compiled) -> Compiled:
    if c.truth:
        return c
    if c.const:
        return Compiled(True, _truth(c.value), truth=True)
    inner = c.fn
    return Compiled(
        False,
        fn=lambda f, idx: [v if v is True or v is False or v is UNKNOWN else _truth(v) for v in inner(f, idx)],  # type: ignore[misc]
        truth=True,
    )


def _compile_logic(op: str, left: Compiled, right: Compiled) -> Compiled:
    """Kleene and/or; the right side is evaluated only for the rows the left side did not decide."""
    decided = op != "and"  # the value that settles it: False for and, True for or
    combine = _and if op == "and" else _or
    if left.const:
        if left.value is decided:
            return Compiled(True, decided, truth=True)
        if right.const:
            return Compiled(True, combine(left.value, right.value), truth=True)
        a = left.value
        return Compiled(False, fn=lambda f, idx: [combine(a, b) for b in right.rows(f, idx)], truth=True)

    def logic(f: Frame, idx: list[int]) -> list[Any]:
        lv = left.rows(f, idx)
        open_pos = [p for p, v in enumerate(lv) if v is not decided]
        if not open_pos:
            return lv
        rv = right.rows(f, [idx[p] for p in open_pos])
        out = list(lv)
        for p, b in zip(open_pos, rv, strict=True):
            out[p] = combine(lv[p], b)
        return out

    return Compiled(False, fn=logic, truth=True)
