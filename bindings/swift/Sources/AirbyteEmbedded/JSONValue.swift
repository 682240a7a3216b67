// JSON values as Swift values, for the generated bindings' `JsonValue` (`JSONValue`) and
// `JsonObject` (`JSONObject`): connector configs, specs, `partialDefaultConfig`, destination
// configs and form models. They cross the native library as JSON text; the generated converters
// (bindings/uniffi/uniffi.toml) call `lift`, `liftObject`, `loweredText` and `lowerObject` here.
import Foundation

/// Any JSON value: a connector config, a spec, a form model.
///
/// Integers stay exact in `.int` (any integer that fits an `Int64`); other numbers are
/// `.double`. Build one from literals (`["host": "db", "port": 5432, "tags": ["a"], "tls":
/// nil]`), from your own `Encodable` type (`JSONValue(encoding:)`), or from JSON text
/// (`JSONValue(jsonText:)`); read it with the subscripts and the `…Value` accessors, or decode
/// it into your own `Decodable` type (`decode(_:)`). Objects are Swift dictionaries, so key
/// order is not kept, and an integer beyond `Int64` becomes a `.double`: where the exact text
/// matters, pass it as is (`Spec.fromText`, `Spec.validateText`).
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)
}

/// A JSON object (a connector config, a template's `partialDefaultConfig`).
public typealias JSONObject = [String: JSONValue]

/// JSON text that does not parse: where (a byte offset into its UTF-8) and why.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The byte offset into the text's UTF-8 where parsing stopped.
    public let offset: Int
    /// What was wrong there (`"expected a value"`, ...).
    public let reason: String

    public var description: String { "invalid JSON text at byte \(offset): \(reason)" }
}

// MARK: - Literals

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral, ExpressibleByStringLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral
{
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int64) { self = .int(value) }
    public init(floatLiteral value: Double) { self = .double(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(JSONObject(elements, uniquingKeysWith: { _, last in last }))
    }
}

// MARK: - Reading

extension JSONValue {
    /// The member `key` of an object; `nil` for a missing key or a value that is not an object.
    public subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    /// The element at `index` of an array; `nil` out of range or for a value that is not one.
    public subscript(index: Int) -> JSONValue? {
        if case .array(let items) = self, items.indices.contains(index) { return items[index] }
        return nil
    }

    /// Whether this is `null`.
    public var isNull: Bool { self == .null }
    /// The boolean, if this is one.
    public var boolValue: Bool? { if case .bool(let b) = self { return b } else { return nil } }
    /// The integer, if this is an `.int`.
    public var intValue: Int64? { if case .int(let i) = self { return i } else { return nil } }
    /// The number as a `Double` (an `.int` converted), if this is a number.
    public var doubleValue: Double? {
        switch self {
        case .int(let i): return Double(i)
        case .double(let d): return d
        default: return nil
        }
    }
    /// The string, if this is one.
    public var stringValue: String? {
        if case .string(let s) = self { return s } else { return nil }
    }
    /// The elements, if this is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let a) = self { return a } else { return nil }
    }
    /// The members, if this is an object.
    public var objectValue: JSONObject? {
        if case .object(let o) = self { return o } else { return nil }
    }
}

// MARK: - Codable

extension JSONValue: Codable {
    /// Decodes any JSON value; a whole number that fits an `Int64` becomes `.int`.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let b = try? container.decode(Bool.self) {
            self = .bool(b)
        } else if let i = try? container.decode(Int64.self) {
            self = .int(i)
        } else if let d = try? container.decode(Double.self) {
            self = .double(d)
        } else if let s = try? container.decode(String.self) {
            self = .string(s)
        } else if let a = try? container.decode([JSONValue].self) {
            self = .array(a)
        } else if let o = try? container.decode(JSONObject.self) {
            self = .object(o)
        } else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "not a JSON value")
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let b): try container.encode(b)
        case .int(let i): try container.encode(i)
        case .double(let d): try container.encode(d)
        case .string(let s): try container.encode(s)
        case .array(let a): try container.encode(a)
        case .object(let o): try container.encode(o)
        }
    }
}

// MARK: - Your own types

extension JSONValue {
    /// The JSON value `value` encodes to with `encoder` (your own `Encodable` struct).
    ///
    /// Throws `AirbyteError.invalidArgument` (argument `value`) when the encoder refuses it (a
    /// NaN, say), with the encoder's reason.
    public init(encoding value: some Encodable, encoder: JSONEncoder = JSONEncoder()) throws {
        self = try JSONValue.encoded(value, argument: "value", encoder: encoder)
    }

    /// Decodes this value into your own `Decodable` type with `decoder`.
    public func decode<T: Decodable>(_ type: T.Type, decoder: JSONDecoder = JSONDecoder()) throws
        -> T
    {
        try decoder.decode(type, from: Data(try jsonText().utf8))
    }

    /// `value` encoded as a JSON value, refusals naming `argument`.
    static func encoded(
        _ value: some Encodable, argument: String, encoder: JSONEncoder = JSONEncoder()
    ) throws -> JSONValue {
        let data: Data
        do {
            data = try encoder.encode(value)
        } catch {
            throw AirbyteError.invalidArgument(
                argument: argument, detail: "is not a JSON value: \(reason(error))")
        }
        return try JSONValue(jsonText: String(decoding: data, as: UTF8.self))
    }

    /// `value` encoded as a JSON object, refusals naming `argument`.
    static func encodedObject(
        _ value: some Encodable, argument: String, encoder: JSONEncoder = JSONEncoder()
    ) throws -> JSONObject {
        guard case .object(let object) = try encoded(value, argument: argument, encoder: encoder)
        else {
            throw AirbyteError.invalidArgument(
                argument: argument, detail: "must be a JSON object")
        }
        return object
    }

    /// Why the encoder refused a value: the kind of problem and the coding path, never the value.
    private static func reason(_ error: Error) -> String {
        guard let error = error as? EncodingError else { return "\(type(of: error))" }
        switch error {
        case .invalidValue(_, let context):
            let path = context.codingPath.map { $0.intValue.map(String.init) ?? $0.stringValue }
            let at = path.isEmpty ? "" : " at \(path.joined(separator: "."))"
            return "the encoder refused a value\(at) (a NaN or infinite number?)"
        @unknown default:
            return "the encoder refused it"
        }
    }
}

// MARK: - JSON text

extension JSONValue {
    /// Parses JSON text (a config read from a file, say).
    ///
    /// Throws `JSONParseError` where the text is not JSON.
    public init(jsonText text: String) throws {
        var parser = JSONTextParser(bytes: Array(text.utf8))
        self = try parser.document()
    }

    /// Compact JSON text of this value (object members in the dictionary's order).
    ///
    /// Throws `AirbyteError.invalidArgument` (argument `value`) when it holds a NaN or an
    /// infinite number, which JSON cannot spell.
    public func jsonText() throws -> String {
        var out = ""
        guard write(into: &out) else {
            throw AirbyteError.invalidArgument(
                argument: "value", detail: "is not a JSON value: \(JSONValue.nonFinite)")
        }
        return out
    }

    /// The text the generated converter sends: this value's JSON text, or, for a value JSON
    /// cannot spell, the refusal the library answers with `AirbyteError.invalidArgument`
    /// naming the argument or field (core/src/unparsed.rs, `NOT_JSON`).
    var loweredText: String {
        var out = ""
        return write(into: &out) ? out : JSONValue.notJSON + JSONValue.nonFinite
    }

    static let notJSON = "\u{0}airbyte-embedded: not JSON: "
    static let nonFinite = "NaN and infinite numbers are not JSON numbers"

    /// The generated converter's lift of a `JsonValue` (the library sends valid JSON only).
    static func lift(_ text: String) throws -> JSONValue { try JSONValue(jsonText: text) }

    /// The generated converter's lift of a `JsonObject`.
    static func liftObject(_ text: String) throws -> JSONObject {
        guard case .object(let object) = try JSONValue(jsonText: text) else {
            throw JSONParseError(offset: 0, reason: "expected an object")
        }
        return object
    }

    /// The generated converter's lower of a `JsonObject`.
    static func lowerObject(_ object: JSONObject) -> String { JSONValue.object(object).loweredText }

    /// Appends the JSON text; false when a number is not finite.
    private func write(into out: inout String) -> Bool {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .double(let d):
            guard d.isFinite else { return false }
            out += "\(d)"
        case .string(let s): JSONValue.writeString(s, into: &out)
        case .array(let items):
            out += "["
            for (i, item) in items.enumerated() {
                if i > 0 { out += "," }
                guard item.write(into: &out) else { return false }
            }
            out += "]"
        case .object(let members):
            out += "{"
            var first = true
            for (key, value) in members {
                if !first { out += "," }
                first = false
                JSONValue.writeString(key, into: &out)
                out += ":"
                guard value.write(into: &out) else { return false }
            }
            out += "}"
        }
        return true
    }

    private static func writeString(_ s: String, into out: inout String) {
        out += "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}

/// A strict JSON (RFC 8259) parser over UTF-8 bytes.
private struct JSONTextParser {
    let bytes: [UInt8]
    var at = 0
    var depth = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    mutating func document() throws -> JSONValue {
        let value = try self.value()
        skipSpace()
        guard at == bytes.count else { throw fail("text after the value") }
        return value
    }

    func fail(_ reason: String) -> JSONParseError { JSONParseError(offset: at, reason: reason) }

    mutating func skipSpace() {
        while at < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[at]) { at += 1 }
    }

    mutating func literal(_ word: String, _ value: JSONValue) throws -> JSONValue {
        let w = Array(word.utf8)
        guard at + w.count <= bytes.count, Array(bytes[at..<at + w.count]) == w else {
            throw fail("expected a value")
        }
        at += w.count
        return value
    }

    mutating func value() throws -> JSONValue {
        skipSpace()
        guard at < bytes.count else { throw fail("expected a value") }
        switch bytes[at] {
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw fail("expected a value")
        }
    }

    mutating func nested<T>(_ body: (inout JSONTextParser) throws -> T) throws -> T {
        depth += 1
        guard depth <= 512 else { throw fail("nested more than 512 deep") }
        defer { depth -= 1 }
        return try body(&self)
    }

    mutating func array() throws -> JSONValue {
        try nested { p in
            p.at += 1
            var items: [JSONValue] = []
            p.skipSpace()
            if p.at < p.bytes.count, p.bytes[p.at] == UInt8(ascii: "]") {
                p.at += 1
                return .array(items)
            }
            while true {
                items.append(try p.value())
                p.skipSpace()
                guard p.at < p.bytes.count else { throw p.fail("unterminated array") }
                if p.bytes[p.at] == UInt8(ascii: ",") {
                    p.at += 1
                } else if p.bytes[p.at] == UInt8(ascii: "]") {
                    p.at += 1
                    return .array(items)
                } else {
                    throw p.fail("expected ',' or ']'")
                }
            }
        }
    }

    mutating func object() throws -> JSONValue {
        try nested { p in
            p.at += 1
            var members = JSONObject()
            p.skipSpace()
            if p.at < p.bytes.count, p.bytes[p.at] == UInt8(ascii: "}") {
                p.at += 1
                return .object(members)
            }
            while true {
                p.skipSpace()
                guard p.at < p.bytes.count, p.bytes[p.at] == UInt8(ascii: "\"") else {
                    throw p.fail("expected a member name")
                }
                let key = try p.string()
                p.skipSpace()
                guard p.at < p.bytes.count, p.bytes[p.at] == UInt8(ascii: ":") else {
                    throw p.fail("expected ':'")
                }
                p.at += 1
                members[key] = try p.value()
                p.skipSpace()
                guard p.at < p.bytes.count else { throw p.fail("unterminated object") }
                if p.bytes[p.at] == UInt8(ascii: ",") {
                    p.at += 1
                } else if p.bytes[p.at] == UInt8(ascii: "}") {
                    p.at += 1
                    return .object(members)
                } else {
                    throw p.fail("expected ',' or '}'")
                }
            }
        }
    }

    mutating func number() throws -> JSONValue {
        let start = at
        var integral = true
        if bytes[at] == UInt8(ascii: "-") { at += 1 }
        guard at < bytes.count, isDigit(bytes[at]) else { throw fail("expected a digit") }
        if bytes[at] == UInt8(ascii: "0") {
            at += 1
        } else {
            while at < bytes.count, isDigit(bytes[at]) { at += 1 }
        }
        if at < bytes.count, bytes[at] == UInt8(ascii: ".") {
            integral = false
            at += 1
            guard at < bytes.count, isDigit(bytes[at]) else { throw fail("expected a digit") }
            while at < bytes.count, isDigit(bytes[at]) { at += 1 }
        }
        if at < bytes.count, bytes[at] == UInt8(ascii: "e") || bytes[at] == UInt8(ascii: "E") {
            integral = false
            at += 1
            if at < bytes.count, bytes[at] == UInt8(ascii: "+") || bytes[at] == UInt8(ascii: "-") {
                at += 1
            }
            guard at < bytes.count, isDigit(bytes[at]) else { throw fail("expected a digit") }
            while at < bytes.count, isDigit(bytes[at]) { at += 1 }
        }
        let token = String(decoding: bytes[start..<at], as: UTF8.self)
        if integral, let i = Int64(token) { return .int(i) }
        guard let d = Double(token) else { throw JSONParseError(offset: start, reason: "bad number") }
        return .double(d)
    }

    func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    mutating func hex4() throws -> UInt32 {
        guard at + 4 <= bytes.count,
            let v = UInt32(String(decoding: bytes[at..<at + 4], as: UTF8.self), radix: 16)
        else { throw fail("bad \\u escape") }
        at += 4
        return v
    }

    mutating func string() throws -> String {
        at += 1
        var scalars = String.UnicodeScalarView()
        var run = at
        func flush(_ p: JSONTextParser, upTo end: Int, into scalars: inout String.UnicodeScalarView) {
            if run < end {
                scalars.append(contentsOf: String(decoding: p.bytes[run..<end], as: UTF8.self).unicodeScalars)
            }
        }
        while true {
            guard at < bytes.count else { throw fail("unterminated string") }
            let b = bytes[at]
            if b == UInt8(ascii: "\"") {
                flush(self, upTo: at, into: &scalars)
                at += 1
                return String(scalars)
            }
            if b < 0x20 { throw fail("a control character in a string") }
            if b != UInt8(ascii: "\\") {
                at += 1
                continue
            }
            flush(self, upTo: at, into: &scalars)
            at += 1
            guard at < bytes.count else { throw fail("unterminated string") }
            let e = bytes[at]
            at += 1
            switch e {
            case UInt8(ascii: "\""): scalars.append("\"")
            case UInt8(ascii: "\\"): scalars.append("\\")
            case UInt8(ascii: "/"): scalars.append("/")
            case UInt8(ascii: "b"): scalars.append("\u{8}")
            case UInt8(ascii: "f"): scalars.append("\u{C}")
            case UInt8(ascii: "n"): scalars.append("\n")
            case UInt8(ascii: "r"): scalars.append("\r")
            case UInt8(ascii: "t"): scalars.append("\t")
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800...0xDBFF).contains(code) {
                    guard at + 1 < bytes.count, bytes[at] == UInt8(ascii: "\\"),
                        bytes[at + 1] == UInt8(ascii: "u")
                    else { throw fail("a lone surrogate") }
                    at += 2
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw fail("a lone surrogate") }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                }
                guard let scalar = Unicode.Scalar(code) else { throw fail("a lone surrogate") }
                scalars.append(scalar)
            default: throw fail("bad escape")
            }
            run = at
        }
    }
}

// MARK: - Encodable overloads of the config-taking calls

extension SourceCreate {
    /// A source to create whose `sourceConfig` is your own `Encodable` value (encoded with
    /// `encoder`; it must encode to a JSON object).
    ///
    /// Throws `AirbyteError.invalidArgument` naming `source_config` when it does not.
    public init(
        workspaceId: String, sourceTemplateId: String, sourceConfig: some Encodable,
        name: String? = nil, selectedConnectionTemplateTags: [String] = [],
        selectedConnectionTemplateTagsMode: TagsMode? = nil, encoder: JSONEncoder = JSONEncoder()
    ) throws {
        self.init(
            workspaceId: workspaceId, sourceTemplateId: sourceTemplateId,
            sourceConfig: try JSONValue.encodedObject(
                sourceConfig, argument: "source_config", encoder: encoder),
            name: name, selectedConnectionTemplateTags: selectedConnectionTemplateTags,
            selectedConnectionTemplateTagsMode: selectedConnectionTemplateTagsMode)
    }
}

extension SourceUpdate {
    /// A source update with a new `sourceConfig` (the generated initialiser with the config
    /// given, so that a `JSONObject` never takes the `Encodable` overload below).
    public init(name: String? = nil, sourceConfig: JSONObject) {
        let object: JSONObject? = sourceConfig
        self.init(name: name, sourceConfig: object)
    }

    /// A source update whose new `sourceConfig` is your own `Encodable` value (encoded with
    /// `encoder`; it must encode to a JSON object).
    ///
    /// Throws `AirbyteError.invalidArgument` naming `source_config` when it does not.
    public init(
        name: String? = nil, sourceConfig: some Encodable, encoder: JSONEncoder = JSONEncoder()
    ) throws {
        // Typed as the generated initialiser's optional, so that one is called (not this one).
        let object: JSONObject? = try JSONValue.encodedObject(
            sourceConfig, argument: "source_config", encoder: encoder)
        self.init(name: name, sourceConfig: object)
    }
}

extension Spec {
    /// Validates your own `Encodable` config (encoded with `encoder`; it must encode to a JSON
    /// object) as `validate(sourceConfig:)` does.
    ///
    /// Throws `AirbyteError.invalidArgument` naming `source_config` when it does not encode to
    /// an object; otherwise as `validate(sourceConfig:)`.
    public func validate(
        sourceConfig: some Encodable, encoder: JSONEncoder = JSONEncoder()
    ) throws -> ValidatedConfig {
        try validate(
            sourceConfig: try JSONValue.encodedObject(
                sourceConfig, argument: "source_config", encoder: encoder))
    }
}

/// Validates your own `Encodable` config against `spec`, as
/// `validateSourceConfig(spec:partialDefaultConfig:sourceConfig:options:)` does.
///
/// Throws `AirbyteError.invalidArgument` naming `source_config` when it does not encode to a
/// JSON object; otherwise as that function.
public func validateSourceConfig(
    spec: JSONValue, partialDefaultConfig: JSONObject = [:], sourceConfig: some Encodable,
    options: ValidationOptions? = nil, encoder: JSONEncoder = JSONEncoder()
) throws -> ValidatedConfig {
    try validateSourceConfig(
        spec: spec, partialDefaultConfig: partialDefaultConfig,
        sourceConfig: try JSONValue.encodedObject(
            sourceConfig, argument: "source_config", encoder: encoder),
        options: options)
}
