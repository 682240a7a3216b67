import Foundation
import XCTest
@testable import AirbyteEmbedded

/// A stand-in for the app's backend: mints through an operator client; `script` answers the
/// first fetches instead (a token text, or an error to throw).
final class Backend: ScopedTokenProvider, @unchecked Sendable {
    enum Step { case token(String), fail(Error) }
    struct SignedOut: Error {}

    private let op: OperatorClient
    private let workspace: String
    private var script: [Step]
    private let delay: TimeInterval
    private let lock = NSLock()
    private(set) var fetches = 0

    init(_ op: OperatorClient, workspace: String, script: [Step] = [], delay: TimeInterval = 0) {
        self.op = op
        self.workspace = workspace
        self.script = script
        self.delay = delay
    }

    func fetchScopedToken() throws -> String {
        let step: Step? = lock.withLock {
            fetches += 1
            return script.isEmpty ? nil : script.removeFirst()
        }
        Thread.sleep(forTimeInterval: delay)
        switch step {
        case .token(let text)?: return text
        case .fail(let error)?: throw error
        case nil: return try op.mintScopedToken(request: ScopedTokenRequest(workspaceName: workspace)).expose()
        }
    }
}

final class TokenProviderTests: XCTestCase {
    private func client(_ backend: Backend) throws -> EndUserClient {
        try EndUserClient.withTokenProvider(provider: backend, config: try Sandbox.config())
    }

    func testTheFirstCallFetchesAndLaterCallsReuseTheToken() throws {
        let backend = Backend(try Sandbox.operatorClient(), workspace: Sandbox.unique("swift-provided"))
        let user = try client(backend)
        XCTAssertEqual(backend.fetches, 0)
        for _ in 0..<3 { _ = try user.sourceTemplates().list() }
        XCTAssertEqual(backend.fetches, 1)
    }

    func testARefusedTokenIsRenewedAndTheCallSentOnceMore() throws {
        let backend = Backend(
            try Sandbox.operatorClient(), workspace: Sandbox.unique("swift-provided"),
            script: [.token("not-a-scoped-token")])
        _ = try client(backend).sourceTemplates().list()
        XCTAssertEqual(backend.fetches, 2)
    }

    func testThreadsNeedingATokenAtOnceMakeOneFetch() throws {
        let backend = Backend(try Sandbox.operatorClient(), workspace: Sandbox.unique("swift-provided"), delay: 0.2)
        let user = try client(backend)
        let failures = NSLock()
        var failed = 0
        DispatchQueue.concurrentPerform(iterations: 6) { _ in
            if (try? user.sourceTemplates().list()) == nil { failures.withLock { failed += 1 } }
        }
        XCTAssertEqual(failed, 0)
        XCTAssertEqual(backend.fetches, 1)
    }

    func testProviderFailuresAreTypedAndTheNextCallAsksAgain() throws {
        let backend = Backend(
            try Sandbox.operatorClient(), workspace: Sandbox.unique("swift-provided"),
            script: [.fail(AirbyteError.transport(detail: "backend unreachable")), .fail(Backend.SignedOut()), .token("")])
        let user = try client(backend)
        guard case .transport(let detail)? = expectAirbyteError(try user.tokenInfo()) else {
            return XCTFail("expected Transport")
        }
        XCTAssertEqual(detail, "backend unreachable")
        guard case .tokenProvider(let other)? = expectAirbyteError(try user.tokenInfo()) else {
            return XCTFail("expected TokenProvider")
        }
        XCTAssertTrue(other.contains("SignedOut"), other)
        guard case .tokenProvider(let empty)? = expectAirbyteError(try user.tokenInfo()) else {
            return XCTFail("expected TokenProvider")
        }
        XCTAssertTrue(empty.contains("empty token"), empty)
        _ = try user.tokenInfo()
        XCTAssertEqual(backend.fetches, 4)
    }
}
