// Where the tests find the sandbox: scripts/test-swift starts `airbyte-embedded-sandbox
// --port 0` and passes its URL and seeded credentials in AIRBYTE_SANDBOX_* variables. Run
// by hand with AIRBYTE_SANDBOX_URL set to a running sandbox; without it the tests are skipped.

import Foundation
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

    /// A name no other test (or earlier run against the same sandbox) uses.
    static func unique(_ prefix: String) -> String {
        "\(prefix)-\(UUID().uuidString.prefix(8).lowercased())"
    }
}

/// Parses JSON object text (configs and specs travel as JSON strings).
func jsonObject(_ text: String, file: StaticString = #filePath, line: UInt = #line) throws -> [String: Any] {
    let value = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try XCTUnwrap(value as? [String: Any], "not a JSON object: \(text)", file: file, line: line)
}

/// Serialises a JSON object to text.
func jsonText(_ object: [String: Any]) throws -> String {
    String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
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
