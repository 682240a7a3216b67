// The whole Airbyte Embedded story in Kotlin, step by step (the Rust quickstart's story).
//
// The operator signs in, looks up source and destination connectors, creates a connection
// template and tags, creates a source template and clones one of Airbyte's global ones, mints a
// widget token and a scoped token for the workspace `acme-corp`; the end user lists templates
// and creates a source; the operator lists the destinations the service made for it; the end
// user checks, updates and lists sources; the operator walks the workspace pages, reads stats
// and deactivates the workspace, then removes what the run created.
//
// With AIRBYTE_CLIENT_ID and AIRBYTE_CLIENT_SECRET set it runs against the real service (or
// AIRBYTE_API_URL); otherwise it starts the sandbox binary (system property
// `airbyte.sandbox.bin`). The native library comes from the jar (JNA loads its resource). Configs and
// specs are kotlinx.serialization JSON values (`buildJsonObject { ... }`, `JsonElement`).
//
// Written with the async client (`AsyncOperatorClient`): every network call is a `suspend`
// function that never blocks a thread of the caller's, independent lookups run together
// (`async { }`), and the workspace walk is a `Flow`. The blocking `OperatorClient` has the same
// methods.
//
// Run: cd bindings/kotlin && mvn -B -Pquickstart test-compile exec:java
import io.airbyte.embedded.AirbyteException
import io.airbyte.embedded.AsyncOperatorClient
import io.airbyte.embedded.CheckState
import io.airbyte.embedded.ClientConfig
import io.airbyte.embedded.ConnectionTemplateCreate
import io.airbyte.embedded.DestinationFilter
import io.airbyte.embedded.SourceCreate
import io.airbyte.embedded.SourceTemplateCreate
import io.airbyte.embedded.SourceUpdate
import io.airbyte.embedded.TagsMode
import io.airbyte.embedded.WidgetTokenRequest
import io.airbyte.embedded.WorkspaceFilter
import io.airbyte.embedded.all
import kotlin.system.exitProcess
import kotlinx.coroutines.async
import kotlinx.coroutines.coroutineScope
import kotlinx.coroutines.flow.toList
import kotlinx.coroutines.runBlocking
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.jsonObject
import kotlinx.serialization.json.put
import kotlinx.serialization.json.putJsonObject

private fun step(title: String) = println("\n== $title")

/** The operator client, and the sandbox process it talks to (null for the real service). */
private fun connect(): Pair<AsyncOperatorClient, Process?> {
    if (!System.getenv("AIRBYTE_CLIENT_ID").isNullOrEmpty() && !System.getenv("AIRBYTE_CLIENT_SECRET").isNullOrEmpty()) {
        val operator = AsyncOperatorClient.fromEnv()
        println("Using ${operator.baseUrl()} (credentials from the environment)")
        return operator to null
    }
    val bin = System.getProperty("airbyte.sandbox.bin") ?: "target/debug/airbyte-embedded-sandbox"
    val sandbox = ProcessBuilder(bin, "--port", "0").redirectError(ProcessBuilder.Redirect.INHERIT).start()
    val out = sandbox.inputStream.bufferedReader()
    val baseUrl = out.readLine().substringAfterLast(' ')
    val clientId = out.readLine().substringAfter(": ")
    val clientSecret = out.readLine().substringAfter(": ")
    println("Using the local sandbox at $baseUrl")
    return AsyncOperatorClient(clientId, clientSecret, ClientConfig(baseUrl = baseUrl)) to sandbox
}

private suspend fun run(operator: AsyncOperatorClient) = coroutineScope {
    val suffix = (System.currentTimeMillis() / 1000) % 100_000

    step("1. The operator signs in and looks up connectors")
    // Independent lookups, awaited together.
    val postgresFound = async { operator.definitions().listSources("postgres") }
    val stripeFound = async { operator.definitions().listSources("stripe") }
    val destinations = async { operator.definitions().listDestinations() }
    val postgres = postgresFound.await().first()
    val stripe = stripeFound.await().first()
    for (d in listOf(postgres, stripe)) println("connector ${d.name?.padEnd(10)} ${d.sourceDefinitionId}")
    val s3 = destinations.await().first { it.name == "S3" }
    val s3Spec = operator.definitions().getDestination(s3.id).definition.spec
    println("destination S3 ${s3.id}: a connection template needs ${s3Spec?.jsonObject?.get("connectionSpecification")?.jsonObject?.get("required")}")

    step("2. A connection template (S3) and two tags")
    val crm = operator.tags().create("crm-$suffix")
    val databases = operator.tags().create("databases-$suffix")
    println("tags: ${crm.name}, ${databases.name}")
    // Configs are kotlinx.serialization JSON objects, both ways.
    val s3Config = buildJsonObject {
        put("s3_bucket_name", "acme-exports")
        put("s3_bucket_path", "airbyte")
        put("s3_bucket_region", "us-east-1")
        put("access_key_id", "AKIAEXAMPLE")
        put("secret_access_key", "example-secret-access-key")
        putJsonObject("format") { put("format_type", "JSONL") }
    }
    var connection = operator.connectionTemplates().create(
        ConnectionTemplateCreate(
            destinationName = "Acme S3",
            destinationDefinitionId = s3.id,
            destinationConfig = s3Config,
            cronExpression = "0 0 12 * * ?",
        ),
    )
    connection = operator.connectionTemplates().addTag(connection.id, crm.name)
    val cron = operator.connectionTemplates().describeCron("0 0 12 * * ?")
    println("connection template ${connection.id} → ${connection.destinationName}, schedule ${connection.cronExpression} (${cron.description}), tags ${connection.tags}")
    println("destination config as stored: ${connection.destinationConfig}")

    step("3. A source template, and a clone of Airbyte's global Stripe template")
    var pgTemplate = operator.sourceTemplates().create(
        SourceTemplateCreate(actorDefinitionId = postgres.sourceDefinitionId, partialDefaultConfig = buildJsonObject { put("port", 5432) }, name = "Postgres ($suffix)"),
    )
    pgTemplate = operator.sourceTemplates().addTag(pgTemplate.id, databases.name)
    // Airbyte maintains global templates; cloning one offers a connector with its defaults.
    val global = operator.sourceTemplates().listGlobal()
    println("${global.size} global source template(s)")
    val stripeGlobal = global.firstOrNull { it.name?.contains("Stripe") == true }
    var stripeTemplate = if (stripeGlobal != null) {
        operator.sourceTemplates().cloneTemplate(stripeGlobal.id, "Stripe ($suffix)")
    } else {
        operator.sourceTemplates().create(
            SourceTemplateCreate(actorDefinitionId = stripe.sourceDefinitionId, partialDefaultConfig = buildJsonObject { put("lookback_window_days", 7) }, name = "Stripe ($suffix)"),
        )
    }
    stripeTemplate = operator.sourceTemplates().addTag(stripeTemplate.id, crm.name)
    for (t in listOf(pgTemplate, stripeTemplate)) println("source template ${t.id} ${t.name} tags ${t.tags}")

    step("4. Tokens for the end user `acme-corp`")
    val widget = operator.mintWidgetToken(
        WidgetTokenRequest(
            workspaceName = "acme-corp",
            allowedOrigin = "https://app.acme.example",
            selectedSourceTemplateTags = listOf(databases.name, crm.name),
            selectedSourceTemplateTagsMode = TagsMode.Any,
        ),
    )
    val inner = widget.scopedToken()
    println("widget token decoded: widget URL ${widget.widgetUrl()}")
    println("  carries a scoped token for workspace ${inner.workspaceId()}, expiring at ${inner.expiresAtUnix()} (Unix seconds)")
    println("scoped token for workspace ${operator.scopedToken("acme-corp").workspaceId()} (text not shown)")

    step("5. The end user lists templates and creates a source")
    operator.endUserClient("acme-corp").use { endUser ->
        val workspaceId = endUser.workspaceId()
        println("end user's workspace: $workspaceId")
        for (t in endUser.sourceTemplates().list()) println("offered: ${t.id} ${t.name} tags ${t.tags}")
        val spec = endUser.sourceTemplates().get(pgTemplate.id).userConfigSpec
        println("the end user must fill: ${spec?.jsonObject?.get("connectionSpecification")?.jsonObject?.get("required")}")
        val source = endUser.sources().create(
            SourceCreate(
                workspaceId = workspaceId,
                sourceTemplateId = pgTemplate.id,
                sourceConfig = buildJsonObject {
                    put("host", "db.acme.example")
                    put("database", "app")
                    put("username", "airbyte")
                    put("password", "correct-horse-battery-staple")
                },
                name = "Acme production DB",
            ),
        )
        println("source ${source.id} created; config as stored: ${source.sourceConfig}")

        step("6. The operator lists the destinations the service made for the new source")
        operator.destinations().all(DestinationFilter(workspaceId = workspaceId)).collect { summary ->
            val d = operator.destinations().get(summary.id)
            println("destination ${d.id} ${d.name} (${d.destinationType}); config as stored: ${d.destinationConfig}")
        }

        step("7. The end user checks the source")
        val job = endUser.sources().check(source.id)
        val status = endUser.sources().waitForCheck(job.id)
        println("check ${job.id}: ${status.status.wireValue()}")
        check(status.status == CheckState.Succeeded) { "check ended ${status.status.wireValue()}: ${status.errorMessage}" }

        step("8. The end user updates and lists sources")
        println("renamed to ${endUser.sources().update(source.id, SourceUpdate(name = "Acme production DB (replica)")).name}")
        for (s in endUser.sources().list(workspaceId)) println("source ${s.id} ${s.name}")

        step("9. The operator reviews workspaces and deactivates acme-corp")
        val workspaces = operator.workspaces().all(WorkspaceFilter(limit = 50)).toList()
        println("${workspaces.size} workspace(s) in the organisation")
        val stats = operator.workspaces().stats()
        println("stats: ${stats.activeCount} active, ${stats.inactiveCount} inactive, ${stats.totalCount} in all")
        val acme = workspaces.firstOrNull { it.name == "acme-corp" } ?: error("workspace acme-corp not listed")
        val deactivated = operator.workspaces().deactivate(acme.id)
        println("workspace ${deactivated.id} is now ${deactivated.status?.wireValue()}")

        step("10. Clean up what this run created")
        endUser.sources().delete(source.id)
    }
    operator.sourceTemplates().delete(pgTemplate.id)
    operator.sourceTemplates().delete(stripeTemplate.id)
    operator.connectionTemplates().delete(connection.id)
    operator.tags().delete(crm.name)
    operator.tags().delete(databases.name)
    operator.lastRateLimit()?.let { println("rate limit: ${it.remaining} of ${it.limit} requests left this window") }
    println("\nDone.")
}

fun main() = runBlocking {
    val (operator, sandbox) = connect()
    val code = try {
        operator.use { run(it) }
        0
    } catch (e: AirbyteException) {
        System.err.println("\nquickstart failed: ${e.message}")
        1
    } finally {
        sandbox?.destroy()
        sandbox?.waitFor()
    }
    if (code != 0) exitProcess(code)
}
