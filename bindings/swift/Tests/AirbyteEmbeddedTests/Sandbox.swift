// Where the tests find the sandbox: scripts/test-swift starts `airbyte-embedded-sandbox
// --port 0` and passes its URL and seeded credentials in AIRBYTE_SANDBOX_* variables. Run
// by hand with AIRBYTE_SANDBOX_URL set to a running sandbox; without it the tests are skipped.

import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest
@testable import AirbyteEmbedded

enum Sandbox {
    private static let env = ProcessInfo.processInfo.environment

    /// The sandbox's base URL (`http://127.0.0.1:PORT/api/v1`), or a skip.
    static func url() throws -> String {
        guard let url = env["AIRBYTE_SANDBOX_URL"], !url.isEmpty else {
            throw XCTSkip("AIRBYTE_SANDBOX_URL is not set: run scripts/test-swift, or start the sandbox and set it")
        }
        return url
    }

    // The sandbox's seeded organisation (the values it prints on start).
    static var clientId: String { env["AIRBYTE_SANDBOX_CLIENT_ID"] ?? "5f0c2a8e-1d4b-4e7a-9c3f-0a1b2c3d4e5f" }
    static var clientSecret: String {
        env["AIRBYTE_SANDBOX_CLIENT_SECRET"] ?? "sandbox-secret-7Qv2mXkP9sLw4Rz8Tb6Nc1Hd"
    }
    static var organizationId: String {
        env["AIRBYTE_SANDBOX_ORGANIZATION_ID"] ?? "9b2c7f40-5d1e-4a8b-8c3f-6e0d1a2b3c4d"
    }

    static func config() throws -> ClientConfig {
        ClientConfig(baseUrl: try url())
    }

    static func operatorClient() throws -> OperatorClient {
        try OperatorClient(clientId: clientId, clientSecret: clientSecret, config: try config())
    }

    /// Calls an admin route of the sandbox (`/_sandbox/PATH`) and returns the response body.
    @discardableResult
    static func admin(_ method: String, _ path: String, _ body: String? = nil) throws -> String {
        let root = try url().replacingOccurrences(of: "/api/v1", with: "")
        var request = URLRequest(url: try XCTUnwrap(URL(string: "\(root)/_sandbox/\(path)")))
        request.httpMethod = method
        request.setValue("application/json", forHTTPHeaderField: "content-type")
        request.httpBody = body.map { Data($0.utf8) }
        let done = DispatchSemaphore(value: 0)
        var text = ""
        URLSession.shared.dataTask(with: request) { data, _, _ in
            text = String(decoding: data ?? Data(), as: UTF8.self)
            done.signal()
        }.resume()
        XCTAssertEqual(done.wait(timeout: .now() + 10), .success)
        return text
    }

    /// Makes the sandbox answer requests under `pathPrefix` with `status` and the JSON `body`
    /// (and `headers`, a JSON list of `[name, value]` pairs) until the faults are cleared.
    static func respond(_ status: Int, _ body: String, pathPrefix: String, headers: String = "[]") throws {
        let action = #"{"kind": "respond", "status": \#(status), "body": \#(quoted(body)), "content_type": "application/json", "headers": \#(headers)}"#
        try admin("POST", "faults", #"{"path_prefix": \#(quoted(pathPrefix)), "action": \#(action)}"#)
    }

    /// `text` as a JSON string literal.
    private static func quoted(_ text: String) -> String {
        String(decoding: try! JSONEncoder().encode(text), as: UTF8.self)
    }

    /// A name no other test (or earlier run against the same sandbox) uses.
    static func unique(_ prefix: String) -> String {
        "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
    }
}

/// Parses JSON object text (the upstream bodies of proxy answers, which are text).
func jsonObject(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
    let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try XCTUnwrap(value as? [String: Any], "not a JSON object: \(text)", file: file, line: line)
}

/// The JSON value `text` spells (test data and fixtures written as JSON text).
func json(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> JSONValue {
    try JSONValue(jsonText: text)
}

/// The JSON object `text` spells.
func obj(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> JSONObject {
    try XCTUnwrap(try JSONValue(jsonText: text).objectValue, "not a JSON object: \(text)", file: file, line: line)
}

/// Runs `body`, which must throw an `AirbyteError`, and returns that error.
func expectAirbyteError<T>(
    _ body: @autoclosure () throws -> T, file: StaticString = #filePath, line: UInt = #line
) -> AirbyteError? {
    do {
        let value = try body()
        XCTFail("expected an AirbyteError, got \(value)", file: file, line: line)
    } catch let error as AirbyteError {
        return error
    } catch {
        XCTFail("expected an AirbyteError, got \(type(of: error)): \(error)", file: file, line: line)
    }
    return nil
}
