import Foundation
import XCTest
@testable import AirbyteEmbedded

final class FileTests: XCTestCase {
    private let sampleData = "dfd88b22-b603-4c3d-aad7-3701784586b1"
    private let secret = "sk_live_swift-upstream-7a41"

    /// A Sample Data source with 6 users in a new workspace: (workspace id, source id).
    private func source(_ op: OperatorClient) throws -> (String, String) {
        let template = try op.sourceTemplates().create(
            template: SourceTemplateCreate(actorDefinitionId: sampleData, partialDefaultConfig: [:]))
        let workspace = try op.endUserClient(workspaceName: Sandbox.unique("swift-files")).workspaceId()
        let created = try op.sources().create(
            source: SourceCreate(workspaceId: workspace, sourceTemplateId: template.id, sourceConfig: ["count": 6]))
        return (workspace, created.id)
    }

    func testFoldersWalkAndFilesReadAsDataChunks() throws {
        let op = try Sandbox.operatorClient()
        let (workspace, src) = try source(op)
        let files = try op.files()
        XCTAssertEqual(try files.sources(workspaceId: workspace).map(\.sourceType), ["faker"])
        XCTAssertEqual(try files.drives(sourceId: src).map(\.id), ["main", "shared"])

        let entries = try files.all(folder: FolderQuery(sourceId: src, path: "reports/2025", limit: 3)).collect()
        XCTAssertEqual(entries.map(\.relativePath), (1...4).map { "reports/2025/q\($0) summary.csv" })
        XCTAssertTrue(entries.allSatisfy { $0.kind == .file })

        var text = Data()
        for chunk in try files.chunks(sourceId: src, path: entries[0].relativePath, chunkSize: 16) {
            XCTAssertLessThanOrEqual(chunk.count, 16)
            text.append(chunk)
        }
        XCTAssertEqual(Int64(text.count), entries[0].bytes)
        XCTAssertTrue(String(decoding: text, as: UTF8.self).hasPrefix("month,orders,revenue_cents\n"))

        let notes = try files.open(sourceId: src, path: "Team Notes/meeting 02.txt", driveId: "shared")
        XCTAssertEqual(try notes.contentType(), "text/plain")
        let first = try XCTUnwrap(try notes.chunks().nextChunk())
        XCTAssertTrue(String(decoding: first, as: UTF8.self).hasPrefix("Meeting 02"))
        notes.close()
        guard case .clientClosed? = expectAirbyteError(try notes.read(maxBytes: 1)) else {
            return XCTFail("expected ClientClosed after close()")
        }

        // The large file, 64 KiB at a time.
        let large = try files.chunks(sourceId: src, path: "exports/large export.bin")
        XCTAssertEqual(try large.stream.contentLength(), 50 * 1024 * 1024)
        var total = 0
        for chunk in large { total += chunk.count }
        XCTAssertNil(large.error)
        XCTAssertEqual(total, 50 * 1024 * 1024)
        XCTAssertEqual(large.bytesRead, 50 * 1024 * 1024)

        guard case .invalidArgument(let argument, _)? = expectAirbyteError(try files.open(sourceId: src, path: "")) else {
            return XCTFail("expected InvalidArgument")
        }
        XCTAssertEqual(argument, "path")
        guard case .notFound? = expectAirbyteError(try files.open(sourceId: src, path: "reports")) else {
            return XCTFail("expected NotFound")
        }
    }

    func testTheProxyKeepsHeadersPrivateAndSearchFilters() throws {
        let op = try Sandbox.operatorClient()
        let (_, src) = try source(op)
        let request = ProxyRequest(url: "https://api.example.com/v1/invoices", method: .get, headers: ["X-Api-Key": secret])
        XCTAssertFalse(String(describing: request).contains(secret))
        let answer = try op.proxy().request(sourceId: src, request: request)
        XCTAssertEqual(answer.responseStatusCode, 200)
        let upstream = try jsonObject(try XCTUnwrap(answer.responseBody))
        XCTAssertEqual(upstream["header_names"] as? [String], ["x-api-key"])
        let teapot = try op.proxy().request(
            sourceId: src, request: ProxyRequest(url: "https://api.example.com/status/418", method: .get))
        XCTAssertEqual(teapot.responseStatusCode, 418)

        let found = try op.sourceSearch().search(
            sourceId: src, streamName: "users", request: SearchRequest(condition: ["gt": ["id": 4]]))
        XCTAssertEqual(found.total, 2)
        XCTAssertEqual(found.hits.compactMap(\.id), ["5", "6"])
        guard case .invalidArgument(let argument, _)? = expectAirbyteError(
            try op.sourceSearch().search(sourceId: src, streamName: "users", request: SearchRequest(condition: [:])))
        else {
            return XCTFail("expected InvalidArgument")
        }
        XCTAssertEqual(argument, "condition")
    }
}
