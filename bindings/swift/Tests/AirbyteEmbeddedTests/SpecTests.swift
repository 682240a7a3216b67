// A compiled `Spec`: the same answers as the free functions on every case of tests/fixtures,
// and clean failures for a spec that does not load. Offline: no sandbox needed.

import Foundation
import XCTest
@testable import AirbyteEmbedded

final class SpecTests: XCTestCase {
    /// tests/fixtures, from this file's place in the repository.
    private static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("tests/fixtures")

    /// What a validation answered: the validated config, or every error.
    private enum Outcome: Equatable {
        case valid(ValidatedConfig)
        case invalid([ConfigError])
    }

    private func outcome(_ body: () throws -> ValidatedConfig) throws -> Outcome {
        do {
            return .valid(try body())
        } catch AirbyteError.invalidConfig(_, let errors) {
            return .invalid(errors)
        }
    }

    private func text(_ url: URL) throws -> String {
        String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }

    func testACompiledSpecAnswersAsTheFreeFunctionsOnEveryFixtureCase() throws {
        let specs = Self.fixtures.appendingPathComponent("specs")
        let names = try FileManager.default.contentsOfDirectory(atPath: specs.path)
            .filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }.sorted()
        XCTAssertGreaterThanOrEqual(names.count, 7)
        for name in names {
            let specText = try text(specs.appendingPathComponent("\(name).json"))
            let specValue = try json(specText)
            let spec = try Spec(spec: specValue)
            XCTAssertEqual(spec.secretPaths(), try secretPaths(spec: specValue))
            // The same paths; the text keeps the spec's key order, a dictionary does not.
            XCTAssertEqual(Set(try Spec.fromText(spec: specText).secretPaths()), Set(spec.secretPaths()))
            let cases = try XCTUnwrap(
                try json(text(Self.fixtures.appendingPathComponent("cases/\(name).json"))).arrayValue)
            XCTAssertFalse(cases.isEmpty, name)
            for c in cases {
                let label = "\(name): \(c["name"]?.stringValue ?? "?")"
                let defaults = try XCTUnwrap(c["partial_default_config"]?.objectValue)
                let config = try XCTUnwrap(c["source_config"]?.objectValue)
                let options = c["options"]?.objectValue.map { o in
                    ValidationOptions(
                        assertDateTime: o["assert_date_time"]?.boolValue ?? true,
                        coerceScalars: o["coerce_scalars"]?.boolValue ?? false,
                        skipMaskedSecrets: o["skip_masked_secrets"]?.boolValue ?? false,
                        injectDefaults: o["inject_defaults"]?.boolValue ?? true)
                }
                let free = try outcome {
                    try validateSourceConfig(
                        spec: specValue, partialDefaultConfig: defaults, sourceConfig: config, options: options)
                }
                let held = try outcome {
                    try spec.validateWith(sourceConfig: config, partialDefaultConfig: defaults, options: options)
                }
                XCTAssertEqual(held, free, label)
                if defaults.isEmpty && options == nil {
                    XCTAssertEqual(try outcome { try spec.validate(sourceConfig: config) }, free, label)
                    let configText = try JSONValue.object(config).jsonText()
                    XCTAssertEqual(try outcome { try spec.validateText(sourceConfig: configText) }, free, label)
                    let passes: Bool
                    if case .valid = free { passes = true } else { passes = false }
                    XCTAssertEqual(try spec.isValid(sourceConfig: config), passes, label)
                    XCTAssertEqual(try spec.isValidText(sourceConfig: configText), passes, label)
                }
                if case .valid = free {
                    XCTAssertEqual(c["valid"], true, label)
                } else {
                    XCTAssertEqual(c["valid"], false, label)
                }
                let configValue = JSONValue.object(config)
                XCTAssertEqual(try spec.maskSecrets(config: configValue), try maskSecrets(spec: specValue, config: configValue))
                XCTAssertEqual(
                    try spec.form(partialDefaultConfig: defaults),
                    try formModel(spec: specValue, partialDefaultConfig: defaults))
            }
            XCTAssertEqual(try spec.form(), try formModel(spec: specValue, partialDefaultConfig: [:]))
        }
    }

    func testASpecThatDoesNotLoadFailsWhenMade() throws {
        let remote = expectAirbyteError(try Spec(spec: ["connectionSpecification": ["$ref": "https://example.com/s.json"]]))
        guard case .invalidSpec(let detail)? = remote else {
            return XCTFail("expected InvalidSpec, got \(String(describing: remote))")
        }
        XCTAssertTrue(detail.contains("remote"), detail)
        guard case .invalidArgument(let argument, _)? = expectAirbyteError(try Spec.fromText(spec: "not json")) else {
            return XCTFail("expected InvalidArgument")
        }
        XCTAssertEqual(argument, "spec")
        let tiny = try Spec.fromText(spec: try text(Self.fixtures.appendingPathComponent("specs/source-tiny.json")))
        guard case .invalidArgument(let field, _)? = expectAirbyteError(try tiny.validateText(sourceConfig: "[1]")) else {
            return XCTFail("expected InvalidArgument")
        }
        XCTAssertEqual(field, "source_config")
        XCTAssertEqual(try tiny.validate(sourceConfig: ["count": 3]).sourceConfig, ["count": 3])
    }

    /// Swift frees a `Spec` with its last reference (no use after free is possible); freeing one
    /// leaves another made from the same text (which shares the compiled form) working.
    func testFreeingOneSpecLeavesAnotherOfTheSameTextWorking() throws {
        let specText = try text(Self.fixtures.appendingPathComponent("specs/source-tiny.json"))
        weak var freed: Spec?
        do {
            let first = try Spec.fromText(spec: specText)
            freed = first
            XCTAssertNoThrow(try first.validate(sourceConfig: ["count": 3]))
        }
        XCTAssertNil(freed)
        let second = try Spec.fromText(spec: specText)
        XCTAssertEqual(try second.validate(sourceConfig: ["count": 3]).sourceConfig, ["count": 3])
        guard case .invalidConfig(_, let errors)? = expectAirbyteError(try second.validate(sourceConfig: ["count": 0])) else {
            return XCTFail("expected InvalidConfig")
        }
        XCTAssertEqual(errors.map(\.path), ["/count"])
    }
}
