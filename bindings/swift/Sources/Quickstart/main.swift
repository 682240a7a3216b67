// The whole Airbyte Embedded story in Swift, step by step (the Rust quickstart's story).
//
// The operator signs in, looks up source and destination connectors, creates a connection
// template and tags, creates a source template and clones one of Airbyte's global ones, mints a
// widget token and a scoped token for the workspace `acme-corp`; the end user lists templates
// and creates a source; the operator lists the destinations the service made for it; the end
// user checks, updates and lists sources; the operator walks the workspace pages, reads stats
// and deactivates the workspace, then removes what the run created.
//
// Written with the async client (`AsyncOperatorClient`): every network call is `async throws`,
// independent lookups run together (`async let`), and the workspace walk is an `AsyncSequence`.
// Configs and specs are `JSONValue`s written as literals. The blocking `OperatorClient` has the
// same methods.
//
// With AIRBYTE_CLIENT_ID and AIRBYTE_CLIENT_SECRET set it runs against the real service (or
// AIRBYTE_API_URL); otherwise against the sandbox named by AIRBYTE_SANDBOX_URL,
// AIRBYTE_SANDBOX_CLIENT_ID and AIRBYTE_SANDBOX_CLIENT_SECRET (scripts/test-swift starts one).
//
// Run: cd bindings/swift && swift run Quickstart   (scripts/test-swift runs it)
import AirbyteEmbedded
import Foundation

func step(_ title: String) { print("\n== \(title)") }

/// The operator client: the real service when its credentials are set, else the sandbox.
func connect() throws -> AsyncOperatorClient {
    let env = ProcessInfo.processInfo.environment
    if !(env["AIRBYTE_CLIENT_ID"] ?? "").isEmpty, !(env["AIRBYTE_CLIENT_SECRET"] ?? "").isEmpty {
        let operatorClient = try AsyncOperatorClient.fromEnv()
        print("Using \(try operatorClient.baseUrl()) (credentials from the environment)")
        return operatorClient
    }
    guard let url = env["AIRBYTE_SANDBOX_URL"], let id = env["AIRBYTE_SANDBOX_CLIENT_ID"],
        let secret = env["AIRBYTE_SANDBOX_CLIENT_SECRET"]
    else {
        throw QuickstartError(
            "set AIRBYTE_CLIENT_ID and AIRBYTE_CLIENT_SECRET, or AIRBYTE_SANDBOX_URL, _CLIENT_ID and _CLIENT_SECRET")
    }
    print("Using the local sandbox at \(url)")
    return try AsyncOperatorClient(clientId: id, clientSecret: secret, config: ClientConfig(baseUrl: url))
}

struct QuickstartError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// The names a connector spec requires (`connectionSpecification.required`).
func required(_ spec: JSONValue?) -> [String] {
    spec?["connectionSpecification"]?["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
}

func run(_ op: AsyncOperatorClient) async throws {
    let suffix = Int(Date().timeIntervalSince1970) % 100_000

    step("1. The operator signs in and looks up connectors")
    // Independent lookups, awaited together.
    async let postgresFound = try op.definitions().listSources(name: "postgres")
    async let stripeFound = try op.definitions().listSources(name: "stripe")
    async let destinations = try op.definitions().listDestinations()
    guard let postgres = try await postgresFound.first, let stripe = try await stripeFound.first else {
        throw QuickstartError("the Postgres and Stripe connectors are not listed")
    }
    for d in [postgres, stripe] { print("connector \(d.name ?? "?") \(d.sourceDefinitionId)") }
    guard let s3 = try await destinations.first(where: { $0.name == "S3" }) else {
        throw QuickstartError("the S3 destination is not listed")
    }
    let s3Spec = try await op.definitions().getDestination(id: s3.id).definition.spec
    print("destination S3 \(s3.id): a connection template needs \(required(s3Spec))")

    step("2. A connection template (S3) and two tags")
    async let crmTag = try op.tags().create(name: "crm-\(suffix)")
    async let databasesTag = try op.tags().create(name: "databases-\(suffix)")
    let (crm, databases) = try await (crmTag, databasesTag)
    print("tags: \(crm.name), \(databases.name)")
    let s3Config: JSONObject = [
        "s3_bucket_name": "acme-exports",
        "s3_bucket_path": "airbyte",
        "s3_bucket_region": "us-east-1",
        "access_key_id": "AKIAEXAMPLE",
        "secret_access_key": "example-secret-access-key",
        "format": ["format_type": "JSONL"],
    ]
    var connection = try await op.connectionTemplates().create(
        template: ConnectionTemplateCreate(
            destinationName: "Acme S3", destinationDefinitionId: s3.id, destinationConfig: s3Config,
            cronExpression: "0 0 12 * * ?"))
    connection = try await op.connectionTemplates().addTag(id: connection.id, tag: crm.name)
    let cron = try await op.connectionTemplates().describeCron(cronExpression: "0 0 12 * * ?")
    print(
        "connection template \(connection.id) → \(connection.destinationName ?? "?"), schedule"
            + " \(connection.cronExpression ?? "?") (\(cron.description ?? "?")), tags \(connection.tags)")

    step("3. A source template, and a clone of Airbyte's global Stripe template")
    var pgTemplate = try await op.sourceTemplates().create(
        template: SourceTemplateCreate(
            actorDefinitionId: postgres.sourceDefinitionId, partialDefaultConfig: ["port": 5432],
            name: "Postgres (\(suffix))"))
    pgTemplate = try await op.sourceTemplates().addTag(id: pgTemplate.id, tag: databases.name)
    // Airbyte maintains global templates; cloning one offers a connector with its defaults.
    let global = try await op.sourceTemplates().listGlobal()
    print("\(global.count) global source template(s)")
    var stripeTemplate: SourceTemplate
    if let stripeGlobal = global.first(where: { $0.name?.contains("Stripe") == true }) {
        stripeTemplate = try await op.sourceTemplates().cloneTemplate(
            originalId: stripeGlobal.id, name: "Stripe (\(suffix))")
    } else {
        stripeTemplate = try await op.sourceTemplates().create(
            template: SourceTemplateCreate(
                actorDefinitionId: stripe.sourceDefinitionId,
                partialDefaultConfig: ["lookback_window_days": 7], name: "Stripe (\(suffix))"))
    }
    stripeTemplate = try await op.sourceTemplates().addTag(id: stripeTemplate.id, tag: crm.name)
    for t in [pgTemplate, stripeTemplate] { print("source template \(t.id) \(t.name ?? "?") tags \(t.tags)") }

    step("4. Tokens for the end user `acme-corp`")
    let widget = try await op.mintWidgetToken(
        request: WidgetTokenRequest(
            workspaceName: "acme-corp", allowedOrigin: "https://app.acme.example",
            selectedSourceTemplateTags: [databases.name, crm.name], selectedSourceTemplateTagsMode: .any))
    let inner = widget.scopedToken()
    print("widget token decoded: widget URL \(widget.widgetUrl())")
    print(
        "  carries a scoped token for workspace \(inner.workspaceId() ?? "?"), expiring at"
            + " \(inner.expiresAtUnix().map(String.init) ?? "?") (Unix seconds)")
    let scoped = try await op.scopedToken(workspaceName: "acme-corp")
    print("scoped token for workspace \(scoped.workspaceId() ?? "?") (text not shown)")

    step("5. The end user lists templates and creates a source")
    let endUser = try op.endUserClient(workspaceName: "acme-corp")
    defer { endUser.close() }
    let workspaceId = try await endUser.workspaceId()
    print("end user's workspace: \(workspaceId)")
    for t in try await endUser.sourceTemplates().list() { print("offered: \(t.id) \(t.name ?? "?") tags \(t.tags)") }
    let spec = try await endUser.sourceTemplates().get(id: pgTemplate.id).userConfigSpec
    print("the end user must fill: \(required(spec))")
    let source = try await endUser.sources().create(
        source: SourceCreate(
            workspaceId: workspaceId, sourceTemplateId: pgTemplate.id,
            sourceConfig: [
                "host": "db.acme.example", "database": "app", "username": "airbyte",
                "password": "correct-horse-battery-staple",
            ],
            name: "Acme production DB"))
    // The stored config comes back with its secrets masked.
    print("source \(source.id) created; password as stored: \(source.sourceConfig["password"]?.stringValue ?? "?")")

    step("6. The operator lists the destinations the service made for the new source")
    for try await summary in try op.destinations().all(filter: DestinationFilter(workspaceId: workspaceId)) {
        let d = try await op.destinations().get(id: summary.id)
        print("destination \(d.id) \(d.name ?? "?") (\(d.destinationType ?? "?"))")
    }

    step("7. The end user checks the source")
    let job = try await endUser.sources().check(id: source.id)
    let status = try await endUser.sources().waitForCheck(checkId: job.id)
    print("check \(job.id): \(status.status.wireValue())")
    guard status.status == .succeeded else {
        throw QuickstartError("check ended \(status.status.wireValue()): \(status.errorMessage ?? "")")
    }

    step("8. The end user updates and lists sources")
    let renamed = try await endUser.sources().update(
        id: source.id, update: SourceUpdate(name: "Acme production DB (replica)"))
    print("renamed to \(renamed.name ?? "?")")
    for s in try await endUser.sources().list(workspaceId: workspaceId) { print("source \(s.id) \(s.name ?? "?")") }

    step("9. The operator reviews workspaces and deactivates acme-corp")
    var count = 0
    var acme: Workspace?
    for try await workspace in try op.workspaces().all(filter: WorkspaceFilter(limit: 50)) {
        count += 1
        if workspace.name == "acme-corp" { acme = workspace }
    }
    print("\(count) workspace(s) in the organisation")
    let stats = try await op.workspaces().stats()
    print("stats: \(stats.activeCount) active, \(stats.inactiveCount) inactive, \(stats.totalCount) in all")
    guard let acme else { throw QuickstartError("workspace acme-corp not listed") }
    let deactivated = try await op.workspaces().deactivate(id: acme.id)
    print("workspace \(deactivated.id) is now \(deactivated.status?.wireValue() ?? "?")")

    step("10. Clean up what this run created")
    _ = try await endUser.sources().delete(id: source.id)
    let (pgId, stripeId, connectionId) = (pgTemplate.id, stripeTemplate.id, connection.id)
    async let pgDeleted = try op.sourceTemplates().delete(id: pgId)
    async let stripeDeleted = try op.sourceTemplates().delete(id: stripeId)
    async let connectionDeleted = try op.connectionTemplates().delete(id: connectionId)
    _ = try await (pgDeleted, stripeDeleted, connectionDeleted)
    _ = try await op.tags().delete(name: crm.name)
    _ = try await op.tags().delete(name: databases.name)
    if let rl = try op.lastRateLimit(), let remaining = rl.remaining, let limit = rl.limit {
        print("rate limit: \(remaining) of \(limit) requests left this window")
    }
    print("\nDone.")
}

do {
    let op = try connect()
    defer { op.close() }
    try await run(op)
} catch let error as AirbyteError {
    FileHandle.standardError.write(Data("\nquickstart failed: \(error)\n".utf8))
    exit(1)
} catch {
    FileHandle.standardError.write(Data("\nquickstart failed: \(error)\n".utf8))
    exit(1)
}
