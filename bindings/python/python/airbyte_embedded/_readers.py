"""Faster lifting of results into records (same records, same values, fewer Python steps).

As generated, reading a result from its buffer makes one call per field through the
converter classes (``_UniffiFfiConverterOptionalString.read(stream)``), and each of those calls
the stream's ``read_u8``/``read_i32``/``read``, which check bounds and unpack one value: a
record of ten fields costs some forty Python calls, and a page of 100 records as much time as
the HTTP request that fetched it.

``install`` gives every converter that lifts through the shared buffer converter a ``lift``
that, on its first call, reads the converter's ``read`` method from the generated module's
source, and those of the converters it reads through, and compiles one function per converter
of a record, an enum, an optional, a sequence or a map (``Readers``). Each reads from the
result's bytes at an offset, with precompiled ``struct`` unpackers and slices; strings,
booleans, numbers, their optionals and lists, and the records of a list are read inline, so
that reading a record is at most one call; a custom type's value (the JSON objects and values)
is its builtin value read inline and passed to the function the generated ``read`` passes it
to (``_json.loads``). The objects are the generated classes, built as
the generated code builds them: a record whose ``__init__`` only stores its fields gets them
stored directly (the same attributes, in the same order), as does a variant without fields
whose ``__init__`` does nothing; other variants and records are constructed by the same call
as in the generated code. A converter whose ``read`` does not have one of the shapes known here
(objects, durations, timestamps, and anything a newer uniffi generates differently) is read by
the generated converter itself, from the same bytes at the same offset.

The compiled ``lift`` copies the buffer once, frees it, and reads the copy. A buffer that ends
early raises ``InternalError`` as the generated reader does, and one with bytes left over
``RuntimeError``. ``install`` changes nothing when the module lacks the helpers it uses; a
converter whose source cannot be read keeps the generated ``lift`` after its first call.
Nothing is compiled at import.
"""

from __future__ import annotations

import ast
import functools
import struct
import threading
from types import ModuleType
from typing import Any, Dict, List, Optional, Tuple

_PREFIX = "_UniffiFfiConverter"

# Converters of fixed-size values: the stream method their `read` calls, its `struct` format.
_FIXED = {
    "read_i8": ">b",
    "read_u8": ">B",
    "read_i16": ">h",
    "read_u16": ">H",
    "read_i32": ">i",
    "read_u32": ">I",
    "read_i64": ">q",
    "read_u64": ">Q",
    "read_float": ">f",
    "read_double": ">d",
}

# The bodies of the generated `read`s that `_classify` recognises, as source; compared after
# parsing, so formatting does not matter.
_STRING_READ = """
size = buf.read_i32()
if size < 0:
    raise InternalError("Unexpected negative string length")
utf8_bytes = buf.read(size)
return utf8_bytes.decode("utf-8")
"""
_BYTES_READ = """
size = buf.read_i32()
if size < 0:
    raise InternalError("Unexpected negative byte string length")
return buf.read(size)
"""
_BOOLEAN_READ = "return cls.lift(buf.read_u8())"
_BOOLEAN_LIFT = "return value != 0"


def _dump(statements: List[ast.stmt]) -> List[str]:
    return [ast.dump(s) for s in statements]


@functools.lru_cache(maxsize=None)
def _parse(source: str) -> List[str]:
    """The dumped statements of `source` (cached: the templates are parsed once)."""
    return _dump(ast.parse(source.strip()).body)


@functools.lru_cache(maxsize=None)
def _expression(source: str) -> str:
    """The dumped expression `source` (cached)."""
    return ast.dump(ast.parse(source, mode="eval").body)


def _body(function: ast.FunctionDef) -> List[ast.stmt]:
    """The statements of `function`, without its docstring."""
    body = list(function.body)
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]
    return body


def _read_of(node: ast.AST) -> Optional[str]:
    """The converter named by `node` when it is `<converter>.read(buf)`."""
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "read"
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id.startswith(_PREFIX)
        and len(node.args) == 1
        and isinstance(node.args[0], ast.Name)
        and node.args[0].id == "buf"
        and not node.keywords
    ):
        return node.func.value.id
    return None


def _dotted(node: ast.AST) -> Optional[str]:
    """`A` or `A.B.C` as text, when `node` is only names and attributes."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        inner = _dotted(node.value)
        return None if inner is None else f"{inner}.{node.attr}"
    return None


def _construction(node: ast.AST) -> Optional[Tuple[str, List[Tuple[Optional[str], str]]]]:
    """`(callee, [(keyword or None, converter)])` when `node` is `Callee(<reads>)`: positional
    reads, then keyword reads, each `<converter>.read(buf)`."""
    if not isinstance(node, ast.Call):
        return None
    callee = _dotted(node.func)
    if callee is None:
        return None
    parts: List[Tuple[Optional[str], str]] = []
    for arg in node.args:
        converter = _read_of(arg)
        if converter is None:
            return None
        parts.append((None, converter))
    for keyword in node.keywords:
        converter = _read_of(keyword.value)
        if keyword.arg is None or converter is None:
            return None
        parts.append((keyword.arg, converter))
    return callee, parts


def _flag_read(statements: List[ast.stmt]) -> Optional[str]:
    """The inner converter of an optional's `read`."""
    if len(statements) != 2:
        return None
    first, second = statements
    expected = _parse("flag = buf.read_u8()")
    if _dump([first]) != expected or not isinstance(second, ast.If):
        return None
    if ast.dump(second.test) != _expression("flag == 0"):
        return None
    if _dump(second.body) != _parse("return None") or len(second.orelse) != 1:
        return None
    present = second.orelse[0]
    if not isinstance(present, ast.If):
        return None
    if ast.dump(present.test) != _expression("flag == 1"):
        return None
    if len(present.body) != 1 or not isinstance(present.body[0], ast.Return):
        return None
    if len(present.orelse) != 1 or not isinstance(present.orelse[0], ast.Raise):
        return None
    value = present.body[0].value
    return None if value is None else _read_of(value)


def _count_prefix(statements: List[ast.stmt], what: str) -> bool:
    """Whether `statements` start `count = buf.read_i32()` and its check for a negative one."""
    return len(statements) >= 2 and _dump(statements[:2]) == _parse(
        f'count = buf.read_i32()\nif count < 0:\n    raise InternalError("{what}")'
    )


def _sequence_read(statements: List[ast.stmt]) -> Optional[str]:
    if len(statements) != 3 or not _count_prefix(statements, "Unexpected negative sequence length"):
        return None
    result = statements[2]
    if not isinstance(result, ast.Return) or not isinstance(result.value, ast.ListComp):
        return None
    comp = result.value
    if len(comp.generators) != 1:
        return None
    loop = comp.generators[0]
    if ast.dump(loop.iter) != _expression("range(count)") or loop.ifs:
        return None
    return _read_of(comp.elt)


def _map_read(statements: List[ast.stmt]) -> Optional[Tuple[str, str]]:
    if len(statements) != 5 or not _count_prefix(statements, "Unexpected negative map size"):
        return None
    start, loop, result = statements[2:]
    if _dump([start]) != _parse("d = {}") or _dump([result]) != _parse("return d"):
        return None
    if not isinstance(loop, ast.For) or loop.orelse:
        return None
    if ast.dump(loop.iter) != _expression("range(count)"):
        return None
    if len(loop.body) != 3:
        return None
    key, value, store = loop.body
    if _dump([store]) != _parse("d[key] = val"):
        return None
    if not (isinstance(key, ast.Assign) and isinstance(value, ast.Assign)):
        return None
    if ast.dump(key.targets[0]) != ast.dump(ast.Name("key", ast.Store())) or len(key.targets) != 1:
        return None
    if ast.dump(value.targets[0]) != ast.dump(ast.Name("val", ast.Store())) or len(value.targets) != 1:
        return None
    key_converter, value_converter = _read_of(key.value), _read_of(value.value)
    if key_converter is None or value_converter is None:
        return None
    return key_converter, value_converter


def _enum_read(
    statements: List[ast.stmt],
) -> Optional[List[Tuple[int, str, Optional[List[Tuple[Optional[str], str]]]]]]:
    """`[(variant, callee, reads)]` of an enum's (or an error's) `read`; `reads` is None for a
    variant returned as it is (a flat enum's member) rather than made by a call."""
    if len(statements) < 3 or _dump(statements[:1]) != _parse("variant = buf.read_i32()"):
        return None
    if not isinstance(statements[-1], ast.Raise):
        return None
    variants: List[Tuple[Any, str, Optional[List[Tuple[Optional[str], str]]]]] = []
    for branch in statements[1:-1]:
        if not isinstance(branch, ast.If) or branch.orelse or len(branch.body) != 1:
            return None
        test = branch.test
        if not (
            isinstance(test, ast.Compare)
            and isinstance(test.left, ast.Name)
            and test.left.id == "variant"
            and len(test.ops) == 1
            and isinstance(test.ops[0], ast.Eq)
            and isinstance(test.comparators[0], ast.Constant)
            and type(test.comparators[0].value) is int
        ):
            return None
        result = branch.body[0]
        if not isinstance(result, ast.Return) or result.value is None:
            return None
        constant = _dotted(result.value)
        if constant is not None and "." in constant:
            # A member of a flat enum (`LogLevel.ERROR`): the same object every time.
            variants.append((test.comparators[0].value, constant, None))
            continue
        made = _construction(result.value)
        if made is None:
            return None
        variants.append((test.comparators[0].value, made[0], made[1]))
    return variants


def _stores_only(init: ast.FunctionDef, fields: List[str]) -> bool:
    """Whether `__init__(self, *, <fields>)` only stores each field under its own name, in
    order (`self.f = f`, or `if f is _DEFAULT: self.f = <default> else: self.f = f`), so that
    storing the attributes directly makes the same object."""
    args = init.args
    if args.posonlyargs or args.vararg or args.kwarg or [a.arg for a in args.args] != ["self"]:
        return False
    if [a.arg for a in args.kwonlyargs] != fields:
        return False
    stored = []
    for statement in _body(init):
        if isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant):
            continue
        if isinstance(statement, ast.Assign):
            target, value = statement.targets, statement.value
            if not (len(target) == 1 and isinstance(target[0], ast.Attribute)):
                return False
            attr = target[0]
            if not (isinstance(attr.value, ast.Name) and attr.value.id == "self"):
                return False
            if not (isinstance(value, ast.Name) and value.id == attr.attr):
                return False
            stored.append(attr.attr)
            continue
        if isinstance(statement, ast.If):
            test = statement.test
            if not (
                isinstance(test, ast.Compare)
                and isinstance(test.left, ast.Name)
                and isinstance(test.ops[0], ast.Is)
                and isinstance(test.comparators[0], ast.Name)
                and test.comparators[0].id == "_DEFAULT"
                and len(statement.orelse) == 1
            ):
                return False
            name = test.left.id
            if _dump(statement.orelse) != _parse(f"self.{name} = {name}"):
                return False
            if len(statement.body) != 1 or not isinstance(statement.body[0], ast.Assign):
                return False
            default = statement.body[0].targets
            if not (len(default) == 1 and _dotted(default[0]) == f"self.{name}"):
                return False
            stored.append(name)
            continue
        return False
    return stored == fields


# What a converter's `read` is, as `_classify` found it:
#   ("string",) ("bytes",) ("bool",) ("fixed", format) ("same", converter)
#   ("custom", converter, head, attributes): a custom type, the builtin value read by
#             `converter` and passed to the function `head.attributes` (`_json.loads`)
#   ("optional", converter) ("sequence", converter) ("map", key, value)
#   ("record", class, [(field, converter)], stores_only)
#   ("enum", [(variant, callee, [(keyword or None, converter)] or None for a member returned
#             as it is, the member or the class made bare, else None)])
#   ("generated",): read by the generated converter.
Kind = Tuple[Any, ...]


def _block(function: Any) -> Optional[str]:
    """The source of `function` (with its decorators), dedented: its decorators, its `def`
    line and the lines after it indented deeper, as `linecache` has the file. None when there
    is none."""
    import linecache

    code = getattr(function, "__code__", None)
    if code is None:
        return None
    lines = linecache.getlines(code.co_filename)
    start = code.co_firstlineno - 1
    if not 0 <= start < len(lines):
        return None
    first = lines[start]
    indent = len(first) - len(first.lstrip())
    end = start
    while end < len(lines) and lines[end].lstrip().startswith("@"):
        end += 1  # the decorators, at the function's own indentation
    end += 1
    while end < len(lines):
        line = lines[end]
        if line.strip() and len(line) - len(line.lstrip()) <= indent:
            break
        end += 1
    return "".join(line[indent:] if line.strip() else "\n" for line in lines[start:end])


def _function_ast(function: Any) -> Optional[ast.FunctionDef]:
    """The parsed source of a generated method (a function, or a static or class method).

    Read by indentation from the module's lines (far cheaper than `inspect.getsource`, which
    tokenizes); when that does not parse as one function (a string ending at the margin
    inside it), `inspect.getsource`."""
    function = getattr(function, "__func__", function)
    for attempt in (0, 1):
        try:
            if attempt == 0:
                source = _block(function)
            else:
                import inspect  # only when compiling: importing it costs more than this module
                import textwrap

                source = textwrap.dedent(inspect.getsource(function))
            if source is None:
                continue
            tree = ast.parse(source)
        except (OSError, TypeError, SyntaxError, ValueError):
            continue
        if len(tree.body) == 1 and isinstance(tree.body[0], ast.FunctionDef):
            return tree.body[0]
    return None


def _custom_read(body: List[ast.stmt], generated: ModuleType) -> Optional[Kind]:
    """The kind of a custom type's converter, whose `read` is
    `builtin_value = <converter>.read(buf)` then `return <function>(builtin_value)`, the
    function a name or attribute of the generated module (`_json.loads`)."""
    if len(body) != 2 or not isinstance(body[0], ast.Assign) or not isinstance(body[1], ast.Return):
        return None
    targets = body[0].targets
    if len(targets) != 1 or not isinstance(targets[0], ast.Name):
        return None
    inner = _read_of(body[0].value)
    call = body[1].value
    if inner is None or not isinstance(call, ast.Call) or call.keywords or len(call.args) != 1:
        return None
    argument = call.args[0]
    if not isinstance(argument, ast.Name) or argument.id != targets[0].id:
        return None
    callee = _dotted(call.func)
    if callee is None:
        return None
    head, *rest = callee.split(".")
    value = getattr(generated, head, None)
    if value is None:
        return None
    function = value
    for attr in rest:
        function = getattr(function, attr, None)
    if not callable(function):
        return None
    return ("custom", inner, value, "".join(f".{attr}" for attr in rest))


def _classify(cls: type, generated: ModuleType) -> Kind:
    """What the generated converter `cls` reads, from the source of its `read` (and, for a
    record, of the record's `__init__`)."""
    read = _function_ast(cls.__dict__.get("read"))
    if read is None:
        return ("generated",)
    body = _body(read)
    dumped = _dump(body)
    if dumped == _parse(_STRING_READ):
        return ("string",)
    if dumped == _parse(_BYTES_READ):
        return ("bytes",)
    if dumped == _parse(_BOOLEAN_READ):
        lift = _function_ast(cls.__dict__.get("lift"))
        if lift is not None and _dump(_body(lift)) == _parse(_BOOLEAN_LIFT):
            return ("bool",)
        return ("generated",)
    custom = _custom_read(body, generated)
    if custom is not None:
        return custom
    if len(body) == 1 and isinstance(body[0], ast.Return) and body[0].value is not None:
        value = ast.dump(body[0].value)
        for method, fmt in _FIXED.items():
            if value == _expression(f"buf.{method}()"):
                return ("fixed", fmt)
        same = _read_of(body[0].value)
        if same is not None:
            return ("same", same)
        made = _construction(body[0].value)
        if made is None or "." in made[0] or any(k is None for k, _ in made[1]):
            return ("generated",)
        record = getattr(generated, made[0], None)
        if not isinstance(record, type):
            return ("generated",)
        init = _function_ast(record.__dict__.get("__init__"))
        fields = [k for k, _ in made[1] if k is not None]
        plain_new = getattr(record, "__new__") is object.__new__
        stores = init is not None and plain_new and _stores_only(init, fields)
        return ("record", made[0], made[1], stores)
    inner = _flag_read(body)
    if inner is not None:
        return ("optional", inner)
    inner = _sequence_read(body)
    if inner is not None:
        return ("sequence", inner)
    pair = _map_read(body)
    if pair is not None:
        return ("map", pair[0], pair[1])
    variants = _enum_read(body)
    if variants is None:
        return ("generated",)
    resolved: List[Tuple[Any, ...]] = []
    for variant, callee, parts in variants:
        head, *rest = callee.split(".")
        target: Any = getattr(generated, head, None)
        for attr in rest:
            target = getattr(target, attr, None)
        if parts is None:
            if target is None:
                return ("generated",)
            resolved.append((variant, callee, None, target))
            continue
        if not callable(target):
            return ("generated",)
        # A variant without fields whose `__init__` does nothing is made without calling it.
        bare = None
        if not parts and isinstance(target, type) and getattr(target, "__new__") is object.__new__:
            init = _function_ast(target.__dict__.get("__init__") or getattr(target, "__init__", None))
            if init is not None and _dump(_body(init)) == _parse("pass") and _no_arguments(init):
                bare = target
        resolved.append((variant, callee, parts, bare))
    return ("enum", resolved)


def _no_arguments(function: ast.FunctionDef) -> bool:
    """Whether `function` takes `self` only."""
    args = function.args
    return (
        [a.arg for a in args.args] == ["self"]
        and not (args.posonlyargs or args.kwonlyargs or args.vararg or args.kwarg)
    )


class _Compiler:
    """Writes the source of one reader function per compiled converter:
    `_r_<converter>(data, pos)` returns `(value, pos after it)`."""

    def __init__(self, kinds: Dict[str, Kind]) -> None:
        self.kinds = kinds
        self.names = 0
        self.formats: Dict[str, str] = {}
        # Objects the compiled source refers to by name (variant classes, custom types'
        # conversion modules), and the names given to them by identity.
        self.constants: Dict[str, Any] = {}
        self.constant_names: Dict[int, str] = {}

    def resolve(self, converter: str) -> Kind:
        """What `converter` reads, following converters that forward to another."""
        seen = set()
        kind = self.kinds.get(converter, ("generated",))
        while kind[0] == "same" and converter not in seen:
            seen.add(converter)
            converter = kind[1]
            kind = self.kinds.get(converter, ("generated",))
        if kind[0] == "same":
            return ("generated",)
        return kind

    def target(self, converter: str) -> str:
        """The converter whose function reads `converter` (itself, or the one it forwards to)."""
        seen = set()
        while self.kinds.get(converter, ("generated",))[0] == "same" and converter not in seen:
            seen.add(converter)
            converter = self.kinds[converter][1]
        return converter

    def fresh(self, stem: str) -> str:
        self.names += 1
        return f"_{stem}{self.names}"

    def unpack(self, fmt: str) -> str:
        name = self.formats.get(fmt)
        if name is None:
            name = f"_u{len(self.formats)}"
            self.formats[fmt] = name
        return name

    def constant(self, value: Any) -> str:
        """The name the compiled source refers to `value` by."""
        name = self.constant_names.get(id(value))
        if name is None:
            name = f"_k{len(self.constants)}"
            self.constants[name] = value
            self.constant_names[id(value)] = name
        return name

    def leaf(self, converter: str) -> bool:
        """Whether a `converter` value is read inline (a string, bytes, a boolean, a number)."""
        return self.resolve(converter)[0] in ("string", "bytes", "bool", "fixed")

    def emit(self, converter: str, out: str, lines: List[str], pad: str) -> None:
        """Lines that read one `converter` value at `pos` into `out` and advance `pos`:
        leaves inline, optionals' flags and sequences of leaves inline, other values by a
        call to their reader."""
        kind = self.resolve(converter)
        tag = kind[0]
        if tag == "string" or tag == "bytes":
            # Unsigned: a negative length goes past the end, which the next read or the final
            # length check reports.
            n = self.fresh("n")
            lines.append(f"{pad}{n} = pos + 4 + {self.unpack('>I')}(data, pos)[0]")
            value = f"data[pos + 4:{n}]"
            lines.append(f"{pad}{out} = {value}.decode()" if tag == "string" else f"{pad}{out} = {value}")
            lines.append(f"{pad}pos = {n}")
        elif tag == "bool":
            lines.append(f"{pad}{out} = data[pos] != 0")
            lines.append(f"{pad}pos += 1")
        elif tag == "fixed":
            fmt = kind[1]
            lines.append(f"{pad}{out} = {self.unpack(fmt)}(data, pos)[0]")
            lines.append(f"{pad}pos += {struct.calcsize(fmt)}")
        elif tag == "optional":
            flag = self.fresh("f")
            lines.append(f"{pad}{flag} = data[pos]")
            lines.append(f"{pad}pos += 1")
            lines.append(f"{pad}if {flag} == 1:")
            self.emit(kind[1], out, lines, pad + "    ")
            lines.append(f"{pad}elif {flag} == 0:")
            lines.append(f"{pad}    {out} = None")
            lines.append(f"{pad}else:")
            lines.append(f"{pad}    raise InternalError('Unexpected flag byte for optional type')")
        elif tag == "sequence" and self.leaf(kind[1]):
            count, item = self.fresh("c"), self.fresh("i")
            lines.append(f"{pad}{count} = {self.unpack('>i')}(data, pos)[0]")
            lines.append(f"{pad}pos += 4")
            lines.append(f"{pad}if {count} < 0:")
            lines.append(f"{pad}    raise InternalError('Unexpected negative sequence length')")
            lines.append(f"{pad}{out} = []")
            lines.append(f"{pad}for _ in range({count}):")
            self.emit(kind[1], item, lines, pad + "    ")
            lines.append(f"{pad}    {out}.append({item})")
        elif tag == "custom":
            builtin = self.fresh("b")
            self.emit(kind[1], builtin, lines, pad)
            # A value cut short is reported as the generated reader reports it (read past the
            # end), not as whatever the conversion makes of the part that is there.
            lines.append(f"{pad}if pos > len(data):")
            lines.append(f"{pad}    raise IndexError")
            lines.append(f"{pad}{out} = {self.constant(kind[2])}{kind[3]}({builtin})")
        elif tag == "generated":
            lines.append(f"{pad}{out}, pos = _generated_read({converter}, data, pos)")
        else:
            lines.append(f"{pad}{out}, pos = _r_{self.target(converter)}(data, pos)")

    def record(self, kind: Kind, out: str, lines: List[str], pad: str) -> None:
        """Lines that read a record of `kind` at `pos` into `out`: its fields, then the object,
        made as its `__init__` makes it (stored directly when that only stores them)."""
        _, cls, fields, stores = kind
        names = []
        for field, field_converter in fields:
            name = self.fresh(f"v_{field}_")
            self.emit(field_converter, name, lines, pad)
            names.append((field, name))
        if stores:
            lines.append(f"{pad}{out} = _new({cls})")
            for field, name in names:
                lines.append(f"{pad}{out}.{field} = {name}")
        else:
            arguments = ", ".join(f"{field}={name}" for field, name in names)
            lines.append(f"{pad}{out} = {cls}({arguments})")

    def function(self, converter: str) -> Optional[List[str]]:
        """The reader function of `converter`, when it is compiled (not a leaf, not generated)."""
        kind = self.kinds[converter]
        tag = kind[0]
        lines = [f"def _r_{converter}(data, pos):"]
        pad = "    "
        if tag == "optional" or (tag == "sequence" and self.leaf(kind[1])):
            self.emit(converter, "value", lines, pad)
            lines.append(f"{pad}return value, pos")
        elif tag == "sequence":
            lines.append(f"{pad}count = {self.unpack('>i')}(data, pos)[0]")
            lines.append(f"{pad}pos += 4")
            lines.append(f"{pad}if count < 0:")
            lines.append(f"{pad}    raise InternalError('Unexpected negative sequence length')")
            lines.append(f"{pad}items = []")
            lines.append(f"{pad}append = items.append")
            lines.append(f"{pad}for _ in range(count):")
            element = self.resolve(kind[1])
            if element[0] == "record":
                # The element's fields read in the loop: one call fewer per element.
                self.record(element, "item", lines, pad + "    ")
            else:
                self.emit(kind[1], "item", lines, pad + "    ")
            lines.append(f"{pad}    append(item)")
            lines.append(f"{pad}return items, pos")
        elif tag == "map":
            lines.append(f"{pad}count = {self.unpack('>i')}(data, pos)[0]")
            lines.append(f"{pad}pos += 4")
            lines.append(f"{pad}if count < 0:")
            lines.append(f"{pad}    raise InternalError('Unexpected negative map size')")
            lines.append(f"{pad}d = {{}}")
            lines.append(f"{pad}for _ in range(count):")
            self.emit(kind[1], "key", lines, pad + "    ")
            self.emit(kind[2], "val", lines, pad + "    ")
            lines.append(f"{pad}    d[key] = val")
            lines.append(f"{pad}return d, pos")
        elif tag == "record":
            self.record(kind, "obj", lines, pad)
            lines.append(f"{pad}return obj, pos")
        elif tag == "enum":
            lines.append(f"{pad}variant = {self.unpack('>i')}(data, pos)[0]")
            lines.append(f"{pad}pos += 4")
            for variant, callee, parts, bare in kind[1]:
                lines.append(f"{pad}if variant == {variant}:")
                if bare is not None:
                    constant = self.constant(bare)
                    made = constant if parts is None else f"_new({constant})"
                    lines.append(f"{pad}    return {made}, pos")
                    continue
                arguments = []
                for index, (keyword, part) in enumerate(parts):
                    name = f"a{index}"
                    self.emit(part, name, lines, pad + "    ")
                    arguments.append(name if keyword is None else f"{keyword}={name}")
                lines.append(f"{pad}    return {callee}({', '.join(arguments)}), pos")
            lines.append(f"{pad}raise InternalError(\"Raw enum value doesn't match any cases\")")
        else:
            return None
        return lines


_COMPOSITE = ("optional", "sequence", "map", "record", "enum")


class Readers:
    """The compiled readers of one generated module, made on first use: ``reader(name)``
    classifies the converter ``name`` and every converter it reads through, and compiles the
    ones not compiled yet (a few milliseconds for a record type; nothing at import)."""

    def __init__(self, generated: ModuleType) -> None:
        self.generated = generated
        self.kinds: Dict[str, Kind] = {}
        self.readers: Dict[str, Any] = {}
        self.compiler = _Compiler(self.kinds)
        self.lock = threading.Lock()
        stream = generated._UniffiRustBufferStream

        def generated_read(converter: Any, data: bytes, pos: int) -> Tuple[Any, int]:
            """Reads one value with the generated converter, from `data` at `pos`."""
            buf = stream(data, len(data))
            buf.offset = pos
            return converter.read(buf), buf.offset

        self.namespace: Dict[str, Any] = {
            "InternalError": generated.InternalError,
            "_generated_read": generated_read,
            "_new": object.__new__,
        }

    def kind(self, name: str) -> Kind:
        """What converter ``name`` is (classified once)."""
        kind = self.kinds.get(name)
        if kind is None:
            cls = getattr(self.generated, name, None)
            kind = _classify(cls, self.generated) if isinstance(cls, type) else ("generated",)
            self.kinds[name] = kind
        return kind

    def _reachable(self, name: str) -> List[str]:
        """``name`` and every converter its values are read through, each once."""
        order: List[str] = []
        seen = set()
        stack = [name]
        while stack:
            current = stack.pop()
            if current in seen:
                continue
            seen.add(current)
            order.append(current)
            kind = self.kind(current)
            tag = kind[0]
            if tag in ("same", "optional", "sequence", "custom"):
                stack.append(kind[1])
            elif tag == "map":
                stack.extend(kind[1:3])
            elif tag == "record":
                stack.extend(c for _, c in kind[2])
            elif tag == "enum":
                for _, _, parts, _ in kind[1]:
                    stack.extend(c for _, c in parts or ())
        return order

    def reader(self, name: str) -> Optional[Any]:
        """The compiled ``reader(data, pos) -> (value, pos)`` of converter ``name``, or None
        when it is read by the generated code."""
        with self.lock:
            if name in self.readers:
                return self.readers[name]
            pending = []
            for converter in self._reachable(name):
                kind = self.kinds[converter]
                if kind[0] in _COMPOSITE and converter not in self.readers:
                    pending.append(converter)
            source: List[str] = []
            for converter in pending:
                lines = self.compiler.function(converter)
                if lines is not None:
                    source.extend(lines)
                    source.append("")
            namespace = self.namespace
            for fmt, unpacker in self.compiler.formats.items():
                namespace.setdefault(unpacker, struct.Struct(fmt).unpack_from)
            namespace.update(self.compiler.constants)
            for converter in pending:
                kind = self.kinds[converter]
                names = [converter]
                if kind[0] == "record":
                    names.append(kind[1])
                elif kind[0] == "enum":
                    names.extend(callee.split(".")[0] for _, callee, _, _ in kind[1])
                for part in _parts(kind):
                    names.append(part)
                for ref in names:
                    if ref not in namespace:
                        namespace[ref] = getattr(self.generated, ref)
            code = compile("\n".join(source), f"<{__name__} readers>", "exec")
            exec(code, namespace)  # noqa: S102  (written above from the module's converters)
            for converter in pending:
                self.readers[converter] = namespace.get(f"_r_{converter}")
            return self.readers.get(name)


def _parts(kind: Kind) -> List[str]:
    """The converters a value of ``kind`` reads directly."""
    tag = kind[0]
    if tag in ("same", "optional", "sequence", "custom"):
        return [kind[1]]
    if tag == "map":
        return [kind[1], kind[2]]
    if tag == "record":
        return [c for _, c in kind[2]]
    if tag == "enum":
        return [c for _, _, parts, _ in kind[1] for _, c in parts or ()]
    return []


_READ_ERRORS = (struct.error, IndexError)


def fast_lift(reader: Any, internal_error: type) -> Any:
    """A converter's ``lift`` reading with ``reader``: one copy of the buffer, which is then
    freed, read from offset 0 to its end."""

    def lift(rbuf: Any) -> Any:
        try:
            size = rbuf.len
            # One slice of the foreign pointer copies it all.
            data = rbuf.data[:size] if size else b""
        finally:
            rbuf.free()
        try:
            value, pos = reader(data, 0)
        except _READ_ERRORS:
            raise internal_error("read past end of rust buffer") from None
        if pos != size:
            if pos > size:
                raise internal_error("read past end of rust buffer")
            raise RuntimeError(f"junk data left in buffer at end of consume_with_stream {size - pos}")
        return value

    lift.uniffi_fast_lift = True  # type: ignore[attr-defined]
    return lift


def deferred_lift(readers: Readers, cls: type, name: str) -> Any:
    """The ``lift`` ``install`` gives converter ``cls`` (named ``name``): its first call
    compiles the reader and puts the compiled ``lift`` in its place, or, when there is no
    reader (or compiling fails), removes itself so that the generated ``lift`` is used; then
    lifts with whichever it is."""
    internal_error = readers.generated.InternalError

    def lift(rbuf: Any) -> Any:
        try:
            reader = readers.reader(name)
        except Exception:  # noqa: BLE001  (anything unexpected: the generated path)
            reader = None
        if cls.__dict__.get("lift") is not None and getattr(getattr(cls, "lift"), "uniffi_deferred", False):
            if reader is None:
                del cls.lift  # type: ignore[attr-defined]
            else:
                cls.lift = staticmethod(fast_lift(reader, internal_error))  # type: ignore[attr-defined]
        return cls.lift(rbuf)  # type: ignore[attr-defined]

    lift.uniffi_deferred = True  # type: ignore[attr-defined]
    return lift


def install(generated: ModuleType) -> bool:
    """Gives every result converter of ``generated`` that lifts through the shared buffer
    converter (``_UniffiConverterRustBuffer.lift``) a ``lift`` that reads with a compiled
    reader, compiled on its first call (``deferred_lift``); a converter without one goes back
    to the generated ``lift`` then. Returns whether it patched anything; patches nothing when
    the module lacks the helpers the readers use or its source is not available."""
    base = getattr(generated, "_UniffiConverterRustBuffer", None)
    internal_error = getattr(generated, "InternalError", None)
    stream = getattr(generated, "_UniffiRustBufferStream", None)
    if base is None or internal_error is None or stream is None:
        return False
    if not isinstance(base.__dict__.get("lift"), classmethod):
        return False
    # Whether the source is there is found out on first use: reading it here would add to
    # every import.
    if getattr(generated, "__file__", None) is None:
        return False
    readers = Readers(generated)
    patched = 0
    for name, cls in list(vars(generated).items()):
        if not (name.startswith(_PREFIX) and isinstance(cls, type)):
            continue
        # Only converters that lift through the shared buffer converter: one with a `lift` of
        # its own lifts something else.
        if not issubclass(cls, base) or "lift" in cls.__dict__ or "read" not in cls.__dict__:
            continue
        cls.lift = staticmethod(deferred_lift(readers, cls, name))  # type: ignore[attr-defined]
        patched += 1
    generated._uniffi_readers = readers  # type: ignore[attr-defined]
    return patched > 0
