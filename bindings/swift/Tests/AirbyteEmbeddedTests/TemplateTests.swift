import Foundation
import XCTest
@testable import AirbyteEmbedded

final class TemplateTests: XCTestCase {
    func testOperatorCreatesTagsAndTemplatesThatTheEndUserIsOffered() throws {
        let op = try Sandbox.operatorClient()
        let postgres = try XCTUnwrap(try op.definitions().listSources(name: "postgres").first)
        XCTAssertEqual(postgres.name, "Postgres")

        let tag = try op.tags().create(name: Sandbox.unique("swift-tag"))
        defer { _ = try? op.tags().delete(name: tag.name) }
        XCTAssertTrue(try op.tags().list().contains { $0.name == tag.name })

        let name = Sandbox.unique("Swift Postgres")
        var template = try op.sourceTemplates().create(
            template: SourceTemplateCreate(
                actorDefinitionId: postgres.sourceDefinitionId,
                partialDefaultConfig: ["port": 5432],
                name: name))
        defer { _ = try? op.sourceTemplates().delete(id: template.id) }
        XCTAssertEqual(template.name, name)
        XCTAssertEqual(template.partialDefaultConfig["port"], 5432)

        template = try op.sourceTemplates().addTag(id: template.id, tag: tag.name)
        XCTAssertEqual(template.tags, [tag.name])
        XCTAssertEqual(try op.sourceTemplates().get(id: template.id).id, template.id)
        let tagged = try op.sourceTemplates().list(filter: TagFilter(tags: [tag.name], mode: .all))
        XCTAssertEqual(tagged.map(\.id), [template.id])

        // The end user sees it, with the spec of what they must fill in.
        let endUser = try op.endUserClient(workspaceName: Sandbox.unique("swift-templates"))
        let offered = try endUser.sourceTemplates().list(filter: TagFilter(tags: [tag.name], mode: .any))
        XCTAssertEqual(offered.map(\.id), [template.id])
        let seen = try endUser.sourceTemplates().get(id: template.id)
        let spec = try XCTUnwrap(seen.userConfigSpec)
        let required = try XCTUnwrap(spec["connectionSpecification"]?["required"]?.arrayValue)
        XCTAssertTrue(required.contains("host"), "\(required)")

        let deleted = try op.sourceTemplates().delete(id: template.id)
        XCTAssertEqual(deleted.id, template.id)
        let gone = expectAirbyteError(try op.sourceTemplates().get(id: template.id))
        guard case .notFound(let status, _)? = gone else {
            return XCTFail("expected NotFound, got \(String(describing: gone))")
        }
        XCTAssertEqual(status, 404)
    }

    func testTypedStreamCustomizationsAndMappersRoundTrip() throws {
        let op = try Sandbox.operatorClient()
        let postgres = try XCTUnwrap(try op.definitions().listSources(name: "postgres").first)
        let customization = Customization(
            streamCustomizations: ["users": StreamCustomization(primaryKeyFields: [["id"]], cursorField: ["updated_at"], other: [:])],
            streamMappers: ["users": [
                .hashing(config: HashingConfig(targetField: "email", method: .sha256, other: [:]), other: [:]),
                .fieldRenaming(config: FieldRenamingConfig(originalFieldName: "fname", newFieldName: "first_name", other: [:]), other: [:]),
            ]],
            other: [:])
        let created = try op.sourceTemplates().create(
            template: SourceTemplateCreate(
                actorDefinitionId: postgres.sourceDefinitionId, partialDefaultConfig: [:],
                name: Sandbox.unique("Swift Mapped"), customization: customization))
        defer { _ = try? op.sourceTemplates().delete(id: created.id) }
        let back = try XCTUnwrap(try op.sourceTemplates().get(id: created.id).customization)
        XCTAssertEqual(back.streamCustomizations?["users"]?.primaryKeyFields, [["id"]])
        guard case .hashing(let config, _)? = back.streamMappers?["users"]?.first else {
            return XCTFail("expected a hashing mapper first")
        }
        XCTAssertEqual(config.method, .sha256)
    }
}
