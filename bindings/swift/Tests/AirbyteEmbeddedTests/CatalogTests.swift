import Foundation
import XCTest
@testable import AirbyteEmbedded

final class CatalogTests: XCTestCase {
    private let postgres = "decd338e-5647-4c0b-adf4-da0e75f5a750"

    func testATemplateCatalogIsQueriedPatchedAndItsStreamsEdited() throws {
        let op = try Sandbox.operatorClient()
        let template = try op.sourceTemplates().create(
            template: SourceTemplateCreate(
                actorDefinitionId: postgres, partialDefaultConfig: [:], name: Sandbox.unique("Swift Postgres")))
        defer { _ = try? op.sourceTemplates().delete(id: template.id) }
        let catalogs = try op.templateCatalogs()
        let read = try catalogs.get(templateId: template.id)
        XCTAssertEqual(read.sonarCatalog?.streams.map(\.name), ["customers", "orders", "users"])
        XCTAssertEqual(try catalogs.query(templateId: template.id, query: "streams[?suggested].name"), ["customers"])
        let patched = try catalogs.patch(
            templateId: template.id, ops: [PatchOp(op: "add", path: "/selected_streams", value: ["orders"])])
        XCTAssertEqual(patched.selectedStreams, ["orders"])
        XCTAssertEqual(try catalogs.get(templateId: template.id, selectedOnly: true).sonarCatalog?.streams.map(\.name), ["orders"])
        _ = try catalogs.addStream(templateId: template.id, stream: SonarStream(name: "events", other: [:]))
        let changed = try catalogs.patchStream(
            templateId: template.id, streamName: "events",
            ops: [PatchOp(op: "add", path: "/description", value: "Clicks")])
        XCTAssertEqual(changed.description, "Clicks")
        XCTAssertEqual(try catalogs.deleteStream(templateId: template.id, streamName: "events").streamName, "events")
        _ = try catalogs.delete(templateId: template.id)
        guard case .notFound? = expectAirbyteError(try catalogs.get(templateId: template.id)) else {
            return XCTFail("expected NotFound")
        }
    }

    func testADefinitionCatalogIsReadAndBlessed() throws {
        let op = try Sandbox.operatorClient()
        let catalogs = try op.definitionCatalogs()
        let read = try catalogs.get(definitionId: postgres)
        XCTAssertEqual(read.name, "Postgres")
        XCTAssertEqual(read.catalogType, .structured)
        _ = try catalogs.patch(definitionId: postgres, blessed: true)
        XCTAssertTrue(try catalogs.get(definitionId: postgres).blessed)
    }
}
