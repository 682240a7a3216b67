import Foundation
import XCTest
@testable import AirbyteEmbedded

final class ErrorTests: XCTestCase {
    func testNotFoundCarriesStatusAndServerMessage() throws {
        let op = try Sandbox.operatorClient()
        let error = expectAirbyteError(try op.workspaces().get(id: "00000000-0000-0000-0000-000000000000"))
        guard case .notFound(let status, let detail)? = error else {
            return XCTFail("expected NotFound, got \(String(describing: error))")
        }
        XCTAssertEqual(status, 404)
        XCTAssertEqual(detail, "Workspace not found")
        let text = try XCTUnwrap(error).localizedDescription
        XCTAssertTrue(text.contains("404") && text.contains("Workspace not found"), text)
    }

    func testWrongCredentialsAreUnauthorizedAndNeverShowTheSecret() throws {
        let secret = "swift-wrong-secret-value"
        let op = try OperatorClient(clientId: Sandbox.clientId, clientSecret: secret, config: try Sandbox.config())
        let error = expectAirbyteError(try op.tags().list())
        guard case .unauthorized(let status, let detail)? = error else {
            return XCTFail("expected Unauthorized, got \(String(describing: error))")
        }
        XCTAssertEqual(status, 401)
        XCTAssertEqual(detail, "Invalid client credentials")
        let text = try XCTUnwrap(error).localizedDescription
        XCTAssertTrue(text.contains("401") && text.contains("Invalid client credentials"), text)
        XCTAssertFalse(text.contains(secret))
        XCTAssertFalse(String(describing: error).contains(secret))
    }

    func testAServiceRejectionCarriesTheFieldErrors() throws {
        let op = try Sandbox.operatorClient()
        // The template names a connector that does not exist: the service answers 4xx.
        let error = expectAirbyteError(
            try op.sourceTemplates().create(
                template: SourceTemplateCreate(actorDefinitionId: "00000000-0000-0000-0000-000000000000", partialDefaultConfig: [:])))
        let unwrapped = try XCTUnwrap(error)
        switch unwrapped {
        case .validation(let status, let detail, _), .notFound(let status, let detail):
            XCTAssertTrue([400, 404, 422].contains(status), "\(unwrapped)")
            XCTAssertFalse(detail.isEmpty)
            XCTAssertTrue(unwrapped.localizedDescription.contains("\(status)"), unwrapped.localizedDescription)
        default:
            XCTFail("expected a 4xx error, got \(unwrapped)")
        }
    }

    func testABadBaseUrlIsRefusedBeforeAnythingIsSent() {
        let error = expectAirbyteError(
            try OperatorClient(clientId: "id", clientSecret: "secret", config: ClientConfig(baseUrl: "http://api.example.com/api/v1")))
        guard case .invalidArgument(let argument, let detail)? = error else {
            return XCTFail("expected InvalidArgument, got \(String(describing: error))")
        }
        XCTAssertEqual(argument, "base_url")
        XCTAssertTrue(detail.contains("http"), detail)
    }

    func testNothingListeningIsATransportError() throws {
        let op = try OperatorClient(
            clientId: "id", clientSecret: "secret",
            config: ClientConfig(baseUrl: "http://127.0.0.1:9/api/v1", connectTimeout: 2, requestTimeout: 5))
        let error = expectAirbyteError(try op.tags().list())
        switch error {
        case .transport?, .timeout?: break
        default: XCTFail("expected Transport or Timeout, got \(String(describing: error))")
        }
    }
}

/// Each kind of error is its own case, and its `localizedDescription` (`errorDescription`) and
/// `"\(error)"` are the Rust error's text.
final class ErrorTextTests: XCTestCase {
    override func tearDown() {
        _ = try? Sandbox.admin("DELETE", "faults")
    }

    /// Asserts that every text of `error` is `expected`.
    private func assertText(_ error: AirbyteError, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(error.localizedDescription, expected, file: file, line: line)
        XCTAssertEqual(error.errorDescription, expected, file: file, line: line)
        XCTAssertEqual("\(error)", expected, file: file, line: line)
        XCTAssertEqual(errorText(error: error), expected, file: file, line: line)
        XCTAssertEqual((error as Error).localizedDescription, expected, file: file, line: line)
    }

    func testNotFound() throws {
        let op = try Sandbox.operatorClient()
        let error = try XCTUnwrap(expectAirbyteError(try op.workspaces().get(id: "no-such-workspace")))
        guard case .notFound(let status, let detail) = error else { return XCTFail("expected NotFound, got \(error)") }
        XCTAssertEqual(status, 404)
        XCTAssertFalse(detail.isEmpty)
        assertText(error, "not found (HTTP 404): \(detail)")
    }

    func testUnauthorized() throws {
        let op = try OperatorClient(clientId: Sandbox.clientId, clientSecret: "swift-wrong-secret", config: try Sandbox.config())
        let error = try XCTUnwrap(expectAirbyteError(try op.tags().list()))
        guard case .unauthorized = error else { return XCTFail("expected Unauthorized, got \(error)") }
        assertText(error, "unauthorized (HTTP 401): Invalid client credentials")
    }

    func testValidationWithFieldErrors() throws {
        let op = try Sandbox.operatorClient()
        try Sandbox.respond(
            400, #"{"message": "Invalid request", "errors": [{"field": "name", "message": "too long", "error_code": "max_length"}]}"#,
            pathPrefix: "/integrations/templates/tags")
        let error = try XCTUnwrap(expectAirbyteError(try op.tags().list()))
        guard case .validation(let status, let detail, let fieldErrors) = error else {
            return XCTFail("expected Validation, got \(error)")
        }
        XCTAssertEqual(status, 400)
        XCTAssertEqual(detail, "Invalid request")
        XCTAssertEqual(fieldErrors, [FieldError(field: "name", message: "too long", code: "max_length")])
        assertText(error, "request rejected (HTTP 400): Invalid request; name: too long")

        try Sandbox.respond(
            422, #"{"detail": [{"loc": ["body", "allowed_origin"], "msg": "field required", "type": "value_error.missing"}]}"#,
            pathPrefix: "/integrations/templates/tags")
        let summarised = try XCTUnwrap(expectAirbyteError(try op.tags().list()))
        guard case .validation(422, let summary, let fields) = summarised else {
            return XCTFail("expected a 422 Validation, got \(summarised)")
        }
        XCTAssertEqual(fields.first?.field, "body.allowed_origin")
        assertText(summarised, "request rejected (HTTP 422): \(summary)")
        XCTAssertTrue(summary.contains("body.allowed_origin") && summary.contains("field required"), summary)
    }

    func testRateLimitedNamesTheNumbers() throws {
        let op = try Sandbox.operatorClient()
        // A wait longer than the retry budget: the SDK does not wait, it throws at once.
        try Sandbox.respond(
            429, #"{"message": "Too many requests", "errors": []}"#, pathPrefix: "/workspaces",
            headers: #"[["retry-after", "3600"], ["x-ratelimit-limit", "1000"], ["x-ratelimit-remaining", "0"]]"#)
        let error = try XCTUnwrap(expectAirbyteError(try op.workspaces().stats()))
        guard case .rateLimited(let status, _, let rateLimit) = error else {
            return XCTFail("expected RateLimited, got \(error)")
        }
        XCTAssertEqual(status, 429)
        XCTAssertEqual(rateLimit.limit, 1000)
        XCTAssertEqual(rateLimit.remaining, 0)
        assertText(error, "rate limited (HTTP 429): Too many requests; retry after 3600 s; 0 of 1000 requests left")
    }

    func testInvalidConfigNamesTheProblems() throws {
        let spec: JSONValue = [
            "connectionSpecification": [
                "type": "object", "required": ["host"], "properties": ["host": ["type": "string"], "port": ["type": "integer"]],
            ],
        ]
        let config: JSONObject = ["port": "x"]
        let error = try XCTUnwrap(expectAirbyteError(try Spec(spec: spec).validate(sourceConfig: config)))
        guard case .invalidConfig(let detail, let problems) = error else {
            return XCTFail("expected InvalidConfig, got \(error)")
        }
        XCTAssertTrue(problems.contains { $0.path == "/port" }, "\(problems)")
        assertText(error, "invalid source config: \(detail)")
        XCTAssertTrue(detail.contains("/port"), detail)
    }

    func testInvalidArgumentNamesTheArgument() throws {
        let error = try XCTUnwrap(expectAirbyteError(
            try OperatorClient(clientId: "id", clientSecret: "secret", config: ClientConfig(baseUrl: "http://api.example.com/api/v1"))))
        guard case .invalidArgument(let argument, let detail) = error else {
            return XCTFail("expected InvalidArgument, got \(error)")
        }
        XCTAssertEqual(argument, "base_url")
        assertText(error, "invalid argument `base_url`: \(detail)")
    }

    func testOneCatchClausePerCase() throws {
        let op = try Sandbox.operatorClient()
        func kind(_ call: () throws -> Void) -> String {
            do {
                try call()
                return "none"
            } catch AirbyteError.notFound(let status, _) {
                return "not found \(status)"
            } catch AirbyteError.rateLimited(_, let detail, _) {
                return "rate limited: \(detail)"
            } catch {
                return "other: \(error.localizedDescription)"
            }
        }
        XCTAssertEqual(kind { _ = try op.workspaces().get(id: "no-such-workspace") }, "not found 404")
        try Sandbox.respond(429, #"{"message": "slow down", "errors": []}"#, pathPrefix: "/workspaces", headers: #"[["retry-after", "3600"]]"#)
        XCTAssertEqual(kind { _ = try op.workspaces().stats() }, "rate limited: slow down")
        try Sandbox.admin("DELETE", "faults")
        try Sandbox.respond(409, #"{"message": "already exists"}"#, pathPrefix: "/workspaces")
        XCTAssertEqual(kind { _ = try op.workspaces().stats() }, "other: unexpected response (HTTP 409): already exists")
    }

    func testATokenStoreErrorReadsAsASentence() {
        let error = TokenStoreError.unavailable(detail: "connection refused")
        XCTAssertEqual(error.localizedDescription, "token store unavailable: connection refused")
        XCTAssertEqual("\(error)", "token store unavailable: connection refused")
    }
}

final class PanicTests: XCTestCase {
    func testAPanicInTheLibraryIsAThrownErrorNotACrash() {
        XCTAssertThrowsError(try testOnlyPanic(message: "from swift")) { error in
            XCTAssertFalse(error is AirbyteError, "a panic is not an API error")
            let text = "\(error) \(error.localizedDescription)"
            XCTAssertTrue(text.contains("from swift"), text)
        }
        // The library still works after the panic.
        XCTAssertTrue(defaultBaseUrl().hasPrefix("https://"))
        XCTAssertThrowsError(try testOnlyPanic(message: "twice"))
    }
}
