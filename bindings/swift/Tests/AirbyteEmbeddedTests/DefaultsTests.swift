import Foundation
import XCTest
@testable import AirbyteEmbedded

/// Records built without arguments are the core's defaults; `defaults()` gives those of the
/// records that have no field defaults.
final class DefaultsTests: XCTestCase {
    func testEachDefaultIsTheCoreDefault() {
        let core = defaults()
        XCTAssertEqual(ClientConfig(), core.clientConfig)
        XCTAssertEqual(ValidationOptions(), core.validationOptions)
        XCTAssertEqual(WriteOptions(), core.writeOptions)
        XCTAssertEqual(WriteOptions().validation, core.validationOptions)
        XCTAssertEqual(TagFilter(), core.tagFilter)
        XCTAssertEqual(WorkspaceFilter(), core.workspaceFilter)
        XCTAssertEqual(
            core.retryPolicy,
            RetryPolicy(maxRetries: 3, initialBackoff: 0.5, maxBackoff: 10, maxElapsed: 120, jitter: true))
        XCTAssertEqual(core.pacing, Pacing(belowRemaining: 50, maxDelay: 5))
        XCTAssertEqual(core.waitOptions, WaitOptions(timeout: 120, initialInterval: 0.25, maxInterval: 5))
        XCTAssertEqual(defaults(), core)
    }

    func testADefaultIsChangedWhereItDiffers() throws {
        var retry = defaults().retryPolicy
        retry.maxRetries = 0
        XCTAssertEqual(retry.initialBackoff, defaults().retryPolicy.initialBackoff)
        // A policy the core refuses names its argument.
        retry.maxElapsed = 0
        let error = expectAirbyteError(
            try OperatorClient(clientId: "id", clientSecret: "secret", config: ClientConfig(retry: retry)))
        guard case .invalidArgument(let argument, _)? = error else {
            return XCTFail("expected InvalidArgument, got \(String(describing: error))")
        }
        XCTAssertEqual(argument, "retry_policy")
    }
}
