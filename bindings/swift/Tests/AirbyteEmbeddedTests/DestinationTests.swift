import Foundation
import XCTest
@testable import AirbyteEmbedded

final class DestinationTests: XCTestCase {
    private let s3Id = "4816b78f-1489-44c1-9060-4b19d5fa9362"
    private let unknown = "00000000-0000-4000-8000-00000000abcd"

    func testGlobalTemplatesCloneIntoTheOrganisation() throws {
        let op = try Sandbox.operatorClient()
        let global = try op.sourceTemplates().listGlobal()
        let pg = try XCTUnwrap(global.first { $0.name == "Postgres (Airbyte)" })
        XCTAssertFalse(try op.sourceTemplates().list().contains { $0.id == pg.id })
        let clone = try op.sourceTemplates().cloneTemplate(originalId: pg.id, name: Sandbox.unique("Postgres"))
        defer { _ = try? op.sourceTemplates().delete(id: clone.id) }
        XCTAssertNotEqual(clone.id, pg.id)
        XCTAssertEqual(clone.partialDefaultConfig["port"], 5432)
    }

    func testDestinationDefinitions() throws {
        let op = try Sandbox.operatorClient()
        XCTAssertTrue(try op.definitions().listDestinations().contains { $0.id == s3Id })
        let some = try op.definitions().listDestinations(ids: [s3Id, unknown])
        XCTAssertEqual(some.map(\.id), [s3Id])
        XCTAssertEqual(some.first?.name, "S3")
        let full = try op.definitions().getDestination(id: s3Id)
        let spec = try XCTUnwrap(full.definition.spec)
        XCTAssertNotNil(spec["connectionSpecification"]?["properties"]?["secret_access_key"])
        guard case .notFound? = expectAirbyteError(try op.definitions().getDestination(id: unknown)) else {
            return XCTFail("expected NotFound")
        }
    }

    func testANewSourceGetsTheConnectionTemplatesDestinationsMasked() throws {
        let op = try Sandbox.operatorClient()
        let bucket = Sandbox.unique("lake")
        let config: JSONObject = [
            "s3_bucket_name": .string(bucket), "s3_bucket_path": "data", "s3_bucket_region": "eu-west-1",
            "access_key_id": "AKIAEXAMPLE", "secret_access_key": "swift-secret-key",
            "format": ["format_type": "JSONL"],
        ]
        let name = "Lake \(bucket)"
        let connection = try op.connectionTemplates().create(
            template: ConnectionTemplateCreate(
                destinationName: name, destinationDefinitionId: s3Id, destinationConfig: config))
        defer { _ = try? op.connectionTemplates().delete(id: connection.id) }
        let sample = try XCTUnwrap(try op.sourceTemplates().listGlobal().first { $0.name == "Sample Data (Airbyte)" })
        let template = try op.sourceTemplates().cloneTemplate(originalId: sample.id)
        defer { _ = try? op.sourceTemplates().delete(id: template.id) }
        let user = try op.endUserClient(workspaceName: Sandbox.unique("swift-destinations"))
        let workspace = try user.workspaceId()
        _ = try user.sources().create(
            source: SourceCreate(workspaceId: workspace, sourceTemplateId: template.id, sourceConfig: [:]))

        let all = try op.destinations().all(filter: DestinationFilter(workspaceId: workspace, limit: 1)).collect()
        let mine = try XCTUnwrap(all.first { $0.name == name })
        XCTAssertEqual(mine.destinationDefinitionId, s3Id)
        let one = try op.destinations().get(id: mine.id)
        XCTAssertEqual(one.destinationConfig["secret_access_key"], .string(secretMask()))
        XCTAssertFalse(String(describing: one).contains("eu-west-1"))

        let walk = try op.destinations().pages(filter: DestinationFilter(workspaceId: ""))
        guard case .invalidArgument(let argument, _)? = expectAirbyteError(try walk.nextPage()) else {
            return XCTFail("expected InvalidArgument")
        }
        XCTAssertEqual(argument, "workspace_id")
    }
}
