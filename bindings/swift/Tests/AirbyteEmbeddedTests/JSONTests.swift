import AirbyteEmbedded
import Foundation
import XCTest

/// Configs, specs and form models as Swift values (`JSONValue`, `JSONObject`), and the caller's
/// own `Encodable` types where a config goes in.
final class JSONTests: XCTestCase {
    /// A spec with no constraints: any object passes, so values cross unchanged.
    private let open: JSONValue = ["connectionSpecification": ["type": "object"]]

    private let nested: JSONObject = [
        "host": "db.example.com",
        "port": 5432,
        "big": .int(Int64.max),
        "negative": .int(Int64.min),
        "ratio": 0.1,
        "tiny": .double(5e-324),
        "none": nil,
        "on": true,
        "unicode": "Zürich ✓ 東京 🚀 \"quoted\" \\ \n\t\u{1}",
        "empty": [:],
        "list": [1, 2.5, "x", nil, false, [], ["deep": [["deeper": ["a"]]]]],
    ]

    func testNestedValuesCrossBothWaysUnchanged() throws {
        let back = try Spec(spec: open).validate(sourceConfig: nested).sourceConfig
        XCTAssertEqual(back, nested)
        XCTAssertEqual(back["big"], .int(Int64.max))
        XCTAssertEqual(back["ratio"]?.doubleValue, 0.1)
        XCTAssertEqual(back["none"], .null)
        XCTAssertEqual(back["unicode"]?.stringValue, "Zürich ✓ 東京 🚀 \"quoted\" \\ \n\t\u{1}")
        // Any JSON value, not only objects, crosses as a value.
        for value: JSONValue in [.object(nested), ["a", 1, nil], "text", 12, 1.5, true, nil] {
            XCTAssertEqual(try maskSecrets(spec: open, config: value), value)
        }
    }

    func testResultsAreJSONValues() throws {
        let merged = try mergeConfig(spec: open, partialDefaultConfig: ["a": 1], sourceConfig: ["b": "x"])
        XCTAssertEqual(merged, ["a": 1, "b": "x"])
        let form = try Spec(spec: open).form()
        XCTAssertNotNil(form["fields"]?.arrayValue)
    }

    func testTextParsesAndPrintsExactly() throws {
        let text = #"{"a":[1,-2.5,1e+100,true,null,"\u00e9\ud83d\ude80\n"],"b":{}}"#
        let value = try JSONValue(jsonText: text)
        XCTAssertEqual(value["a"]?[0], .int(1))
        XCTAssertEqual(value["a"]?[1], .double(-2.5))
        XCTAssertEqual(value["a"]?[2], .double(1e100))
        XCTAssertEqual(value["a"]?[5], "é🚀\n")
        XCTAssertEqual(try JSONValue(jsonText: value.jsonText()), value)
        XCTAssertEqual(try JSONValue(jsonText: "9223372036854775808"), .double(9223372036854775808))
        for bad in ["{", "[1,]", "01", "\"\u{1}\"", "nul", "{\"a\" 1}", "1 2"] {
            XCTAssertThrowsError(try JSONValue(jsonText: bad), bad) { XCTAssertTrue($0 is JSONParseError, "\($0)") }
        }
        // Codable: a JSONValue encodes and decodes as the JSON it is.
        let encoded = try JSONEncoder().encode(value)
        XCTAssertEqual(try JSONDecoder().decode(JSONValue.self, from: encoded), value)
    }

    func testTextFormsKeepKeyOrder() throws {
        let spec = try Spec.fromText(spec: #"{"connectionSpecification": {"type": "object"}}"#)
        let validated = try spec.validateText(sourceConfig: #"{"b": 1, "a": [true, null]}"#)
        XCTAssertEqual(validated.sourceConfig, ["a": [true, nil], "b": 1])
    }

    struct Tunnel: Codable, Equatable {
        var sshKey: String
        var port: Int
    }

    struct Postgres: Codable, Equatable {
        var host: String
        var port: Int
        var schemas: [String]
        var tunnel: Tunnel?
        var ratio: Double
    }

    func testAnEncodableStructGoesInAndDecodesBack() throws {
        let config = Postgres(
            host: "db", port: 5432, schemas: ["public", "ünï"], tunnel: Tunnel(sshKey: "k", port: 22), ratio: 0.25)
        let validated = try Spec(spec: open).validate(sourceConfig: config)
        XCTAssertEqual(validated.sourceConfig["schemas"], ["public", "ünï"])
        XCTAssertEqual(validated.sourceConfig["tunnel"]?["sshKey"], "k")
        XCTAssertEqual(try JSONValue.object(validated.sourceConfig).decode(Postgres.self), config)
        let free = try validateSourceConfig(spec: open, sourceConfig: config)
        XCTAssertEqual(free.sourceConfig, validated.sourceConfig)
        let create = try SourceCreate(workspaceId: "ws", sourceTemplateId: "tpl", sourceConfig: config)
        XCTAssertEqual(create.sourceConfig["port"], 5432)
        let update = try SourceUpdate(name: "n", sourceConfig: config)
        XCTAssertEqual(update.sourceConfig?["host"], "db")
        XCTAssertEqual(try JSONValue(encoding: config)["ratio"], 0.25)
    }

    func testAValueJSONCannotSpellIsRefusedNamingTheField() throws {
        let spec = try Spec(spec: open)
        let nan: JSONObject = ["password": "hunter2", "ratio": .double(.nan)]
        guard case .invalidArgument(let argument, let detail)? = expectAirbyteError(try spec.validate(sourceConfig: nan))
        else {
            return XCTFail("expected InvalidArgument")
        }
        XCTAssertEqual(argument, "source_config")
        XCTAssertEqual(detail, "is not a JSON value: NaN and infinite numbers are not JSON numbers")
        guard case .invalidArgument(let defaults, _)? = expectAirbyteError(
            try spec.validateWith(sourceConfig: [:], partialDefaultConfig: nan))
        else {
            return XCTFail("expected InvalidArgument")
        }
        XCTAssertEqual(defaults, "partial_default_config")
        // An Encodable whose encoding fails, or that is not an object, names the field too.
        let infinite = Postgres(host: "db", port: 1, schemas: [], tunnel: nil, ratio: .infinity)
        guard case .invalidArgument(let field, let why)? = expectAirbyteError(
            try SourceCreate(workspaceId: "ws", sourceTemplateId: "tpl", sourceConfig: infinite))
        else {
            return XCTFail("expected InvalidArgument")
        }
        XCTAssertEqual(field, "source_config")
        XCTAssertTrue(why.hasPrefix("is not a JSON value: "), why)
        guard case .invalidArgument(let notObject, let kind)? = expectAirbyteError(
            try spec.validate(sourceConfig: ["a", "b"] as [String]))
        else {
            return XCTFail("expected InvalidArgument")
        }
        XCTAssertEqual(notObject, "source_config")
        XCTAssertEqual(kind, "must be a JSON object")
        XCTAssertThrowsError(try JSONValue.double(.nan).jsonText())
    }
}
