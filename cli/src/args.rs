//! The command line's grammar: every command, flag and argument, with its `--help` text and an
//! example. Parsing only; the commands live in `commands/`.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// The whole command line.
#[derive(Debug, Parser)]
#[command(
    name = "airbyte-embedded",
    version,
    about = "Operate Airbyte Embedded: templates, tags, tokens, workspaces, sources, config validation",
    long_about = "Operate Airbyte Embedded from a shell: set up templates and tags (one by one or \
                  declared in one file with `apply`), mint and inspect tokens, look up workspaces \
                  and sources, and validate connector configs offline.\n\n\
                  Credentials come from AIRBYTE_CLIENT_ID and AIRBYTE_CLIENT_SECRET (with \
                  AIRBYTE_API_URL and AIRBYTE_ORGANIZATION_ID), or from a profile saved by \
                  `airbyte-embedded login`.",
    after_help = "Exit codes: 0 ok, 1 API or validation error, 2 usage or file error, 3 \
                  authentication (no credentials, or the service answered 401/403), 4 rate \
                  limited.\n\n\
                  Example:\n  airbyte-embedded templates sources list --json"
)]
pub struct Cli {
    /// Flags every command takes.
    #[command(flatten)]
    pub global: Global,
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// Flags every command takes.
#[derive(Debug, Args)]
pub struct Global {
    /// The profile (from `login`) to use; without it, the environment's credentials, else the
    /// profile `default`.
    #[arg(long, global = true, value_name = "NAME")]
    pub profile: Option<String>,
    /// The API's base URL (default: the profile's `api_url` when a profile is used, else
    /// AIRBYTE_API_URL, else https://api.airbyte.ai/api/v1).
    #[arg(long, global = true, value_name = "URL")]
    pub api_url: Option<String>,
    /// Print one JSON document (lists as arrays) instead of tables.
    #[arg(long, global = true)]
    pub json: bool,
    /// Print nothing on success but what the command exists to print (a minted token).
    #[arg(long, short, global = true)]
    pub quiet: bool,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Save credentials in a profile (~/.config/airbyte-embedded/config.toml, mode 0600).
    #[command(
        after_help = "The client secret is read from AIRBYTE_CLIENT_SECRET when set, \
                            else from the first line of standard input. The credentials are \
                            checked (one request) before they are saved, unless --no-verify.\n\n\
                            Example:\n  printf '%s\\n' \"$SECRET\" | airbyte-embedded login \
                            --client-id 5f0c2a8e-… --profile staging"
    )]
    Login(LoginArgs),
    /// List the saved profiles (never their secrets).
    #[command(after_help = "Example:\n  airbyte-embedded profiles")]
    Profiles,
    /// Source and connection templates.
    #[command(subcommand)]
    Templates(TemplatesCommand),
    /// Tags that group templates.
    #[command(subcommand)]
    Tags(TagsCommand),
    /// The connector catalogue.
    #[command(subcommand)]
    Definitions(DefinitionsCommand),
    /// Mint scoped and widget tokens, or read a token's claims.
    #[command(subcommand)]
    Tokens(TokensCommand),
    /// End users' workspaces.
    #[command(subcommand)]
    Workspaces(WorkspacesCommand),
    /// A workspace's sources, as the operator.
    #[command(subcommand)]
    Sources(SourcesCommand),
    /// The destinations the service made from connection templates.
    #[command(subcommand)]
    Destinations(DestinationsCommand),
    /// Check a source config against a connector spec, offline.
    #[command(
        after_help = "Exit code 0 when the config is valid, 1 when it is not (every \
                            problem listed with its JSON pointer), 2 for a usage or file \
                            error. SPEC and CONFIG are JSON or YAML files (`-` reads standard \
                            input).\n\n\
                            Example:\n  airbyte-embedded validate --spec source-postgres.json \
                            --config config.yaml --template-defaults defaults.json"
    )]
    Validate(ValidateArgs),
    /// Print the form model of a connector spec (the fields an end user fills).
    #[command(after_help = "Example:\n  airbyte-embedded form --spec source-postgres.json --json")]
    Form(FormArgs),
    /// Apply a whole set-up (tags, connection templates, source templates) declared in one file.
    #[command(
        after_help = "Prints the plan (create / update / unchanged, with the fields \
                            that differ) and changes nothing unless --yes. Templates are \
                            matched by name (source templates by `name`, connection templates \
                            by `destination_name`); nothing absent from the file is deleted. \
                            A secret the service shows masked (**********) is unknown, never \
                            a difference.\n\n\
                            Example:\n  airbyte-embedded apply -f setup.yaml        # the plan\n  \
                            airbyte-embedded apply -f setup.yaml --yes  # apply it"
    )]
    Apply(ApplyArgs),
    /// Run the local sandbox server (the whole contract, in memory) until interrupted.
    #[command(
        after_help = "Prints its URL and the seeded credentials, as shell exports.\n\n\
                            Example:\n  airbyte-embedded sandbox --port 8765 --token-ttl 900"
    )]
    Sandbox(SandboxArgs),
    /// Print a shell completion script.
    #[command(after_help = "Example:\n  airbyte-embedded completions bash > \
                            /etc/bash_completion.d/airbyte-embedded")]
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

/// `login`.
#[derive(Debug, Args)]
pub struct LoginArgs {
    /// The client id (default: AIRBYTE_CLIENT_ID).
    #[arg(long, value_name = "ID")]
    pub client_id: Option<String>,
    /// The organisation id sent as X-Organization-Id (default: AIRBYTE_ORGANIZATION_ID).
    #[arg(long, value_name = "UUID")]
    pub organization_id: Option<String>,
    /// Save without checking the credentials against the service.
    #[arg(long)]
    pub no_verify: bool,
}

/// `templates`.
#[derive(Debug, Subcommand)]
pub enum TemplatesCommand {
    /// Source templates: which connectors end users may pick, with the operator's defaults.
    #[command(subcommand)]
    Sources(SourceTemplatesCommand),
    /// Connection templates: the destination applied to end users' new sources.
    #[command(subcommand)]
    Connections(ConnectionTemplatesCommand),
}

/// A tag filter on a template list.
#[derive(Debug, Args)]
pub struct TagFilterArgs {
    /// Only templates with this tag (repeatable).
    #[arg(long = "tag", value_name = "TAG")]
    pub tags: Vec<String>,
    /// How several --tag combine.
    #[arg(long, value_enum)]
    pub tags_mode: Option<TagsModeArg>,
}

/// `any` or `all`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum TagsModeArg {
    /// Templates with at least one of the tags.
    Any,
    /// Templates with every tag (the service's default).
    All,
}

/// `templates sources …`.
#[derive(Debug, Subcommand)]
pub enum SourceTemplatesCommand {
    /// List source templates.
    #[command(after_help = "Example:\n  airbyte-embedded templates sources list --tag crm")]
    List(TagFilterArgs),
    /// Show one source template (secret defaults come back masked).
    #[command(after_help = "Example:\n  airbyte-embedded templates sources get 3f2a… --json")]
    Get {
        /// Template id.
        id: String,
    },
    /// Create a source template from a JSON or YAML file.
    #[command(
        after_help = "The file holds {actor_definition_id, partial_default_config, \
                            name?, customization?}.\n\n\
                            Example:\n  airbyte-embedded templates sources create -f postgres.yaml"
    )]
    Create(FileArg),
    /// Update a source template from a JSON or YAML file.
    #[command(
        after_help = "The file holds {partial_default_config, name?, customization?, \
                            propagate?}; partial_default_config replaces the defaults whole.\n\n\
                            Example:\n  airbyte-embedded templates sources update 3f2a… -f postgres.yaml"
    )]
    Update {
        /// Template id.
        id: String,
        /// The update.
        #[command(flatten)]
        file: FileArg,
    },
    /// Delete a source template.
    #[command(after_help = "Example:\n  airbyte-embedded templates sources delete 3f2a…")]
    Delete {
        /// Template id.
        id: String,
    },
    /// Add an existing tag to a source template.
    #[command(after_help = "Example:\n  airbyte-embedded templates sources tag 3f2a… crm")]
    Tag {
        /// Template id.
        id: String,
        /// Tag name.
        tag: String,
    },
    /// Remove a tag from a source template.
    #[command(after_help = "Example:\n  airbyte-embedded templates sources untag 3f2a… crm")]
    Untag {
        /// Template id.
        id: String,
        /// Tag name.
        tag: String,
    },
    /// List the Airbyte-maintained (global) source templates, the ones to clone.
    #[command(after_help = "Example:\n  airbyte-embedded templates sources global --json")]
    Global,
    /// Copy a source template (the organisation's or a global one), optionally renamed.
    #[command(
        after_help = "Example:\n  airbyte-embedded templates sources clone 3f2a… --name \"Postgres (EU)\""
    )]
    Clone {
        /// Id of the template to copy.
        id: String,
        /// Name of the copy.
        #[arg(long)]
        name: Option<String>,
    },
}

/// `templates connections …`.
#[derive(Debug, Subcommand)]
pub enum ConnectionTemplatesCommand {
    /// List connection templates.
    #[command(after_help = "Example:\n  airbyte-embedded templates connections list --json")]
    List(TagFilterArgs),
    /// Show one connection template (secrets come back masked).
    #[command(after_help = "Example:\n  airbyte-embedded templates connections get 7c1d…")]
    Get {
        /// Template id.
        id: String,
    },
    /// Create a connection template from a JSON or YAML file.
    #[command(
        after_help = "The file holds {destination_name, destination_definition_id, \
                            destination_config, cron_expression?, \
                            non_breaking_changes_preference?, sync_on_create?, \
                            data_hosting_type?}.\n\n\
                            Example:\n  airbyte-embedded templates connections create -f s3.yaml"
    )]
    Create(FileArg),
    /// Update a connection template from a JSON or YAML file (only the fields it holds change).
    #[command(
        after_help = "Example:\n  airbyte-embedded templates connections update 7c1d… -f cron.json"
    )]
    Update {
        /// Template id.
        id: String,
        /// The update.
        #[command(flatten)]
        file: FileArg,
    },
    /// Delete a connection template.
    #[command(after_help = "Example:\n  airbyte-embedded templates connections delete 7c1d…")]
    Delete {
        /// Template id.
        id: String,
    },
    /// Add an existing tag to a connection template.
    #[command(
        after_help = "Example:\n  airbyte-embedded templates connections tag 7c1d… warehouse"
    )]
    Tag {
        /// Template id.
        id: String,
        /// Tag name.
        tag: String,
    },
    /// Remove a tag from a connection template.
    #[command(
        after_help = "Example:\n  airbyte-embedded templates connections untag 7c1d… warehouse"
    )]
    Untag {
        /// Template id.
        id: String,
        /// Tag name.
        tag: String,
    },
    /// Copy a connection template (tags are not copied), giving its destination secrets again.
    #[command(
        after_help = "The service masks the destination's secrets, so the copy needs them: \
                            the -f file holds the masked fields of destination_config (e.g. \
                            {access_key_id, secret_access_key}), merged over the original's. \
                            A secret left out refuses the copy, naming it; nothing is created.\n\n\
                            Example:\n  airbyte-embedded templates connections clone 7c1d… \
                            --name \"S3 (EU)\" -f s3-secrets.yaml"
    )]
    Clone {
        /// Id of the template to copy.
        id: String,
        /// Destination name of the copy (default: the original's).
        #[arg(long)]
        name: Option<String>,
        /// A JSON or YAML file with the destination secrets (`-` reads standard input).
        #[arg(short = 'f', long = "secrets", value_name = "FILE")]
        secrets: Option<PathBuf>,
    },
}

/// `-f FILE`.
#[derive(Debug, Args)]
pub struct FileArg {
    /// A JSON or YAML file (`.yaml`/`.yml` read as YAML; `-` reads standard input).
    #[arg(short = 'f', long = "file", value_name = "FILE")]
    pub file: PathBuf,
}

/// `tags …`.
#[derive(Debug, Subcommand)]
pub enum TagsCommand {
    /// List tags.
    #[command(after_help = "Example:\n  airbyte-embedded tags list")]
    List,
    /// Create a tag.
    #[command(after_help = "Example:\n  airbyte-embedded tags create crm")]
    Create {
        /// Tag name (1 to 255 characters).
        name: String,
    },
    /// Rename a tag (every template carrying it follows).
    #[command(after_help = "Example:\n  airbyte-embedded tags rename crm sales-crm")]
    Rename {
        /// Current name.
        name: String,
        /// New name.
        new_name: String,
    },
    /// Delete a tag (and remove it from every template).
    #[command(after_help = "Example:\n  airbyte-embedded tags delete crm")]
    Delete {
        /// Tag name.
        name: String,
    },
}

/// `definitions …`.
#[derive(Debug, Subcommand)]
pub enum DefinitionsCommand {
    /// List source connectors.
    #[command(after_help = "Example:\n  airbyte-embedded definitions sources --name postgres")]
    Sources {
        /// Only connectors whose name contains this (case-insensitive).
        #[arg(long)]
        name: Option<String>,
    },
    /// List destination connectors, all or those with the given ids.
    #[command(
        after_help = "Example:\n  airbyte-embedded definitions destinations --id 4816b78f-1489-44c1-9060-4b19d5fa9362"
    )]
    Destinations {
        /// Only this definition id (repeatable).
        #[arg(long = "id", value_name = "ID")]
        ids: Vec<String>,
    },
    /// Show one destination connector; --spec prints only its spec.
    #[command(
        after_help = "Example:\n  airbyte-embedded definitions destination 4816b78f… --spec > s3-spec.json"
    )]
    Destination {
        /// Definition id.
        id: String,
        /// Print only the connector spec, as JSON.
        #[arg(long)]
        spec: bool,
    },
    /// Show one source connector; --spec prints only its spec (for `validate --spec`).
    #[command(
        after_help = "Example:\n  airbyte-embedded definitions get decd338e… --spec > spec.json"
    )]
    Get {
        /// Definition id.
        id: String,
        /// Print only the connector spec, as JSON.
        #[arg(long)]
        spec: bool,
    },
}

/// `tokens …`.
#[derive(Debug, Subcommand)]
pub enum TokensCommand {
    /// Mint a scoped token for a workspace (created if the name is new) and print it.
    #[command(after_help = "Example:\n  TOKEN=$(airbyte-embedded tokens scoped acme-corp)")]
    Scoped {
        /// The end user's workspace name.
        workspace_name: String,
        /// Region of a workspace created now (a UUID; default US).
        #[arg(long, value_name = "UUID")]
        region: Option<String>,
    },
    /// Mint a widget token for a workspace, bound to the page's origin, and print it.
    #[command(
        after_help = "Example:\n  airbyte-embedded tokens widget acme-corp --origin \
                            https://app.example.com --decode"
    )]
    Widget {
        /// The end user's workspace name.
        workspace_name: String,
        /// The exact origin the widget is embedded in (scheme, host, optional port).
        #[arg(long, value_name = "URL")]
        origin: String,
        /// Only source templates with this tag are offered (repeatable).
        #[arg(long = "source-tag", value_name = "TAG")]
        source_tags: Vec<String>,
        /// Region of a workspace created now (a UUID; default US).
        #[arg(long, value_name = "UUID")]
        region: Option<String>,
        /// Print the decoded token (widget URL, claims) instead of the token.
        #[arg(long)]
        decode: bool,
    },
    /// Read a scoped or widget token's claims, offline (the signature is not checked).
    #[command(
        after_help = "Example:\n  airbyte-embedded tokens inspect \"$TOKEN\"\n  \
                            airbyte-embedded tokens scoped acme | airbyte-embedded tokens inspect -"
    )]
    Inspect {
        /// The token (`-` reads it from standard input).
        token: String,
    },
}

/// `active` or `inactive`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum StatusArg {
    /// Connections run.
    Active,
    /// Connections are disabled.
    Inactive,
}

/// `destinations …`.
#[derive(Debug, Subcommand)]
pub enum DestinationsCommand {
    /// List a workspace's destinations (every page).
    #[command(after_help = "Example:\n  airbyte-embedded destinations list --workspace 2b3c…")]
    List {
        /// Workspace id.
        #[arg(long = "workspace", value_name = "WORKSPACE_ID")]
        workspace_id: String,
        /// Page size, at least 1 (the service's default: 20).
        #[arg(long, allow_negative_numbers = true)]
        page_size: Option<i32>,
    },
    /// Show one destination (secrets come back masked).
    #[command(after_help = "Example:\n  airbyte-embedded destinations get 9d8e… --json")]
    Get {
        /// Destination id.
        id: String,
    },
}

/// `workspaces …`.
#[derive(Debug, Subcommand)]
pub enum WorkspacesCommand {
    /// List workspaces (every page).
    #[command(
        after_help = "Example:\n  airbyte-embedded workspaces list --name-contains acme --status active"
    )]
    List {
        /// Only workspaces whose name contains this.
        #[arg(long, value_name = "TEXT")]
        name_contains: Option<String>,
        /// Only workspaces with this status.
        #[arg(long, value_enum)]
        status: Option<StatusArg>,
        /// Page size, 1 to 100 (the service's default: 20).
        #[arg(long, allow_negative_numbers = true)]
        page_size: Option<i32>,
    },
    /// Show one workspace.
    #[command(after_help = "Example:\n  airbyte-embedded workspaces get 2b3c…")]
    Get {
        /// Workspace id.
        id: String,
    },
    /// Count workspaces by status.
    #[command(after_help = "Example:\n  airbyte-embedded workspaces stats")]
    Stats,
    /// Set a workspace inactive (its connections stop).
    #[command(after_help = "Example:\n  airbyte-embedded workspaces deactivate 2b3c…")]
    Deactivate {
        /// Workspace id.
        id: String,
    },
    /// Set a workspace active again.
    #[command(after_help = "Example:\n  airbyte-embedded workspaces activate 2b3c…")]
    Activate {
        /// Workspace id.
        id: String,
    },
    /// Delete a workspace.
    #[command(after_help = "Example:\n  airbyte-embedded workspaces delete 2b3c…")]
    Delete {
        /// Workspace id.
        id: String,
    },
}

/// `sources …`.
#[derive(Debug, Subcommand)]
pub enum SourcesCommand {
    /// List a workspace's sources.
    #[command(after_help = "Example:\n  airbyte-embedded sources list 2b3c…")]
    List {
        /// Workspace id.
        workspace_id: String,
    },
    /// Show one source (secrets come back masked).
    #[command(after_help = "Example:\n  airbyte-embedded sources get 9d8e… --json")]
    Get {
        /// Source id.
        id: String,
    },
    /// Start a connection check of a source; --wait waits for its answer.
    #[command(
        after_help = "With --wait the exit code is 1 when the check fails.\n\n\
                            Example:\n  airbyte-embedded sources check 9d8e… --wait"
    )]
    Check {
        /// Source id.
        id: String,
        /// Wait for the check to finish.
        #[arg(long)]
        wait: bool,
        /// The longest wait, in seconds.
        #[arg(long, default_value_t = 120, value_name = "SECONDS")]
        timeout: u64,
    },
}

/// `validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// The connector spec: a ConnectorSpecification, a manifest spec or a bare JSON Schema.
    #[arg(long, value_name = "SPEC")]
    pub spec: PathBuf,
    /// The end user's source config.
    #[arg(long, value_name = "CONFIG")]
    pub config: PathBuf,
    /// The template's partial_default_config, merged under the config.
    #[arg(long, value_name = "FILE")]
    pub template_defaults: Option<PathBuf>,
    /// Convert strings to the spec's scalar types ("5432" → 5432), listing each change.
    #[arg(long)]
    pub coerce_scalars: bool,
    /// Skip masked secrets (**********) instead of refusing them: for a fetched config.
    #[arg(long)]
    pub skip_masked_secrets: bool,
    /// Do not add the spec default of a missing required field.
    #[arg(long)]
    pub no_inject_defaults: bool,
    /// Do not check date-time, date and time formats.
    #[arg(long)]
    pub no_assert_date_time: bool,
    /// The config is a partial update (a source update's `source_config`): nothing is
    /// required, every value it carries is checked.
    #[arg(long)]
    pub partial: bool,
}

/// `form`.
#[derive(Debug, Args)]
pub struct FormArgs {
    /// The connector spec (JSON or YAML).
    #[arg(long, value_name = "SPEC")]
    pub spec: PathBuf,
    /// The template's partial_default_config (its fields are marked hidden).
    #[arg(long, value_name = "FILE")]
    pub template_defaults: Option<PathBuf>,
}

/// `apply`.
#[derive(Debug, Args)]
pub struct ApplyArgs {
    /// The set-up file (YAML or JSON): `tags`, `connection_templates`, `source_templates`.
    #[arg(short = 'f', long = "file", value_name = "FILE")]
    pub file: PathBuf,
    /// Apply the plan (without it, only print it).
    #[arg(long, short)]
    pub yes: bool,
}

/// `sandbox`: the options of the `airbyte-embedded-sandbox` binary.
#[derive(Debug, Args)]
pub struct SandboxArgs {
    /// Port on 127.0.0.1 (0 picks a free one).
    #[arg(long, default_value_t = 8765)]
    pub port: u16,
    /// Operator token lifetime, in seconds.
    #[arg(long, default_value_t = 900)]
    pub token_ttl: u64,
    /// Scoped (and widget) token lifetime, in seconds.
    #[arg(long, default_value_t = 1200)]
    pub scoped_token_ttl: u64,
    /// Requests allowed per organisation per rate-limit window.
    #[arg(long, default_value_t = 1000)]
    pub rate_limit: u32,
    /// Length of the rate-limit window, in seconds.
    #[arg(long, default_value_t = 3600)]
    pub rate_limit_window_secs: u64,
    /// How long a connection check takes, in milliseconds.
    #[arg(long, default_value_t = 600)]
    pub check_duration_ms: u64,
    /// The largest request body accepted, in bytes; longer ones get 413.
    #[arg(long, default_value_t = airbyte_embedded_sandbox::MAX_REQUEST_BODY)]
    pub max_body_bytes: usize,
    /// Error bodies where the docs and the OpenAPI document disagree: `fastapi` or `api-error`.
    #[arg(long, default_value_t = airbyte_embedded_sandbox::ErrorStyle::FastApi)]
    pub error_style: airbyte_embedded_sandbox::ErrorStyle,
}
