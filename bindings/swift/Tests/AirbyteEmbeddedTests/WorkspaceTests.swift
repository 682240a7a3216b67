import Foundation
import XCTest
@testable import AirbyteEmbedded

final class WorkspaceTests: XCTestCase {
    /// Creates `count` workspaces named PREFIX-00, PREFIX-01, … (minting a scoped token creates
    /// a workspace) and returns a filter that selects exactly them.
    private func seed(_ op: OperatorClient, prefix: String, count: Int) throws -> WorkspaceFilter {
        for i in 0..<count {
            _ = try op.mintScopedToken(request: ScopedTokenRequest(workspaceName: String(format: "%@-%02d", prefix, i)))
        }
        return WorkspaceFilter(nameContains: prefix)
    }

    func testFortyFiveWorkspacesComeAsASequenceOverThreePages() throws {
        let op = try Sandbox.operatorClient()
        let prefix = Sandbox.unique("swift-pages")
        let filter = try seed(op, prefix: prefix, count: 45)

        let all = try op.workspaces().all(filter: filter)
        var names: [String] = []
        for workspace in all {
            names.append(workspace.name ?? "?")
        }
        XCTAssertNil(all.error)
        XCTAssertEqual(names.count, 45)
        XCTAssertEqual(names.first, "\(prefix)-00")
        XCTAssertEqual(names.last, "\(prefix)-44")
        XCTAssertEqual(all.pagesRead, 3, "the service's default page size is 20")

        // Page by page, through the Sequence of pages…
        let pageSizes = try op.workspaces().allPages(filter: filter).map(\.count)
        XCTAssertEqual(pageSizes, [20, 20, 5])
        // …with an explicit page size, kept on every page…
        let small = WorkspaceFilter(nameContains: prefix, limit: 10)
        XCTAssertEqual(try op.workspaces().pages(filter: small).pageSequence().map(\.count), [10, 10, 10, 10, 5])
        // …and with the usual Sequence vocabulary, lazily.
        let firstThree = try op.workspaces().all(filter: filter).lazy.prefix(3).compactMap(\.name)
        XCTAssertEqual(Array(firstThree), ["\(prefix)-00", "\(prefix)-01", "\(prefix)-02"])
        XCTAssertEqual(try op.workspaces().all(filter: filter).collect().count, 45)
    }

    func testTheRawWalkEndsWithNil() throws {
        let op = try Sandbox.operatorClient()
        let prefix = Sandbox.unique("swift-walk")
        let filter = try seed(op, prefix: prefix, count: 3)
        let pages = try op.workspaces().pages(filter: filter)
        XCTAssertEqual(try pages.nextPage()?.count, 3)
        XCTAssertNil(try pages.nextPage())
        XCTAssertNil(try pages.nextPage(), "stays finished")

        let first = try op.workspaces().listPage(filter: WorkspaceFilter(nameContains: prefix, limit: 2))
        XCTAssertEqual(first.data.count, 2)
        XCTAssertNotNil(first.next)
    }

    func testAnErrorEndsTheSequenceAndIsKept() throws {
        let op = try Sandbox.operatorClient()
        // A page size the SDK refuses: the first page is never fetched.
        let all = try op.workspaces().all(filter: WorkspaceFilter(limit: 0))
        XCTAssertEqual(Array(all).count, 0)
        guard case .invalidArgument? = all.error as? AirbyteError else {
            return XCTFail("expected InvalidArgument, got \(String(describing: all.error))")
        }
        XCTAssertThrowsError(try op.workspaces().all(filter: WorkspaceFilter(limit: 0)).collect())
    }

    func testStatsUpdateAndDeactivate() throws {
        let op = try Sandbox.operatorClient()
        let name = Sandbox.unique("swift-ws")
        let id = try XCTUnwrap(try op.scopedToken(workspaceName: name).workspaceId())
        let before = try op.workspaces().stats()
        XCTAssertGreaterThanOrEqual(before.totalCount, 1)
        XCTAssertEqual(before.totalCount, before.activeCount + before.inactiveCount)

        let renamed = try op.workspaces().update(id: id, update: WorkspaceUpdate(name: name + "-renamed"))
        XCTAssertEqual(renamed.name, name + "-renamed")
        let deactivated = try op.workspaces().deactivate(id: id)
        XCTAssertEqual(deactivated.status, .inactive)
        XCTAssertEqual(try op.workspaces().stats().inactiveCount, before.inactiveCount + 1)
    }
}
