import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest
@testable import AirbyteEmbedded

/// The async twins: `async throws` calls, typed errors, calls in parallel, an `AsyncSequence`
/// of workspaces, and a Task cancelled mid-flight.
final class AsyncTests: XCTestCase {
    private let postgres = "decd338e-5647-4c0b-adf4-da0e75f5a750"
    private let templates = "/integrations/templates/sources"

    private func asyncOperator() throws -> AsyncOperatorClient {
        try AsyncOperatorClient(clientId: Sandbox.clientId, clientSecret: Sandbox.clientSecret, config: try Sandbox.config())
    }

    private func delay(_ millis: Int, count: Int = 1) throws {
        try Sandbox.admin("POST", "faults", #"{"method": "GET", "path_prefix": "\#(templates)", "count": \#(count), "action": {"kind": "delay", "millis": \#(millis)}}"#)
    }

    override func tearDown() {
        _ = try? Sandbox.admin("DELETE", "faults")
    }

    func testAwaitedCallsCreateATemplateAndASource() async throws {
        let op = try asyncOperator()
        let template = try await op.sourceTemplates().create(
            template: SourceTemplateCreate(actorDefinitionId: postgres, partialDefaultConfig: [:], name: Sandbox.unique("Swift async")))
        let listed = try await op.sourceTemplates().list()
        XCTAssertTrue(listed.contains { $0.id == template.id })
        let user = try op.endUserClient(workspaceName: Sandbox.unique("swift-async"))
        let workspace = try await user.workspaceId()
        let config: JSONObject = ["host": "db.acme.example", "database": "app", "username": "u", "password": "p"]
        let source = try await user.sources().create(
            source: SourceCreate(workspaceId: workspace, sourceTemplateId: template.id, sourceConfig: config, name: "Prod"))
        let read = try await user.sources().get(id: source.id)
        XCTAssertEqual(read.name, "Prod")
        let ids = try await user.sources().list(workspaceId: workspace).map(\.id)
        XCTAssertEqual(ids, [source.id])
        _ = try await user.sources().delete(id: source.id)
        _ = try await op.sourceTemplates().delete(id: template.id)
        op.close()
        XCTAssertThrowsError(try op.sourceTemplates())
    }

    func testAnErrorIsThrownAsItsTypedErrorThroughAwait() async throws {
        let op = try asyncOperator()
        do {
            _ = try await op.workspaces().get(id: "00000000-0000-4000-8000-000000000000")
            XCTFail("expected NotFound")
        } catch AirbyteError.notFound(let status, _) {
            XCTAssertEqual(status, 404)
        }
        do {
            _ = try await op.workspaces().listPage(filter: WorkspaceFilter(limit: 0))
            XCTFail("expected InvalidArgument")
        } catch AirbyteError.invalidArgument {
        }
    }

    func testCallsInParallelOnOneClientOverlap() async throws {
        let op = try asyncOperator()
        _ = try await op.sourceTemplates().list()
        try delay(400, count: 8)
        let started = Date()
        let counts = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<8 {
                group.addTask { try await op.sourceTemplates().list().count }
            }
            return try await group.reduce(into: [Int]()) { $0.append($1) }
        }
        let elapsed = Date().timeIntervalSince(started)
        XCTAssertEqual(counts.count, 8)
        // Eight 400 ms responses one after another would take 3.2 s.
        XCTAssertLessThan(elapsed, 1.6)
    }

    func testAnAsyncSequenceWalksEveryWorkspacePageByPage() async throws {
        let prefix = Sandbox.unique("swift-async-walk")
        let sync = try Sandbox.operatorClient()
        let names = (0..<7).map { "\(prefix)-\($0)" }
        for name in names {
            _ = try sync.mintScopedToken(request: ScopedTokenRequest(workspaceName: name))
        }
        let op = try asyncOperator()
        var seen: [String] = []
        for try await workspace in try op.workspaces().all(filter: WorkspaceFilter(nameContains: prefix, limit: 3)) {
            seen.append(workspace.name ?? "")
        }
        XCTAssertEqual(seen.sorted(), names)
        let pages = try op.workspaces().pages(filter: WorkspaceFilter(nameContains: prefix, limit: 3))
        var sizes: [Int] = []
        while let page = try await pages.nextPage() {
            sizes.append(page.count)
        }
        XCTAssertEqual(sizes, [3, 3, 1])
        let collected = try await op.workspaces().all(filter: WorkspaceFilter(nameContains: prefix)).collect()
        XCTAssertEqual(collected.count, 7)
    }

    func testACancelledCallReturnsAtOnceAndTheClientStillWorks() async throws {
        let op = try asyncOperator()
        _ = try await op.sourceTemplates().list()
        try Sandbox.admin("DELETE", "requests")
        try delay(3000)
        let call = Task { try await op.sourceTemplates().list() }
        // Mid-flight: the request has reached the sandbox, which holds it for 3 s.
        let deadline = Date().addingTimeInterval(5)
        while try !Sandbox.admin("GET", "requests").contains(templates) {
            XCTAssertLessThan(Date(), deadline, "the call never reached the sandbox")
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        let started = Date()
        call.cancel()
        do {
            _ = try await call.value
            XCTFail("expected CancellationError")
        } catch is CancellationError {
        }
        XCTAssertLessThan(Date().timeIntervalSince(started), 0.5)

        // The same client serves the next calls at once (the abandoned request still waits).
        let again = Date()
        _ = try await op.sourceTemplates().list()
        _ = try await op.tags().list()
        XCTAssertLessThan(Date().timeIntervalSince(again), 1.5)
    }
}
