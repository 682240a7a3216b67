import Foundation
import XCTest
@testable import AirbyteEmbedded

final class ErrorTests: XCTestCase {
    func testNotFoundCarriesStatusAndServerMessage() throws {
        let op = try Sandbox.operatorClient()
        let error = expectAirbyteError(try op.workspaces().get(id: "00000000-0000-0000-0000-000000000000"))
        guard case .NotFound(let status, let detail)? = error else {
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
        guard case .Unauthorized(let status, let detail)? = error else {
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
                template: SourceTemplateCreate(actorDefinitionId: "00000000-0000-0000-0000-000000000000")))
        let unwrapped = try XCTUnwrap(error)
        switch unwrapped {
        case .Validation(let status, let detail, _), .NotFound(let status, let detail):
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
        guard case .InvalidArgument(let argument, let detail)? = error else {
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
        case .Transport?, .Timeout?: break
        default: XCTFail("expected Transport or Timeout, got \(String(describing: error))")
        }
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
