import Foundation
import XCTest
@testable import AirbyteEmbedded

/// A host's own store: a dictionary of values and expiry dates behind one lock.
final class MapStore: TokenStore, @unchecked Sendable {
    private var entries: [String: (value: String, until: Date)] = [:]
    private let lock = NSLock()
    private(set) var puts: [String] = []

    private func live(_ key: String) -> String? {
        guard let entry = entries[key] else { return nil }
        if entry.until <= Date() {
            entries[key] = nil
            return nil
        }
        return entry.value
    }

    func get(key: String) throws -> String? {
        lock.withLock { live(key) }
    }

    func put(key: String, value: String, ttl: TimeInterval) throws {
        lock.withLock {
            puts.append(key)
            entries[key] = (value, Date().addingTimeInterval(ttl))
        }
    }

    func removeIf(key: String, value: String) throws -> Bool {
        lock.withLock {
            guard live(key) == value else { return false }
            entries[key] = nil
            return true
        }
    }

    func tryLock(key: String, owner: String, ttl: TimeInterval) throws -> Bool {
        lock.withLock {
            guard live(key) == nil else { return false }
            entries[key] = (owner, Date().addingTimeInterval(ttl))
            return true
        }
    }

    func unlock(key: String, owner: String) throws {
        _ = try removeIf(key: key, value: owner)
    }
}

/// A store that is down: every method throws.
final class BrokenStore: TokenStore, @unchecked Sendable {
    struct Down: Error {}
    func get(key: String) throws -> String? { throw TokenStoreError.unavailable(detail: "connection refused") }
    func put(key: String, value: String, ttl: TimeInterval) throws { throw Down() }
    func removeIf(key: String, value: String) throws -> Bool { throw Down() }
    func tryLock(key: String, owner: String, ttl: TimeInterval) throws -> Bool {
        throw TokenStoreError.unavailable(detail: "connection refused")
    }
    func unlock(key: String, owner: String) throws { throw Down() }
}

final class FleetTests: XCTestCase {
    private func operatorOn(_ store: TokenStore, config: ClientConfig? = nil) throws -> OperatorClient {
        try OperatorClient(
            clientId: Sandbox.clientId, clientSecret: Sandbox.clientSecret,
            config: try config ?? Sandbox.config(), tokenStore: store)
    }

    func testClientsSharingAHostStoreMintOneOperatorToken() throws {
        let store = MapStore()
        let first = try operatorOn(store)
        let second = try operatorOn(store)
        _ = try first.workspaces().stats()
        _ = try second.workspaces().stats()
        let operatorPuts = store.puts.filter { $0.hasPrefix("airbyte-embedded:v1:operator:") }
        XCTAssertEqual(operatorPuts.count, 1, "the second client read the first one's token")
    }

    func testAFailingHostStoreNeverFailsACall() throws {
        let op = try operatorOn(BrokenStore())
        for _ in 0..<3 { _ = try op.workspaces().stats() }
        XCTAssertFalse(try op.scopedToken(workspaceName: Sandbox.unique("swift-fleet")).expose().isEmpty)
    }

    func testTheMemoryStoreAndTemplateCache() throws {
        let store = memoryTokenStore()
        var config = try Sandbox.config()
        config.templateCacheTtl = 300
        let first = try operatorOn(store, config: config)
        let second = try operatorOn(store, config: config)
        let name = Sandbox.unique("swift-fleet")
        XCTAssertEqual(try first.scopedToken(workspaceName: name).expose(),
                       try second.scopedToken(workspaceName: name).expose())
        XCTAssertEqual(try first.sourceTemplates().list().map(\.id),
                       try second.sourceTemplates().list().map(\.id))
        guard case .invalidArgument(let argument, _)? = expectAirbyteError(try redisTokenStore(redisUrl: "http://host")) else {
            return XCTFail("expected InvalidArgument")
        }
        XCTAssertEqual(argument, "redis_url")
    }

    func testBulkMintAndDeactivateReportEachItem() throws {
        let op = try Sandbox.operatorClient()
        let names = (0..<4).map { _ in Sandbox.unique("swift-bulk") }
        let minted = try op.bulk().mintScopedTokens(workspaceNames: names)
        XCTAssertEqual(minted.outcomes.map(\.item), names)
        let ids = try minted.outcomes.map { o -> String in
            XCTAssertNil(o.error)
            return try XCTUnwrap(o.token?.workspaceId())
        }
        var options = defaults().bulkOptions
        options.concurrency = 2
        let missing = "00000000-0000-4000-8000-00000000dead"
        let report = try op.bulk().deactivateWorkspaces(workspaceIds: ids + [missing], options: options)
        for o in report.outcomes.prefix(4) { XCTAssertEqual(o.workspace?.status, .inactive) }
        guard case .notFound? = report.outcomes.last?.error else {
            return XCTFail("expected NotFound for the unknown id, got \(String(describing: report.outcomes.last?.error))")
        }
    }

    func testWorkspaceSyncIsADryRunUnlessApplied() throws {
        let op = try Sandbox.operatorClient()
        let kept = Sandbox.unique("swift-kept"), new = Sandbox.unique("swift-new")
        _ = try op.bulk().mintScopedTokens(workspaceNames: [kept])
        // Every other workspace of the shared sandbox would be deactivated: plan only.
        let dry = try op.bulk().syncWorkspaces(desired: [kept, new])
        XCTAssertNil(dry.report)
        XCTAssertEqual(dry.plan.create, [new])
        XCTAssertFalse(dry.plan.deactivate.contains { $0.name == kept })
        let named = try op.workspaces().all(filter: WorkspaceFilter(nameContains: new)).collect()
        XCTAssertTrue(named.isEmpty, "a dry run writes nothing")
    }
}
