# Type stub of the uniffi-generated module, written by scripts/python-stub from the
# generated airbyte_embedded.py (scripts/generate-bindings python): do not edit.

import os
import sys
import ctypes
from dataclasses import dataclass
import enum
import struct
import contextlib
import datetime
import threading
import itertools
import traceback
import typing
import asyncio
import platform
from .. import _json
import airbyte_embedded

class InternalError(Exception):
    ...

def uniffi_set_event_loop(eventloop: asyncio.BaseEventLoop) -> typing.Any:
    ...
Duration = datetime.timedelta

@dataclass
class BulkOptions:
    """
    How a bulk call runs. In the foreign languages `defaults().bulk_options` gives these
    defaults (the pause has no foreign field default).
"""
    concurrency: int
    rate_limited_attempts: int
    max_pause: Duration
    def __init__(self, *, concurrency: int = ..., rate_limited_attempts: int = ..., max_pause: Duration) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class CheckJob:
    """
    A started check job: `{id}`.
"""
    id: str
    def __init__(self, *, id: str) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

class CheckState:
    """
    Where a check job stands.
"""
    def __init__(self) -> None:
        ...
    @dataclass
    class PENDING(CheckState):
        """
        Queued.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class RUNNING(CheckState):
        """
        Running.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class CANCELLED(CheckState):
        """
        Stopped before an answer.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class FAILED(CheckState):
        """
        Finished: the connector refused the config (credentials rejected, host unreachable…).
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class SUCCEEDED(CheckState):
        """
        Finished: the config works.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class UNKNOWN(CheckState):
        """
        A value this SDK version does not know yet, kept as the service sent it.
"""
        def __init__(self, *values: typing.Any) -> None:
            ...
        def __getitem__(self, index: typing.Any) -> typing.Any:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    def is_PENDING(self) -> bool:
        ...
    def is_pending(self) -> bool:
        ...
    def is_RUNNING(self) -> bool:
        ...
    def is_running(self) -> bool:
        ...
    def is_CANCELLED(self) -> bool:
        ...
    def is_cancelled(self) -> bool:
        ...
    def is_FAILED(self) -> bool:
        ...
    def is_failed(self) -> bool:
        ...
    def is_SUCCEEDED(self) -> bool:
        ...
    def is_succeeded(self) -> bool:
        ...
    def is_UNKNOWN(self) -> bool:
        ...
    def is_unknown(self) -> bool:
        ...
    def wire_value(self) -> str:
        """
        The value as the service spells it (the raw text of an unknown value).
"""
        ...
JsonValue = typing.Any

@dataclass
class StreamDescriptor:
    """
    A stream named in a [`FailureReason`]: `{name, namespace?}`.
"""
    name: typing.Optional[str]
    namespace: typing.Optional[str]
    def __init__(self, *, name: typing.Optional[str] = None, namespace: typing.Optional[str] = None) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class FailureReason:
    """
    Why a check failed.
"""
    timestamp: typing.Optional[JsonValue]
    failure_origin: typing.Optional[str]
    failure_type: typing.Optional[str]
    external_message: typing.Optional[str]
    internal_message: typing.Optional[str]
    retryable: typing.Optional[bool]
    stacktrace: typing.Optional[str]
    from_trace_message: typing.Optional[bool]
    stream_descriptor: typing.Optional[StreamDescriptor]
    def __init__(self, *, timestamp: typing.Optional[JsonValue] = None, failure_origin: typing.Optional[str] = None, failure_type: typing.Optional[str] = None, external_message: typing.Optional[str] = None, internal_message: typing.Optional[str] = None, retryable: typing.Optional[bool] = None, stacktrace: typing.Optional[str] = None, from_trace_message: typing.Optional[bool] = None, stream_descriptor: typing.Optional[StreamDescriptor] = None) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class CheckStatus:
    """
    A check job's status. `status: failed` is a normal answer (the config does not work), not
    an error.
"""
    id: str
    status: CheckState
    error_message: typing.Optional[str]
    failure_reason: typing.Optional[FailureReason]
    enhanced_error_message: typing.Optional[JsonValue]
    def __init__(self, *, id: str, status: CheckState, error_message: typing.Optional[str], failure_reason: typing.Optional[FailureReason], enhanced_error_message: typing.Optional[JsonValue]) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

class TokenRoutes(enum.Enum):
    """
    Which paths the three embedded token routes (scoped token, scoped token info, widget
    token) are called on.
"""
    EMBEDDED = 0
    APPLICATIONS = 1

@dataclass
class RetryPolicy:
    """
    How failed requests are retried. Set per client with
    [`crate::ClientConfigBuilder::retry_policy`], or per call with
    `client.with_retry_policy(...)` on [`crate::OperatorClient`] and [`crate::EndUserClient`].

    The wait before retry `n` (0-based) is `min(max_backoff, initial_backoff × 2ⁿ)`, multiplied
    by a random factor in `[0, 1)` when `jitter` is on ("full jitter"), and never less than the
    server's `Retry-After` (or, on a 429 without it, the time until `X-RateLimit-Reset` when
    `X-RateLimit-Remaining` is 0).

    ```
    use airbyte_embedded::{ClientConfig, RetryPolicy};
    use std::time::Duration;

    let config = ClientConfig::builder()
    .retry_policy(RetryPolicy {
    max_retries: 5,
    max_elapsed: Duration::from_secs(30),
    ..RetryPolicy::default()
    })
    .build()?;
    assert_eq!(config.retry_policy().max_retries, 5);
    let never = ClientConfig::builder().retry_policy(RetryPolicy::disabled()).build()?;
    assert_eq!(never.retry_policy().max_retries, 0);
    # Ok::<(), airbyte_embedded::Error>(())
    ```
"""
    max_retries: int
    initial_backoff: Duration
    max_backoff: Duration
    max_elapsed: Duration
    jitter: bool
    def __init__(self, *, max_retries: int, initial_backoff: Duration, max_backoff: Duration, max_elapsed: Duration, jitter: bool) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class Pacing:
    """
    Client-side pacing: when the last response said few requests are left in the rate-limit
    window, each request first pauses so that the rest are spread over the time until the
    window resets. Off by default; turn it on with [`crate::ClientConfigBuilder::pacing`].

    With `remaining` requests left (`X-RateLimit-Remaining` at or below `below_remaining`) and
    `t` seconds until `X-RateLimit-Reset`, the pause is `t / (remaining + 1)`, at most
    `max_delay`. Nothing pauses once the window has reset or when the headers are absent.
"""
    below_remaining: int
    max_delay: Duration
    def __init__(self, *, below_remaining: int, max_delay: Duration) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class ClientConfig:
    """
    The settings of a [`ClientConfig`], each optional: `None` (the default) means the SDK
    default named on the field. In the foreign languages this is `ClientConfig`;
    `ClientConfig()` (all defaults) targets production.

    Checked by [`ClientOptions::build`]: `base_url` must be an absolute `http`/`https` URL
    without query or fragment, and plain `http` is refused off loopback unless
    `allow_insecure_http`; `organization_id` and `region_id` must be UUIDs; timeouts must be
    above zero. A refused setting is an [`crate::Error::InvalidArgument`] naming it.

    ```
    use std::time::Duration;
    use airbyte_embedded::ClientOptions;

    let options = ClientOptions {
    read_timeout: Some(Duration::from_secs(5)),
    ..ClientOptions::default()
    };
    let config = options.build()?;
    assert_eq!(config.base_url(), "https://api.airbyte.ai/api/v1");
    # Ok::<(), airbyte_embedded::Error>(())
    ```
"""
    base_url: typing.Optional[str]
    organization_id: typing.Optional[str]
    region_id: typing.Optional[str]
    connect_timeout: typing.Optional[Duration]
    read_timeout: typing.Optional[Duration]
    request_timeout: typing.Optional[Duration]
    token_refresh_margin: typing.Optional[Duration]
    token_routes: typing.Optional[TokenRoutes]
    user_agent_suffix: typing.Optional[str]
    allow_insecure_http: bool
    retry: typing.Optional[RetryPolicy]
    pacing: typing.Optional[Pacing]
    root_certificates_pem: typing.Optional[str]
    template_cache_ttl: typing.Optional[Duration]
    dns_cache_ttl: typing.Optional[Duration]
    def __init__(self, *, base_url: typing.Optional[str] = None, organization_id: typing.Optional[str] = None, region_id: typing.Optional[str] = None, connect_timeout: typing.Optional[Duration] = None, read_timeout: typing.Optional[Duration] = None, request_timeout: typing.Optional[Duration] = None, token_refresh_margin: typing.Optional[Duration] = None, token_routes: typing.Optional[TokenRoutes] = None, user_agent_suffix: typing.Optional[str] = None, allow_insecure_http: bool = ..., retry: typing.Optional[RetryPolicy] = None, pacing: typing.Optional[Pacing] = None, root_certificates_pem: typing.Optional[str] = None, template_cache_ttl: typing.Optional[Duration] = None, dns_cache_ttl: typing.Optional[Duration] = None) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class Coercion:
    """
    One change made by [`super::ValidationOptions::coerce_scalars`].
"""
    path: str
    from_value: JsonValue
    to_value: JsonValue
    def __init__(self, *, path: str, from_value: JsonValue, to_value: JsonValue) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class ConfigError:
    """
    One way a source config fails its connector spec.
"""
    path: str
    message: str
    keyword: str
    def __init__(self, *, path: str, message: str, keyword: str) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...
JsonObject = typing.Dict[str, typing.Any]

class NonBreakingChangesPreference:
    """
    What happens to a connection when the source's schema changes in a non-breaking way.
"""
    def __init__(self) -> None:
        ...
    @dataclass
    class IGNORE(NonBreakingChangesPreference):
        """
        Keep syncing as before (the service's default).
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class DISABLE(NonBreakingChangesPreference):
        """
        Disable the connection.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class PROPAGATE_COLUMNS(NonBreakingChangesPreference):
        """
        Add new columns.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class PROPAGATE_FULLY(NonBreakingChangesPreference):
        """
        Add new columns and streams.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class UNKNOWN(NonBreakingChangesPreference):
        """
        A value this SDK version does not know yet, kept as the service sent it.
"""
        def __init__(self, *values: typing.Any) -> None:
            ...
        def __getitem__(self, index: typing.Any) -> typing.Any:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    def is_IGNORE(self) -> bool:
        ...
    def is_ignore(self) -> bool:
        ...
    def is_DISABLE(self) -> bool:
        ...
    def is_disable(self) -> bool:
        ...
    def is_PROPAGATE_COLUMNS(self) -> bool:
        ...
    def is_propagate_columns(self) -> bool:
        ...
    def is_PROPAGATE_FULLY(self) -> bool:
        ...
    def is_propagate_fully(self) -> bool:
        ...
    def is_UNKNOWN(self) -> bool:
        ...
    def is_unknown(self) -> bool:
        ...
    def wire_value(self) -> str:
        """
        The value as the service spells it (the raw text of an unknown value).
"""
        ...

class DataHostingType:
    """
    Who hosts the destination.
"""
    def __init__(self) -> None:
        ...
    @dataclass
    class USER_HOSTED(DataHostingType):
        """
        The operator's own destination (`destination_config` given).
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class AIRBYTE_HOSTED(DataHostingType):
        """
        Airbyte-hosted storage.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class UNKNOWN(DataHostingType):
        """
        A value this SDK version does not know yet, kept as the service sent it.
"""
        def __init__(self, *values: typing.Any) -> None:
            ...
        def __getitem__(self, index: typing.Any) -> typing.Any:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    def is_USER_HOSTED(self) -> bool:
        ...
    def is_user_hosted(self) -> bool:
        ...
    def is_AIRBYTE_HOSTED(self) -> bool:
        ...
    def is_airbyte_hosted(self) -> bool:
        ...
    def is_UNKNOWN(self) -> bool:
        ...
    def is_unknown(self) -> bool:
        ...
    def wire_value(self) -> str:
        """
        The value as the service spells it (the raw text of an unknown value).
"""
        ...

@dataclass
class ConnectionTemplate:
    """
    A connection template: a destination applied to every new source whose tags select it.
"""
    id: str
    organization_id: typing.Optional[str]
    destination_name: typing.Optional[str]
    destination_definition_id: typing.Optional[str]
    destination_config: typing.Optional[JsonObject]
    icon: typing.Optional[str]
    cron_expression: typing.Optional[str]
    non_breaking_changes_preference: typing.Optional[NonBreakingChangesPreference]
    sync_on_create: typing.Optional[bool]
    data_hosting_type: typing.Optional[DataHostingType]
    tags: typing.List[str]
    created_at: typing.Optional[str]
    updated_at: typing.Optional[str]
    def __init__(self, *, id: str, organization_id: typing.Optional[str], destination_name: typing.Optional[str], destination_definition_id: typing.Optional[str], destination_config: typing.Optional[JsonObject], icon: typing.Optional[str], cron_expression: typing.Optional[str], non_breaking_changes_preference: typing.Optional[NonBreakingChangesPreference], sync_on_create: typing.Optional[bool], data_hosting_type: typing.Optional[DataHostingType], tags: typing.List[str], created_at: typing.Optional[str], updated_at: typing.Optional[str]) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class ConnectionTemplateCreate:
    """
    Body of `POST /integrations/templates/connections`; build it with
    [`ConnectionTemplateCreate::user_hosted`] or [`ConnectionTemplateCreate::airbyte_hosted`].
    `Debug` hides config values.

    Its JSON form (the C ABI's): every field optional, unknown fields refused.
"""
    destination_name: typing.Optional[str]
    destination_definition_id: typing.Optional[str]
    destination_config: typing.Optional[JsonObject]
    cron_expression: typing.Optional[str]
    non_breaking_changes_preference: typing.Optional[NonBreakingChangesPreference]
    sync_on_create: typing.Optional[bool]
    data_hosting_type: typing.Optional[DataHostingType]
    def __init__(self, *, destination_name: typing.Optional[str] = None, destination_definition_id: typing.Optional[str] = None, destination_config: typing.Optional[JsonObject] = None, cron_expression: typing.Optional[str] = None, non_breaking_changes_preference: typing.Optional[NonBreakingChangesPreference] = None, sync_on_create: typing.Optional[bool] = None, data_hosting_type: typing.Optional[DataHostingType] = None) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class ConnectionTemplateUpdate:
    """
    Body of `PATCH /integrations/templates/connections/{id}`: only the fields set are sent.
    `Debug` hides config values.

    Its JSON form (the C ABI's): every field optional, unknown fields refused.
"""
    destination_name: typing.Optional[str]
    destination_config: typing.Optional[JsonObject]
    cron_expression: typing.Optional[str]
    non_breaking_changes_preference: typing.Optional[NonBreakingChangesPreference]
    sync_on_create: typing.Optional[bool]
    def __init__(self, *, destination_name: typing.Optional[str] = None, destination_config: typing.Optional[JsonObject] = None, cron_expression: typing.Optional[str] = None, non_breaking_changes_preference: typing.Optional[NonBreakingChangesPreference] = None, sync_on_create: typing.Optional[bool] = None) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...
ConnectorSpec = typing.Any

class StreamSelectionMode:
    """
    Which streams a source made from a template syncs.
"""
    def __init__(self) -> None:
        ...
    @dataclass
    class ALL(StreamSelectionMode):
        """
        Every stream.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class SUGGESTED(StreamSelectionMode):
        """
        The connector's suggested streams (the service's default).
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class WHITELIST(StreamSelectionMode):
        """
        Only the streams in `stream_whitelist`.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class UNKNOWN(StreamSelectionMode):
        """
        A value this SDK version does not know yet, kept as the service sent it.
"""
        def __init__(self, *values: typing.Any) -> None:
            ...
        def __getitem__(self, index: typing.Any) -> typing.Any:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    def is_ALL(self) -> bool:
        ...
    def is_all(self) -> bool:
        ...
    def is_SUGGESTED(self) -> bool:
        ...
    def is_suggested(self) -> bool:
        ...
    def is_WHITELIST(self) -> bool:
        ...
    def is_whitelist(self) -> bool:
        ...
    def is_UNKNOWN(self) -> bool:
        ...
    def is_unknown(self) -> bool:
        ...
    def wire_value(self) -> str:
        """
        The value as the service spells it (the raw text of an unknown value).
"""
        ...

@dataclass
class StreamCustomization:
    """
    One stream's primary key and cursor, overriding the connector's (`StreamCustomization`).
"""
    primary_key_fields: typing.Optional[typing.List[typing.List[str]]]
    cursor_field: typing.Optional[typing.List[str]]
    other: JsonObject
    def __init__(self, *, primary_key_fields: typing.Optional[typing.List[typing.List[str]]] = None, cursor_field: typing.Optional[typing.List[str]] = None, other: JsonObject) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

class HashingMethod:
    """
    A hashing mapper's algorithm.
"""
    def __init__(self) -> None:
        ...
    @dataclass
    class SHA256(HashingMethod):
        """
        SHA-256.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class SHA512(HashingMethod):
        """
        SHA-512.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class MD5(HashingMethod):
        """
        MD5.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class UNKNOWN(HashingMethod):
        """
        A value this SDK version does not know yet, kept as the service sent it.
"""
        def __init__(self, *values: typing.Any) -> None:
            ...
        def __getitem__(self, index: typing.Any) -> typing.Any:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    def is_SHA256(self) -> bool:
        ...
    def is_sha256(self) -> bool:
        ...
    def is_SHA512(self) -> bool:
        ...
    def is_sha512(self) -> bool:
        ...
    def is_MD5(self) -> bool:
        ...
    def is_md5(self) -> bool:
        ...
    def is_UNKNOWN(self) -> bool:
        ...
    def is_unknown(self) -> bool:
        ...
    def wire_value(self) -> str:
        """
        The value as the service spells it (the raw text of an unknown value).
"""
        ...

@dataclass
class HashingConfig:
    """
    Replaces a field with its hash (`HashingMapperConfig`).
"""
    target_field: str
    method: HashingMethod
    field_name_suffix: typing.Optional[str]
    other: JsonObject
    def __init__(self, *, target_field: str, method: HashingMethod, field_name_suffix: typing.Optional[str] = None, other: JsonObject) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class FieldRenamingConfig:
    """
    Renames a field (`FieldRenamingMapperConfig`).
"""
    original_field_name: str
    new_field_name: str
    other: JsonObject
    def __init__(self, *, original_field_name: str, new_field_name: str, other: JsonObject) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class FieldFilteringConfig:
    """
    Drops a field (`FieldFilteringMapperConfig`).
"""
    target_field: str
    other: JsonObject
    def __init__(self, *, target_field: str, other: JsonObject) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class RowFilterCondition:
    """
    The condition a row must meet to be kept (`RowFilterCondition`; the documents give one
    kind, `equal`).
"""
    kind: str
    field_name: str
    comparison_value: str
    other: JsonObject
    def __init__(self, *, kind: str, field_name: str, comparison_value: str, other: JsonObject) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class RowFilteringConfig:
    """
    Keeps only the rows meeting a condition (`RowFilteringMapperConfig`).
"""
    conditions: RowFilterCondition
    other: JsonObject
    def __init__(self, *, conditions: RowFilterCondition, other: JsonObject) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class EncryptionConfig:
    """
    Encrypts a field with an RSA public key (`EncryptionMapperConfig`). The documents fix
    `algorithm` to `RSA`, `padding` to `RSA-OAEP` and `oaep_hash` to `SHA256`; `None` leaves
    each to the service.
"""
    target_field: str
    public_key: str
    algorithm: typing.Optional[str]
    padding: typing.Optional[str]
    oaep_hash: typing.Optional[str]
    field_name_suffix: typing.Optional[str]
    output_encoding: typing.Optional[str]
    other: JsonObject
    def __init__(self, *, target_field: str, public_key: str, algorithm: typing.Optional[str] = None, padding: typing.Optional[str] = None, oaep_hash: typing.Optional[str] = None, field_name_suffix: typing.Optional[str] = None, output_encoding: typing.Optional[str] = None, other: JsonObject) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

class StreamMapper:
    """
    One mapper of a stream. Each known kind has its typed configuration and keeps the mapper's
    other top-level fields (beside `type` and `mapper_configuration`) in `other`.
"""
    def __init__(self) -> None:
        ...
    @dataclass
    class HASHING(StreamMapper):
        """
        `hashing`.
"""
        config: HashingConfig
        other: JsonObject
        def __init__(self, config: HashingConfig, other: JsonObject) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class FIELD_RENAMING(StreamMapper):
        """
        `field-renaming`.
"""
        config: FieldRenamingConfig
        other: JsonObject
        def __init__(self, config: FieldRenamingConfig, other: JsonObject) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class FIELD_FILTERING(StreamMapper):
        """
        `field-filtering`.
"""
        config: FieldFilteringConfig
        other: JsonObject
        def __init__(self, config: FieldFilteringConfig, other: JsonObject) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class ROW_FILTERING(StreamMapper):
        """
        `row-filtering`.
"""
        config: RowFilteringConfig
        other: JsonObject
        def __init__(self, config: RowFilteringConfig, other: JsonObject) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class ENCRYPTION(StreamMapper):
        """
        `encryption`.
"""
        config: EncryptionConfig
        other: JsonObject
        def __init__(self, config: EncryptionConfig, other: JsonObject) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class UNKNOWN(StreamMapper):
        """
        A mapper this SDK cannot read as one of the kinds above (another `type`, or a
        configuration of another shape): the whole object, sent back as it came.
"""
        mapper: JsonObject
        def __init__(self, mapper: JsonObject) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    def is_HASHING(self) -> bool:
        ...
    def is_hashing(self) -> bool:
        ...
    def is_FIELD_RENAMING(self) -> bool:
        ...
    def is_field_renaming(self) -> bool:
        ...
    def is_FIELD_FILTERING(self) -> bool:
        ...
    def is_field_filtering(self) -> bool:
        ...
    def is_ROW_FILTERING(self) -> bool:
        ...
    def is_row_filtering(self) -> bool:
        ...
    def is_ENCRYPTION(self) -> bool:
        ...
    def is_encryption(self) -> bool:
        ...
    def is_UNKNOWN(self) -> bool:
        ...
    def is_unknown(self) -> bool:
        ...

@dataclass
class Customization:
    """
    How sources made from a template select and shape streams. `Debug` shows the keys of the
    fields the SDK does not model, not their values.

    Its JSON form: `{"stream_selection_mode"?: "all"|"suggested"|"whitelist",
    "stream_whitelist"?: [name...], "stream_customizations"?: {stream: StreamCustomization},
    "stream_mappers"?: {stream: [StreamMapper...]}, ...}`.
"""
    stream_selection_mode: typing.Optional[StreamSelectionMode]
    stream_whitelist: typing.Optional[typing.List[str]]
    stream_customizations: typing.Optional[dict[str, StreamCustomization]]
    stream_mappers: typing.Optional[dict[str, typing.List[StreamMapper]]]
    other: JsonObject
    def __init__(self, *, stream_selection_mode: typing.Optional[StreamSelectionMode] = None, stream_whitelist: typing.Optional[typing.List[str]] = None, stream_customizations: typing.Optional[dict[str, StreamCustomization]] = None, stream_mappers: typing.Optional[dict[str, typing.List[StreamMapper]]] = None, other: JsonObject) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

class SourceConfigTemplateMode:
    """
    How a template's sources are run (2026 service versions; older ones omit `mode`, and the
    service's default is `REPLICATION`).
"""
    def __init__(self) -> None:
        ...
    @dataclass
    class DIRECT(SourceConfigTemplateMode):
        """
        Direct: the connector is called on demand, nothing is replicated.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class REPLICATION(SourceConfigTemplateMode):
        """
        Replication: data is synced to the destination (the service's default).
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class MULTI(SourceConfigTemplateMode):
        """
        Both direct calls and replication.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class UNKNOWN(SourceConfigTemplateMode):
        """
        A value this SDK version does not know yet, kept as the service sent it.
"""
        def __init__(self, *values: typing.Any) -> None:
            ...
        def __getitem__(self, index: typing.Any) -> typing.Any:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    def is_DIRECT(self) -> bool:
        ...
    def is_direct(self) -> bool:
        ...
    def is_REPLICATION(self) -> bool:
        ...
    def is_replication(self) -> bool:
        ...
    def is_MULTI(self) -> bool:
        ...
    def is_multi(self) -> bool:
        ...
    def is_UNKNOWN(self) -> bool:
        ...
    def is_unknown(self) -> bool:
        ...
    def wire_value(self) -> str:
        """
        The value as the service spells it (the raw text of an unknown value).
"""
        ...

@dataclass
class SourceTemplate:
    """
    A source template: which connector end users may pick, with the operator's defaults.
"""
    id: str
    name: typing.Optional[str]
    icon: typing.Optional[str]
    source_definition_id: typing.Optional[str]
    user_config_spec: typing.Optional[ConnectorSpec]
    partial_default_config: JsonObject
    customization: typing.Optional[Customization]
    tags: typing.List[str]
    mode: typing.Optional[SourceConfigTemplateMode]
    created_at: typing.Optional[str]
    updated_at: typing.Optional[str]
    def __init__(self, *, id: str, name: typing.Optional[str] = None, icon: typing.Optional[str] = None, source_definition_id: typing.Optional[str] = None, user_config_spec: typing.Optional[ConnectorSpec] = None, partial_default_config: JsonObject, customization: typing.Optional[Customization] = None, tags: typing.List[str] = ..., mode: typing.Optional[SourceConfigTemplateMode] = None, created_at: typing.Optional[str] = None, updated_at: typing.Optional[str] = None) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class Connector:
    """
    A connector (`ConnectorSourceGetResponse`; the create and update responses have the same
    shape): a source under its 2026 name, its id the source's id. `replication_config` comes
    back with every `airbyte_secret` masked as `**********`; `credentials`, `environment` and
    `server_side_oauth_secret_id` never come back. `Debug` prints the config's keys only.
"""
    id: str
    name: typing.Optional[str]
    source_template: typing.Optional[SourceTemplate]
    replication_config: JsonObject
    created_at: typing.Optional[str]
    updated_at: typing.Optional[str]
    def __init__(self, *, id: str, name: typing.Optional[str], source_template: typing.Optional[SourceTemplate], replication_config: JsonObject, created_at: typing.Optional[str], updated_at: typing.Optional[str]) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class ConnectorCheck:
    """
    The outcome of a connector check (`ConnectorSourceCheckConfigResponse`), returned by the
    check call itself: there is no status route to poll. `status: failed` is a normal answer
    (the config does not work), not an error.

    The document makes `status` nullable and gives no route to follow a check that has not
    finished, so `None`, `pending` or `running` here means the service answered before the
    check finished: check again later.
"""
    id: str
    status: typing.Optional[CheckState]
    error_message: typing.Optional[str]
    failure_reason: typing.Optional[FailureReason]
    def __init__(self, *, id: str, status: typing.Optional[CheckState] = None, error_message: typing.Optional[str] = None, failure_reason: typing.Optional[FailureReason] = None) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

class TagsMode:
    """
    How a list of tags selects templates: every tag (`all`) or any one of them (`any`).

    List filters default to `all`; the `selected_*_tags_mode` request fields default to `any`.
"""
    def __init__(self) -> None:
        ...
    @dataclass
    class ALL(TagsMode):
        """
        Templates carrying every listed tag.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class ANY(TagsMode):
        """
        Templates carrying at least one listed tag.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class UNKNOWN(TagsMode):
        """
        A value this SDK version does not know yet, kept as the service sent it.
"""
        def __init__(self, *values: typing.Any) -> None:
            ...
        def __getitem__(self, index: typing.Any) -> typing.Any:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    def is_ALL(self) -> bool:
        ...
    def is_all(self) -> bool:
        ...
    def is_ANY(self) -> bool:
        ...
    def is_any(self) -> bool:
        ...
    def is_UNKNOWN(self) -> bool:
        ...
    def is_unknown(self) -> bool:
        ...
    def wire_value(self) -> str:
        """
        The value as the service spells it (the raw text of an unknown value).
"""
        ...

@dataclass
class ConnectorCreate:
    """
    Body of `POST /integrations/connectors` (`ConnectorSourceCreateRequest`) and of
    `POST /integrations/connectors/check` (`ConnectorSourceCheckConfigRequest`, the same
    fields). Only the fields set are sent. `Debug` prints the keys of `replication_config`,
    `credentials` and `environment`, never their values, and hides
    `server_side_oauth_secret_id`.

    Which template: `source_template_id`, or the organisation's template of `definition_id`
    or `connector_type` (the service needs `source_template_id` only when the organisation
    has several templates of the connector). What to configure, by the template's mode:
    `REPLICATION` takes the connector config in `replication_config`; `DIRECT` and `MULTI`
    take `credentials` and `environment` (and `replication_config` overrides); an OAuth
    connector can take `server_side_oauth_secret_id` instead of credentials.

    Its JSON form (the C ABI's `connector_json`) needs `customer_name` (or `workspace_name`);
    every other field is optional and unknown fields are refused.
"""
    workspace_name: str
    name: typing.Optional[str]
    connector_type: typing.Optional[str]
    definition_id: typing.Optional[str]
    source_template_id: typing.Optional[str]
    replication_config: typing.Optional[JsonObject]
    credentials: typing.Optional[JsonObject]
    environment: typing.Optional[JsonObject]
    server_side_oauth_secret_id: typing.Optional[str]
    selected_connection_template_tags: typing.List[str]
    selected_connection_template_tags_mode: typing.Optional[TagsMode]
    def __init__(self, *, workspace_name: str, name: typing.Optional[str] = None, connector_type: typing.Optional[str] = None, definition_id: typing.Optional[str] = None, source_template_id: typing.Optional[str] = None, replication_config: typing.Optional[JsonObject] = None, credentials: typing.Optional[JsonObject] = None, environment: typing.Optional[JsonObject] = None, server_side_oauth_secret_id: typing.Optional[str] = None, selected_connection_template_tags: typing.List[str] = ..., selected_connection_template_tags_mode: typing.Optional[TagsMode] = None) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

class ConnectorAction:
    """
    What an execute does with its entity. The document types `action` as a string;
    these are the actions Airbyte's own agent SDK sends, and any other is kept as sent.
"""
    def __init__(self) -> None:
        ...
    @dataclass
    class LIST(ConnectorAction):
        """
        Lists records.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class GET(ConnectorAction):
        """
        Reads one record.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class CREATE(ConnectorAction):
        """
        Creates a record in the end user's system.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class UPDATE(ConnectorAction):
        """
        Changes a record in the end user's system.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class DELETE(ConnectorAction):
        """
        Deletes a record in the end user's system.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class DOWNLOAD(ConnectorAction):
        """
        Downloads a file.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class SEARCH(ConnectorAction):
        """
        Searches records.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class CONTEXT_STORE_SEARCH(ConnectorAction):
        """
        Searches the service's context store.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class API_SEARCH(ConnectorAction):
        """
        Searches through the connector's API.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class UNKNOWN(ConnectorAction):
        """
        A value this SDK version does not know yet, kept as the service sent it.
"""
        def __init__(self, *values: typing.Any) -> None:
            ...
        def __getitem__(self, index: typing.Any) -> typing.Any:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    def is_LIST(self) -> bool:
        ...
    def is_list(self) -> bool:
        ...
    def is_GET(self) -> bool:
        ...
    def is_get(self) -> bool:
        ...
    def is_CREATE(self) -> bool:
        ...
    def is_create(self) -> bool:
        ...
    def is_UPDATE(self) -> bool:
        ...
    def is_update(self) -> bool:
        ...
    def is_DELETE(self) -> bool:
        ...
    def is_delete(self) -> bool:
        ...
    def is_DOWNLOAD(self) -> bool:
        ...
    def is_download(self) -> bool:
        ...
    def is_SEARCH(self) -> bool:
        ...
    def is_search(self) -> bool:
        ...
    def is_CONTEXT_STORE_SEARCH(self) -> bool:
        ...
    def is_context_store_search(self) -> bool:
        ...
    def is_API_SEARCH(self) -> bool:
        ...
    def is_api_search(self) -> bool:
        ...
    def is_UNKNOWN(self) -> bool:
        ...
    def is_unknown(self) -> bool:
        ...
    def wire_value(self) -> str:
        """
        The value as the service spells it (the raw text of an unknown value).
"""
        ...

@dataclass
class ConnectorExecute:
    """
    Body of `POST /integrations/connectors/{id}/execute` (`ConnectorExecuteRequest`): one
    action on one entity of the end user's system through the connector. `Debug` prints the
    keys of `params`, never their values.

    Its JSON form (the C ABI's `request_json`): `{"entity", "action", "params"?: {...}}`,
    unknown fields refused.
"""
    entity: str
    action: ConnectorAction
    params: typing.Optional[JsonObject]
    def __init__(self, *, entity: str, action: ConnectorAction, params: typing.Optional[JsonObject] = None) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

class ExecutionStatus:
    """
    How an execute went. The document types `status` as a string and Airbyte's SDK
    documents only `success`; any other value (an error) is kept as sent.
"""
    def __init__(self) -> None:
        ...
    @dataclass
    class SUCCESS(ExecutionStatus):
        """
        The action ran.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class UNKNOWN(ExecutionStatus):
        """
        A value this SDK version does not know yet, kept as the service sent it.
"""
        def __init__(self, *values: typing.Any) -> None:
            ...
        def __getitem__(self, index: typing.Any) -> typing.Any:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    def is_SUCCESS(self) -> bool:
        ...
    def is_success(self) -> bool:
        ...
    def is_UNKNOWN(self) -> bool:
        ...
    def is_unknown(self) -> bool:
        ...
    def wire_value(self) -> str:
        """
        The value as the service spells it (the raw text of an unknown value).
"""
        ...

@dataclass
class ExecutionMetadata:
    """
    Where and how long an execute ran (`ExecutionMetadata`).
"""
    connector_instance_id: typing.Optional[str]
    execution_time_ms: typing.Optional[int]
    def __init__(self, *, connector_instance_id: typing.Optional[str] = None, execution_time_ms: typing.Optional[int] = None) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class ConnectorExecution:
    """
    The answer of an execute (`ConnectorExecuteResponse`). The document leaves `result` and
    `connector_metadata` untyped, so both stay raw JSON. A `status` other than `success` is
    the connector's answer (its reason, if any, in `result`), not an SDK error. `Debug` prints
    the keys of `result`, never its values (records from the end user's system).
"""
    status: ExecutionStatus
    result: JsonValue
    connector_metadata: JsonValue
    execution_metadata: typing.Optional[ExecutionMetadata]
    def __init__(self, *, status: ExecutionStatus, result: JsonValue, connector_metadata: JsonValue, execution_metadata: typing.Optional[ExecutionMetadata]) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class ConnectorFilter:
    """
    Which connectors `GET /integrations/connectors` lists: every filter set narrows the list
    (none set: every connector of the organisation).

    Its JSON form (the C ABI's `filter_json`): `{"workspace_id"?, "workspace_name"?
    (or "customer_name"), "definition_id"?}`, unknown fields refused.
"""
    workspace_id: typing.Optional[str]
    workspace_name: typing.Optional[str]
    definition_id: typing.Optional[str]
    def __init__(self, *, workspace_id: typing.Optional[str] = None, workspace_name: typing.Optional[str] = None, definition_id: typing.Optional[str] = None) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class ConnectorUpdate:
    """
    Body of `PUT /integrations/connectors/{id}` (`ConnectorSourceUpdateRequest`) and of
    `POST /integrations/connectors/{id}/check` (`ConnectorSourceCheckConfigUpdateRequest`):
    only the fields set are sent. `replication_config` is partial, as a source update's
    `source_config` is: the service keeps the fields it does not carry. `Debug` prints its
    keys only.

    Its JSON form (the C ABI's `update_json`): every field optional, unknown fields refused.
"""
    name: typing.Optional[str]
    replication_config: typing.Optional[JsonObject]
    def __init__(self, *, name: typing.Optional[str] = None, replication_config: typing.Optional[JsonObject] = None) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class CronDescription:
    """
    What the service says of a cron expression.
"""
    description: typing.Optional[str]
    is_valid: bool
    def __init__(self, *, description: typing.Optional[str], is_valid: bool) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class WaitOptions:
    """
    How [`Sources::wait_for_check`] polls.

    Its JSON form (the C ABI's `wait_json`) is in milliseconds: `{"timeout_ms"?: 120000,
    "initial_interval_ms"?: 250, "max_interval_ms"?: 5000}`, unknown fields refused.
"""
    timeout: Duration
    initial_interval: Duration
    max_interval: Duration
    def __init__(self, *, timeout: Duration, initial_interval: Duration, max_interval: Duration) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class ValidationOptions:
    """
    Switches for [`validate_source_config`]. `ValidationOptions::default()` is the strict
    setting used before a create or update.

    Its JSON form: every field optional, unknown fields refused.
"""
    assert_date_time: bool
    coerce_scalars: bool
    skip_masked_secrets: bool
    inject_defaults: bool
    def __init__(self, *, assert_date_time: bool = ..., coerce_scalars: bool = ..., skip_masked_secrets: bool = ..., inject_defaults: bool = ...) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class WriteOptions:
    """
    Options for a create, update or check that sends a source config.

    Its JSON form (the C ABI's `options_json`): every field optional, unknown fields refused.
"""
    validate: bool
    validation: ValidationOptions
    def __init__(self, *, validate: bool = ..., validation: ValidationOptions = ...) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class TagFilter:
    """
    A tag filter for the template list endpoints (`?tags=crm&tags=sales&tags_mode=any`).

    Its JSON form: `{"tags"?: [...], "mode"?: "all"|"any"}` (`mode` also as `tags_mode`),
    unknown fields refused.
"""
    tags: typing.List[str]
    mode: typing.Optional[TagsMode]
    def __init__(self, *, tags: typing.List[str] = ..., mode: typing.Optional[TagsMode] = None) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

class WorkspaceStatus:
    """
    Whether a workspace's connections run.
"""
    def __init__(self) -> None:
        ...
    @dataclass
    class ACTIVE(WorkspaceStatus):
        """
        Connections run.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class INACTIVE(WorkspaceStatus):
        """
        Connections are disabled.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class UNKNOWN(WorkspaceStatus):
        """
        A value this SDK version does not know yet, kept as the service sent it.
"""
        def __init__(self, *values: typing.Any) -> None:
            ...
        def __getitem__(self, index: typing.Any) -> typing.Any:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    def is_ACTIVE(self) -> bool:
        ...
    def is_active(self) -> bool:
        ...
    def is_INACTIVE(self) -> bool:
        ...
    def is_inactive(self) -> bool:
        ...
    def is_UNKNOWN(self) -> bool:
        ...
    def is_unknown(self) -> bool:
        ...
    def wire_value(self) -> str:
        """
        The value as the service spells it (the raw text of an unknown value).
"""
        ...

@dataclass
class WorkspaceFilter:
    """
    Filters for listing workspaces; kept on every page.

    Its JSON form (the C ABI's `filter_json`): `{"name_contains"?, "status"?:
    "active"|"inactive", "limit"?: 1..100}`, unknown fields refused.
"""
    name_contains: typing.Optional[str]
    status: typing.Optional[WorkspaceStatus]
    limit: typing.Optional[int]
    def __init__(self, *, name_contains: typing.Optional[str] = None, status: typing.Optional[WorkspaceStatus] = None, limit: typing.Optional[int] = None) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class Defaults:
    """
    The core's `Default` of every record that has one. Records whose fields are all
    defaulted in the foreign languages (`ValidationOptions()`, `WriteOptions()`, …) build the
    same values; records with durations (`RetryPolicy`, `Pacing`, `WaitOptions`) have no
    foreign field defaults, so start from these and change what differs (Python
    `retry = defaults().retry_policy; retry.max_retries = 5`, Kotlin
    `defaults().retryPolicy.copy(maxRetries = 5)`, Swift `var p = defaults().retryPolicy`).
"""
    client_config: ClientConfig
    retry_policy: RetryPolicy
    pacing: Pacing
    wait_options: WaitOptions
    write_options: WriteOptions
    validation_options: ValidationOptions
    tag_filter: TagFilter
    workspace_filter: WorkspaceFilter
    bulk_options: BulkOptions
    def __init__(self, *, client_config: ClientConfig, retry_policy: RetryPolicy, pacing: Pacing, wait_options: WaitOptions, write_options: WriteOptions, validation_options: ValidationOptions, tag_filter: TagFilter, workspace_filter: WorkspaceFilter, bulk_options: BulkOptions) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class DefinitionBody:
    """
    The body of a [`SourceDefinition`] or a [`DestinationDefinition`] (`ConnectorDefinition`).
"""
    name: typing.Optional[str]
    spec: typing.Optional[JsonValue]
    other: JsonObject
    def __init__(self, *, name: typing.Optional[str], spec: typing.Optional[JsonValue], other: JsonObject) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

class DataCategory:
    """
    What a stream's records are about (the service's `DataCategory`).
"""
    def __init__(self) -> None:
        ...
    @dataclass
    class USER(DataCategory):
        """
        Users.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class CONTACT(DataCategory):
        """
        Contacts.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class PERSON(DataCategory):
        """
        People.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class ACCOUNT(DataCategory):
        """
        Accounts.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class COHORT(DataCategory):
        """
        Cohorts.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class INSTITUTION(DataCategory):
        """
        Institutions.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class CAMPAIGN(DataCategory):
        """
        Campaigns.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class LEAD(DataCategory):
        """
        Leads.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class TRANSACTION(DataCategory):
        """
        Transactions.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class COMMENT(DataCategory):
        """
        Comments.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class EVENT(DataCategory):
        """
        Events.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class LOG(DataCategory):
        """
        Log lines.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class FILE(DataCategory):
        """
        Files.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class SUBSCRIPTION(DataCategory):
        """
        Subscriptions.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class PERMISSIONS(DataCategory):
        """
        Permissions.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class ATTRIBUTE(DataCategory):
        """
        Attributes.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class SETTINGS(DataCategory):
        """
        Settings.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class CUSTOM(DataCategory):
        """
        Custom data.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class PRODUCT(DataCategory):
        """
        Products.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class LOCATION(DataCategory):
        """
        Locations.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class TASK(DataCategory):
        """
        Tasks.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class METRIC(DataCategory):
        """
        Metrics.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class OBJECT(DataCategory):
        """
        Other objects.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class LEGACY(DataCategory):
        """
        A category of the service's older catalogs.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class UNKNOWN(DataCategory):
        """
        A value this SDK version does not know yet, kept as the service sent it.
"""
        def __init__(self, *values: typing.Any) -> None:
            ...
        def __getitem__(self, index: typing.Any) -> typing.Any:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    def is_USER(self) -> bool:
        ...
    def is_user(self) -> bool:
        ...
    def is_CONTACT(self) -> bool:
        ...
    def is_contact(self) -> bool:
        ...
    def is_PERSON(self) -> bool:
        ...
    def is_person(self) -> bool:
        ...
    def is_ACCOUNT(self) -> bool:
        ...
    def is_account(self) -> bool:
        ...
    def is_COHORT(self) -> bool:
        ...
    def is_cohort(self) -> bool:
        ...
    def is_INSTITUTION(self) -> bool:
        ...
    def is_institution(self) -> bool:
        ...
    def is_CAMPAIGN(self) -> bool:
        ...
    def is_campaign(self) -> bool:
        ...
    def is_LEAD(self) -> bool:
        ...
    def is_lead(self) -> bool:
        ...
    def is_TRANSACTION(self) -> bool:
        ...
    def is_transaction(self) -> bool:
        ...
    def is_COMMENT(self) -> bool:
        ...
    def is_comment(self) -> bool:
        ...
    def is_EVENT(self) -> bool:
        ...
    def is_event(self) -> bool:
        ...
    def is_LOG(self) -> bool:
        ...
    def is_log(self) -> bool:
        ...
    def is_FILE(self) -> bool:
        ...
    def is_file(self) -> bool:
        ...
    def is_SUBSCRIPTION(self) -> bool:
        ...
    def is_subscription(self) -> bool:
        ...
    def is_PERMISSIONS(self) -> bool:
        ...
    def is_permissions(self) -> bool:
        ...
    def is_ATTRIBUTE(self) -> bool:
        ...
    def is_attribute(self) -> bool:
        ...
    def is_SETTINGS(self) -> bool:
        ...
    def is_settings(self) -> bool:
        ...
    def is_CUSTOM(self) -> bool:
        ...
    def is_custom(self) -> bool:
        ...
    def is_PRODUCT(self) -> bool:
        ...
    def is_product(self) -> bool:
        ...
    def is_LOCATION(self) -> bool:
        ...
    def is_location(self) -> bool:
        ...
    def is_TASK(self) -> bool:
        ...
    def is_task(self) -> bool:
        ...
    def is_METRIC(self) -> bool:
        ...
    def is_metric(self) -> bool:
        ...
    def is_OBJECT(self) -> bool:
        ...
    def is_object(self) -> bool:
        ...
    def is_LEGACY(self) -> bool:
        ...
    def is_legacy(self) -> bool:
        ...
    def is_UNKNOWN(self) -> bool:
        ...
    def is_unknown(self) -> bool:
        ...
    def wire_value(self) -> str:
        """
        The value as the service spells it (the raw text of an unknown value).
"""
        ...

@dataclass
class FieldTag:
    """
    A field carrying a tag (`FieldTag`).
"""
    field_name: str
    tag: str
    def __init__(self, *, field_name: str, tag: str) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class ForeignKey:
    """
    A field referring to another stream's field (`ForeignKey`).
"""
    field_name: str
    referenced_stream_name: str
    referenced_field_name: str
    is_hierarchical: bool
    def __init__(self, *, field_name: str, referenced_stream_name: str, referenced_field_name: str, is_hierarchical: bool) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class SonarStream:
    """
    One stream of a catalog (`SonarStream`). Every field is optional in the contract; `name`
    identifies the stream in `…/streams/{stream_name}` routes.
"""
    name: typing.Optional[str]
    description: typing.Optional[str]
    data_category: typing.Optional[DataCategory]
    suggested: bool
    is_metric: bool
    cursor_fields: typing.Optional[typing.List[str]]
    primary_key_fields: typing.Optional[typing.List[typing.List[str]]]
    pii_fields: typing.Optional[typing.List[str]]
    immutable_fields: typing.Optional[typing.List[str]]
    field_tags: typing.Optional[typing.List[FieldTag]]
    foreign_keys: typing.Optional[typing.List[ForeignKey]]
    json_schema: typing.Optional[JsonObject]
    other: JsonObject
    def __init__(self, *, name: typing.Optional[str] = None, description: typing.Optional[str] = None, data_category: typing.Optional[DataCategory] = None, suggested: bool = ..., is_metric: bool = ..., cursor_fields: typing.Optional[typing.List[str]] = None, primary_key_fields: typing.Optional[typing.List[typing.List[str]]] = None, pii_fields: typing.Optional[typing.List[str]] = None, immutable_fields: typing.Optional[typing.List[str]] = None, field_tags: typing.Optional[typing.List[FieldTag]] = None, foreign_keys: typing.Optional[typing.List[ForeignKey]] = None, json_schema: typing.Optional[JsonObject] = None, other: JsonObject) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class SonarCatalog:
    """
    A stream catalog (`SonarCatalog`).
"""
    streams: typing.List[SonarStream]
    selected_streams: typing.Optional[typing.List[str]]
    other: JsonObject
    def __init__(self, *, streams: typing.List[SonarStream] = ..., selected_streams: typing.Optional[typing.List[str]] = None, other: JsonObject) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

class CatalogType:
    """
    How a source definition's catalog is made (`SonarCatalogSchemaType`).
"""
    def __init__(self) -> None:
        ...
    @dataclass
    class STRUCTURED(CatalogType):
        """
        Fixed streams with fixed schemas.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class UNSTRUCTURED(CatalogType):
        """
        Files without a schema.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class DYNAMIC(CatalogType):
        """
        Streams discovered per source.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class CUSTOMIZABLE(CatalogType):
        """
        Streams the operator defines.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class UNKNOWN(CatalogType):
        """
        A value this SDK version does not know yet, kept as the service sent it.
"""
        def __init__(self, *values: typing.Any) -> None:
            ...
        def __getitem__(self, index: typing.Any) -> typing.Any:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    def is_STRUCTURED(self) -> bool:
        ...
    def is_structured(self) -> bool:
        ...
    def is_UNSTRUCTURED(self) -> bool:
        ...
    def is_unstructured(self) -> bool:
        ...
    def is_DYNAMIC(self) -> bool:
        ...
    def is_dynamic(self) -> bool:
        ...
    def is_CUSTOMIZABLE(self) -> bool:
        ...
    def is_customizable(self) -> bool:
        ...
    def is_UNKNOWN(self) -> bool:
        ...
    def is_unknown(self) -> bool:
        ...
    def wire_value(self) -> str:
        """
        The value as the service spells it (the raw text of an unknown value).
"""
        ...

@dataclass
class DefinitionCatalog:
    """
    A source definition's catalog (`SourceDefinitionCatalogGetResponse`).
"""
    id: str
    name: typing.Optional[str]
    source_definition_id: typing.Optional[str]
    sonar_catalog: typing.Optional[SonarCatalog]
    catalog_type: typing.Optional[CatalogType]
    blessed: bool
    def __init__(self, *, id: str, name: typing.Optional[str], source_definition_id: typing.Optional[str], sonar_catalog: typing.Optional[SonarCatalog], catalog_type: typing.Optional[CatalogType], blessed: bool) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class Deleted:
    """
    The receipt of a delete: `{id, deleted_at}` (either may be absent; tag removals send only
    `deleted_at`).
"""
    id: typing.Optional[str]
    deleted_at: typing.Optional[str]
    def __init__(self, *, id: typing.Optional[str], deleted_at: typing.Optional[str]) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class FieldError:
    """
    One problem the service reported with one request field.

    Built from either error-body shape: `{"errors": [{"field", "message", "error_code"}]}` or
    `{"detail": [{"loc": [...], "msg", "type"}]}` (where `loc` is joined with `.` into `field`).
"""
    field: typing.Optional[str]
    message: str
    code: typing.Optional[str]
    def __init__(self, *, field: typing.Optional[str], message: str, code: typing.Optional[str]) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class RateLimit:
    """
    Rate-limit numbers from a response's `Retry-After` and `X-RateLimit-*` headers.

    Every field is `None` when its header was absent or malformed.
"""
    limit: typing.Optional[int]
    remaining: typing.Optional[int]
    reset_unix_seconds: typing.Optional[int]
    retry_after: typing.Optional[Duration]
    def __init__(self, *, limit: typing.Optional[int], remaining: typing.Optional[int], reset_unix_seconds: typing.Optional[int], retry_after: typing.Optional[Duration]) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

class AirbyteError(Exception):
    """
    Everything that can go wrong in an SDK call.

    No variant's `Display` or `Debug` output ever contains a client secret, a token or an
    `airbyte_secret` value. HTTP variants carry the response's `status`; every variant carries
    a readable `detail`, except `OutcomeUnknown` (its `cause` and `advice`). In the foreign
    languages this is `AirbyteError` (Kotlin `AirbyteException`), one exception class per
    variant.
"""
    class Unauthorized(AirbyteError):
        """
        HTTP 401: the token was missing, expired or revoked, and one refresh and replay did not
        help (or the token cannot be refreshed, as with a scoped token given by the caller).
"""
        status: int
        detail: str
        def __init__(self, status: int, detail: str) -> None: ...
    class Forbidden(AirbyteError):
        """
        HTTP 403: the token is valid but may not do this (for example a scoped token on an
        operator route, or another organisation's resource). Never triggers a token refresh.
"""
        status: int
        detail: str
        field_errors: typing.List[FieldError]
        def __init__(self, status: int, detail: str, field_errors: typing.List[FieldError]) -> None: ...
    class NotFound(AirbyteError):
        """
        HTTP 404: the resource does not exist (or is not visible to this token).
"""
        status: int
        detail: str
        def __init__(self, status: int, detail: str) -> None: ...
    class Validation(AirbyteError):
        """
        HTTP 400 or 422: the service rejected the request body or query.
"""
        status: int
        detail: str
        field_errors: typing.List[FieldError]
        def __init__(self, status: int, detail: str, field_errors: typing.List[FieldError]) -> None: ...
    class RateLimited(AirbyteError):
        """
        HTTP 429: the organisation's rate limit is used up, and waiting for it (as the server's
        `Retry-After` asked) would not fit in the retry budget
        ([`crate::RetryPolicy::max_elapsed`]), or the retries ran out. `Display` names the
        numbers the server sent.
"""
        status: int
        detail: str
        rate_limit: RateLimit
        def __init__(self, status: int, detail: str, rate_limit: RateLimit) -> None: ...
    class Server(AirbyteError):
        """
        HTTP 5xx: the service failed.
"""
        status: int
        detail: str
        def __init__(self, status: int, detail: str) -> None: ...
    class UnexpectedStatus(AirbyteError):
        """
        Any other non-success status (for example 405 or 409).
"""
        status: int
        detail: str
        def __init__(self, status: int, detail: str) -> None: ...
    class Transport(AirbyteError):
        """
        The request could not be sent or the response could not be read (DNS, connect, TLS,
        reset).
"""
        detail: str
        def __init__(self, detail: str) -> None: ...
    class Timeout(AirbyteError):
        """
        A connect, read or overall deadline passed.
"""
        detail: str
        def __init__(self, detail: str) -> None: ...
    class Decode(AirbyteError):
        """
        A success response whose body is not what the contract says.
"""
        status: int
        detail: str
        def __init__(self, status: int, detail: str) -> None: ...
    class InvalidArgument(AirbyteError):
        """
        An argument was refused before anything was sent.
"""
        argument: str
        detail: str
        def __init__(self, argument: str, detail: str) -> None: ...
    class InvalidSpec(AirbyteError):
        """
        A connector spec could not be loaded or compiled (not a JSON Schema, an unknown draft,
        a remote `$ref`).
"""
        detail: str
        def __init__(self, detail: str) -> None: ...
    class InvalidConfig(AirbyteError):
        """
        A source config does not satisfy its connector spec; nothing was sent.
"""
        detail: str
        errors: typing.List[ConfigError]
        def __init__(self, detail: str, errors: typing.List[ConfigError]) -> None: ...
    class InvalidWidgetToken(AirbyteError):
        """
        A widget token is not the base64 of `{"token", "widgetUrl"}`.
"""
        detail: str
        def __init__(self, detail: str) -> None: ...
    class Pagination(AirbyteError):
        """
        A page's `next` link points to another host or scheme, or repeats a cursor already seen.
"""
        detail: str
        def __init__(self, detail: str) -> None: ...
    class OutcomeUnknown(AirbyteError):
        """
        A request that is not safe to repeat (a `POST` that creates something, or a `PATCH`)
        was sent, and then the connection broke, a timeout passed or the server answered 5xx:
        it may or may not have taken effect, so the SDK did not send it again. Look the
        resource up (for a source: list the workspace's sources by name) before retrying.

        `Display`: `POST /embedded/sources: the outcome is unknown (connection reset after the
        request was sent); list sources by name before retrying`.
"""
        method: str
        path: str
        cause: str
        advice: str
        status: typing.Optional[int]
        def __init__(self, method: str, path: str, cause: str, advice: str, status: typing.Optional[int]) -> None: ...
    class TokenProvider(AirbyteError):
        """
        The end-user client's [`ScopedTokenProvider`](crate::ScopedTokenProvider) failed (or
        gave an empty or malformed token) when the client needed a fresh scoped token: nothing
        was sent with a token it did not have. The next call asks the provider again.
"""
        detail: str
        def __init__(self, detail: str) -> None: ...
    class ClientClosed(AirbyteError):
        """
        The client was closed (the foreign languages' `close()`; Kotlin `shutdown()`), or, in
        Python, its object was freed by a manual `__del__()`: nothing was sent. Raised by every
        later call on the client, on the area handles made from it and on the end-user clients
        an operator client made. The Rust clients are closed by dropping them and never raise
        it.
"""
        detail: str
        def __init__(self, detail: str) -> None: ...

@dataclass
class DeleteOutcome:
    """
    One source id's outcome of `delete_sources`: `deleted` or `error`, never both.
"""
    item: str
    deleted: typing.Optional[Deleted]
    error: typing.Optional[AirbyteError]
    def __init__(self, *, item: str, deleted: typing.Optional[Deleted], error: typing.Optional[AirbyteError]) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class DeleteReport:
    """
    Every outcome of `delete_sources`, in the order the ids were given.
"""
    outcomes: typing.List[DeleteOutcome]
    rate_limited: int
    def __init__(self, *, outcomes: typing.List[DeleteOutcome], rate_limited: int) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class Destination:
    """
    One destination (`DestinationGetResponse`). `destination_config` comes back with every
    `airbyte_secret` masked; `Debug` prints its keys only.
"""
    id: str
    name: typing.Optional[str]
    destination_definition_id: typing.Optional[str]
    destination_type: typing.Optional[str]
    destination_config: JsonObject
    created_at: typing.Optional[str]
    def __init__(self, *, id: str, name: typing.Optional[str], destination_definition_id: typing.Optional[str], destination_type: typing.Optional[str], destination_config: JsonObject, created_at: typing.Optional[str]) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class DestinationDefinition:
    """
    A destination connector with its spec (`DestinationDefinitionResponse`).
"""
    id: str
    definition: DefinitionBody
    def __init__(self, *, id: str, definition: DefinitionBody) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class DestinationDefinitionSummary:
    """
    A destination connector in the catalogue (`DestinationDefinitionListItem`).
"""
    id: str
    name: typing.Optional[str]
    icon: typing.Optional[str]
    def __init__(self, *, id: str, name: typing.Optional[str] = None, icon: typing.Optional[str] = None) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class DestinationFilter:
    """
    Which destinations to list: one workspace's, a page size kept on every page.

    Its JSON form (the C ABI's `filter_json`): `{"workspace_id", "limit"?: ≥ 1}`, unknown
    fields refused.
"""
    workspace_id: str
    limit: typing.Optional[int]
    def __init__(self, *, workspace_id: str, limit: typing.Optional[int] = None) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class DestinationSummary:
    """
    A destination in a list (`DestinationListItem`).
"""
    id: str
    name: typing.Optional[str]
    destination_definition_id: typing.Optional[str]
    destination_type: typing.Optional[str]
    def __init__(self, *, id: str, name: typing.Optional[str] = None, destination_definition_id: typing.Optional[str] = None, destination_type: typing.Optional[str] = None) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class DestinationPage:
    """
    One page of destinations (`DestinationListResponse`).
"""
    data: typing.List[DestinationSummary]
    next: typing.Optional[str]
    def __init__(self, *, data: typing.List[DestinationSummary], next: typing.Optional[str]) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class Drive:
    """
    One drive of a source (`GetDriveItem`), for sources holding several (shared drives, sites).
"""
    id: str
    name: str
    url: str
    def __init__(self, *, id: str, name: str, url: str) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

class FileEntryKind:
    """
    What a listed entry is (`FileEntity`).
"""
    def __init__(self) -> None:
        ...
    @dataclass
    class FILE(FileEntryKind):
        """
        A file: its content can be read.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class FOLDER(FileEntryKind):
        """
        A folder: it can be listed.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class UNKNOWN(FileEntryKind):
        """
        A value this SDK version does not know yet, kept as the service sent it.
"""
        def __init__(self, *values: typing.Any) -> None:
            ...
        def __getitem__(self, index: typing.Any) -> typing.Any:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    def is_FILE(self) -> bool:
        ...
    def is_file(self) -> bool:
        ...
    def is_FOLDER(self) -> bool:
        ...
    def is_folder(self) -> bool:
        ...
    def is_UNKNOWN(self) -> bool:
        ...
    def is_unknown(self) -> bool:
        ...
    def wire_value(self) -> str:
        """
        The value as the service spells it (the raw text of an unknown value).
"""
        ...

@dataclass
class FileEntry:
    """
    One entry of a folder listing (`FilesSourceListItem`).
"""
    relative_path: str
    kind: FileEntryKind
    bytes: typing.Optional[int]
    modified: typing.Optional[str]
    source_url: str
    def __init__(self, *, relative_path: str, kind: FileEntryKind, bytes: typing.Optional[int], modified: typing.Optional[str], source_url: str) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class FilePage:
    """
    One page of a folder listing (`FilesSourcesListResponse`).
"""
    items: typing.List[FileEntry]
    next: typing.Optional[str]
    def __init__(self, *, items: typing.List[FileEntry], next: typing.Optional[str]) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class FileSource:
    """
    A source whose files can be read (`FilesAvailableSource`).
"""
    id: str
    workspace_id: str
    source_type: str
    def __init__(self, *, id: str, workspace_id: str, source_type: str) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class FolderQuery:
    """
    Which folder to list, and the page size kept on every page.

    Its JSON form (the C ABI's `folder_json`): `{"source_id", "path", "drive_id"?, "limit"?: ≥ 1}`,
    unknown fields refused.
"""
    source_id: str
    path: str
    drive_id: typing.Optional[str]
    limit: typing.Optional[int]
    def __init__(self, *, source_id: str, path: str, drive_id: typing.Optional[str] = None, limit: typing.Optional[int] = None) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

class LogLevel(enum.Enum):
    """
    How severe a log record is.
"""
    ERROR = 0
    WARN = 1
    INFO = 2
    DEBUG = 3
    TRACE = 4

@dataclass
class LogRecord:
    """
    One log record.
"""
    level: LogLevel
    target: str
    message: str
    def __init__(self, *, level: LogLevel, target: str, message: str) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class OAuthCredentialsRequest:
    """
    Body of `PUT /oauth/credentials` (`OAuthCredentialsRequest`): the connector, named by
    exactly one of `connector_type` and `connector_definition_id`, and the app's
    `configuration`. The service refuses any other field. `Debug` prints the configuration's
    keys only.

    Its JSON form (the C ABI's `request_json`): `{"connector_type" | "connector_definition_id",
    "configuration": {...}}`, unknown fields refused.
"""
    connector_type: typing.Optional[str]
    connector_definition_id: typing.Optional[str]
    configuration: JsonObject
    def __init__(self, *, connector_type: typing.Optional[str] = None, connector_definition_id: typing.Optional[str] = None, configuration: JsonObject) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

class OAuthScope:
    """
    Whose OAuth app it is.
"""
    def __init__(self) -> None:
        ...
    @dataclass
    class GLOBAL(OAuthScope):
        """
        Airbyte's, for every organisation.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class ORGANIZATION(OAuthScope):
        """
        One organisation's (`scope_id`).
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class UNKNOWN(OAuthScope):
        """
        A value this SDK version does not know yet, kept as the service sent it.
"""
        def __init__(self, *values: typing.Any) -> None:
            ...
        def __getitem__(self, index: typing.Any) -> typing.Any:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    def is_GLOBAL(self) -> bool:
        ...
    def is_global(self) -> bool:
        ...
    def is_ORGANIZATION(self) -> bool:
        ...
    def is_organization(self) -> bool:
        ...
    def is_UNKNOWN(self) -> bool:
        ...
    def is_unknown(self) -> bool:
        ...
    def wire_value(self) -> str:
        """
        The value as the service spells it (the raw text of an unknown value).
"""
        ...

class ActorType:
    """
    Whether a connector reads (a source) or writes (a destination).
"""
    def __init__(self) -> None:
        ...
    @dataclass
    class SOURCE(ActorType):
        """
        A source connector.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class DESTINATION(ActorType):
        """
        A destination connector.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class UNKNOWN(ActorType):
        """
        A value this SDK version does not know yet, kept as the service sent it.
"""
        def __init__(self, *values: typing.Any) -> None:
            ...
        def __getitem__(self, index: typing.Any) -> typing.Any:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    def is_SOURCE(self) -> bool:
        ...
    def is_source(self) -> bool:
        ...
    def is_DESTINATION(self) -> bool:
        ...
    def is_destination(self) -> bool:
        ...
    def is_UNKNOWN(self) -> bool:
        ...
    def is_unknown(self) -> bool:
        ...
    def wire_value(self) -> str:
        """
        The value as the service spells it (the raw text of an unknown value).
"""
        ...

@dataclass
class OAuthOverride:
    """
    An OAuth app the service keeps (`OAuthCredentialsResponse`), without its configuration,
    which the service never returns.
"""
    id: str
    scope_type: typing.Optional[OAuthScope]
    scope_id: typing.Optional[str]
    actor_type: typing.Optional[ActorType]
    connector_definition_id: typing.Optional[str]
    created_at: typing.Optional[str]
    updated_at: typing.Optional[str]
    def __init__(self, *, id: str, scope_type: typing.Optional[OAuthScope] = None, scope_id: typing.Optional[str] = None, actor_type: typing.Optional[ActorType] = None, connector_definition_id: typing.Optional[str] = None, created_at: typing.Optional[str] = None, updated_at: typing.Optional[str] = None) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class PatchOp:
    """
    One RFC 6902 JSON Patch operation (`PatchOp`): `op` is `add`, `remove`, `replace`, `move`,
    `copy` or `test`; `path` a JSON pointer into the catalog (or stream); `value` the operand.

    Its JSON form: `{"op", "path", "value"?}`.
"""
    op: str
    path: str
    value: typing.Optional[JsonValue]
    def __init__(self, *, op: str, path: str, value: typing.Optional[JsonValue] = None) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

class ProxyMethod:
    """
    The method of the proxied request (`HttpMethod`).
"""
    def __init__(self) -> None:
        ...
    @dataclass
    class GET(ProxyMethod):
        """
        `GET`: replay-safe.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class POST(ProxyMethod):
        """
        `POST`.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class PUT(ProxyMethod):
        """
        `PUT`.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class DELETE(ProxyMethod):
        """
        `DELETE`.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class UNKNOWN(ProxyMethod):
        """
        A value this SDK version does not know yet, kept as the service sent it.
"""
        def __init__(self, *values: typing.Any) -> None:
            ...
        def __getitem__(self, index: typing.Any) -> typing.Any:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    def is_GET(self) -> bool:
        ...
    def is_get(self) -> bool:
        ...
    def is_POST(self) -> bool:
        ...
    def is_post(self) -> bool:
        ...
    def is_PUT(self) -> bool:
        ...
    def is_put(self) -> bool:
        ...
    def is_DELETE(self) -> bool:
        ...
    def is_delete(self) -> bool:
        ...
    def is_UNKNOWN(self) -> bool:
        ...
    def is_unknown(self) -> bool:
        ...
    def wire_value(self) -> str:
        """
        The value as the service spells it (the raw text of an unknown value).
"""
        ...

@dataclass
class ProxyRequest:
    """
    The request to send upstream (`AuthenticationProxyRequest`).

    Its JSON form (the C ABI's `request_json`): `{"url", "method", "headers"?: {name: value},
    "body"?: string|null}`, unknown fields refused.
"""
    url: str
    method: ProxyMethod
    headers: dict[str, str]
    body: typing.Optional[str]
    def __init__(self, *, url: str, method: ProxyMethod, headers: dict[str, str] = ..., body: typing.Optional[str] = None) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class ProxyResponse:
    """
    The upstream's answer (`AuthenticationProxyResponse`).
"""
    response_status_code: int
    response_body: typing.Optional[str]
    def __init__(self, *, response_status_code: int, response_body: typing.Optional[str]) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class ScopedTokenInfo:
    """
    What a scoped token reaches: `GET /embedded/scoped-token/info`.
"""
    organization_id: typing.Optional[str]
    workspace_id: str
    customer_name: typing.Optional[str]
    def __init__(self, *, organization_id: typing.Optional[str] = None, workspace_id: str, customer_name: typing.Optional[str] = None) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

class ScopedTokenProtocol(typing.Protocol):
    """
    A scoped token: reaches one end-user workspace, safe to hand to that user's browser or
    app (lifetime 20 minutes on the service). Its text is only returned by `expose()`.
"""
    def expires_at_unix(self) -> typing.Optional[int]:
        """
        Expiry in Unix seconds (JWT claim `exp`), when the token is a readable JWT.
"""
        ...
    def expose(self) -> str:
        """
        The token text, to send to the end user's app. Never log it.
"""
        ...
    def roles(self) -> typing.List[str]:
        """
        The JWT `roles` claim (`["EMBEDDED_END_USER"]` for a scoped token).
"""
        ...
    def workspace_id(self) -> typing.Optional[str]:
        """
        The workspace the token reaches (JWT claim `io.airbyte.auth.workspace_scope`), when
        the token is a readable JWT.
"""
        ...

class ScopedToken(ScopedTokenProtocol):
    """
    A scoped token: reaches one end-user workspace, safe to hand to that user's browser or
    app (lifetime 20 minutes on the service). Its text is only returned by `expose()`.
"""
    _handle: ctypes.c_uint64
    def __init__(self, token: str) -> None:
        """
        Wraps a scoped token received from elsewhere (for example the operator's backend).
        Claims are read without verifying the signature; the service verifies.
"""
        ...
    def expires_at_unix(self) -> typing.Optional[int]:
        """
        Expiry in Unix seconds (JWT claim `exp`), when the token is a readable JWT.
"""
        ...
    def expose(self) -> str:
        """
        The token text, to send to the end user's app. Never log it.
"""
        ...
    def roles(self) -> typing.List[str]:
        """
        The JWT `roles` claim (`["EMBEDDED_END_USER"]` for a scoped token).
"""
        ...
    def workspace_id(self) -> typing.Optional[str]:
        """
        The workspace the token reaches (JWT claim `io.airbyte.auth.workspace_scope`), when
        the token is a readable JWT.
"""
        ...

@dataclass
class ScopedTokenOutcome:
    """
    One workspace name's outcome of `mint_scoped_tokens`: `token` or `error`, never both.
"""
    item: str
    token: typing.Optional[ScopedToken]
    error: typing.Optional[AirbyteError]
    def __init__(self, *, item: str, token: typing.Optional[ScopedToken], error: typing.Optional[AirbyteError]) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class ScopedTokenReport:
    """
    Every outcome of `mint_scoped_tokens`, in the order the names were given.
"""
    outcomes: typing.List[ScopedTokenOutcome]
    rate_limited: int
    def __init__(self, *, outcomes: typing.List[ScopedTokenOutcome], rate_limited: int) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class ScopedTokenRequest:
    """
    Body of `POST /embedded/scoped-token` (`/account/applications/scoped-token`):
    `{workspace_name | customer_name, region_id?}`.
"""
    workspace_name: str
    region_id: typing.Optional[str]
    send_as_customer_name: bool
    def __init__(self, *, workspace_name: str, region_id: typing.Optional[str] = None, send_as_customer_name: bool = ...) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class SearchHit:
    """
    One matching record (`SearchHit`). `Debug` prints the record's keys only.
"""
    id: typing.Optional[str]
    score: typing.Optional[float]
    data: JsonObject
    def __init__(self, *, id: typing.Optional[str], score: typing.Optional[float], data: JsonObject) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class SearchRequest:
    """
    A search of one stream (`SearchRequest`: `{"query": {"where": condition}}` on the wire).
"""
    condition: JsonObject
    def __init__(self, *, condition: JsonObject) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class SearchResponse:
    """
    The result of a search (`SearchResponse`).
"""
    hits: typing.List[SearchHit]
    total: int
    took_ms: typing.Optional[int]
    def __init__(self, *, hits: typing.List[SearchHit], total: int, took_ms: typing.Optional[int]) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class Source:
    """
    An end user's source. `source_config` comes back with every `airbyte_secret` masked as
    `**********`.
"""
    id: str
    name: typing.Optional[str]
    source_template: typing.Optional[SourceTemplate]
    source_config: JsonObject
    created_at: typing.Optional[str]
    updated_at: typing.Optional[str]
    def __init__(self, *, id: str, name: typing.Optional[str], source_template: typing.Optional[SourceTemplate], source_config: JsonObject, created_at: typing.Optional[str], updated_at: typing.Optional[str]) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class SourceCreate:
    """
    Body of `POST …/sources` and `POST …/sources/check`. `Debug` hides config values.

    Its JSON form (the C ABI's `source_json`) needs `workspace_id` and `source_template_id`;
    every other field is optional (`source_config` defaults to `{}`) and unknown fields are
    refused.
"""
    workspace_id: str
    source_template_id: str
    source_config: JsonObject
    name: typing.Optional[str]
    selected_connection_template_tags: typing.List[str]
    selected_connection_template_tags_mode: typing.Optional[TagsMode]
    def __init__(self, *, workspace_id: str, source_template_id: str, source_config: JsonObject, name: typing.Optional[str] = None, selected_connection_template_tags: typing.List[str] = ..., selected_connection_template_tags_mode: typing.Optional[TagsMode] = None) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class SourceDefinition:
    """
    A source connector with its spec.
"""
    id: str
    definition: DefinitionBody
    def __init__(self, *, id: str, definition: DefinitionBody) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

class SupportLevel:
    """
    How a connector is supported.
"""
    def __init__(self) -> None:
        ...
    @dataclass
    class CERTIFIED(SupportLevel):
        """
        Maintained by Airbyte.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class COMMUNITY(SupportLevel):
        """
        Maintained by the community.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class ARCHIVED(SupportLevel):
        """
        No longer maintained.
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class NONE(SupportLevel):
        """
        No support level (`none`: neither Airbyte nor the community maintains it).
"""
        def __init__(self) -> None:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    @dataclass
    class UNKNOWN(SupportLevel):
        """
        A value this SDK version does not know yet, kept as the service sent it.
"""
        def __init__(self, *values: typing.Any) -> None:
            ...
        def __getitem__(self, index: typing.Any) -> typing.Any:
            ...
        def __str__(self) -> str:
            ...
        def __eq__(self, other: object) -> bool:
            ...
        def to_dict(self) -> typing.Dict[str, typing.Any]: ...
    def is_CERTIFIED(self) -> bool:
        ...
    def is_certified(self) -> bool:
        ...
    def is_COMMUNITY(self) -> bool:
        ...
    def is_community(self) -> bool:
        ...
    def is_ARCHIVED(self) -> bool:
        ...
    def is_archived(self) -> bool:
        ...
    def is_NONE(self) -> bool:
        ...
    def is_none(self) -> bool:
        ...
    def is_UNKNOWN(self) -> bool:
        ...
    def is_unknown(self) -> bool:
        ...
    def wire_value(self) -> str:
        """
        The value as the service spells it (the raw text of an unknown value).
"""
        ...

@dataclass
class SourceDefinitionSummary:
    """
    A source connector in the catalogue.
"""
    source_definition_id: str
    name: typing.Optional[str]
    icon_url: typing.Optional[str]
    support_level: typing.Optional[SupportLevel]
    def __init__(self, *, source_definition_id: str, name: typing.Optional[str], icon_url: typing.Optional[str], support_level: typing.Optional[SupportLevel]) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class SourceTemplateSummary:
    """
    A source template in a list.
"""
    id: str
    name: typing.Optional[str]
    icon: typing.Optional[str]
    organization_id: typing.Optional[str]
    actor_definition_id: typing.Optional[str]
    tags: typing.List[str]
    customization: typing.Optional[Customization]
    mode: typing.Optional[SourceConfigTemplateMode]
    created_at: typing.Optional[str]
    updated_at: typing.Optional[str]
    def __init__(self, *, id: str, name: typing.Optional[str] = None, icon: typing.Optional[str] = None, organization_id: typing.Optional[str] = None, actor_definition_id: typing.Optional[str] = None, tags: typing.List[str] = ..., customization: typing.Optional[Customization] = None, mode: typing.Optional[SourceConfigTemplateMode] = None, created_at: typing.Optional[str] = None, updated_at: typing.Optional[str] = None) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class SourceSummary:
    """
    A source in a list.
"""
    id: str
    name: typing.Optional[str]
    summarized_source_template: typing.Optional[SourceTemplateSummary]
    created_at: typing.Optional[str]
    updated_at: typing.Optional[str]
    def __init__(self, *, id: str, name: typing.Optional[str], summarized_source_template: typing.Optional[SourceTemplateSummary], created_at: typing.Optional[str], updated_at: typing.Optional[str]) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class SourceTemplateCreate:
    """
    Body of `POST /integrations/templates/sources`. `Debug` hides config values.

    Its JSON form (the C ABI's): unknown fields are refused; optional fields may be left out.
"""
    actor_definition_id: str
    partial_default_config: JsonObject
    name: typing.Optional[str]
    customization: typing.Optional[Customization]
    def __init__(self, *, actor_definition_id: str, partial_default_config: JsonObject, name: typing.Optional[str] = None, customization: typing.Optional[Customization] = None) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class SourceTemplateUpdate:
    """
    Body of `PATCH /integrations/templates/sources/{id}`. `Debug` hides config values.

    Its JSON form (the C ABI's): unknown fields are refused; optional fields may be left out.
"""
    name: typing.Optional[str]
    partial_default_config: JsonObject
    customization: typing.Optional[Customization]
    propagate: typing.Optional[bool]
    def __init__(self, *, name: typing.Optional[str] = None, partial_default_config: JsonObject, customization: typing.Optional[Customization] = None, propagate: typing.Optional[bool] = None) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class SourceUpdate:
    """
    Body of `PUT …/sources/{id}` and `POST …/sources/{id}/check`: only the fields set are
    sent. `Debug` hides config values.

    Its JSON form (the C ABI's `update_json`): every field optional, unknown fields refused.
"""
    name: typing.Optional[str]
    source_config: typing.Optional[JsonObject]
    def __init__(self, *, name: typing.Optional[str] = None, source_config: typing.Optional[JsonObject] = None) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class StreamDeleted:
    """
    What deleting a stream returns (`…StreamDeleteResponse`).
"""
    stream_name: str
    deleted_at: typing.Optional[str]
    def __init__(self, *, stream_name: str, deleted_at: typing.Optional[str]) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class Tag:
    """
    A tag.
"""
    id: typing.Optional[str]
    name: str
    organization_id: typing.Optional[str]
    created_at: typing.Optional[str]
    updated_at: typing.Optional[str]
    def __init__(self, *, id: typing.Optional[str], name: str, organization_id: typing.Optional[str], created_at: typing.Optional[str], updated_at: typing.Optional[str]) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class TemplateCatalog:
    """
    A source template's catalog (`SourceTemplateCatalogGetResponse`).
"""
    id: str
    source_template_id: typing.Optional[str]
    sonar_catalog: typing.Optional[SonarCatalog]
    def __init__(self, *, id: str, source_template_id: typing.Optional[str], sonar_catalog: typing.Optional[SonarCatalog]) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class ValidatedConfig:
    """
    A source config that passed validation: the core's `ValidatedConfig` without its compiled
    spec.

    Printed (Python `str()`/`repr()`, Kotlin `toString()`, Swift `description`) with
    `merged` and `source_config` as keys only: every value shows as `[REDACTED]`.
"""
    merged: JsonObject
    source_config: JsonObject
    coercions: typing.List[Coercion]
    defaults_applied: typing.List[str]
    skipped_masked_secrets: typing.List[str]
    def __init__(self, *, merged: JsonObject, source_config: JsonObject, coercions: typing.List[Coercion], defaults_applied: typing.List[str], skipped_masked_secrets: typing.List[str]) -> None:
        ...
    def __repr__(self) -> str:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class WidgetTokenRequest:
    """
    Body of `POST /embedded/widget-token` (`/account/applications/widget-token`).

    Its JSON form (the C ABI's `request_json`) needs `workspace_name` and `allowed_origin`;
    every other field is optional and unknown fields are refused. `send_as_customer_name` is
    not part of it: the C ABI always sends `workspace_name`.
"""
    workspace_name: str
    allowed_origin: str
    region_id: typing.Optional[str]
    selected_source_template_tags: typing.List[str]
    selected_source_template_tags_mode: typing.Optional[TagsMode]
    selected_connection_template_tags: typing.List[str]
    selected_connection_template_tags_mode: typing.Optional[TagsMode]
    send_as_customer_name: bool
    def __init__(self, *, workspace_name: str, allowed_origin: str, region_id: typing.Optional[str] = None, selected_source_template_tags: typing.List[str] = ..., selected_source_template_tags_mode: typing.Optional[TagsMode] = None, selected_connection_template_tags: typing.List[str] = ..., selected_connection_template_tags_mode: typing.Optional[TagsMode] = None, send_as_customer_name: bool = ...) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class Workspace:
    """
    One end user's workspace. Its `name` is the `workspace_name` used when minting tokens.
"""
    id: str
    name: typing.Optional[str]
    organization_id: typing.Optional[str]
    status: typing.Optional[WorkspaceStatus]
    cache_enabled: typing.Optional[bool]
    tombstone: typing.Optional[bool]
    created_at: typing.Optional[str]
    updated_at: typing.Optional[str]
    def __init__(self, *, id: str, name: typing.Optional[str] = None, organization_id: typing.Optional[str] = None, status: typing.Optional[WorkspaceStatus] = None, cache_enabled: typing.Optional[bool] = None, tombstone: typing.Optional[bool] = None, created_at: typing.Optional[str] = None, updated_at: typing.Optional[str] = None) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class WorkspaceOutcome:
    """
    One workspace id's outcome of `deactivate_workspaces` / `activate_workspaces`:
    `workspace` (as updated) or `error`, never both.
"""
    item: str
    workspace: typing.Optional[Workspace]
    error: typing.Optional[AirbyteError]
    def __init__(self, *, item: str, workspace: typing.Optional[Workspace], error: typing.Optional[AirbyteError]) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class WorkspacePage:
    """
    One page of workspaces.
"""
    data: typing.List[Workspace]
    next: typing.Optional[str]
    def __init__(self, *, data: typing.List[Workspace], next: typing.Optional[str]) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class WorkspaceReport:
    """
    Every outcome of a workspace status change, in the order the ids were given.
"""
    outcomes: typing.List[WorkspaceOutcome]
    rate_limited: int
    def __init__(self, *, outcomes: typing.List[WorkspaceOutcome], rate_limited: int) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class WorkspaceStats:
    """
    Workspace counts.
"""
    active_count: int
    inactive_count: int
    total_count: int
    def __init__(self, *, active_count: int, inactive_count: int, total_count: int) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class WorkspaceSyncPlan:
    """
    What a sync would change.
"""
    create: typing.List[str]
    deactivate: typing.List[Workspace]
    reactivate: typing.List[Workspace]
    unchanged: int
    def __init__(self, *, create: typing.List[str], deactivate: typing.List[Workspace], reactivate: typing.List[Workspace], unchanged: int) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class WorkspaceSyncReport:
    """
    What applying a sync plan did, item by item.
"""
    created: ScopedTokenReport
    deactivated: WorkspaceReport
    reactivated: WorkspaceReport
    def __init__(self, *, created: ScopedTokenReport, deactivated: WorkspaceReport, reactivated: WorkspaceReport) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class WorkspaceSync:
    """
    A sync's plan, and what applying it did when asked to.
"""
    plan: WorkspaceSyncPlan
    report: typing.Optional[WorkspaceSyncReport]
    def __init__(self, *, plan: WorkspaceSyncPlan, report: typing.Optional[WorkspaceSyncReport]) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

@dataclass
class WorkspaceUpdate:
    """
    Body of `PUT /workspaces/{id}`: only the fields set are sent.

    Its JSON form (the C ABI's `update_json`): `{"name"?, "status"?: "active"|"inactive",
    "cache_enabled"?: bool}`, unknown fields refused.
"""
    name: typing.Optional[str]
    status: typing.Optional[WorkspaceStatus]
    cache_enabled: typing.Optional[bool]
    def __init__(self, *, name: typing.Optional[str] = None, status: typing.Optional[WorkspaceStatus] = None, cache_enabled: typing.Optional[bool] = None) -> None:
        ...
    def __str__(self) -> str:
        ...
    def __eq__(self, other: object) -> bool:
        ...
    def to_dict(self) -> typing.Dict[str, typing.Any]: ...

class TokenStoreError(Exception):
    """
    Why a store could not answer. A store's failure never fails an SDK call: the client then
    mints and caches in its own memory and logs one warning naming `detail` (which should name
    the cause, never a key, a value or a password).
"""
    class Unavailable(TokenStoreError):
        """
        The store is unreachable, timed out or refused the command.
"""
        detail: typing.Any
        def __init__(self, detail: typing.Any) -> None: ...

class ApiProxyProtocol(typing.Protocol):
    """
    Requests to an end user's API with a source's stored credentials
    (`OperatorClient.proxy()`). Shares its client's `close()`: every method raises
    `AirbyteError.ClientClosed` once the client is closed.
"""
    def request(self, source_id: str, request: ProxyRequest) -> ProxyResponse:
        """
        Sends `request` upstream through source `source_id`'s stored credentials.
        `POST /sonar/apis/{source_id}/request`. The upstream's own error (a 404, a 500) comes
        back as `response_status_code` in the answer, not as an error. The request's headers
        and body are never logged, nor shown by its string form. Sent again after a failure
        only for a proxied `GET` (or `HEAD`); a `POST`, `PUT` or `DELETE` that may have reached
        the upstream raises `AirbyteError.OutcomeUnknown`.

        # Errors
        `AirbyteError.InvalidArgument` naming `source_id`, `url` or `method` when empty
        (nothing sent); `AirbyteError.NotFound` for a source of another organisation;
        `AirbyteError.Validation` for a request the service refuses;
        `AirbyteError.OutcomeUnknown`; auth and transport errors.
"""
        ...

class ApiProxy(ApiProxyProtocol):
    """
    Requests to an end user's API with a source's stored credentials
    (`OperatorClient.proxy()`). Shares its client's `close()`: every method raises
    `AirbyteError.ClientClosed` once the client is closed.
"""
    _handle: ctypes.c_uint64
    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        ...
    def request(self, source_id: str, request: ProxyRequest) -> ProxyResponse:
        """
        Sends `request` upstream through source `source_id`'s stored credentials.
        `POST /sonar/apis/{source_id}/request`. The upstream's own error (a 404, a 500) comes
        back as `response_status_code` in the answer, not as an error. The request's headers
        and body are never logged, nor shown by its string form. Sent again after a failure
        only for a proxied `GET` (or `HEAD`); a `POST`, `PUT` or `DELETE` that may have reached
        the upstream raises `AirbyteError.OutcomeUnknown`.

        # Errors
        `AirbyteError.InvalidArgument` naming `source_id`, `url` or `method` when empty
        (nothing sent); `AirbyteError.NotFound` for a source of another organisation;
        `AirbyteError.Validation` for a request the service refuses;
        `AirbyteError.OutcomeUnknown`; auth and transport errors.
"""
        ...

class AsyncApiProxyProtocol(typing.Protocol):
    """
    The async twin of `ApiProxy` (`AsyncOperatorClient.proxy()`): the same method, awaited.
"""
    async def request(self, source_id: str, request: ProxyRequest) -> ProxyResponse:
        """
        Sends `request` upstream through source `source_id`'s stored credentials.
        `POST /sonar/apis/{source_id}/request`. The upstream's own error (a 404, a 500) comes
        back as `response_status_code` in the answer, not as an error. The request's headers
        and body are never logged, nor shown by its string form. Sent again after a failure
        only for a proxied `GET` (or `HEAD`); a `POST`, `PUT` or `DELETE` that may have reached
        the upstream raises `AirbyteError.OutcomeUnknown`.

        # Errors
        `AirbyteError.InvalidArgument` naming `source_id`, `url` or `method` when empty
        (nothing sent); `AirbyteError.NotFound` for a source of another organisation;
        `AirbyteError.Validation` for a request the service refuses;
        `AirbyteError.OutcomeUnknown`; auth and transport errors.
"""
        ...

class AsyncApiProxy(AsyncApiProxyProtocol):
    """
    The async twin of `ApiProxy` (`AsyncOperatorClient.proxy()`): the same method, awaited.
"""
    _handle: ctypes.c_uint64
    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        ...
    async def request(self, source_id: str, request: ProxyRequest) -> ProxyResponse:
        """
        Sends `request` upstream through source `source_id`'s stored credentials.
        `POST /sonar/apis/{source_id}/request`. The upstream's own error (a 404, a 500) comes
        back as `response_status_code` in the answer, not as an error. The request's headers
        and body are never logged, nor shown by its string form. Sent again after a failure
        only for a proxied `GET` (or `HEAD`); a `POST`, `PUT` or `DELETE` that may have reached
        the upstream raises `AirbyteError.OutcomeUnknown`.

        # Errors
        `AirbyteError.InvalidArgument` naming `source_id`, `url` or `method` when empty
        (nothing sent); `AirbyteError.NotFound` for a source of another organisation;
        `AirbyteError.Validation` for a request the service refuses;
        `AirbyteError.OutcomeUnknown`; auth and transport errors.
"""
        ...

class AsyncBulkProtocol(typing.Protocol):
    """
    The async twin of `Bulk` (`AsyncOperatorClient.bulk()`): the same methods, awaited (each
    still runs its many requests within the rate limit, on one pool thread).
"""
    async def activate_workspaces(self, workspace_ids: typing.List[str], options: typing.Optional[BulkOptions] = None) -> WorkspaceReport:
        """
        Sets each workspace `active` again: `PUT /workspaces/{id}` per id.

        # Errors
        As `mint_scoped_tokens`.
"""
        ...
    async def deactivate_workspaces(self, workspace_ids: typing.List[str], options: typing.Optional[BulkOptions] = None) -> WorkspaceReport:
        """
        Sets each workspace `inactive` (its connections stop): `PUT /workspaces/{id}` per id.

        # Errors
        As `mint_scoped_tokens`.
"""
        ...
    async def delete_sources(self, source_ids: typing.List[str], options: typing.Optional[BulkOptions] = None) -> DeleteReport:
        """
        Deletes each source (of any workspace of the organisation):
        `DELETE /integrations/sources/{id}` per id.

        # Errors
        As `mint_scoped_tokens`.
"""
        ...
    async def mint_scoped_tokens(self, workspace_names: typing.List[str], options: typing.Optional[BulkOptions] = None) -> ScopedTokenReport:
        """
        Mints (or reuses from the cache and token store) a scoped token for each workspace
        name, creating the workspaces that are new: `POST /embedded/scoped-token` per name not
        cached. `options` defaults to `defaults().bulk_options`.

        # Errors
        `AirbyteError.InvalidArgument` naming `concurrency` or `rate_limited_attempts` when out
        of range (nothing sent); `AirbyteError.ClientClosed` after `close()`. Each item's own
        error is in its outcome.
"""
        ...
    async def sync_workspaces(self, desired: typing.List[str], apply: bool = ..., options: typing.Optional[BulkOptions] = None) -> WorkspaceSync:
        """
        Syncs the organisation's workspaces with `desired`, the names of the customers that
        should be active: plans the workspaces to create (customers without one), to deactivate
        (active workspaces of customers no longer listed) and to reactivate (inactive
        workspaces of listed customers), reading every page of `GET /workspaces`; with `apply`
        it then applies the plan in bulk. Without `apply` (the default) it is a dry run:
        nothing is written. Names compare exactly; a name listed twice counts once.

        # Errors
        As `mint_scoped_tokens`, and the workspace listing's errors (nothing applied). Each
        applied item's own error is in the report.
"""
        ...

class AsyncBulk(AsyncBulkProtocol):
    """
    The async twin of `Bulk` (`AsyncOperatorClient.bulk()`): the same methods, awaited (each
    still runs its many requests within the rate limit, on one pool thread).
"""
    _handle: ctypes.c_uint64
    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        ...
    async def activate_workspaces(self, workspace_ids: typing.List[str], options: typing.Optional[BulkOptions] = None) -> WorkspaceReport:
        """
        Sets each workspace `active` again: `PUT /workspaces/{id}` per id.

        # Errors
        As `mint_scoped_tokens`.
"""
        ...
    async def deactivate_workspaces(self, workspace_ids: typing.List[str], options: typing.Optional[BulkOptions] = None) -> WorkspaceReport:
        """
        Sets each workspace `inactive` (its connections stop): `PUT /workspaces/{id}` per id.

        # Errors
        As `mint_scoped_tokens`.
"""
        ...
    async def delete_sources(self, source_ids: typing.List[str], options: typing.Optional[BulkOptions] = None) -> DeleteReport:
        """
        Deletes each source (of any workspace of the organisation):
        `DELETE /integrations/sources/{id}` per id.

        # Errors
        As `mint_scoped_tokens`.
"""
        ...
    async def mint_scoped_tokens(self, workspace_names: typing.List[str], options: typing.Optional[BulkOptions] = None) -> ScopedTokenReport:
        """
        Mints (or reuses from the cache and token store) a scoped token for each workspace
        name, creating the workspaces that are new: `POST /embedded/scoped-token` per name not
        cached. `options` defaults to `defaults().bulk_options`.

        # Errors
        `AirbyteError.InvalidArgument` naming `concurrency` or `rate_limited_attempts` when out
        of range (nothing sent); `AirbyteError.ClientClosed` after `close()`. Each item's own
        error is in its outcome.
"""
        ...
    async def sync_workspaces(self, desired: typing.List[str], apply: bool = ..., options: typing.Optional[BulkOptions] = None) -> WorkspaceSync:
        """
        Syncs the organisation's workspaces with `desired`, the names of the customers that
        should be active: plans the workspaces to create (customers without one), to deactivate
        (active workspaces of customers no longer listed) and to reactivate (inactive
        workspaces of listed customers), reading every page of `GET /workspaces`; with `apply`
        it then applies the plan in bulk. Without `apply` (the default) it is a dry run:
        nothing is written. Names compare exactly; a name listed twice counts once.

        # Errors
        As `mint_scoped_tokens`, and the workspace listing's errors (nothing applied). Each
        applied item's own error is in the report.
"""
        ...

class AsyncConnectionTemplatesProtocol(typing.Protocol):
    """
    The async twin of `ConnectionTemplates` (`AsyncOperatorClient.connection_templates()`):
    the same methods, awaited.
"""
    async def add_tag(self, id: str, tag: str) -> ConnectionTemplate:
        """
        Adds an existing tag. `POST /integrations/templates/connections/{id}/tags`.

        # Errors
        `AirbyteError.NotFound` when the template or tag does not exist.
"""
        ...
    async def clone_template(self, id: str, destination_name: typing.Optional[str] = None, secrets: typing.Optional[JsonObject] = None) -> ConnectionTemplate:
        """
        Creates a copy of a connection template, its destination named `destination_name`
        (default: the original's); tags are not copied. The service has no clone route: this
        reads the template and creates a new one from every field it returned. Its
        destination secrets come back masked, so `secrets` (JSON object text, a partial
        `destination_config` such as `{"secret_access_key": "…"}`) gives them, merged over the
        config read. `GET` then `POST /integrations/templates/connections`.

        # Errors
        `AirbyteError.NotFound` for the original; `AirbyteError.InvalidConfig` naming each
        path still holding the mask, or `AirbyteError.InvalidArgument` for `secrets` that is
        not a JSON object (nothing created); as `create`.
"""
        ...
    async def create(self, template: ConnectionTemplateCreate) -> ConnectionTemplate:
        """
        Creates a connection template. `POST /integrations/templates/connections`.

        # Errors
        `AirbyteError.InvalidArgument` for a cron expression that is not 6 or 7 fields, or a
        config that is not a JSON object (nothing sent); `AirbyteError.Validation` when the
        service refuses the config or schedule.
"""
        ...
    async def delete(self, id: str) -> Deleted:
        """
        Deletes a connection template. `DELETE /integrations/templates/connections/{id}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    async def describe_cron(self, cron_expression: str) -> CronDescription:
        """
        Asks the service whether a cron expression is valid and what it means; any text is
        sent as is. `POST /integrations/templates/connections/cron/describe`.

        # Errors
        Transport and auth errors only.
"""
        ...
    async def get(self, id: str) -> ConnectionTemplate:
        """
        Reads one connection template. `GET /integrations/templates/connections/{id}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    async def list(self, filter: typing.Optional[TagFilter] = None) -> typing.List[ConnectionTemplate]:
        """
        Lists connection templates, narrowed by `filter` (default: all).
        `GET /integrations/templates/connections?tags=…&tags_mode=…`.

        # Errors
        `AirbyteError.Unauthorized`, `AirbyteError.Forbidden`, transport errors.
"""
        ...
    async def remove_tag(self, id: str, tag: str) -> Deleted:
        """
        Removes a tag. `DELETE /integrations/templates/connections/{id}/tags/{tag_name}`.

        # Errors
        `AirbyteError.NotFound` when the template or tag does not exist.
"""
        ...
    async def update(self, id: str, update: ConnectionTemplateUpdate) -> ConnectionTemplate:
        """
        Updates the fields set in `update`. `PATCH /integrations/templates/connections/{id}`.
        A value equal to the mask `**********` anywhere in `destination_config` (what
        `get` shows in place of each secret) is refused before anything is sent: give the
        secrets' real values, or leave `destination_config` out to keep it.

        # Errors
        As `create`, plus `AirbyteError.NotFound`, and `AirbyteError.InvalidConfig`
        naming the path of every mask in `destination_config`, with nothing sent.
"""
        ...

class AsyncConnectionTemplates(AsyncConnectionTemplatesProtocol):
    """
    The async twin of `ConnectionTemplates` (`AsyncOperatorClient.connection_templates()`):
    the same methods, awaited.
"""
    _handle: ctypes.c_uint64
    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        ...
    async def add_tag(self, id: str, tag: str) -> ConnectionTemplate:
        """
        Adds an existing tag. `POST /integrations/templates/connections/{id}/tags`.

        # Errors
        `AirbyteError.NotFound` when the template or tag does not exist.
"""
        ...
    async def clone_template(self, id: str, destination_name: typing.Optional[str] = None, secrets: typing.Optional[JsonObject] = None) -> ConnectionTemplate:
        """
        Creates a copy of a connection template, its destination named `destination_name`
        (default: the original's); tags are not copied. The service has no clone route: this
        reads the template and creates a new one from every field it returned. Its
        destination secrets come back masked, so `secrets` (JSON object text, a partial
        `destination_config` such as `{"secret_access_key": "…"}`) gives them, merged over the
        config read. `GET` then `POST /integrations/templates/connections`.

        # Errors
        `AirbyteError.NotFound` for the original; `AirbyteError.InvalidConfig` naming each
        path still holding the mask, or `AirbyteError.InvalidArgument` for `secrets` that is
        not a JSON object (nothing created); as `create`.
"""
        ...
    async def create(self, template: ConnectionTemplateCreate) -> ConnectionTemplate:
        """
        Creates a connection template. `POST /integrations/templates/connections`.

        # Errors
        `AirbyteError.InvalidArgument` for a cron expression that is not 6 or 7 fields, or a
        config that is not a JSON object (nothing sent); `AirbyteError.Validation` when the
        service refuses the config or schedule.
"""
        ...
    async def delete(self, id: str) -> Deleted:
        """
        Deletes a connection template. `DELETE /integrations/templates/connections/{id}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    async def describe_cron(self, cron_expression: str) -> CronDescription:
        """
        Asks the service whether a cron expression is valid and what it means; any text is
        sent as is. `POST /integrations/templates/connections/cron/describe`.

        # Errors
        Transport and auth errors only.
"""
        ...
    async def get(self, id: str) -> ConnectionTemplate:
        """
        Reads one connection template. `GET /integrations/templates/connections/{id}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    async def list(self, filter: typing.Optional[TagFilter] = None) -> typing.List[ConnectionTemplate]:
        """
        Lists connection templates, narrowed by `filter` (default: all).
        `GET /integrations/templates/connections?tags=…&tags_mode=…`.

        # Errors
        `AirbyteError.Unauthorized`, `AirbyteError.Forbidden`, transport errors.
"""
        ...
    async def remove_tag(self, id: str, tag: str) -> Deleted:
        """
        Removes a tag. `DELETE /integrations/templates/connections/{id}/tags/{tag_name}`.

        # Errors
        `AirbyteError.NotFound` when the template or tag does not exist.
"""
        ...
    async def update(self, id: str, update: ConnectionTemplateUpdate) -> ConnectionTemplate:
        """
        Updates the fields set in `update`. `PATCH /integrations/templates/connections/{id}`.
        A value equal to the mask `**********` anywhere in `destination_config` (what
        `get` shows in place of each secret) is refused before anything is sent: give the
        secrets' real values, or leave `destination_config` out to keep it.

        # Errors
        As `create`, plus `AirbyteError.NotFound`, and `AirbyteError.InvalidConfig`
        naming the path of every mask in `destination_config`, with nothing sent.
"""
        ...

class AsyncConnectorsProtocol(typing.Protocol):
    """
    The async twin of `Connectors` (`AsyncOperatorClient.connectors()`): the same methods,
    awaited.
"""
    async def check(self, id: str, update: typing.Optional[ConnectorUpdate] = None) -> ConnectorCheck:
        """
        Checks an existing connector, optionally with a changed replication config that is not
        stored (`None`, the default: the stored config). `POST /integrations/connectors/{id}/check`.

        # Errors
        As `update`.
"""
        ...
    async def check_config(self, connector: ConnectorCreate) -> ConnectorCheck:
        """
        Checks a config before any connector exists; nothing is stored.
        `POST /integrations/connectors/check` → the outcome, inline (`status: failed` is an
        answer, not an error).

        # Errors
        As `create`, but a check whose answer was lost is sent again.
"""
        ...
    async def create(self, connector: ConnectorCreate) -> Connector:
        """
        Creates a connector (and the workspace, when its name is new).
        `POST /integrations/connectors`. Never sent twice: after
        `AirbyteError.OutcomeUnknown`, list the workspace's connectors by name before trying
        again.

        # Errors
        `AirbyteError.InvalidArgument` (nothing sent) naming `workspace_name` when empty,
        `connector_type` when no connector is named, `replication_config` when none of it,
        `credentials` and `server_side_oauth_secret_id` is set; `AirbyteError.NotFound`;
        `AirbyteError.Validation`; `AirbyteError.OutcomeUnknown`.
"""
        ...
    async def delete(self, id: str) -> Deleted:
        """
        Deletes a connector. `DELETE /integrations/connectors/{id}` → `{id, deleted_at}`
        (`deleted_at` `None` when the service answered without a body).

        # Errors
        `AirbyteError.NotFound`; `AirbyteError.InvalidArgument` for an empty id.
"""
        ...
    async def execute(self, id: str, request: ConnectorExecute) -> ConnectorExecution:
        """
        Runs one action on one entity of the end user's system through the connector.
        `POST /integrations/connectors/{id}/execute`. Sent again after a lost answer only when
        the action only reads (`list`, `get`, `download`, the searches).

        # Errors
        `AirbyteError.InvalidArgument` for an empty id, entity or action (nothing sent);
        `AirbyteError.NotFound`; `AirbyteError.Validation` for an entity or action the
        connector lacks; `AirbyteError.OutcomeUnknown` for a write whose answer was lost.
"""
        ...
    async def get(self, id: str) -> Connector:
        """
        Reads one connector; its `replication_config` has every `airbyte_secret` masked.
        `GET /integrations/connectors/{id}`.

        # Errors
        `AirbyteError.NotFound`; `AirbyteError.InvalidArgument` for an empty id.
"""
        ...
    async def list(self, filter: typing.Optional[ConnectorFilter] = None) -> typing.List[SourceSummary]:
        """
        Lists the organisation's connectors, narrowed by every filter set (`None`, the
        default: every connector). `GET /integrations/connectors?workspace_id=…&customer_name=…&definition_id=…`
        (`workspace_name` is sent as `customer_name`).

        # Errors
        `AirbyteError.InvalidArgument` naming a filter field set to an empty string (nothing
        sent); `AirbyteError.NotFound` for a workspace of another organisation.
"""
        ...
    async def update(self, id: str, update: ConnectorUpdate) -> Connector:
        """
        Changes a connector's name and/or some of its replication config (partial: the service
        keeps what the update does not carry). `PUT /integrations/connectors/{id}`.

        # Errors
        `AirbyteError.NotFound`; `AirbyteError.InvalidArgument`; `AirbyteError.Validation`.
"""
        ...

class AsyncConnectors(AsyncConnectorsProtocol):
    """
    The async twin of `Connectors` (`AsyncOperatorClient.connectors()`): the same methods,
    awaited.
"""
    _handle: ctypes.c_uint64
    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        ...
    async def check(self, id: str, update: typing.Optional[ConnectorUpdate] = None) -> ConnectorCheck:
        """
        Checks an existing connector, optionally with a changed replication config that is not
        stored (`None`, the default: the stored config). `POST /integrations/connectors/{id}/check`.

        # Errors
        As `update`.
"""
        ...
    async def check_config(self, connector: ConnectorCreate) -> ConnectorCheck:
        """
        Checks a config before any connector exists; nothing is stored.
        `POST /integrations/connectors/check` → the outcome, inline (`status: failed` is an
        answer, not an error).

        # Errors
        As `create`, but a check whose answer was lost is sent again.
"""
        ...
    async def create(self, connector: ConnectorCreate) -> Connector:
        """
        Creates a connector (and the workspace, when its name is new).
        `POST /integrations/connectors`. Never sent twice: after
        `AirbyteError.OutcomeUnknown`, list the workspace's connectors by name before trying
        again.

        # Errors
        `AirbyteError.InvalidArgument` (nothing sent) naming `workspace_name` when empty,
        `connector_type` when no connector is named, `replication_config` when none of it,
        `credentials` and `server_side_oauth_secret_id` is set; `AirbyteError.NotFound`;
        `AirbyteError.Validation`; `AirbyteError.OutcomeUnknown`.
"""
        ...
    async def delete(self, id: str) -> Deleted:
        """
        Deletes a connector. `DELETE /integrations/connectors/{id}` → `{id, deleted_at}`
        (`deleted_at` `None` when the service answered without a body).

        # Errors
        `AirbyteError.NotFound`; `AirbyteError.InvalidArgument` for an empty id.
"""
        ...
    async def execute(self, id: str, request: ConnectorExecute) -> ConnectorExecution:
        """
        Runs one action on one entity of the end user's system through the connector.
        `POST /integrations/connectors/{id}/execute`. Sent again after a lost answer only when
        the action only reads (`list`, `get`, `download`, the searches).

        # Errors
        `AirbyteError.InvalidArgument` for an empty id, entity or action (nothing sent);
        `AirbyteError.NotFound`; `AirbyteError.Validation` for an entity or action the
        connector lacks; `AirbyteError.OutcomeUnknown` for a write whose answer was lost.
"""
        ...
    async def get(self, id: str) -> Connector:
        """
        Reads one connector; its `replication_config` has every `airbyte_secret` masked.
        `GET /integrations/connectors/{id}`.

        # Errors
        `AirbyteError.NotFound`; `AirbyteError.InvalidArgument` for an empty id.
"""
        ...
    async def list(self, filter: typing.Optional[ConnectorFilter] = None) -> typing.List[SourceSummary]:
        """
        Lists the organisation's connectors, narrowed by every filter set (`None`, the
        default: every connector). `GET /integrations/connectors?workspace_id=…&customer_name=…&definition_id=…`
        (`workspace_name` is sent as `customer_name`).

        # Errors
        `AirbyteError.InvalidArgument` naming a filter field set to an empty string (nothing
        sent); `AirbyteError.NotFound` for a workspace of another organisation.
"""
        ...
    async def update(self, id: str, update: ConnectorUpdate) -> Connector:
        """
        Changes a connector's name and/or some of its replication config (partial: the service
        keeps what the update does not carry). `PUT /integrations/connectors/{id}`.

        # Errors
        `AirbyteError.NotFound`; `AirbyteError.InvalidArgument`; `AirbyteError.Validation`.
"""
        ...

class AsyncDefinitionCatalogsProtocol(typing.Protocol):
    """
    The async twin of `DefinitionCatalogs` (`AsyncOperatorClient.definition_catalogs()`):
    the same methods, awaited.
"""
    async def add_stream(self, definition_id: str, stream: SonarStream) -> SonarStream:
        """
        Adds a stream. `POST /integrations/definitions/sources/{id}/streams`.

        # Errors
        As `TemplateCatalogs.add_stream`.
"""
        ...
    async def get(self, definition_id: str, selected_only: bool = ...) -> DefinitionCatalog:
        """
        Reads the definition's catalog.
        `GET /integrations/definitions/sources/{id}/catalog?selected=…`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    async def patch(self, definition_id: str, ops: typing.List[PatchOp] = ..., blessed: typing.Optional[bool] = None) -> SonarCatalog:
        """
        Applies RFC 6902 operations (may be empty) and sets `blessed` (`true`: discovery no
        longer overwrites it). `PATCH /integrations/definitions/sources/{id}/catalog`.

        # Errors
        `AirbyteError.Validation`; `AirbyteError.NotFound`.
"""
        ...
    async def patch_stream(self, definition_id: str, stream_name: str, ops: typing.List[PatchOp]) -> SonarStream:
        """
        Applies RFC 6902 operations to one stream.
        `PATCH /integrations/definitions/sources/{id}/streams/{stream_name}`.

        # Errors
        As `TemplateCatalogs.patch_stream`.
"""
        ...
    async def query(self, definition_id: str, query: str) -> JsonValue:
        """
        Runs a JMESPath query over the definition's catalog; the result is a JSON value.
        `POST /integrations/definitions/sources/{id}/catalog/query`.

        # Errors
        As `TemplateCatalogs.query`.
"""
        ...

class AsyncDefinitionCatalogs(AsyncDefinitionCatalogsProtocol):
    """
    The async twin of `DefinitionCatalogs` (`AsyncOperatorClient.definition_catalogs()`):
    the same methods, awaited.
"""
    _handle: ctypes.c_uint64
    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        ...
    async def add_stream(self, definition_id: str, stream: SonarStream) -> SonarStream:
        """
        Adds a stream. `POST /integrations/definitions/sources/{id}/streams`.

        # Errors
        As `TemplateCatalogs.add_stream`.
"""
        ...
    async def get(self, definition_id: str, selected_only: bool = ...) -> DefinitionCatalog:
        """
        Reads the definition's catalog.
        `GET /integrations/definitions/sources/{id}/catalog?selected=…`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    async def patch(self, definition_id: str, ops: typing.List[PatchOp] = ..., blessed: typing.Optional[bool] = None) -> SonarCatalog:
        """
        Applies RFC 6902 operations (may be empty) and sets `blessed` (`true`: discovery no
        longer overwrites it). `PATCH /integrations/definitions/sources/{id}/catalog`.

        # Errors
        `AirbyteError.Validation`; `AirbyteError.NotFound`.
"""
        ...
    async def patch_stream(self, definition_id: str, stream_name: str, ops: typing.List[PatchOp]) -> SonarStream:
        """
        Applies RFC 6902 operations to one stream.
        `PATCH /integrations/definitions/sources/{id}/streams/{stream_name}`.

        # Errors
        As `TemplateCatalogs.patch_stream`.
"""
        ...
    async def query(self, definition_id: str, query: str) -> JsonValue:
        """
        Runs a JMESPath query over the definition's catalog; the result is a JSON value.
        `POST /integrations/definitions/sources/{id}/catalog/query`.

        # Errors
        As `TemplateCatalogs.query`.
"""
        ...

class AsyncDefinitionsProtocol(typing.Protocol):
    """
    The async twin of `Definitions` (`AsyncOperatorClient.definitions()`): the same methods,
    awaited.
"""
    async def get_destination(self, id: str) -> DestinationDefinition:
        """
        Reads one destination connector with its spec.
        `GET /integrations/definitions/destinations/{id}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    async def get_source(self, id: str) -> SourceDefinition:
        """
        Reads one source connector with its spec.
        `GET /integrations/definitions/sources/{id}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    async def list_destinations(self, ids: typing.List[str] = ...) -> typing.List[DestinationDefinitionSummary]:
        """
        Lists destination connectors: those with the given definition ids, or every one the
        organisation may use when `ids` is empty (the default).
        `GET /integrations/definitions/destinations?actorDefinitionIds=…`.

        # Errors
        `AirbyteError.InvalidArgument` naming `ids` for an empty id (nothing sent); auth and
        transport errors.
"""
        ...
    async def list_sources(self, name: typing.Optional[str] = None) -> typing.List[SourceDefinitionSummary]:
        """
        Lists source connectors whose name contains `name` (case-insensitive; `None`, the
        default, lists all). `GET /integrations/definitions/sources?name=…`.

        # Errors
        Auth and transport errors.
"""
        ...

class AsyncDefinitions(AsyncDefinitionsProtocol):
    """
    The async twin of `Definitions` (`AsyncOperatorClient.definitions()`): the same methods,
    awaited.
"""
    _handle: ctypes.c_uint64
    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        ...
    async def get_destination(self, id: str) -> DestinationDefinition:
        """
        Reads one destination connector with its spec.
        `GET /integrations/definitions/destinations/{id}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    async def get_source(self, id: str) -> SourceDefinition:
        """
        Reads one source connector with its spec.
        `GET /integrations/definitions/sources/{id}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    async def list_destinations(self, ids: typing.List[str] = ...) -> typing.List[DestinationDefinitionSummary]:
        """
        Lists destination connectors: those with the given definition ids, or every one the
        organisation may use when `ids` is empty (the default).
        `GET /integrations/definitions/destinations?actorDefinitionIds=…`.

        # Errors
        `AirbyteError.InvalidArgument` naming `ids` for an empty id (nothing sent); auth and
        transport errors.
"""
        ...
    async def list_sources(self, name: typing.Optional[str] = None) -> typing.List[SourceDefinitionSummary]:
        """
        Lists source connectors whose name contains `name` (case-insensitive; `None`, the
        default, lists all). `GET /integrations/definitions/sources?name=…`.

        # Errors
        Auth and transport errors.
"""
        ...

class AsyncDestinationPagesProtocol(typing.Protocol):
    """
    The async twin of `DestinationPages` (from `AsyncDestinations.pages(filter)`):
    `next_page()` is awaited (Python: `async for` over it).
"""
    async def next_page(self) -> typing.Optional[typing.List[DestinationSummary]]:
        """
        The next page's destinations, or `None` once the last page has been read (and after an
        error other than `ClientClosed`).

        # Errors
        `AirbyteError.InvalidArgument` for the walk's filter (first call, nothing sent);
        `AirbyteError.Pagination` for a `next` link off the configured origin, without a
        cursor or repeating one; the request's own errors; `AirbyteError.ClientClosed` once the
        client is closed (every later call too).
"""
        ...
    def __aiter__(self) -> typing.AsyncIterator[DestinationSummary]: ...

class AsyncDestinationPages(AsyncDestinationPagesProtocol):
    """
    The async twin of `DestinationPages` (from `AsyncDestinations.pages(filter)`):
    `next_page()` is awaited (Python: `async for` over it).
"""
    _handle: ctypes.c_uint64
    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        ...
    async def next_page(self) -> typing.Optional[typing.List[DestinationSummary]]:
        """
        The next page's destinations, or `None` once the last page has been read (and after an
        error other than `ClientClosed`).

        # Errors
        `AirbyteError.InvalidArgument` for the walk's filter (first call, nothing sent);
        `AirbyteError.Pagination` for a `next` link off the configured origin, without a
        cursor or repeating one; the request's own errors; `AirbyteError.ClientClosed` once the
        client is closed (every later call too).
"""
        ...
    def __aiter__(self) -> typing.AsyncIterator[DestinationSummary]: ...

class AsyncDestinationsProtocol(typing.Protocol):
    """
    The async twin of `Destinations` (`AsyncOperatorClient.destinations()`): the same
    methods, awaited; `pages(filter)` returns an `AsyncDestinationPages`.
"""
    async def get(self, id: str) -> Destination:
        """
        Reads one destination; its `destination_config` has every `airbyte_secret` masked.
        `GET /integrations/destinations/{id}`.

        # Errors
        `AirbyteError.NotFound`; `AirbyteError.InvalidArgument` for an empty id.
"""
        ...
    async def list_page(self, filter: DestinationFilter, cursor: typing.Optional[str] = None) -> DestinationPage:
        """
        Reads one page of a workspace's destinations.
        `GET /integrations/destinations?workspace_id=…&limit=…&cursor=…`. `cursor` is the
        opaque cursor of the previous page's `next` link (`None`: the first page); `pages()`
        follows the links for you.

        # Errors
        `AirbyteError.InvalidArgument` for an empty `workspace_id` or a `limit` of 0 (nothing
        sent); `AirbyteError.NotFound` for a workspace of another organisation; auth and
        transport errors.
"""
        ...
    def pages(self, filter: DestinationFilter) -> AsyncDestinationPages:
        """
        A walk over every page of the filter's workspace's destinations, fetched one page per
        `DestinationPages.next_page()` call. Nothing is sent here: every error of the walk (an
        empty `workspace_id` included) comes from `next_page()`.
"""
        ...

class AsyncDestinations(AsyncDestinationsProtocol):
    """
    The async twin of `Destinations` (`AsyncOperatorClient.destinations()`): the same
    methods, awaited; `pages(filter)` returns an `AsyncDestinationPages`.
"""
    _handle: ctypes.c_uint64
    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        ...
    async def get(self, id: str) -> Destination:
        """
        Reads one destination; its `destination_config` has every `airbyte_secret` masked.
        `GET /integrations/destinations/{id}`.

        # Errors
        `AirbyteError.NotFound`; `AirbyteError.InvalidArgument` for an empty id.
"""
        ...
    async def list_page(self, filter: DestinationFilter, cursor: typing.Optional[str] = None) -> DestinationPage:
        """
        Reads one page of a workspace's destinations.
        `GET /integrations/destinations?workspace_id=…&limit=…&cursor=…`. `cursor` is the
        opaque cursor of the previous page's `next` link (`None`: the first page); `pages()`
        follows the links for you.

        # Errors
        `AirbyteError.InvalidArgument` for an empty `workspace_id` or a `limit` of 0 (nothing
        sent); `AirbyteError.NotFound` for a workspace of another organisation; auth and
        transport errors.
"""
        ...
    def pages(self, filter: DestinationFilter) -> AsyncDestinationPages:
        """
        A walk over every page of the filter's workspace's destinations, fetched one page per
        `DestinationPages.next_page()` call. Nothing is sent here: every error of the walk (an
        empty `workspace_id` included) comes from `next_page()`.
"""
        ...

class AsyncEmbeddedSourceTemplatesProtocol(typing.Protocol):
    """
    The async twin of `EmbeddedSourceTemplates` (`AsyncEndUserClient.source_templates()`):
    the same methods, awaited.
"""
    async def get(self, id: str) -> SourceTemplate:
        """
        Reads one template with its `user_config_spec` (what the end user fills).
        `GET /embedded/source-templates/{id}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    async def list(self, filter: typing.Optional[TagFilter] = None) -> typing.List[SourceTemplateSummary]:
        """
        Lists the templates offered to the end user, narrowed by `filter` (default: all).
        `GET /embedded/source-templates?tags=…&tags_mode=…`.

        # Errors
        `AirbyteError.Unauthorized` for an expired scoped token; transport errors.
"""
        ...

class AsyncEmbeddedSourceTemplates(AsyncEmbeddedSourceTemplatesProtocol):
    """
    The async twin of `EmbeddedSourceTemplates` (`AsyncEndUserClient.source_templates()`):
    the same methods, awaited.
"""
    _handle: ctypes.c_uint64
    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        ...
    async def get(self, id: str) -> SourceTemplate:
        """
        Reads one template with its `user_config_spec` (what the end user fills).
        `GET /embedded/source-templates/{id}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    async def list(self, filter: typing.Optional[TagFilter] = None) -> typing.List[SourceTemplateSummary]:
        """
        Lists the templates offered to the end user, narrowed by `filter` (default: all).
        `GET /embedded/source-templates?tags=…&tags_mode=…`.

        # Errors
        `AirbyteError.Unauthorized` for an expired scoped token; transport errors.
"""
        ...

class AsyncSourcesProtocol(typing.Protocol):
    """
    The async twin of `Sources` (`AsyncOperatorClient.sources()`,
    `AsyncEndUserClient.sources()`): the same methods and checks, awaited.
"""
    async def check(self, id: str, update: typing.Optional[SourceUpdate] = None, options: typing.Optional[WriteOptions] = None) -> CheckJob:
        """
        Starts a check of an existing source, optionally with a changed config (validated
        first; an empty `SourceUpdate()` checks the stored config).
        `POST …/sources/{id}/check` → a `CheckJob`.

        # Errors
        As `update`.
"""
        ...
    async def check_config(self, source: SourceCreate, options: typing.Optional[WriteOptions] = None) -> CheckJob:
        """
        Starts a check of a config before any source exists (validated first, as
        `create`). `POST …/sources/check` → a `CheckJob`.

        # Errors
        As `create`.
"""
        ...
    async def check_status(self, check_id: str) -> CheckStatus:
        """
        Reads a check job's status. `GET …/sources/check/{id}/status`.

        # Errors
        `AirbyteError.NotFound` for an unknown job.
"""
        ...
    async def create(self, source: SourceCreate, options: typing.Optional[WriteOptions] = None) -> Source:
        """
        Creates a source, after validating `merge(template defaults, source_config)` against
        the template's spec unless `options.validate` is false. `POST …/sources`.

        # Errors
        `AirbyteError.InvalidConfig` listing every problem with its JSON pointer (nothing
        sent); `AirbyteError.InvalidArgument` for a config that is not a JSON object;
        `AirbyteError.Validation` when the service refuses it; `AirbyteError.NotFound` for an
        unknown template.
"""
        ...
    async def delete(self, id: str) -> Deleted:
        """
        Deletes a source. `DELETE …/sources/{id}` → `{id, deleted_at}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    async def get(self, id: str) -> Source:
        """
        Reads one source (secrets masked). `GET …/sources/{id}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    async def list(self, workspace_id: str) -> typing.List[SourceSummary]:
        """
        Lists a workspace's sources. `GET …/sources?workspace_id=…`.

        # Errors
        `AirbyteError.InvalidArgument` for an empty id; `AirbyteError.Forbidden` for another
        workspace.
"""
        ...
    async def update(self, id: str, update: SourceUpdate, options: typing.Optional[WriteOptions] = None) -> Source:
        """
        Replaces a source's name and/or user config, validating a new config first (which
        reads the source: `GET …/sources/{id}`). `PUT …/sources/{id}`.

        # Errors
        As `create`.
"""
        ...
    async def wait_for_check(self, check_id: str, options: typing.Optional[WaitOptions] = None) -> CheckStatus:
        """
        Polls a check job until it finishes (blocking the calling thread), pausing
        `initial_interval`, then 1.5 times longer each time up to `max_interval`. A
        finished job is returned as is, `Failed` included.

        # Errors
        `AirbyteError.Timeout` when the job has not finished within `timeout`; the errors
        of `check_status`.
"""
        ...

class AsyncSources(AsyncSourcesProtocol):
    """
    The async twin of `Sources` (`AsyncOperatorClient.sources()`,
    `AsyncEndUserClient.sources()`): the same methods and checks, awaited.
"""
    _handle: ctypes.c_uint64
    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        ...
    async def check(self, id: str, update: typing.Optional[SourceUpdate] = None, options: typing.Optional[WriteOptions] = None) -> CheckJob:
        """
        Starts a check of an existing source, optionally with a changed config (validated
        first; an empty `SourceUpdate()` checks the stored config).
        `POST …/sources/{id}/check` → a `CheckJob`.

        # Errors
        As `update`.
"""
        ...
    async def check_config(self, source: SourceCreate, options: typing.Optional[WriteOptions] = None) -> CheckJob:
        """
        Starts a check of a config before any source exists (validated first, as
        `create`). `POST …/sources/check` → a `CheckJob`.

        # Errors
        As `create`.
"""
        ...
    async def check_status(self, check_id: str) -> CheckStatus:
        """
        Reads a check job's status. `GET …/sources/check/{id}/status`.

        # Errors
        `AirbyteError.NotFound` for an unknown job.
"""
        ...
    async def create(self, source: SourceCreate, options: typing.Optional[WriteOptions] = None) -> Source:
        """
        Creates a source, after validating `merge(template defaults, source_config)` against
        the template's spec unless `options.validate` is false. `POST …/sources`.

        # Errors
        `AirbyteError.InvalidConfig` listing every problem with its JSON pointer (nothing
        sent); `AirbyteError.InvalidArgument` for a config that is not a JSON object;
        `AirbyteError.Validation` when the service refuses it; `AirbyteError.NotFound` for an
        unknown template.
"""
        ...
    async def delete(self, id: str) -> Deleted:
        """
        Deletes a source. `DELETE …/sources/{id}` → `{id, deleted_at}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    async def get(self, id: str) -> Source:
        """
        Reads one source (secrets masked). `GET …/sources/{id}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    async def list(self, workspace_id: str) -> typing.List[SourceSummary]:
        """
        Lists a workspace's sources. `GET …/sources?workspace_id=…`.

        # Errors
        `AirbyteError.InvalidArgument` for an empty id; `AirbyteError.Forbidden` for another
        workspace.
"""
        ...
    async def update(self, id: str, update: SourceUpdate, options: typing.Optional[WriteOptions] = None) -> Source:
        """
        Replaces a source's name and/or user config, validating a new config first (which
        reads the source: `GET …/sources/{id}`). `PUT …/sources/{id}`.

        # Errors
        As `create`.
"""
        ...
    async def wait_for_check(self, check_id: str, options: typing.Optional[WaitOptions] = None) -> CheckStatus:
        """
        Polls a check job until it finishes (blocking the calling thread), pausing
        `initial_interval`, then 1.5 times longer each time up to `max_interval`. A
        finished job is returned as is, `Failed` included.

        # Errors
        `AirbyteError.Timeout` when the job has not finished within `timeout`; the errors
        of `check_status`.
"""
        ...

class AsyncEndUserClientProtocol(typing.Protocol):
    """
    An end user's client with every network call awaited: the async twin of
    `EndUserClient` (`AsyncEndUserClient(token, config)`, or
    `AsyncOperatorClient.end_user_client(name)`), with the same methods and area handles
    (`source_templates()` returns an `AsyncEmbeddedSourceTemplates`, `sources()` an
    `AsyncSources`). Awaiting and cancelling as for `AsyncOperatorClient`; lifetime as for
    `EndUserClient` (Python also `async with`).
"""
    def base_url(self) -> str:
        """
        The base URL every path is joined to, without a trailing slash.

        # Errors
        `AirbyteError.ClientClosed` after `close()` (as every method below).
"""
        ...
    def close(self) -> None:
        """
        Ends the client (Kotlin: `shutdown()`, as `close()` there is `AutoCloseable`'s, which
        only frees the Kotlin object). Every later call on this client and on the area handles
        made from it raises `AirbyteError.ClientClosed`; calls already running finish. The
        operator client that made it stays open. Closing again does nothing.
"""
        ...
    def last_rate_limit(self) -> typing.Optional[RateLimit]:
        """
        The rate-limit headers of the most recent response that carried any.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def source_templates(self) -> AsyncEmbeddedSourceTemplates:
        """
        Source templates offered to this end user: `/embedded/source-templates`. The handle
        shares this client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def sources(self) -> AsyncSources:
        """
        This end user's sources and checks: `/embedded/sources`. The handle shares this
        client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    async def token_info(self) -> ScopedTokenInfo:
        """
        The organisation and workspace the token reaches. `GET /embedded/scoped-token/info`
        (or `/account/applications/scoped-token/info`).

        # Errors
        `AirbyteError.Unauthorized`, `AirbyteError.Forbidden` (for example an operator token);
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    async def workspace_id(self) -> str:
        """
        The end user's workspace id, read once with `token_info()` and then remembered.

        # Errors
        As `token_info()`.
"""
        ...

class AsyncEndUserClient(AsyncEndUserClientProtocol):
    """
    An end user's client with every network call awaited: the async twin of
    `EndUserClient` (`AsyncEndUserClient(token, config)`, or
    `AsyncOperatorClient.end_user_client(name)`), with the same methods and area handles
    (`source_templates()` returns an `AsyncEmbeddedSourceTemplates`, `sources()` an
    `AsyncSources`). Awaiting and cancelling as for `AsyncOperatorClient`; lifetime as for
    `EndUserClient` (Python also `async with`).
"""
    _handle: ctypes.c_uint64
    def __init__(self, token: str, config: typing.Optional[ClientConfig] = None) -> None:
        """
        A client using the scoped token `token` as is, configured by `config` (defaults when
        `None`).

        # Errors
        `AirbyteError.InvalidArgument` naming `token` when it is empty, or the invalid
        `config` setting.
"""
        ...
    @classmethod
    def with_token_provider(cls, provider: ScopedTokenProvider, config: typing.Optional[ClientConfig] = None) -> AsyncEndUserClient:
        """
        A client whose scoped tokens come from `provider` (the host's call to its own
        backend), configured by `config` (defaults when `None`). Nothing is fetched
        here; the provider is asked on the first call, near the token's expiry and after
        the service refuses the token (the refused call is then sent once more), one
        fetch at a time. Such a client does not use `template_cache_ttl`.

        # Errors
        The invalid `config` setting. A later call fails with what the provider raised,
        or `AirbyteError.TokenProvider` when it raised another exception or gave an
        empty token.
"""
        ...
    def base_url(self) -> str:
        """
        The base URL every path is joined to, without a trailing slash.

        # Errors
        `AirbyteError.ClientClosed` after `close()` (as every method below).
"""
        ...
    def close(self) -> None:
        """
        Ends the client (Kotlin: `shutdown()`, as `close()` there is `AutoCloseable`'s, which
        only frees the Kotlin object). Every later call on this client and on the area handles
        made from it raises `AirbyteError.ClientClosed`; calls already running finish. The
        operator client that made it stays open. Closing again does nothing.
"""
        ...
    def last_rate_limit(self) -> typing.Optional[RateLimit]:
        """
        The rate-limit headers of the most recent response that carried any.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def source_templates(self) -> AsyncEmbeddedSourceTemplates:
        """
        Source templates offered to this end user: `/embedded/source-templates`. The handle
        shares this client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def sources(self) -> AsyncSources:
        """
        This end user's sources and checks: `/embedded/sources`. The handle shares this
        client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    async def token_info(self) -> ScopedTokenInfo:
        """
        The organisation and workspace the token reaches. `GET /embedded/scoped-token/info`
        (or `/account/applications/scoped-token/info`).

        # Errors
        `AirbyteError.Unauthorized`, `AirbyteError.Forbidden` (for example an operator token);
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    async def workspace_id(self) -> str:
        """
        The end user's workspace id, read once with `token_info()` and then remembered.

        # Errors
        As `token_info()`.
"""
        ...
    async def __aenter__(self) -> "AsyncEndUserClient": ...
    async def __aexit__(self, *exc: object) -> None: ...
    def __enter__(self) -> "AsyncEndUserClient": ...
    def __exit__(self, *exc: object) -> None: ...

class AsyncFilePagesProtocol(typing.Protocol):
    """
    The async twin of `FilePages` (from `AsyncFiles.pages(folder)`): `next_page()` is
    awaited (Python: `async for` over it).
"""
    async def next_page(self) -> typing.Optional[typing.List[FileEntry]]:
        """
        The next page's entries, or `None` once the last page has been read (and after an
        error other than `ClientClosed`).

        # Errors
        `AirbyteError.InvalidArgument` for the walk's folder (first call, nothing sent);
        `AirbyteError.Pagination`; the request's own errors; `AirbyteError.ClientClosed` once
        the client is closed.
"""
        ...
    def __aiter__(self) -> typing.AsyncIterator[FileEntry]: ...

class AsyncFilePages(AsyncFilePagesProtocol):
    """
    The async twin of `FilePages` (from `AsyncFiles.pages(folder)`): `next_page()` is
    awaited (Python: `async for` over it).
"""
    _handle: ctypes.c_uint64
    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        ...
    async def next_page(self) -> typing.Optional[typing.List[FileEntry]]:
        """
        The next page's entries, or `None` once the last page has been read (and after an
        error other than `ClientClosed`).

        # Errors
        `AirbyteError.InvalidArgument` for the walk's folder (first call, nothing sent);
        `AirbyteError.Pagination`; the request's own errors; `AirbyteError.ClientClosed` once
        the client is closed.
"""
        ...
    def __aiter__(self) -> typing.AsyncIterator[FileEntry]: ...

class AsyncFileStreamProtocol(typing.Protocol):
    """
    The async twin of `FileStream` (from `AsyncFiles.open(...)`): every method is awaited,
    `close()` too (Kotlin `shutdown()`), since each waits for a read running on another task.
"""
    async def bytes_read(self) -> int:
        """
        How many bytes have been read so far.

        # Errors
        `AirbyteError.ClientClosed` after `close()` or the client's.
"""
        ...
    async def close(self) -> None:
        """
        Lets go of the file and its connection (Kotlin: `shutdown()`); closing again does
        nothing.
"""
        ...
    async def content_length(self) -> typing.Optional[int]:
        """
        The file's length in bytes from the response's `Content-Length`, when it had one.

        # Errors
        `AirbyteError.ClientClosed` after `close()` or the client's.
"""
        ...
    async def content_type(self) -> typing.Optional[str]:
        """
        The response's `Content-Type` (e.g. `text/csv`), when it had one.

        # Errors
        `AirbyteError.ClientClosed` after `close()` or the client's.
"""
        ...
    async def read(self, max_bytes: int) -> bytes:
        """
        The next bytes of the file: at most `max_bytes` (and at most 1 MiB), as many as have
        arrived; empty at the end of the file (or for `max_bytes` 0).

        # Errors
        `AirbyteError.InvalidArgument` naming `max_bytes` when it is negative;
        `AirbyteError.Transport` (the connection broke, or the body ended before its
        `Content-Length`), `AirbyteError.Timeout` (no data within the read timeout), once no
        retry applies; `AirbyteError.ClientClosed` after `close()` or the client's.
"""
        ...

class AsyncFileStream(AsyncFileStreamProtocol):
    """
    The async twin of `FileStream` (from `AsyncFiles.open(...)`): every method is awaited,
    `close()` too (Kotlin `shutdown()`), since each waits for a read running on another task.
"""
    _handle: ctypes.c_uint64
    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        ...
    async def bytes_read(self) -> int:
        """
        How many bytes have been read so far.

        # Errors
        `AirbyteError.ClientClosed` after `close()` or the client's.
"""
        ...
    async def close(self) -> None:
        """
        Lets go of the file and its connection (Kotlin: `shutdown()`); closing again does
        nothing.
"""
        ...
    async def content_length(self) -> typing.Optional[int]:
        """
        The file's length in bytes from the response's `Content-Length`, when it had one.

        # Errors
        `AirbyteError.ClientClosed` after `close()` or the client's.
"""
        ...
    async def content_type(self) -> typing.Optional[str]:
        """
        The response's `Content-Type` (e.g. `text/csv`), when it had one.

        # Errors
        `AirbyteError.ClientClosed` after `close()` or the client's.
"""
        ...
    async def read(self, max_bytes: int) -> bytes:
        """
        The next bytes of the file: at most `max_bytes` (and at most 1 MiB), as many as have
        arrived; empty at the end of the file (or for `max_bytes` 0).

        # Errors
        `AirbyteError.InvalidArgument` naming `max_bytes` when it is negative;
        `AirbyteError.Transport` (the connection broke, or the body ended before its
        `Content-Length`), `AirbyteError.Timeout` (no data within the read timeout), once no
        retry applies; `AirbyteError.ClientClosed` after `close()` or the client's.
"""
        ...

class AsyncFilesProtocol(typing.Protocol):
    """
    The async twin of `Files` (`AsyncOperatorClient.files()`): the same methods, awaited;
    `pages(folder)` returns an `AsyncFilePages` and `open(...)` an `AsyncFileStream`.
"""
    async def drives(self, source_id: str) -> typing.List[Drive]:
        """
        The drives of a source. `GET /sonar/files/{source_id}/drives`.

        # Errors
        `AirbyteError.NotFound` for a source the organisation does not own.
"""
        ...
    async def list_page(self, folder: FolderQuery, continuation_token: typing.Optional[str] = None) -> FilePage:
        """
        Reads one page of a folder's entries.
        `GET /sonar/files/{source_id}[/drives/{drive_id}]/list/{path}?limit=…&continuation_token=…`.
        `continuation_token` is the previous page's `next` (`None`: the first page); `pages()`
        follows them for you.

        # Errors
        `AirbyteError.InvalidArgument` naming `source_id`, `drive_id`, `path` or `limit`
        (nothing sent); `AirbyteError.NotFound` for a source, drive or folder that does not
        exist.
"""
        ...
    async def open(self, source_id: str, path: str, drive_id: typing.Optional[str] = None) -> AsyncFileStream:
        """
        Opens a file for reading: sends the GET and returns once the response head has arrived;
        the content is read with `FileStream.read()`, a chunk at a time.
        `GET /sonar/files/{source_id}[/drives/{drive_id}]/get/{path}` (`drive_id` `None`, the
        default: the source's own files).

        # Errors
        `AirbyteError.InvalidArgument` naming `source_id`, `drive_id` or `path` (nothing
        sent); `AirbyteError.NotFound` for a source, drive or file that does not exist; auth
        and transport errors.
"""
        ...
    def pages(self, folder: FolderQuery) -> AsyncFilePages:
        """
        A walk over every page of the folder, fetched one page per `FilePages.next_page()`
        call. Nothing is sent here: every error of the walk (an empty `path` included) comes
        from `next_page()`.
"""
        ...
    async def sources(self, workspace_id: str) -> typing.List[FileSource]:
        """
        The sources of a workspace whose files can be read.
        `GET /sonar/files/sources?workspace_id=…`.

        # Errors
        `AirbyteError.InvalidArgument` for an empty `workspace_id` (nothing sent);
        `AirbyteError.NotFound` for a workspace of another organisation.
"""
        ...

class AsyncFiles(AsyncFilesProtocol):
    """
    The async twin of `Files` (`AsyncOperatorClient.files()`): the same methods, awaited;
    `pages(folder)` returns an `AsyncFilePages` and `open(...)` an `AsyncFileStream`.
"""
    _handle: ctypes.c_uint64
    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        ...
    async def drives(self, source_id: str) -> typing.List[Drive]:
        """
        The drives of a source. `GET /sonar/files/{source_id}/drives`.

        # Errors
        `AirbyteError.NotFound` for a source the organisation does not own.
"""
        ...
    async def list_page(self, folder: FolderQuery, continuation_token: typing.Optional[str] = None) -> FilePage:
        """
        Reads one page of a folder's entries.
        `GET /sonar/files/{source_id}[/drives/{drive_id}]/list/{path}?limit=…&continuation_token=…`.
        `continuation_token` is the previous page's `next` (`None`: the first page); `pages()`
        follows them for you.

        # Errors
        `AirbyteError.InvalidArgument` naming `source_id`, `drive_id`, `path` or `limit`
        (nothing sent); `AirbyteError.NotFound` for a source, drive or folder that does not
        exist.
"""
        ...
    async def open(self, source_id: str, path: str, drive_id: typing.Optional[str] = None) -> AsyncFileStream:
        """
        Opens a file for reading: sends the GET and returns once the response head has arrived;
        the content is read with `FileStream.read()`, a chunk at a time.
        `GET /sonar/files/{source_id}[/drives/{drive_id}]/get/{path}` (`drive_id` `None`, the
        default: the source's own files).

        # Errors
        `AirbyteError.InvalidArgument` naming `source_id`, `drive_id` or `path` (nothing
        sent); `AirbyteError.NotFound` for a source, drive or file that does not exist; auth
        and transport errors.
"""
        ...
    def pages(self, folder: FolderQuery) -> AsyncFilePages:
        """
        A walk over every page of the folder, fetched one page per `FilePages.next_page()`
        call. Nothing is sent here: every error of the walk (an empty `path` included) comes
        from `next_page()`.
"""
        ...
    async def sources(self, workspace_id: str) -> typing.List[FileSource]:
        """
        The sources of a workspace whose files can be read.
        `GET /sonar/files/sources?workspace_id=…`.

        # Errors
        `AirbyteError.InvalidArgument` for an empty `workspace_id` (nothing sent);
        `AirbyteError.NotFound` for a workspace of another organisation.
"""
        ...

class AsyncOAuthCredentialsProtocol(typing.Protocol):
    """
    The async twin of `OAuthCredentials` (`AsyncOperatorClient.oauth_credentials()`): the
    same methods, awaited.
"""
    async def delete(self, connector_type: str) -> None:
        """
        Removes the organisation's OAuth app for the connector named `connector_type`, so the
        service uses Airbyte's again. `DELETE /oauth/credentials/connector_type/{connector_type}`
        (204). Idempotent: succeeds whether or not an app was set.

        # Errors
        `AirbyteError.InvalidArgument` for an empty name (nothing sent); auth and transport
        errors.
"""
        ...
    async def set(self, request: OAuthCredentialsRequest) -> OAuthOverride:
        """
        Sets the organisation's OAuth app for a connector, replacing the one set before.
        `PUT /oauth/credentials` → the app, without its configuration.

        # Errors
        `AirbyteError.InvalidArgument` naming `connector_type` unless exactly one of
        `connector_type` and `connector_definition_id` is set (nothing sent);
        `AirbyteError.NotFound` for an unknown connector; `AirbyteError.Validation`.
"""
        ...

class AsyncOAuthCredentials(AsyncOAuthCredentialsProtocol):
    """
    The async twin of `OAuthCredentials` (`AsyncOperatorClient.oauth_credentials()`): the
    same methods, awaited.
"""
    _handle: ctypes.c_uint64
    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        ...
    async def delete(self, connector_type: str) -> None:
        """
        Removes the organisation's OAuth app for the connector named `connector_type`, so the
        service uses Airbyte's again. `DELETE /oauth/credentials/connector_type/{connector_type}`
        (204). Idempotent: succeeds whether or not an app was set.

        # Errors
        `AirbyteError.InvalidArgument` for an empty name (nothing sent); auth and transport
        errors.
"""
        ...
    async def set(self, request: OAuthCredentialsRequest) -> OAuthOverride:
        """
        Sets the organisation's OAuth app for a connector, replacing the one set before.
        `PUT /oauth/credentials` → the app, without its configuration.

        # Errors
        `AirbyteError.InvalidArgument` naming `connector_type` unless exactly one of
        `connector_type` and `connector_definition_id` is set (nothing sent);
        `AirbyteError.NotFound` for an unknown connector; `AirbyteError.Validation`.
"""
        ...

class WidgetTokenProtocol(typing.Protocol):
    """
    A decoded widget token: the scoped token it carries and the URL of the embedded widget.
"""
    def expose_raw(self) -> str:
        """
        The widget token exactly as the service sent it (what the widget is given). Never log
        it.
"""
        ...
    def scoped_token(self) -> ScopedToken:
        """
        The scoped token inside the widget token, with its claims.
"""
        ...
    def widget_url(self) -> str:
        """
        The URL of the embedded widget.
"""
        ...

class WidgetToken(WidgetTokenProtocol):
    """
    A decoded widget token: the scoped token it carries and the URL of the embedded widget.
"""
    _handle: ctypes.c_uint64
    @classmethod
    def decode(cls, raw: str) -> WidgetToken:
        """
        Decodes a widget token: standard or URL-safe base64, padded or not, of
        `{"token": "<scoped JWT>", "widgetUrl": "<url>"}`; surrounding whitespace is ignored.

        # Errors
        `AirbyteError.InvalidWidgetToken` when the text is not base64, not JSON, or lacks a
        non-empty `token` or `widgetUrl`. The error never quotes the token.
"""
        ...
    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        ...
    def expose_raw(self) -> str:
        """
        The widget token exactly as the service sent it (what the widget is given). Never log
        it.
"""
        ...
    def scoped_token(self) -> ScopedToken:
        """
        The scoped token inside the widget token, with its claims.
"""
        ...
    def widget_url(self) -> str:
        """
        The URL of the embedded widget.
"""
        ...

class AsyncSourceSearchProtocol(typing.Protocol):
    """
    The async twin of `SourceSearch` (`AsyncOperatorClient.source_search()`): the same
    method, awaited.
"""
    async def search(self, source_id: str, stream_name: str, request: SearchRequest) -> SearchResponse:
        """
        The records of stream `stream_name` of source `source_id` matching `request.condition`
        (JSON object text: one operator, `{"eq": {"plan": "pro"}}`, `{"and": [...]}`, ...).
        `POST /integrations/sources/{id}/search/{stream_name}`. Retried as a GET is: a search
        changes nothing.

        # Errors
        `AirbyteError.InvalidArgument` naming `source_id`, `stream_name` or `condition` (not a
        single-key object, or a known operator with an operand of the wrong shape; the detail
        says where), nothing sent; `AirbyteError.NotFound` for a source or stream that does
        not exist; `AirbyteError.Validation` for a condition the service refuses.
"""
        ...

class AsyncSourceSearch(AsyncSourceSearchProtocol):
    """
    The async twin of `SourceSearch` (`AsyncOperatorClient.source_search()`): the same
    method, awaited.
"""
    _handle: ctypes.c_uint64
    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        ...
    async def search(self, source_id: str, stream_name: str, request: SearchRequest) -> SearchResponse:
        """
        The records of stream `stream_name` of source `source_id` matching `request.condition`
        (JSON object text: one operator, `{"eq": {"plan": "pro"}}`, `{"and": [...]}`, ...).
        `POST /integrations/sources/{id}/search/{stream_name}`. Retried as a GET is: a search
        changes nothing.

        # Errors
        `AirbyteError.InvalidArgument` naming `source_id`, `stream_name` or `condition` (not a
        single-key object, or a known operator with an operand of the wrong shape; the detail
        says where), nothing sent; `AirbyteError.NotFound` for a source or stream that does
        not exist; `AirbyteError.Validation` for a condition the service refuses.
"""
        ...

class AsyncSourceTemplatesProtocol(typing.Protocol):
    """
    The async twin of `SourceTemplates` (`AsyncOperatorClient.source_templates()`): the
    same methods, awaited.
"""
    async def add_tag(self, id: str, tag: str) -> SourceTemplate:
        """
        Adds an existing tag to a template. `POST /integrations/templates/sources/{id}/tags`.

        # Errors
        `AirbyteError.NotFound` when the template or tag does not exist.
"""
        ...
    async def clone_template(self, original_id: str, name: typing.Optional[str] = None) -> SourceTemplate:
        """
        Creates a copy of an existing template, optionally renamed.
        `POST /integrations/templates/sources` with `{original_source_template_id, name?}`.

        # Errors
        `AirbyteError.NotFound` when the original does not exist.
"""
        ...
    async def create(self, template: SourceTemplateCreate) -> SourceTemplate:
        """
        Creates a source template. `POST /integrations/templates/sources`.

        # Errors
        `AirbyteError.InvalidArgument` for an empty definition id, defaults that are not a
        JSON object, or a whitelist without streams (nothing sent);
        `AirbyteError.Validation`; `AirbyteError.NotFound` for an unknown definition.
"""
        ...
    async def delete(self, id: str) -> Deleted:
        """
        Deletes a template. `DELETE /integrations/templates/sources/{id}` → `{id, deleted_at}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    async def get(self, id: str) -> SourceTemplate:
        """
        Reads one source template. `GET /integrations/templates/sources/{id}`.

        # Errors
        `AirbyteError.NotFound`; `AirbyteError.InvalidArgument` for an empty id.
"""
        ...
    async def list(self, filter: typing.Optional[TagFilter] = None) -> typing.List[SourceTemplateSummary]:
        """
        Lists the organisation's source templates, narrowed by `filter` (default: all).
        `GET /integrations/templates/sources?tags=…&tags_mode=…`.

        # Errors
        `AirbyteError.Unauthorized`, `AirbyteError.Forbidden`, transport errors.
"""
        ...
    async def list_global(self) -> typing.List[SourceTemplateSummary]:
        """
        Lists the Airbyte-maintained (global) source templates, the same for every
        organisation: the ones to clone (`clone_template`) to offer a connector with Airbyte's
        defaults. `GET /integrations/templates/sources/global`.

        # Errors
        `AirbyteError.Unauthorized`, `AirbyteError.Forbidden`, transport errors.
"""
        ...
    async def list_with(self, use_global: bool, filter: typing.Optional[TagFilter] = None) -> typing.List[SourceTemplateSummary]:
        """
        Lists source templates with the 2026 `use_global` flag: `true` lists the global
        templates instead of the organisation's (older service versions ignore it: use
        `list_global` there). `GET /integrations/templates/sources?…&use_global=…`.

        # Errors
        As `list`.
"""
        ...
    async def remove_tag(self, id: str, tag: str) -> Deleted:
        """
        Removes a tag from a template.
        `DELETE /integrations/templates/sources/{id}/tags/{tag_name}` → `{deleted_at}`.

        # Errors
        `AirbyteError.NotFound` when the template or tag does not exist.
"""
        ...
    async def update(self, id: str, update: SourceTemplateUpdate) -> SourceTemplate:
        """
        Updates a template. `PATCH /integrations/templates/sources/{id}`.

        # Errors
        As `create`, plus `AirbyteError.NotFound`.
"""
        ...

class AsyncSourceTemplates(AsyncSourceTemplatesProtocol):
    """
    The async twin of `SourceTemplates` (`AsyncOperatorClient.source_templates()`): the
    same methods, awaited.
"""
    _handle: ctypes.c_uint64
    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        ...
    async def add_tag(self, id: str, tag: str) -> SourceTemplate:
        """
        Adds an existing tag to a template. `POST /integrations/templates/sources/{id}/tags`.

        # Errors
        `AirbyteError.NotFound` when the template or tag does not exist.
"""
        ...
    async def clone_template(self, original_id: str, name: typing.Optional[str] = None) -> SourceTemplate:
        """
        Creates a copy of an existing template, optionally renamed.
        `POST /integrations/templates/sources` with `{original_source_template_id, name?}`.

        # Errors
        `AirbyteError.NotFound` when the original does not exist.
"""
        ...
    async def create(self, template: SourceTemplateCreate) -> SourceTemplate:
        """
        Creates a source template. `POST /integrations/templates/sources`.

        # Errors
        `AirbyteError.InvalidArgument` for an empty definition id, defaults that are not a
        JSON object, or a whitelist without streams (nothing sent);
        `AirbyteError.Validation`; `AirbyteError.NotFound` for an unknown definition.
"""
        ...
    async def delete(self, id: str) -> Deleted:
        """
        Deletes a template. `DELETE /integrations/templates/sources/{id}` → `{id, deleted_at}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    async def get(self, id: str) -> SourceTemplate:
        """
        Reads one source template. `GET /integrations/templates/sources/{id}`.

        # Errors
        `AirbyteError.NotFound`; `AirbyteError.InvalidArgument` for an empty id.
"""
        ...
    async def list(self, filter: typing.Optional[TagFilter] = None) -> typing.List[SourceTemplateSummary]:
        """
        Lists the organisation's source templates, narrowed by `filter` (default: all).
        `GET /integrations/templates/sources?tags=…&tags_mode=…`.

        # Errors
        `AirbyteError.Unauthorized`, `AirbyteError.Forbidden`, transport errors.
"""
        ...
    async def list_global(self) -> typing.List[SourceTemplateSummary]:
        """
        Lists the Airbyte-maintained (global) source templates, the same for every
        organisation: the ones to clone (`clone_template`) to offer a connector with Airbyte's
        defaults. `GET /integrations/templates/sources/global`.

        # Errors
        `AirbyteError.Unauthorized`, `AirbyteError.Forbidden`, transport errors.
"""
        ...
    async def list_with(self, use_global: bool, filter: typing.Optional[TagFilter] = None) -> typing.List[SourceTemplateSummary]:
        """
        Lists source templates with the 2026 `use_global` flag: `true` lists the global
        templates instead of the organisation's (older service versions ignore it: use
        `list_global` there). `GET /integrations/templates/sources?…&use_global=…`.

        # Errors
        As `list`.
"""
        ...
    async def remove_tag(self, id: str, tag: str) -> Deleted:
        """
        Removes a tag from a template.
        `DELETE /integrations/templates/sources/{id}/tags/{tag_name}` → `{deleted_at}`.

        # Errors
        `AirbyteError.NotFound` when the template or tag does not exist.
"""
        ...
    async def update(self, id: str, update: SourceTemplateUpdate) -> SourceTemplate:
        """
        Updates a template. `PATCH /integrations/templates/sources/{id}`.

        # Errors
        As `create`, plus `AirbyteError.NotFound`.
"""
        ...

class AsyncTagsProtocol(typing.Protocol):
    """
    The async twin of `Tags` (`AsyncOperatorClient.tags()`): the same methods, awaited.
"""
    async def create(self, name: str) -> Tag:
        """
        Creates a tag (1 to 255 characters). `POST /integrations/templates/tags`.

        # Errors
        `AirbyteError.InvalidArgument` naming `name` (nothing sent);
        `AirbyteError.Validation` when the name is taken.
"""
        ...
    async def delete(self, name: str) -> Deleted:
        """
        Deletes a tag and removes it from every template.
        `DELETE /integrations/templates/tags/{name}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    async def list(self) -> typing.List[Tag]:
        """
        Lists the organisation's tags. `GET /integrations/templates/tags`.

        # Errors
        Auth and transport errors.
"""
        ...
    async def rename(self, name: str, new_name: str) -> Tag:
        """
        Renames a tag; every template carrying it follows.
        `PUT /integrations/templates/tags/{name}`.

        # Errors
        `AirbyteError.InvalidArgument` naming `name` or `new_name`; `AirbyteError.NotFound`.
"""
        ...

class AsyncTags(AsyncTagsProtocol):
    """
    The async twin of `Tags` (`AsyncOperatorClient.tags()`): the same methods, awaited.
"""
    _handle: ctypes.c_uint64
    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        ...
    async def create(self, name: str) -> Tag:
        """
        Creates a tag (1 to 255 characters). `POST /integrations/templates/tags`.

        # Errors
        `AirbyteError.InvalidArgument` naming `name` (nothing sent);
        `AirbyteError.Validation` when the name is taken.
"""
        ...
    async def delete(self, name: str) -> Deleted:
        """
        Deletes a tag and removes it from every template.
        `DELETE /integrations/templates/tags/{name}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    async def list(self) -> typing.List[Tag]:
        """
        Lists the organisation's tags. `GET /integrations/templates/tags`.

        # Errors
        Auth and transport errors.
"""
        ...
    async def rename(self, name: str, new_name: str) -> Tag:
        """
        Renames a tag; every template carrying it follows.
        `PUT /integrations/templates/tags/{name}`.

        # Errors
        `AirbyteError.InvalidArgument` naming `name` or `new_name`; `AirbyteError.NotFound`.
"""
        ...

class AsyncTemplateCatalogsProtocol(typing.Protocol):
    """
    The async twin of `TemplateCatalogs` (`AsyncOperatorClient.template_catalogs()`): the
    same methods, awaited.
"""
    async def add_stream(self, template_id: str, stream: SonarStream) -> SonarStream:
        """
        Adds a stream. `POST /integrations/templates/sources/{id}/streams`.

        # Errors
        `AirbyteError.InvalidArgument` for a stream without a name (nothing sent);
        `AirbyteError.Validation` when one of that name exists.
"""
        ...
    async def delete(self, template_id: str) -> Deleted:
        """
        Deletes the catalog. `DELETE /integrations/templates/sources/{id}/catalog`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    async def delete_stream(self, template_id: str, stream_name: str) -> StreamDeleted:
        """
        Removes a stream. `DELETE /integrations/templates/sources/{id}/streams/{stream_name}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    async def get(self, template_id: str, selected_only: bool = ...) -> TemplateCatalog:
        """
        Reads the template's catalog; `selected_only` keeps only the streams named in
        `selected_streams`. `GET /integrations/templates/sources/{id}/catalog?selected=…`.

        # Errors
        `AirbyteError.NotFound` for an unknown template or a deleted catalog.
"""
        ...
    async def patch(self, template_id: str, ops: typing.List[PatchOp]) -> SonarCatalog:
        """
        Applies RFC 6902 operations to the catalog, all or none.
        `PATCH /integrations/templates/sources/{id}/catalog`.

        # Errors
        `AirbyteError.Validation` for an operation that does not apply (nothing changed).
"""
        ...
    async def patch_stream(self, template_id: str, stream_name: str, ops: typing.List[PatchOp]) -> SonarStream:
        """
        Applies RFC 6902 operations to one stream (paths relative to the stream).
        `PATCH /integrations/templates/sources/{id}/streams/{stream_name}`.

        # Errors
        `AirbyteError.NotFound` for an unknown stream; `AirbyteError.Validation`.
"""
        ...
    async def query(self, template_id: str, query: str) -> JsonValue:
        """
        Runs a JMESPath query over the catalog; the result is a JSON value.
        `POST /integrations/templates/sources/{id}/catalog/query`.

        # Errors
        `AirbyteError.InvalidArgument` for an empty query (nothing sent);
        `AirbyteError.Validation` for one the service cannot parse.
"""
        ...
    async def replace(self, template_id: str, catalog: typing.Optional[SonarCatalog] = None) -> str:
        """
        Replaces the catalog (`None`: the connector's discovered one again); returns its id.
        `POST /integrations/templates/sources/{id}/catalog`.

        # Errors
        `AirbyteError.NotFound`; `AirbyteError.Validation` for a catalog the service refuses.
"""
        ...

class AsyncTemplateCatalogs(AsyncTemplateCatalogsProtocol):
    """
    The async twin of `TemplateCatalogs` (`AsyncOperatorClient.template_catalogs()`): the
    same methods, awaited.
"""
    _handle: ctypes.c_uint64
    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        ...
    async def add_stream(self, template_id: str, stream: SonarStream) -> SonarStream:
        """
        Adds a stream. `POST /integrations/templates/sources/{id}/streams`.

        # Errors
        `AirbyteError.InvalidArgument` for a stream without a name (nothing sent);
        `AirbyteError.Validation` when one of that name exists.
"""
        ...
    async def delete(self, template_id: str) -> Deleted:
        """
        Deletes the catalog. `DELETE /integrations/templates/sources/{id}/catalog`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    async def delete_stream(self, template_id: str, stream_name: str) -> StreamDeleted:
        """
        Removes a stream. `DELETE /integrations/templates/sources/{id}/streams/{stream_name}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    async def get(self, template_id: str, selected_only: bool = ...) -> TemplateCatalog:
        """
        Reads the template's catalog; `selected_only` keeps only the streams named in
        `selected_streams`. `GET /integrations/templates/sources/{id}/catalog?selected=…`.

        # Errors
        `AirbyteError.NotFound` for an unknown template or a deleted catalog.
"""
        ...
    async def patch(self, template_id: str, ops: typing.List[PatchOp]) -> SonarCatalog:
        """
        Applies RFC 6902 operations to the catalog, all or none.
        `PATCH /integrations/templates/sources/{id}/catalog`.

        # Errors
        `AirbyteError.Validation` for an operation that does not apply (nothing changed).
"""
        ...
    async def patch_stream(self, template_id: str, stream_name: str, ops: typing.List[PatchOp]) -> SonarStream:
        """
        Applies RFC 6902 operations to one stream (paths relative to the stream).
        `PATCH /integrations/templates/sources/{id}/streams/{stream_name}`.

        # Errors
        `AirbyteError.NotFound` for an unknown stream; `AirbyteError.Validation`.
"""
        ...
    async def query(self, template_id: str, query: str) -> JsonValue:
        """
        Runs a JMESPath query over the catalog; the result is a JSON value.
        `POST /integrations/templates/sources/{id}/catalog/query`.

        # Errors
        `AirbyteError.InvalidArgument` for an empty query (nothing sent);
        `AirbyteError.Validation` for one the service cannot parse.
"""
        ...
    async def replace(self, template_id: str, catalog: typing.Optional[SonarCatalog] = None) -> str:
        """
        Replaces the catalog (`None`: the connector's discovered one again); returns its id.
        `POST /integrations/templates/sources/{id}/catalog`.

        # Errors
        `AirbyteError.NotFound`; `AirbyteError.Validation` for a catalog the service refuses.
"""
        ...

class AsyncWorkspacePagesProtocol(typing.Protocol):
    """
    The async twin of `WorkspacePages` (from `AsyncWorkspaces.pages()`): `next_page()` is
    awaited. Each package wraps it in its language's async iteration idiom (Python
    `async for` over it, a Kotlin `Flow`, a Swift `AsyncSequence`).
"""
    async def next_page(self) -> typing.Optional[typing.List[Workspace]]:
        """
        The next page's workspaces, or `None` once the last page has been read (and after an
        error other than `ClientClosed`).

        # Errors
        `AirbyteError.Pagination` (see the type's docs); the request's own errors;
        `AirbyteError.ClientClosed` once the client is closed (every later call too).
"""
        ...
    def __aiter__(self) -> typing.AsyncIterator[Workspace]: ...

class AsyncWorkspacePages(AsyncWorkspacePagesProtocol):
    """
    The async twin of `WorkspacePages` (from `AsyncWorkspaces.pages()`): `next_page()` is
    awaited. Each package wraps it in its language's async iteration idiom (Python
    `async for` over it, a Kotlin `Flow`, a Swift `AsyncSequence`).
"""
    _handle: ctypes.c_uint64
    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        ...
    async def next_page(self) -> typing.Optional[typing.List[Workspace]]:
        """
        The next page's workspaces, or `None` once the last page has been read (and after an
        error other than `ClientClosed`).

        # Errors
        `AirbyteError.Pagination` (see the type's docs); the request's own errors;
        `AirbyteError.ClientClosed` once the client is closed (every later call too).
"""
        ...
    def __aiter__(self) -> typing.AsyncIterator[Workspace]: ...

class AsyncWorkspacesProtocol(typing.Protocol):
    """
    The async twin of `Workspaces` (`AsyncOperatorClient.workspaces()`): the same methods,
    each network call awaited; `pages()` returns an `AsyncWorkspacePages`.
"""
    async def deactivate(self, id: str) -> Workspace:
        """
        Sets a workspace `inactive`, which disables its connections. `PUT /workspaces/{id}`.

        # Errors
        As `update`.
"""
        ...
    async def delete(self, id: str) -> Deleted:
        """
        Deletes a workspace. `DELETE /workspaces/{id}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    async def get(self, id: str) -> Workspace:
        """
        Reads one workspace. `GET /workspaces/{id}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    async def list_page(self, filter: typing.Optional[WorkspaceFilter] = None, cursor: typing.Optional[str] = None) -> WorkspacePage:
        """
        Reads one page. `GET /workspaces?name_contains=…&status=…&limit=…&cursor=…`.
        `cursor` is the opaque cursor of the previous page's `next` link (`None`: the first
        page); `pages()` follows the links for you.

        # Errors
        `AirbyteError.InvalidArgument` for a `limit` outside 1..=100 (nothing sent); auth and
        transport errors.
"""
        ...
    def pages(self, filter: typing.Optional[WorkspaceFilter] = None) -> AsyncWorkspacePages:
        """
        A walk over every page of workspaces matching `filter` (default: all), fetched one
        page per `WorkspacePages.next_page()` call. Each package wraps it in its language's
        iteration idiom (a Python iterator, a Kotlin `Sequence`, a Swift `Sequence`). Nothing
        is sent here: like every other error of the walk, `AirbyteError.ClientClosed` (the
        client closed before or during the walk) comes from `next_page()`.
"""
        ...
    async def stats(self) -> WorkspaceStats:
        """
        Workspace counts. `GET /workspaces/stats`.

        # Errors
        Auth and transport errors.
"""
        ...
    async def update(self, id: str, update: WorkspaceUpdate) -> Workspace:
        """
        Renames or (de)activates a workspace. `PUT /workspaces/{id}`.

        # Errors
        `AirbyteError.NotFound`; `AirbyteError.Validation`.
"""
        ...

class AsyncWorkspaces(AsyncWorkspacesProtocol):
    """
    The async twin of `Workspaces` (`AsyncOperatorClient.workspaces()`): the same methods,
    each network call awaited; `pages()` returns an `AsyncWorkspacePages`.
"""
    _handle: ctypes.c_uint64
    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        ...
    async def deactivate(self, id: str) -> Workspace:
        """
        Sets a workspace `inactive`, which disables its connections. `PUT /workspaces/{id}`.

        # Errors
        As `update`.
"""
        ...
    async def delete(self, id: str) -> Deleted:
        """
        Deletes a workspace. `DELETE /workspaces/{id}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    async def get(self, id: str) -> Workspace:
        """
        Reads one workspace. `GET /workspaces/{id}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    async def list_page(self, filter: typing.Optional[WorkspaceFilter] = None, cursor: typing.Optional[str] = None) -> WorkspacePage:
        """
        Reads one page. `GET /workspaces?name_contains=…&status=…&limit=…&cursor=…`.
        `cursor` is the opaque cursor of the previous page's `next` link (`None`: the first
        page); `pages()` follows the links for you.

        # Errors
        `AirbyteError.InvalidArgument` for a `limit` outside 1..=100 (nothing sent); auth and
        transport errors.
"""
        ...
    def pages(self, filter: typing.Optional[WorkspaceFilter] = None) -> AsyncWorkspacePages:
        """
        A walk over every page of workspaces matching `filter` (default: all), fetched one
        page per `WorkspacePages.next_page()` call. Each package wraps it in its language's
        iteration idiom (a Python iterator, a Kotlin `Sequence`, a Swift `Sequence`). Nothing
        is sent here: like every other error of the walk, `AirbyteError.ClientClosed` (the
        client closed before or during the walk) comes from `next_page()`.
"""
        ...
    async def stats(self) -> WorkspaceStats:
        """
        Workspace counts. `GET /workspaces/stats`.

        # Errors
        Auth and transport errors.
"""
        ...
    async def update(self, id: str, update: WorkspaceUpdate) -> Workspace:
        """
        Renames or (de)activates a workspace. `PUT /workspaces/{id}`.

        # Errors
        `AirbyteError.NotFound`; `AirbyteError.Validation`.
"""
        ...

class AsyncOperatorClientProtocol(typing.Protocol):
    """
    The operator's client with every network call awaited: the async twin of
    `OperatorClient`, with the same constructors, methods and area handles (`workspaces()`
    returns an `AsyncWorkspaces`, `end_user_client(name)` an `AsyncEndUserClient`, …), whose
    calls are Python coroutines, Kotlin `suspend` functions and Swift `async throws` functions.

    Each awaited call runs the blocking call on the library's bounded thread pool and never
    blocks the caller's event loop; many may be awaited at once on one client (they share its
    connection pool and token cache). Cancelling an awaited call (an asyncio task, a coroutine,
    a Swift `Task`) returns at once; the request already sent finishes on its pool thread within
    the client's timeouts and its result is dropped.

    Lifetime as for `OperatorClient`: `close()` (Kotlin `shutdown()`; Python also
    `async with AsyncOperatorClient(...) as op:`) ends the client and everything made from it.
"""
    def base_url(self) -> str:
        """
        The base URL every path is joined to, without a trailing slash.

        # Errors
        `AirbyteError.ClientClosed` after `close()` (as every method below).
"""
        ...
    def bulk(self) -> AsyncBulk:
        """
        Bulk operations over many workspaces or sources within the rate limit, and workspace
        sync. The handle shares this client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def close(self) -> None:
        """
        Ends the client (Kotlin: `shutdown()`, as `close()` there is `AutoCloseable`'s, which
        only frees the Kotlin object). Every later call on this client, on the area handles
        made from it (`sources()`, `workspaces()`, a `WorkspacePages` walk, …) and on the
        end-user clients it made raises `AirbyteError.ClientClosed`; calls already running
        finish, and the connection pool and token cache are released when the last returns.
        Closing again does nothing. Python's `with` block calls it on leaving.
"""
        ...
    def connection_templates(self) -> AsyncConnectionTemplates:
        """
        Connection templates: `/integrations/templates/connections`. The handle shares this
        client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def connectors(self) -> AsyncConnectors:
        """
        Connectors (2026): `/integrations/connectors`, the sources under their Agent Engine
        name, with inline checks and executes. The handle shares this client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def definition_catalogs(self) -> AsyncDefinitionCatalogs:
        """
        Source definitions' stream catalogs: `/integrations/definitions/sources/{id}/catalog`.
        The handle shares this client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def definitions(self) -> AsyncDefinitions:
        """
        The connector catalogue: `/integrations/definitions/sources` and
        `/integrations/definitions/destinations`. The handle shares this client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def destinations(self) -> AsyncDestinations:
        """
        The destinations the service made from connection templates:
        `/integrations/destinations`. The handle (and its page walks) share this client's
        `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def end_user_client(self, workspace_name: str) -> AsyncEndUserClient:
        """
        An end-user client for `workspace_name`, whose scoped token this operator client
        mints, caches and re-mints near expiry or after a 401. Closing this operator client
        closes it too; closing it leaves this one open.

        # Errors
        `AirbyteError.InvalidArgument` for an empty workspace name (minting happens on first
        use); `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def files(self) -> AsyncFiles:
        """
        Files through an end user's source (drives, folder listings, file contents streamed):
        `/sonar/files/...`. The handle (and its walks and open files) share this client's
        `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def last_rate_limit(self) -> typing.Optional[RateLimit]:
        """
        The rate-limit headers of the most recent response that carried any (`None` before
        the first such response).

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    async def mint_scoped_token(self, request: ScopedTokenRequest) -> ScopedToken:
        """
        Mints a new scoped token for one end user's workspace, creating the workspace if the
        name is new; each call mints a fresh token (see `scoped_token` for a cached one).
        `POST /embedded/scoped-token` (or `/account/applications/scoped-token`).

        # Errors
        `AirbyteError.InvalidArgument` for an empty workspace name or a region that is not a
        UUID (nothing sent); `AirbyteError.Forbidden`; transport errors;
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    async def mint_widget_token(self, request: WidgetTokenRequest) -> WidgetToken:
        """
        Mints a widget token for one end user's workspace, bound to `allowed_origin`, and
        decodes it. `POST /embedded/widget-token` (or `/account/applications/widget-token`).

        # Errors
        `AirbyteError.InvalidArgument` naming `allowed_origin`, `workspace_name` or
        `region_id` (nothing sent); `AirbyteError.Validation`;
        `AirbyteError.InvalidWidgetToken` when the answer does not decode;
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def oauth_credentials(self) -> AsyncOAuthCredentials:
        """
        The organisation's OAuth apps for connectors (2026): `/oauth/credentials`. The handle
        shares this client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def proxy(self) -> AsyncApiProxy:
        """
        The API proxy: requests to an end user's API with a source's stored credentials,
        `/sonar/apis/{source_id}/request`. The handle shares this client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    async def scoped_token(self, workspace_name: str) -> ScopedToken:
        """
        A scoped token for `workspace_name` from this client's cache, minted when missing or
        near expiry. Concurrent callers for one workspace share one mint.

        # Errors
        As `mint_scoped_token`.
"""
        ...
    def source_search(self) -> AsyncSourceSearch:
        """
        Search over a source's synced records:
        `/integrations/sources/{id}/search/{stream_name}`. The handle shares this client's
        `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def source_templates(self) -> AsyncSourceTemplates:
        """
        Source templates: `/integrations/templates/sources`. The handle shares this client's
        `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def sources(self) -> AsyncSources:
        """
        Sources and checks of any workspace in the organisation: `/integrations/sources`. The
        handle shares this client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def tags(self) -> AsyncTags:
        """
        Tags: `/integrations/templates/tags`. The handle shares this client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def template_catalogs(self) -> AsyncTemplateCatalogs:
        """
        Source templates' stream catalogs: `/integrations/templates/sources/{id}/catalog`. The
        handle shares this client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def workspaces(self) -> AsyncWorkspaces:
        """
        Workspaces: `/workspaces`. The handle (and its page walks) share this client's
        `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...

class AsyncOperatorClient(AsyncOperatorClientProtocol):
    """
    The operator's client with every network call awaited: the async twin of
    `OperatorClient`, with the same constructors, methods and area handles (`workspaces()`
    returns an `AsyncWorkspaces`, `end_user_client(name)` an `AsyncEndUserClient`, …), whose
    calls are Python coroutines, Kotlin `suspend` functions and Swift `async throws` functions.

    Each awaited call runs the blocking call on the library's bounded thread pool and never
    blocks the caller's event loop; many may be awaited at once on one client (they share its
    connection pool and token cache). Cancelling an awaited call (an asyncio task, a coroutine,
    a Swift `Task`) returns at once; the request already sent finishes on its pool thread within
    the client's timeouts and its result is dropped.

    Lifetime as for `OperatorClient`: `close()` (Kotlin `shutdown()`; Python also
    `async with AsyncOperatorClient(...) as op:`) ends the client and everything made from it.
"""
    _handle: ctypes.c_uint64
    @classmethod
    def from_env(cls, token_store: typing.Optional[TokenStore] = None) -> AsyncOperatorClient:
        """
        A client configured from the environment: `AIRBYTE_CLIENT_ID` and
        `AIRBYTE_CLIENT_SECRET` (both required), and `AIRBYTE_API_URL` and
        `AIRBYTE_ORGANIZATION_ID` when set.

        # Errors
        `AirbyteError.InvalidArgument` naming `AIRBYTE_CLIENT_ID` when the credentials are
        unset, or the variable holding an invalid value.

        `token_store` as for the main constructor.
"""
        ...
    def __init__(self, client_id: str, client_secret: str, config: typing.Optional[ClientConfig] = None, token_store: typing.Optional[TokenStore] = None) -> None:
        """
        A client authenticating with `client_id` and `client_secret`, configured by `config`
        (defaults when `None`; the environment is not read). Sends nothing until the first
        call.

        # Errors
        `AirbyteError.InvalidArgument` naming `client_id` or `client_secret` when either is
        empty, or the `config` setting that is invalid.

        `token_store` is where the operator token, the scoped tokens this client mints and
        (with `config.template_cache_ttl`) template lists are kept, shared with every client
        and process given the same store, base URL, organisation and credentials, one of which
        refreshes each token (`redis_token_store(...)` for a fleet, `memory_token_store()`
        within a process, or the host's own `TokenStore`). `None` (the default): a memory
        store of this client's own. A store that fails never fails a call.
"""
        ...
    def base_url(self) -> str:
        """
        The base URL every path is joined to, without a trailing slash.

        # Errors
        `AirbyteError.ClientClosed` after `close()` (as every method below).
"""
        ...
    def bulk(self) -> AsyncBulk:
        """
        Bulk operations over many workspaces or sources within the rate limit, and workspace
        sync. The handle shares this client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def close(self) -> None:
        """
        Ends the client (Kotlin: `shutdown()`, as `close()` there is `AutoCloseable`'s, which
        only frees the Kotlin object). Every later call on this client, on the area handles
        made from it (`sources()`, `workspaces()`, a `WorkspacePages` walk, …) and on the
        end-user clients it made raises `AirbyteError.ClientClosed`; calls already running
        finish, and the connection pool and token cache are released when the last returns.
        Closing again does nothing. Python's `with` block calls it on leaving.
"""
        ...
    def connection_templates(self) -> AsyncConnectionTemplates:
        """
        Connection templates: `/integrations/templates/connections`. The handle shares this
        client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def connectors(self) -> AsyncConnectors:
        """
        Connectors (2026): `/integrations/connectors`, the sources under their Agent Engine
        name, with inline checks and executes. The handle shares this client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def definition_catalogs(self) -> AsyncDefinitionCatalogs:
        """
        Source definitions' stream catalogs: `/integrations/definitions/sources/{id}/catalog`.
        The handle shares this client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def definitions(self) -> AsyncDefinitions:
        """
        The connector catalogue: `/integrations/definitions/sources` and
        `/integrations/definitions/destinations`. The handle shares this client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def destinations(self) -> AsyncDestinations:
        """
        The destinations the service made from connection templates:
        `/integrations/destinations`. The handle (and its page walks) share this client's
        `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def end_user_client(self, workspace_name: str) -> AsyncEndUserClient:
        """
        An end-user client for `workspace_name`, whose scoped token this operator client
        mints, caches and re-mints near expiry or after a 401. Closing this operator client
        closes it too; closing it leaves this one open.

        # Errors
        `AirbyteError.InvalidArgument` for an empty workspace name (minting happens on first
        use); `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def files(self) -> AsyncFiles:
        """
        Files through an end user's source (drives, folder listings, file contents streamed):
        `/sonar/files/...`. The handle (and its walks and open files) share this client's
        `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def last_rate_limit(self) -> typing.Optional[RateLimit]:
        """
        The rate-limit headers of the most recent response that carried any (`None` before
        the first such response).

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    async def mint_scoped_token(self, request: ScopedTokenRequest) -> ScopedToken:
        """
        Mints a new scoped token for one end user's workspace, creating the workspace if the
        name is new; each call mints a fresh token (see `scoped_token` for a cached one).
        `POST /embedded/scoped-token` (or `/account/applications/scoped-token`).

        # Errors
        `AirbyteError.InvalidArgument` for an empty workspace name or a region that is not a
        UUID (nothing sent); `AirbyteError.Forbidden`; transport errors;
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    async def mint_widget_token(self, request: WidgetTokenRequest) -> WidgetToken:
        """
        Mints a widget token for one end user's workspace, bound to `allowed_origin`, and
        decodes it. `POST /embedded/widget-token` (or `/account/applications/widget-token`).

        # Errors
        `AirbyteError.InvalidArgument` naming `allowed_origin`, `workspace_name` or
        `region_id` (nothing sent); `AirbyteError.Validation`;
        `AirbyteError.InvalidWidgetToken` when the answer does not decode;
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def oauth_credentials(self) -> AsyncOAuthCredentials:
        """
        The organisation's OAuth apps for connectors (2026): `/oauth/credentials`. The handle
        shares this client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def proxy(self) -> AsyncApiProxy:
        """
        The API proxy: requests to an end user's API with a source's stored credentials,
        `/sonar/apis/{source_id}/request`. The handle shares this client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    async def scoped_token(self, workspace_name: str) -> ScopedToken:
        """
        A scoped token for `workspace_name` from this client's cache, minted when missing or
        near expiry. Concurrent callers for one workspace share one mint.

        # Errors
        As `mint_scoped_token`.
"""
        ...
    def source_search(self) -> AsyncSourceSearch:
        """
        Search over a source's synced records:
        `/integrations/sources/{id}/search/{stream_name}`. The handle shares this client's
        `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def source_templates(self) -> AsyncSourceTemplates:
        """
        Source templates: `/integrations/templates/sources`. The handle shares this client's
        `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def sources(self) -> AsyncSources:
        """
        Sources and checks of any workspace in the organisation: `/integrations/sources`. The
        handle shares this client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def tags(self) -> AsyncTags:
        """
        Tags: `/integrations/templates/tags`. The handle shares this client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def template_catalogs(self) -> AsyncTemplateCatalogs:
        """
        Source templates' stream catalogs: `/integrations/templates/sources/{id}/catalog`. The
        handle shares this client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def workspaces(self) -> AsyncWorkspaces:
        """
        Workspaces: `/workspaces`. The handle (and its page walks) share this client's
        `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    async def __aenter__(self) -> "AsyncOperatorClient": ...
    async def __aexit__(self, *exc: object) -> None: ...
    def __enter__(self) -> "AsyncOperatorClient": ...
    def __exit__(self, *exc: object) -> None: ...

class BulkProtocol(typing.Protocol):
    """
    Bulk operations of an operator client (`OperatorClient.bulk()`). Workers (`concurrency`,
    4 by default, at most 16) pause while the rate-limit headers say no more requests are left
    than they could send at once, and after a 429 for its `Retry-After`; an item refused with
    429 is sent again after the pause (`rate_limited_attempts` in all).
"""
    def activate_workspaces(self, workspace_ids: typing.List[str], options: typing.Optional[BulkOptions] = None) -> WorkspaceReport:
        """
        Sets each workspace `active` again: `PUT /workspaces/{id}` per id.

        # Errors
        As `mint_scoped_tokens`.
"""
        ...
    def deactivate_workspaces(self, workspace_ids: typing.List[str], options: typing.Optional[BulkOptions] = None) -> WorkspaceReport:
        """
        Sets each workspace `inactive` (its connections stop): `PUT /workspaces/{id}` per id.

        # Errors
        As `mint_scoped_tokens`.
"""
        ...
    def delete_sources(self, source_ids: typing.List[str], options: typing.Optional[BulkOptions] = None) -> DeleteReport:
        """
        Deletes each source (of any workspace of the organisation):
        `DELETE /integrations/sources/{id}` per id.

        # Errors
        As `mint_scoped_tokens`.
"""
        ...
    def mint_scoped_tokens(self, workspace_names: typing.List[str], options: typing.Optional[BulkOptions] = None) -> ScopedTokenReport:
        """
        Mints (or reuses from the cache and token store) a scoped token for each workspace
        name, creating the workspaces that are new: `POST /embedded/scoped-token` per name not
        cached. `options` defaults to `defaults().bulk_options`.

        # Errors
        `AirbyteError.InvalidArgument` naming `concurrency` or `rate_limited_attempts` when out
        of range (nothing sent); `AirbyteError.ClientClosed` after `close()`. Each item's own
        error is in its outcome.
"""
        ...
    def sync_workspaces(self, desired: typing.List[str], apply: bool = ..., options: typing.Optional[BulkOptions] = None) -> WorkspaceSync:
        """
        Syncs the organisation's workspaces with `desired`, the names of the customers that
        should be active: plans the workspaces to create (customers without one), to deactivate
        (active workspaces of customers no longer listed) and to reactivate (inactive
        workspaces of listed customers), reading every page of `GET /workspaces`; with `apply`
        it then applies the plan in bulk. Without `apply` (the default) it is a dry run:
        nothing is written. Names compare exactly; a name listed twice counts once.

        # Errors
        As `mint_scoped_tokens`, and the workspace listing's errors (nothing applied). Each
        applied item's own error is in the report.
"""
        ...

class Bulk(BulkProtocol):
    """
    Bulk operations of an operator client (`OperatorClient.bulk()`). Workers (`concurrency`,
    4 by default, at most 16) pause while the rate-limit headers say no more requests are left
    than they could send at once, and after a 429 for its `Retry-After`; an item refused with
    429 is sent again after the pause (`rate_limited_attempts` in all).
"""
    _handle: ctypes.c_uint64
    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        ...
    def activate_workspaces(self, workspace_ids: typing.List[str], options: typing.Optional[BulkOptions] = None) -> WorkspaceReport:
        """
        Sets each workspace `active` again: `PUT /workspaces/{id}` per id.

        # Errors
        As `mint_scoped_tokens`.
"""
        ...
    def deactivate_workspaces(self, workspace_ids: typing.List[str], options: typing.Optional[BulkOptions] = None) -> WorkspaceReport:
        """
        Sets each workspace `inactive` (its connections stop): `PUT /workspaces/{id}` per id.

        # Errors
        As `mint_scoped_tokens`.
"""
        ...
    def delete_sources(self, source_ids: typing.List[str], options: typing.Optional[BulkOptions] = None) -> DeleteReport:
        """
        Deletes each source (of any workspace of the organisation):
        `DELETE /integrations/sources/{id}` per id.

        # Errors
        As `mint_scoped_tokens`.
"""
        ...
    def mint_scoped_tokens(self, workspace_names: typing.List[str], options: typing.Optional[BulkOptions] = None) -> ScopedTokenReport:
        """
        Mints (or reuses from the cache and token store) a scoped token for each workspace
        name, creating the workspaces that are new: `POST /embedded/scoped-token` per name not
        cached. `options` defaults to `defaults().bulk_options`.

        # Errors
        `AirbyteError.InvalidArgument` naming `concurrency` or `rate_limited_attempts` when out
        of range (nothing sent); `AirbyteError.ClientClosed` after `close()`. Each item's own
        error is in its outcome.
"""
        ...
    def sync_workspaces(self, desired: typing.List[str], apply: bool = ..., options: typing.Optional[BulkOptions] = None) -> WorkspaceSync:
        """
        Syncs the organisation's workspaces with `desired`, the names of the customers that
        should be active: plans the workspaces to create (customers without one), to deactivate
        (active workspaces of customers no longer listed) and to reactivate (inactive
        workspaces of listed customers), reading every page of `GET /workspaces`; with `apply`
        it then applies the plan in bulk. Without `apply` (the default) it is a dry run:
        nothing is written. Names compare exactly; a name listed twice counts once.

        # Errors
        As `mint_scoped_tokens`, and the workspace listing's errors (nothing applied). Each
        applied item's own error is in the report.
"""
        ...

class ConnectionTemplatesProtocol(typing.Protocol):
    """
    Connection-template operations for the operator (`OperatorClient.connection_templates()`).
    Shares its client's `close()`: every method raises `AirbyteError.ClientClosed` once the
    client is closed.
"""
    def add_tag(self, id: str, tag: str) -> ConnectionTemplate:
        """
        Adds an existing tag. `POST /integrations/templates/connections/{id}/tags`.

        # Errors
        `AirbyteError.NotFound` when the template or tag does not exist.
"""
        ...
    def clone_template(self, id: str, destination_name: typing.Optional[str] = None, secrets: typing.Optional[JsonObject] = None) -> ConnectionTemplate:
        """
        Creates a copy of a connection template, its destination named `destination_name`
        (default: the original's); tags are not copied. The service has no clone route: this
        reads the template and creates a new one from every field it returned. Its
        destination secrets come back masked, so `secrets` (JSON object text, a partial
        `destination_config` such as `{"secret_access_key": "…"}`) gives them, merged over the
        config read. `GET` then `POST /integrations/templates/connections`.

        # Errors
        `AirbyteError.NotFound` for the original; `AirbyteError.InvalidConfig` naming each
        path still holding the mask, or `AirbyteError.InvalidArgument` for `secrets` that is
        not a JSON object (nothing created); as `create`.
"""
        ...
    def create(self, template: ConnectionTemplateCreate) -> ConnectionTemplate:
        """
        Creates a connection template. `POST /integrations/templates/connections`.

        # Errors
        `AirbyteError.InvalidArgument` for a cron expression that is not 6 or 7 fields, or a
        config that is not a JSON object (nothing sent); `AirbyteError.Validation` when the
        service refuses the config or schedule.
"""
        ...
    def delete(self, id: str) -> Deleted:
        """
        Deletes a connection template. `DELETE /integrations/templates/connections/{id}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    def describe_cron(self, cron_expression: str) -> CronDescription:
        """
        Asks the service whether a cron expression is valid and what it means; any text is
        sent as is. `POST /integrations/templates/connections/cron/describe`.

        # Errors
        Transport and auth errors only.
"""
        ...
    def get(self, id: str) -> ConnectionTemplate:
        """
        Reads one connection template. `GET /integrations/templates/connections/{id}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    def list(self, filter: typing.Optional[TagFilter] = None) -> typing.List[ConnectionTemplate]:
        """
        Lists connection templates, narrowed by `filter` (default: all).
        `GET /integrations/templates/connections?tags=…&tags_mode=…`.

        # Errors
        `AirbyteError.Unauthorized`, `AirbyteError.Forbidden`, transport errors.
"""
        ...
    def remove_tag(self, id: str, tag: str) -> Deleted:
        """
        Removes a tag. `DELETE /integrations/templates/connections/{id}/tags/{tag_name}`.

        # Errors
        `AirbyteError.NotFound` when the template or tag does not exist.
"""
        ...
    def update(self, id: str, update: ConnectionTemplateUpdate) -> ConnectionTemplate:
        """
        Updates the fields set in `update`. `PATCH /integrations/templates/connections/{id}`.
        A value equal to the mask `**********` anywhere in `destination_config` (what
        `get` shows in place of each secret) is refused before anything is sent: give the
        secrets' real values, or leave `destination_config` out to keep it.

        # Errors
        As `create`, plus `AirbyteError.NotFound`, and `AirbyteError.InvalidConfig`
        naming the path of every mask in `destination_config`, with nothing sent.
"""
        ...

class ConnectionTemplates(ConnectionTemplatesProtocol):
    """
    Connection-template operations for the operator (`OperatorClient.connection_templates()`).
    Shares its client's `close()`: every method raises `AirbyteError.ClientClosed` once the
    client is closed.
"""
    _handle: ctypes.c_uint64
    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        ...
    def add_tag(self, id: str, tag: str) -> ConnectionTemplate:
        """
        Adds an existing tag. `POST /integrations/templates/connections/{id}/tags`.

        # Errors
        `AirbyteError.NotFound` when the template or tag does not exist.
"""
        ...
    def clone_template(self, id: str, destination_name: typing.Optional[str] = None, secrets: typing.Optional[JsonObject] = None) -> ConnectionTemplate:
        """
        Creates a copy of a connection template, its destination named `destination_name`
        (default: the original's); tags are not copied. The service has no clone route: this
        reads the template and creates a new one from every field it returned. Its
        destination secrets come back masked, so `secrets` (JSON object text, a partial
        `destination_config` such as `{"secret_access_key": "…"}`) gives them, merged over the
        config read. `GET` then `POST /integrations/templates/connections`.

        # Errors
        `AirbyteError.NotFound` for the original; `AirbyteError.InvalidConfig` naming each
        path still holding the mask, or `AirbyteError.InvalidArgument` for `secrets` that is
        not a JSON object (nothing created); as `create`.
"""
        ...
    def create(self, template: ConnectionTemplateCreate) -> ConnectionTemplate:
        """
        Creates a connection template. `POST /integrations/templates/connections`.

        # Errors
        `AirbyteError.InvalidArgument` for a cron expression that is not 6 or 7 fields, or a
        config that is not a JSON object (nothing sent); `AirbyteError.Validation` when the
        service refuses the config or schedule.
"""
        ...
    def delete(self, id: str) -> Deleted:
        """
        Deletes a connection template. `DELETE /integrations/templates/connections/{id}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    def describe_cron(self, cron_expression: str) -> CronDescription:
        """
        Asks the service whether a cron expression is valid and what it means; any text is
        sent as is. `POST /integrations/templates/connections/cron/describe`.

        # Errors
        Transport and auth errors only.
"""
        ...
    def get(self, id: str) -> ConnectionTemplate:
        """
        Reads one connection template. `GET /integrations/templates/connections/{id}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    def list(self, filter: typing.Optional[TagFilter] = None) -> typing.List[ConnectionTemplate]:
        """
        Lists connection templates, narrowed by `filter` (default: all).
        `GET /integrations/templates/connections?tags=…&tags_mode=…`.

        # Errors
        `AirbyteError.Unauthorized`, `AirbyteError.Forbidden`, transport errors.
"""
        ...
    def remove_tag(self, id: str, tag: str) -> Deleted:
        """
        Removes a tag. `DELETE /integrations/templates/connections/{id}/tags/{tag_name}`.

        # Errors
        `AirbyteError.NotFound` when the template or tag does not exist.
"""
        ...
    def update(self, id: str, update: ConnectionTemplateUpdate) -> ConnectionTemplate:
        """
        Updates the fields set in `update`. `PATCH /integrations/templates/connections/{id}`.
        A value equal to the mask `**********` anywhere in `destination_config` (what
        `get` shows in place of each secret) is refused before anything is sent: give the
        secrets' real values, or leave `destination_config` out to keep it.

        # Errors
        As `create`, plus `AirbyteError.NotFound`, and `AirbyteError.InvalidConfig`
        naming the path of every mask in `destination_config`, with nothing sent.
"""
        ...

class ConnectorsProtocol(typing.Protocol):
    """
    Connector operations for the operator (`OperatorClient.connectors()`). A connector is a
    source under its 2026 name (its id is the source's id). Shares its client's `close()`:
    every method raises `AirbyteError.ClientClosed` once the client is closed.
"""
    def check(self, id: str, update: typing.Optional[ConnectorUpdate] = None) -> ConnectorCheck:
        """
        Checks an existing connector, optionally with a changed replication config that is not
        stored (`None`, the default: the stored config). `POST /integrations/connectors/{id}/check`.

        # Errors
        As `update`.
"""
        ...
    def check_config(self, connector: ConnectorCreate) -> ConnectorCheck:
        """
        Checks a config before any connector exists; nothing is stored.
        `POST /integrations/connectors/check` → the outcome, inline (`status: failed` is an
        answer, not an error).

        # Errors
        As `create`, but a check whose answer was lost is sent again.
"""
        ...
    def create(self, connector: ConnectorCreate) -> Connector:
        """
        Creates a connector (and the workspace, when its name is new).
        `POST /integrations/connectors`. Never sent twice: after
        `AirbyteError.OutcomeUnknown`, list the workspace's connectors by name before trying
        again.

        # Errors
        `AirbyteError.InvalidArgument` (nothing sent) naming `workspace_name` when empty,
        `connector_type` when no connector is named, `replication_config` when none of it,
        `credentials` and `server_side_oauth_secret_id` is set; `AirbyteError.NotFound`;
        `AirbyteError.Validation`; `AirbyteError.OutcomeUnknown`.
"""
        ...
    def delete(self, id: str) -> Deleted:
        """
        Deletes a connector. `DELETE /integrations/connectors/{id}` → `{id, deleted_at}`
        (`deleted_at` `None` when the service answered without a body).

        # Errors
        `AirbyteError.NotFound`; `AirbyteError.InvalidArgument` for an empty id.
"""
        ...
    def execute(self, id: str, request: ConnectorExecute) -> ConnectorExecution:
        """
        Runs one action on one entity of the end user's system through the connector.
        `POST /integrations/connectors/{id}/execute`. Sent again after a lost answer only when
        the action only reads (`list`, `get`, `download`, the searches).

        # Errors
        `AirbyteError.InvalidArgument` for an empty id, entity or action (nothing sent);
        `AirbyteError.NotFound`; `AirbyteError.Validation` for an entity or action the
        connector lacks; `AirbyteError.OutcomeUnknown` for a write whose answer was lost.
"""
        ...
    def get(self, id: str) -> Connector:
        """
        Reads one connector; its `replication_config` has every `airbyte_secret` masked.
        `GET /integrations/connectors/{id}`.

        # Errors
        `AirbyteError.NotFound`; `AirbyteError.InvalidArgument` for an empty id.
"""
        ...
    def list(self, filter: typing.Optional[ConnectorFilter] = None) -> typing.List[SourceSummary]:
        """
        Lists the organisation's connectors, narrowed by every filter set (`None`, the
        default: every connector). `GET /integrations/connectors?workspace_id=…&customer_name=…&definition_id=…`
        (`workspace_name` is sent as `customer_name`).

        # Errors
        `AirbyteError.InvalidArgument` naming a filter field set to an empty string (nothing
        sent); `AirbyteError.NotFound` for a workspace of another organisation.
"""
        ...
    def update(self, id: str, update: ConnectorUpdate) -> Connector:
        """
        Changes a connector's name and/or some of its replication config (partial: the service
        keeps what the update does not carry). `PUT /integrations/connectors/{id}`.

        # Errors
        `AirbyteError.NotFound`; `AirbyteError.InvalidArgument`; `AirbyteError.Validation`.
"""
        ...

class Connectors(ConnectorsProtocol):
    """
    Connector operations for the operator (`OperatorClient.connectors()`). A connector is a
    source under its 2026 name (its id is the source's id). Shares its client's `close()`:
    every method raises `AirbyteError.ClientClosed` once the client is closed.
"""
    _handle: ctypes.c_uint64
    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        ...
    def check(self, id: str, update: typing.Optional[ConnectorUpdate] = None) -> ConnectorCheck:
        """
        Checks an existing connector, optionally with a changed replication config that is not
        stored (`None`, the default: the stored config). `POST /integrations/connectors/{id}/check`.

        # Errors
        As `update`.
"""
        ...
    def check_config(self, connector: ConnectorCreate) -> ConnectorCheck:
        """
        Checks a config before any connector exists; nothing is stored.
        `POST /integrations/connectors/check` → the outcome, inline (`status: failed` is an
        answer, not an error).

        # Errors
        As `create`, but a check whose answer was lost is sent again.
"""
        ...
    def create(self, connector: ConnectorCreate) -> Connector:
        """
        Creates a connector (and the workspace, when its name is new).
        `POST /integrations/connectors`. Never sent twice: after
        `AirbyteError.OutcomeUnknown`, list the workspace's connectors by name before trying
        again.

        # Errors
        `AirbyteError.InvalidArgument` (nothing sent) naming `workspace_name` when empty,
        `connector_type` when no connector is named, `replication_config` when none of it,
        `credentials` and `server_side_oauth_secret_id` is set; `AirbyteError.NotFound`;
        `AirbyteError.Validation`; `AirbyteError.OutcomeUnknown`.
"""
        ...
    def delete(self, id: str) -> Deleted:
        """
        Deletes a connector. `DELETE /integrations/connectors/{id}` → `{id, deleted_at}`
        (`deleted_at` `None` when the service answered without a body).

        # Errors
        `AirbyteError.NotFound`; `AirbyteError.InvalidArgument` for an empty id.
"""
        ...
    def execute(self, id: str, request: ConnectorExecute) -> ConnectorExecution:
        """
        Runs one action on one entity of the end user's system through the connector.
        `POST /integrations/connectors/{id}/execute`. Sent again after a lost answer only when
        the action only reads (`list`, `get`, `download`, the searches).

        # Errors
        `AirbyteError.InvalidArgument` for an empty id, entity or action (nothing sent);
        `AirbyteError.NotFound`; `AirbyteError.Validation` for an entity or action the
        connector lacks; `AirbyteError.OutcomeUnknown` for a write whose answer was lost.
"""
        ...
    def get(self, id: str) -> Connector:
        """
        Reads one connector; its `replication_config` has every `airbyte_secret` masked.
        `GET /integrations/connectors/{id}`.

        # Errors
        `AirbyteError.NotFound`; `AirbyteError.InvalidArgument` for an empty id.
"""
        ...
    def list(self, filter: typing.Optional[ConnectorFilter] = None) -> typing.List[SourceSummary]:
        """
        Lists the organisation's connectors, narrowed by every filter set (`None`, the
        default: every connector). `GET /integrations/connectors?workspace_id=…&customer_name=…&definition_id=…`
        (`workspace_name` is sent as `customer_name`).

        # Errors
        `AirbyteError.InvalidArgument` naming a filter field set to an empty string (nothing
        sent); `AirbyteError.NotFound` for a workspace of another organisation.
"""
        ...
    def update(self, id: str, update: ConnectorUpdate) -> Connector:
        """
        Changes a connector's name and/or some of its replication config (partial: the service
        keeps what the update does not carry). `PUT /integrations/connectors/{id}`.

        # Errors
        `AirbyteError.NotFound`; `AirbyteError.InvalidArgument`; `AirbyteError.Validation`.
"""
        ...

class DefinitionCatalogsProtocol(typing.Protocol):
    """
    Source definitions' stream catalogs (`OperatorClient.definition_catalogs()`), one per
    definition for the whole service; every call names the definition. Shares its client's
    `close()`.
"""
    def add_stream(self, definition_id: str, stream: SonarStream) -> SonarStream:
        """
        Adds a stream. `POST /integrations/definitions/sources/{id}/streams`.

        # Errors
        As `TemplateCatalogs.add_stream`.
"""
        ...
    def get(self, definition_id: str, selected_only: bool = ...) -> DefinitionCatalog:
        """
        Reads the definition's catalog.
        `GET /integrations/definitions/sources/{id}/catalog?selected=…`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    def patch(self, definition_id: str, ops: typing.List[PatchOp] = ..., blessed: typing.Optional[bool] = None) -> SonarCatalog:
        """
        Applies RFC 6902 operations (may be empty) and sets `blessed` (`true`: discovery no
        longer overwrites it). `PATCH /integrations/definitions/sources/{id}/catalog`.

        # Errors
        `AirbyteError.Validation`; `AirbyteError.NotFound`.
"""
        ...
    def patch_stream(self, definition_id: str, stream_name: str, ops: typing.List[PatchOp]) -> SonarStream:
        """
        Applies RFC 6902 operations to one stream.
        `PATCH /integrations/definitions/sources/{id}/streams/{stream_name}`.

        # Errors
        As `TemplateCatalogs.patch_stream`.
"""
        ...
    def query(self, definition_id: str, query: str) -> JsonValue:
        """
        Runs a JMESPath query over the definition's catalog; the result is a JSON value.
        `POST /integrations/definitions/sources/{id}/catalog/query`.

        # Errors
        As `TemplateCatalogs.query`.
"""
        ...

class DefinitionCatalogs(DefinitionCatalogsProtocol):
    """
    Source definitions' stream catalogs (`OperatorClient.definition_catalogs()`), one per
    definition for the whole service; every call names the definition. Shares its client's
    `close()`.
"""
    _handle: ctypes.c_uint64
    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        ...
    def add_stream(self, definition_id: str, stream: SonarStream) -> SonarStream:
        """
        Adds a stream. `POST /integrations/definitions/sources/{id}/streams`.

        # Errors
        As `TemplateCatalogs.add_stream`.
"""
        ...
    def get(self, definition_id: str, selected_only: bool = ...) -> DefinitionCatalog:
        """
        Reads the definition's catalog.
        `GET /integrations/definitions/sources/{id}/catalog?selected=…`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    def patch(self, definition_id: str, ops: typing.List[PatchOp] = ..., blessed: typing.Optional[bool] = None) -> SonarCatalog:
        """
        Applies RFC 6902 operations (may be empty) and sets `blessed` (`true`: discovery no
        longer overwrites it). `PATCH /integrations/definitions/sources/{id}/catalog`.

        # Errors
        `AirbyteError.Validation`; `AirbyteError.NotFound`.
"""
        ...
    def patch_stream(self, definition_id: str, stream_name: str, ops: typing.List[PatchOp]) -> SonarStream:
        """
        Applies RFC 6902 operations to one stream.
        `PATCH /integrations/definitions/sources/{id}/streams/{stream_name}`.

        # Errors
        As `TemplateCatalogs.patch_stream`.
"""
        ...
    def query(self, definition_id: str, query: str) -> JsonValue:
        """
        Runs a JMESPath query over the definition's catalog; the result is a JSON value.
        `POST /integrations/definitions/sources/{id}/catalog/query`.

        # Errors
        As `TemplateCatalogs.query`.
"""
        ...

class DefinitionsProtocol(typing.Protocol):
    """
    Connector catalogue lookups for the operator (`OperatorClient.definitions()`).
    Shares its client's `close()`: every method raises `AirbyteError.ClientClosed` once the
    client is closed.
"""
    def get_destination(self, id: str) -> DestinationDefinition:
        """
        Reads one destination connector with its spec.
        `GET /integrations/definitions/destinations/{id}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    def get_source(self, id: str) -> SourceDefinition:
        """
        Reads one source connector with its spec.
        `GET /integrations/definitions/sources/{id}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    def list_destinations(self, ids: typing.List[str] = ...) -> typing.List[DestinationDefinitionSummary]:
        """
        Lists destination connectors: those with the given definition ids, or every one the
        organisation may use when `ids` is empty (the default).
        `GET /integrations/definitions/destinations?actorDefinitionIds=…`.

        # Errors
        `AirbyteError.InvalidArgument` naming `ids` for an empty id (nothing sent); auth and
        transport errors.
"""
        ...
    def list_sources(self, name: typing.Optional[str] = None) -> typing.List[SourceDefinitionSummary]:
        """
        Lists source connectors whose name contains `name` (case-insensitive; `None`, the
        default, lists all). `GET /integrations/definitions/sources?name=…`.

        # Errors
        Auth and transport errors.
"""
        ...

class Definitions(DefinitionsProtocol):
    """
    Connector catalogue lookups for the operator (`OperatorClient.definitions()`).
    Shares its client's `close()`: every method raises `AirbyteError.ClientClosed` once the
    client is closed.
"""
    _handle: ctypes.c_uint64
    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        ...
    def get_destination(self, id: str) -> DestinationDefinition:
        """
        Reads one destination connector with its spec.
        `GET /integrations/definitions/destinations/{id}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    def get_source(self, id: str) -> SourceDefinition:
        """
        Reads one source connector with its spec.
        `GET /integrations/definitions/sources/{id}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    def list_destinations(self, ids: typing.List[str] = ...) -> typing.List[DestinationDefinitionSummary]:
        """
        Lists destination connectors: those with the given definition ids, or every one the
        organisation may use when `ids` is empty (the default).
        `GET /integrations/definitions/destinations?actorDefinitionIds=…`.

        # Errors
        `AirbyteError.InvalidArgument` naming `ids` for an empty id (nothing sent); auth and
        transport errors.
"""
        ...
    def list_sources(self, name: typing.Optional[str] = None) -> typing.List[SourceDefinitionSummary]:
        """
        Lists source connectors whose name contains `name` (case-insensitive; `None`, the
        default, lists all). `GET /integrations/definitions/sources?name=…`.

        # Errors
        Auth and transport errors.
"""
        ...

class DestinationPagesProtocol(typing.Protocol):
    """
    A walk over every page of `GET /integrations/destinations` for one workspace (from
    `Destinations.pages()`). Thread-safe; one page per `next_page()` call. It follows `next`
    links as `WorkspacePages` does and ends the same way.

    The walk shares its client's `close()`: once the client is closed, `next_page()` raises
    `AirbyteError.ClientClosed` (and the walk lets go of the client).
"""
    def next_page(self) -> typing.Optional[typing.List[DestinationSummary]]:
        """
        The next page's destinations, or `None` once the last page has been read (and after an
        error other than `ClientClosed`).

        # Errors
        `AirbyteError.InvalidArgument` for the walk's filter (first call, nothing sent);
        `AirbyteError.Pagination` for a `next` link off the configured origin, without a
        cursor or repeating one; the request's own errors; `AirbyteError.ClientClosed` once the
        client is closed (every later call too).
"""
        ...
    def __iter__(self) -> typing.Iterator[DestinationSummary]: ...

class DestinationPages(DestinationPagesProtocol):
    """
    A walk over every page of `GET /integrations/destinations` for one workspace (from
    `Destinations.pages()`). Thread-safe; one page per `next_page()` call. It follows `next`
    links as `WorkspacePages` does and ends the same way.

    The walk shares its client's `close()`: once the client is closed, `next_page()` raises
    `AirbyteError.ClientClosed` (and the walk lets go of the client).
"""
    _handle: ctypes.c_uint64
    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        ...
    def next_page(self) -> typing.Optional[typing.List[DestinationSummary]]:
        """
        The next page's destinations, or `None` once the last page has been read (and after an
        error other than `ClientClosed`).

        # Errors
        `AirbyteError.InvalidArgument` for the walk's filter (first call, nothing sent);
        `AirbyteError.Pagination` for a `next` link off the configured origin, without a
        cursor or repeating one; the request's own errors; `AirbyteError.ClientClosed` once the
        client is closed (every later call too).
"""
        ...
    def __iter__(self) -> typing.Iterator[DestinationSummary]: ...

class DestinationsProtocol(typing.Protocol):
    """
    The destinations the service made from connection templates (`OperatorClient.destinations()`).
    Shares its client's `close()`: every method raises `AirbyteError.ClientClosed` once the
    client is closed.
"""
    def get(self, id: str) -> Destination:
        """
        Reads one destination; its `destination_config` has every `airbyte_secret` masked.
        `GET /integrations/destinations/{id}`.

        # Errors
        `AirbyteError.NotFound`; `AirbyteError.InvalidArgument` for an empty id.
"""
        ...
    def list_page(self, filter: DestinationFilter, cursor: typing.Optional[str] = None) -> DestinationPage:
        """
        Reads one page of a workspace's destinations.
        `GET /integrations/destinations?workspace_id=…&limit=…&cursor=…`. `cursor` is the
        opaque cursor of the previous page's `next` link (`None`: the first page); `pages()`
        follows the links for you.

        # Errors
        `AirbyteError.InvalidArgument` for an empty `workspace_id` or a `limit` of 0 (nothing
        sent); `AirbyteError.NotFound` for a workspace of another organisation; auth and
        transport errors.
"""
        ...
    def pages(self, filter: DestinationFilter) -> DestinationPages:
        """
        A walk over every page of the filter's workspace's destinations, fetched one page per
        `DestinationPages.next_page()` call. Nothing is sent here: every error of the walk (an
        empty `workspace_id` included) comes from `next_page()`.
"""
        ...

class Destinations(DestinationsProtocol):
    """
    The destinations the service made from connection templates (`OperatorClient.destinations()`).
    Shares its client's `close()`: every method raises `AirbyteError.ClientClosed` once the
    client is closed.
"""
    _handle: ctypes.c_uint64
    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        ...
    def get(self, id: str) -> Destination:
        """
        Reads one destination; its `destination_config` has every `airbyte_secret` masked.
        `GET /integrations/destinations/{id}`.

        # Errors
        `AirbyteError.NotFound`; `AirbyteError.InvalidArgument` for an empty id.
"""
        ...
    def list_page(self, filter: DestinationFilter, cursor: typing.Optional[str] = None) -> DestinationPage:
        """
        Reads one page of a workspace's destinations.
        `GET /integrations/destinations?workspace_id=…&limit=…&cursor=…`. `cursor` is the
        opaque cursor of the previous page's `next` link (`None`: the first page); `pages()`
        follows the links for you.

        # Errors
        `AirbyteError.InvalidArgument` for an empty `workspace_id` or a `limit` of 0 (nothing
        sent); `AirbyteError.NotFound` for a workspace of another organisation; auth and
        transport errors.
"""
        ...
    def pages(self, filter: DestinationFilter) -> DestinationPages:
        """
        A walk over every page of the filter's workspace's destinations, fetched one page per
        `DestinationPages.next_page()` call. Nothing is sent here: every error of the walk (an
        empty `workspace_id` included) comes from `next_page()`.
"""
        ...

class EmbeddedSourceTemplatesProtocol(typing.Protocol):
    """
    The source templates an end user may pick from (`EndUserClient.source_templates()`).
    Shares its client's `close()`: every method raises `AirbyteError.ClientClosed` once the
    client is closed.
"""
    def get(self, id: str) -> SourceTemplate:
        """
        Reads one template with its `user_config_spec` (what the end user fills).
        `GET /embedded/source-templates/{id}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    def list(self, filter: typing.Optional[TagFilter] = None) -> typing.List[SourceTemplateSummary]:
        """
        Lists the templates offered to the end user, narrowed by `filter` (default: all).
        `GET /embedded/source-templates?tags=…&tags_mode=…`.

        # Errors
        `AirbyteError.Unauthorized` for an expired scoped token; transport errors.
"""
        ...

class EmbeddedSourceTemplates(EmbeddedSourceTemplatesProtocol):
    """
    The source templates an end user may pick from (`EndUserClient.source_templates()`).
    Shares its client's `close()`: every method raises `AirbyteError.ClientClosed` once the
    client is closed.
"""
    _handle: ctypes.c_uint64
    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        ...
    def get(self, id: str) -> SourceTemplate:
        """
        Reads one template with its `user_config_spec` (what the end user fills).
        `GET /embedded/source-templates/{id}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    def list(self, filter: typing.Optional[TagFilter] = None) -> typing.List[SourceTemplateSummary]:
        """
        Lists the templates offered to the end user, narrowed by `filter` (default: all).
        `GET /embedded/source-templates?tags=…&tags_mode=…`.

        # Errors
        `AirbyteError.Unauthorized` for an expired scoped token; transport errors.
"""
        ...

class SourcesProtocol(typing.Protocol):
    """
    Source and check operations, from `OperatorClient.sources()` (any workspace,
    `/integrations/sources`) or `EndUserClient.sources()` (the end user's,
    `/embedded/sources`). Shares its client's `close()`: every method raises
    `AirbyteError.ClientClosed` once the client is closed.
"""
    def check(self, id: str, update: typing.Optional[SourceUpdate] = None, options: typing.Optional[WriteOptions] = None) -> CheckJob:
        """
        Starts a check of an existing source, optionally with a changed config (validated
        first; an empty `SourceUpdate()` checks the stored config).
        `POST …/sources/{id}/check` → a `CheckJob`.

        # Errors
        As `update`.
"""
        ...
    def check_config(self, source: SourceCreate, options: typing.Optional[WriteOptions] = None) -> CheckJob:
        """
        Starts a check of a config before any source exists (validated first, as
        `create`). `POST …/sources/check` → a `CheckJob`.

        # Errors
        As `create`.
"""
        ...
    def check_status(self, check_id: str) -> CheckStatus:
        """
        Reads a check job's status. `GET …/sources/check/{id}/status`.

        # Errors
        `AirbyteError.NotFound` for an unknown job.
"""
        ...
    def create(self, source: SourceCreate, options: typing.Optional[WriteOptions] = None) -> Source:
        """
        Creates a source, after validating `merge(template defaults, source_config)` against
        the template's spec unless `options.validate` is false. `POST …/sources`.

        # Errors
        `AirbyteError.InvalidConfig` listing every problem with its JSON pointer (nothing
        sent); `AirbyteError.InvalidArgument` for a config that is not a JSON object;
        `AirbyteError.Validation` when the service refuses it; `AirbyteError.NotFound` for an
        unknown template.
"""
        ...
    def delete(self, id: str) -> Deleted:
        """
        Deletes a source. `DELETE …/sources/{id}` → `{id, deleted_at}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    def get(self, id: str) -> Source:
        """
        Reads one source (secrets masked). `GET …/sources/{id}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    def list(self, workspace_id: str) -> typing.List[SourceSummary]:
        """
        Lists a workspace's sources. `GET …/sources?workspace_id=…`.

        # Errors
        `AirbyteError.InvalidArgument` for an empty id; `AirbyteError.Forbidden` for another
        workspace.
"""
        ...
    def update(self, id: str, update: SourceUpdate, options: typing.Optional[WriteOptions] = None) -> Source:
        """
        Replaces a source's name and/or user config, validating a new config first (which
        reads the source: `GET …/sources/{id}`). `PUT …/sources/{id}`.

        # Errors
        As `create`.
"""
        ...
    def wait_for_check(self, check_id: str, options: typing.Optional[WaitOptions] = None) -> CheckStatus:
        """
        Polls a check job until it finishes (blocking the calling thread), pausing
        `initial_interval`, then 1.5 times longer each time up to `max_interval`. A
        finished job is returned as is, `Failed` included.

        # Errors
        `AirbyteError.Timeout` when the job has not finished within `timeout`; the errors
        of `check_status`.
"""
        ...

class Sources(SourcesProtocol):
    """
    Source and check operations, from `OperatorClient.sources()` (any workspace,
    `/integrations/sources`) or `EndUserClient.sources()` (the end user's,
    `/embedded/sources`). Shares its client's `close()`: every method raises
    `AirbyteError.ClientClosed` once the client is closed.
"""
    _handle: ctypes.c_uint64
    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        ...
    def check(self, id: str, update: typing.Optional[SourceUpdate] = None, options: typing.Optional[WriteOptions] = None) -> CheckJob:
        """
        Starts a check of an existing source, optionally with a changed config (validated
        first; an empty `SourceUpdate()` checks the stored config).
        `POST …/sources/{id}/check` → a `CheckJob`.

        # Errors
        As `update`.
"""
        ...
    def check_config(self, source: SourceCreate, options: typing.Optional[WriteOptions] = None) -> CheckJob:
        """
        Starts a check of a config before any source exists (validated first, as
        `create`). `POST …/sources/check` → a `CheckJob`.

        # Errors
        As `create`.
"""
        ...
    def check_status(self, check_id: str) -> CheckStatus:
        """
        Reads a check job's status. `GET …/sources/check/{id}/status`.

        # Errors
        `AirbyteError.NotFound` for an unknown job.
"""
        ...
    def create(self, source: SourceCreate, options: typing.Optional[WriteOptions] = None) -> Source:
        """
        Creates a source, after validating `merge(template defaults, source_config)` against
        the template's spec unless `options.validate` is false. `POST …/sources`.

        # Errors
        `AirbyteError.InvalidConfig` listing every problem with its JSON pointer (nothing
        sent); `AirbyteError.InvalidArgument` for a config that is not a JSON object;
        `AirbyteError.Validation` when the service refuses it; `AirbyteError.NotFound` for an
        unknown template.
"""
        ...
    def delete(self, id: str) -> Deleted:
        """
        Deletes a source. `DELETE …/sources/{id}` → `{id, deleted_at}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    def get(self, id: str) -> Source:
        """
        Reads one source (secrets masked). `GET …/sources/{id}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    def list(self, workspace_id: str) -> typing.List[SourceSummary]:
        """
        Lists a workspace's sources. `GET …/sources?workspace_id=…`.

        # Errors
        `AirbyteError.InvalidArgument` for an empty id; `AirbyteError.Forbidden` for another
        workspace.
"""
        ...
    def update(self, id: str, update: SourceUpdate, options: typing.Optional[WriteOptions] = None) -> Source:
        """
        Replaces a source's name and/or user config, validating a new config first (which
        reads the source: `GET …/sources/{id}`). `PUT …/sources/{id}`.

        # Errors
        As `create`.
"""
        ...
    def wait_for_check(self, check_id: str, options: typing.Optional[WaitOptions] = None) -> CheckStatus:
        """
        Polls a check job until it finishes (blocking the calling thread), pausing
        `initial_interval`, then 1.5 times longer each time up to `max_interval`. A
        finished job is returned as is, `Failed` included.

        # Errors
        `AirbyteError.Timeout` when the job has not finished within `timeout`; the errors
        of `check_status`.
"""
        ...

class EndUserClientProtocol(typing.Protocol):
    """
    An end user's client: the source templates offered to them, their sources and checks.
    Thread-safe.

    Built from a scoped token (`EndUserClient(token, config)`: a 401 is then final, as the
    client cannot mint another), from a provider the host implements
    (`EndUserClient.with_token_provider(provider)`: it is asked for a new token when one is
    needed; what a mobile app uses) or by `OperatorClient.end_user_client(name)` (the operator
    client mints, caches and re-mints the token).

    Lifetime: `close()` (Kotlin `shutdown()`; Python also `with ... as user:`) ends the
    client; every later call on it and on the area handles made from it raises
    `AirbyteError.ClientClosed`, as it does once the operator client that made it is closed.
"""
    def base_url(self) -> str:
        """
        The base URL every path is joined to, without a trailing slash.

        # Errors
        `AirbyteError.ClientClosed` after `close()` (as every method below).
"""
        ...
    def close(self) -> None:
        """
        Ends the client (Kotlin: `shutdown()`, as `close()` there is `AutoCloseable`'s, which
        only frees the Kotlin object). Every later call on this client and on the area handles
        made from it raises `AirbyteError.ClientClosed`; calls already running finish. The
        operator client that made it stays open. Closing again does nothing.
"""
        ...
    def last_rate_limit(self) -> typing.Optional[RateLimit]:
        """
        The rate-limit headers of the most recent response that carried any.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def source_templates(self) -> EmbeddedSourceTemplates:
        """
        Source templates offered to this end user: `/embedded/source-templates`. The handle
        shares this client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def sources(self) -> Sources:
        """
        This end user's sources and checks: `/embedded/sources`. The handle shares this
        client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def token_info(self) -> ScopedTokenInfo:
        """
        The organisation and workspace the token reaches. `GET /embedded/scoped-token/info`
        (or `/account/applications/scoped-token/info`).

        # Errors
        `AirbyteError.Unauthorized`, `AirbyteError.Forbidden` (for example an operator token);
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def workspace_id(self) -> str:
        """
        The end user's workspace id, read once with `token_info()` and then remembered.

        # Errors
        As `token_info()`.
"""
        ...

class EndUserClient(EndUserClientProtocol):
    """
    An end user's client: the source templates offered to them, their sources and checks.
    Thread-safe.

    Built from a scoped token (`EndUserClient(token, config)`: a 401 is then final, as the
    client cannot mint another), from a provider the host implements
    (`EndUserClient.with_token_provider(provider)`: it is asked for a new token when one is
    needed; what a mobile app uses) or by `OperatorClient.end_user_client(name)` (the operator
    client mints, caches and re-mints the token).

    Lifetime: `close()` (Kotlin `shutdown()`; Python also `with ... as user:`) ends the
    client; every later call on it and on the area handles made from it raises
    `AirbyteError.ClientClosed`, as it does once the operator client that made it is closed.
"""
    _handle: ctypes.c_uint64
    def __init__(self, token: str, config: typing.Optional[ClientConfig] = None) -> None:
        """
        A client using the scoped token `token` as is, configured by `config` (defaults when
        `None`).

        # Errors
        `AirbyteError.InvalidArgument` naming `token` when it is empty, or the invalid
        `config` setting.
"""
        ...
    @classmethod
    def with_token_provider(cls, provider: ScopedTokenProvider, config: typing.Optional[ClientConfig] = None) -> EndUserClient:
        """
        A client whose scoped tokens come from `provider` (the host's call to its own
        backend), configured by `config` (defaults when `None`). Nothing is fetched
        here; the provider is asked on the first call, near the token's expiry and after
        the service refuses the token (the refused call is then sent once more), one
        fetch at a time. Such a client does not use `template_cache_ttl`.

        # Errors
        The invalid `config` setting. A later call fails with what the provider raised,
        or `AirbyteError.TokenProvider` when it raised another exception or gave an
        empty token.
"""
        ...
    def base_url(self) -> str:
        """
        The base URL every path is joined to, without a trailing slash.

        # Errors
        `AirbyteError.ClientClosed` after `close()` (as every method below).
"""
        ...
    def close(self) -> None:
        """
        Ends the client (Kotlin: `shutdown()`, as `close()` there is `AutoCloseable`'s, which
        only frees the Kotlin object). Every later call on this client and on the area handles
        made from it raises `AirbyteError.ClientClosed`; calls already running finish. The
        operator client that made it stays open. Closing again does nothing.
"""
        ...
    def last_rate_limit(self) -> typing.Optional[RateLimit]:
        """
        The rate-limit headers of the most recent response that carried any.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def source_templates(self) -> EmbeddedSourceTemplates:
        """
        Source templates offered to this end user: `/embedded/source-templates`. The handle
        shares this client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def sources(self) -> Sources:
        """
        This end user's sources and checks: `/embedded/sources`. The handle shares this
        client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def token_info(self) -> ScopedTokenInfo:
        """
        The organisation and workspace the token reaches. `GET /embedded/scoped-token/info`
        (or `/account/applications/scoped-token/info`).

        # Errors
        `AirbyteError.Unauthorized`, `AirbyteError.Forbidden` (for example an operator token);
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def workspace_id(self) -> str:
        """
        The end user's workspace id, read once with `token_info()` and then remembered.

        # Errors
        As `token_info()`.
"""
        ...
    def __enter__(self) -> "EndUserClient": ...
    def __exit__(self, *exc: object) -> None: ...

class FilePagesProtocol(typing.Protocol):
    """
    A walk over every page of one folder's listing (from `Files.pages()`). Thread-safe; one
    page per `next_page()` call. A page's `next` may be a token or a link carrying one; a
    link is followed only on the configured host and port, and a repeated token ends the
    walk with `AirbyteError.Pagination`.

    The walk shares its client's `close()`: once the client is closed, `next_page()` raises
    `AirbyteError.ClientClosed` (and the walk lets go of the client).
"""
    def next_page(self) -> typing.Optional[typing.List[FileEntry]]:
        """
        The next page's entries, or `None` once the last page has been read (and after an
        error other than `ClientClosed`).

        # Errors
        `AirbyteError.InvalidArgument` for the walk's folder (first call, nothing sent);
        `AirbyteError.Pagination`; the request's own errors; `AirbyteError.ClientClosed` once
        the client is closed.
"""
        ...
    def __iter__(self) -> typing.Iterator[FileEntry]: ...

class FilePages(FilePagesProtocol):
    """
    A walk over every page of one folder's listing (from `Files.pages()`). Thread-safe; one
    page per `next_page()` call. A page's `next` may be a token or a link carrying one; a
    link is followed only on the configured host and port, and a repeated token ends the
    walk with `AirbyteError.Pagination`.

    The walk shares its client's `close()`: once the client is closed, `next_page()` raises
    `AirbyteError.ClientClosed` (and the walk lets go of the client).
"""
    _handle: ctypes.c_uint64
    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        ...
    def next_page(self) -> typing.Optional[typing.List[FileEntry]]:
        """
        The next page's entries, or `None` once the last page has been read (and after an
        error other than `ClientClosed`).

        # Errors
        `AirbyteError.InvalidArgument` for the walk's folder (first call, nothing sent);
        `AirbyteError.Pagination`; the request's own errors; `AirbyteError.ClientClosed` once
        the client is closed.
"""
        ...
    def __iter__(self) -> typing.Iterator[FileEntry]: ...

class FileStreamProtocol(typing.Protocol):
    """
    One file being read (from `Files.open()`): its content streamed from the service as it is
    read, never held whole. Python wraps it in a file-like `FileReader`, Kotlin in an
    `InputStream`, Swift in a `Sequence` of `Data` chunks.

    Each read must get data within the client's read timeout. A failure before the first byte
    was returned is retried (the file requested again); after it a failure is final
    (`AirbyteError.Transport` or `AirbyteError.Timeout`) and every later read raises it again.
    Thread-safe (reads are serialised). `close()` (Kotlin `shutdown()`) lets go of the
    connection early; reads after it, or after the client is closed, raise
    `AirbyteError.ClientClosed`.
"""
    def bytes_read(self) -> int:
        """
        How many bytes have been read so far.

        # Errors
        `AirbyteError.ClientClosed` after `close()` or the client's.
"""
        ...
    def close(self) -> None:
        """
        Lets go of the file and its connection (Kotlin: `shutdown()`); closing again does
        nothing.
"""
        ...
    def content_length(self) -> typing.Optional[int]:
        """
        The file's length in bytes from the response's `Content-Length`, when it had one.

        # Errors
        `AirbyteError.ClientClosed` after `close()` or the client's.
"""
        ...
    def content_type(self) -> typing.Optional[str]:
        """
        The response's `Content-Type` (e.g. `text/csv`), when it had one.

        # Errors
        `AirbyteError.ClientClosed` after `close()` or the client's.
"""
        ...
    def read(self, max_bytes: int) -> bytes:
        """
        The next bytes of the file: at most `max_bytes` (and at most 1 MiB), as many as have
        arrived; empty at the end of the file (or for `max_bytes` 0).

        # Errors
        `AirbyteError.InvalidArgument` naming `max_bytes` when it is negative;
        `AirbyteError.Transport` (the connection broke, or the body ended before its
        `Content-Length`), `AirbyteError.Timeout` (no data within the read timeout), once no
        retry applies; `AirbyteError.ClientClosed` after `close()` or the client's.
"""
        ...

class FileStream(FileStreamProtocol):
    """
    One file being read (from `Files.open()`): its content streamed from the service as it is
    read, never held whole. Python wraps it in a file-like `FileReader`, Kotlin in an
    `InputStream`, Swift in a `Sequence` of `Data` chunks.

    Each read must get data within the client's read timeout. A failure before the first byte
    was returned is retried (the file requested again); after it a failure is final
    (`AirbyteError.Transport` or `AirbyteError.Timeout`) and every later read raises it again.
    Thread-safe (reads are serialised). `close()` (Kotlin `shutdown()`) lets go of the
    connection early; reads after it, or after the client is closed, raise
    `AirbyteError.ClientClosed`.
"""
    _handle: ctypes.c_uint64
    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        ...
    def bytes_read(self) -> int:
        """
        How many bytes have been read so far.

        # Errors
        `AirbyteError.ClientClosed` after `close()` or the client's.
"""
        ...
    def close(self) -> None:
        """
        Lets go of the file and its connection (Kotlin: `shutdown()`); closing again does
        nothing.
"""
        ...
    def content_length(self) -> typing.Optional[int]:
        """
        The file's length in bytes from the response's `Content-Length`, when it had one.

        # Errors
        `AirbyteError.ClientClosed` after `close()` or the client's.
"""
        ...
    def content_type(self) -> typing.Optional[str]:
        """
        The response's `Content-Type` (e.g. `text/csv`), when it had one.

        # Errors
        `AirbyteError.ClientClosed` after `close()` or the client's.
"""
        ...
    def read(self, max_bytes: int) -> bytes:
        """
        The next bytes of the file: at most `max_bytes` (and at most 1 MiB), as many as have
        arrived; empty at the end of the file (or for `max_bytes` 0).

        # Errors
        `AirbyteError.InvalidArgument` naming `max_bytes` when it is negative;
        `AirbyteError.Transport` (the connection broke, or the body ended before its
        `Content-Length`), `AirbyteError.Timeout` (no data within the read timeout), once no
        retry applies; `AirbyteError.ClientClosed` after `close()` or the client's.
"""
        ...

class FilesProtocol(typing.Protocol):
    """
    Files through an end user's source (`OperatorClient.files()`). Shares its client's
    `close()`: every method raises `AirbyteError.ClientClosed` once the client is closed.

    A `path` is `/`-separated (`reports/2025/q1 summary.csv`, as a listing's `relative_path`
    gives it) and sent as one path segment (`/` as `%2F`, a space as `%20`); an empty path,
    `.` and `..` are refused before anything is sent.
"""
    def drives(self, source_id: str) -> typing.List[Drive]:
        """
        The drives of a source. `GET /sonar/files/{source_id}/drives`.

        # Errors
        `AirbyteError.NotFound` for a source the organisation does not own.
"""
        ...
    def list_page(self, folder: FolderQuery, continuation_token: typing.Optional[str] = None) -> FilePage:
        """
        Reads one page of a folder's entries.
        `GET /sonar/files/{source_id}[/drives/{drive_id}]/list/{path}?limit=…&continuation_token=…`.
        `continuation_token` is the previous page's `next` (`None`: the first page); `pages()`
        follows them for you.

        # Errors
        `AirbyteError.InvalidArgument` naming `source_id`, `drive_id`, `path` or `limit`
        (nothing sent); `AirbyteError.NotFound` for a source, drive or folder that does not
        exist.
"""
        ...
    def open(self, source_id: str, path: str, drive_id: typing.Optional[str] = None) -> airbyte_embedded.FileReader:
        """
        Opens a file for reading: sends the GET and returns once the response head has arrived;
        the content is read with `FileStream.read()`, a chunk at a time.
        `GET /sonar/files/{source_id}[/drives/{drive_id}]/get/{path}` (`drive_id` `None`, the
        default: the source's own files).

        # Errors
        `AirbyteError.InvalidArgument` naming `source_id`, `drive_id` or `path` (nothing
        sent); `AirbyteError.NotFound` for a source, drive or file that does not exist; auth
        and transport errors.
"""
        ...
    def pages(self, folder: FolderQuery) -> FilePages:
        """
        A walk over every page of the folder, fetched one page per `FilePages.next_page()`
        call. Nothing is sent here: every error of the walk (an empty `path` included) comes
        from `next_page()`.
"""
        ...
    def sources(self, workspace_id: str) -> typing.List[FileSource]:
        """
        The sources of a workspace whose files can be read.
        `GET /sonar/files/sources?workspace_id=…`.

        # Errors
        `AirbyteError.InvalidArgument` for an empty `workspace_id` (nothing sent);
        `AirbyteError.NotFound` for a workspace of another organisation.
"""
        ...

class Files(FilesProtocol):
    """
    Files through an end user's source (`OperatorClient.files()`). Shares its client's
    `close()`: every method raises `AirbyteError.ClientClosed` once the client is closed.

    A `path` is `/`-separated (`reports/2025/q1 summary.csv`, as a listing's `relative_path`
    gives it) and sent as one path segment (`/` as `%2F`, a space as `%20`); an empty path,
    `.` and `..` are refused before anything is sent.
"""
    _handle: ctypes.c_uint64
    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        ...
    def drives(self, source_id: str) -> typing.List[Drive]:
        """
        The drives of a source. `GET /sonar/files/{source_id}/drives`.

        # Errors
        `AirbyteError.NotFound` for a source the organisation does not own.
"""
        ...
    def list_page(self, folder: FolderQuery, continuation_token: typing.Optional[str] = None) -> FilePage:
        """
        Reads one page of a folder's entries.
        `GET /sonar/files/{source_id}[/drives/{drive_id}]/list/{path}?limit=…&continuation_token=…`.
        `continuation_token` is the previous page's `next` (`None`: the first page); `pages()`
        follows them for you.

        # Errors
        `AirbyteError.InvalidArgument` naming `source_id`, `drive_id`, `path` or `limit`
        (nothing sent); `AirbyteError.NotFound` for a source, drive or folder that does not
        exist.
"""
        ...
    def open(self, source_id: str, path: str, drive_id: typing.Optional[str] = None) -> airbyte_embedded.FileReader:
        """
        Opens a file for reading: sends the GET and returns once the response head has arrived;
        the content is read with `FileStream.read()`, a chunk at a time.
        `GET /sonar/files/{source_id}[/drives/{drive_id}]/get/{path}` (`drive_id` `None`, the
        default: the source's own files).

        # Errors
        `AirbyteError.InvalidArgument` naming `source_id`, `drive_id` or `path` (nothing
        sent); `AirbyteError.NotFound` for a source, drive or file that does not exist; auth
        and transport errors.
"""
        ...
    def pages(self, folder: FolderQuery) -> FilePages:
        """
        A walk over every page of the folder, fetched one page per `FilePages.next_page()`
        call. Nothing is sent here: every error of the walk (an empty `path` included) comes
        from `next_page()`.
"""
        ...
    def sources(self, workspace_id: str) -> typing.List[FileSource]:
        """
        The sources of a workspace whose files can be read.
        `GET /sonar/files/sources?workspace_id=…`.

        # Errors
        `AirbyteError.InvalidArgument` for an empty `workspace_id` (nothing sent);
        `AirbyteError.NotFound` for a workspace of another organisation.
"""
        ...

class Logger:
    """
    Receives the SDK's log records; implemented by the host (Python, Kotlin, Swift) and
    registered with `set_logger`. Called on whichever thread made the SDK call, so it must be
    thread-safe; it should return quickly. Whatever it raises is ignored.
"""
    def log(self, record: LogRecord) -> None:
        """
        Handles one record.
"""
        ...

class LoggerImpl(Logger):
    """
    Receives the SDK's log records; implemented by the host (Python, Kotlin, Swift) and
    registered with `set_logger`. Called on whichever thread made the SDK call, so it must be
    thread-safe; it should return quickly. Whatever it raises is ignored.
"""
    _handle: ctypes.c_uint64
    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        ...
    def log(self, record: LogRecord) -> None:
        """
        Handles one record.
"""
        ...

class OAuthCredentialsProtocol(typing.Protocol):
    """
    The organisation's OAuth apps (`OperatorClient.oauth_credentials()`): with one set, the
    service runs a connector's OAuth flow with the organisation's own app. Shares its
    client's `close()`: every method raises `AirbyteError.ClientClosed` once the client is
    closed.
"""
    def delete(self, connector_type: str) -> None:
        """
        Removes the organisation's OAuth app for the connector named `connector_type`, so the
        service uses Airbyte's again. `DELETE /oauth/credentials/connector_type/{connector_type}`
        (204). Idempotent: succeeds whether or not an app was set.

        # Errors
        `AirbyteError.InvalidArgument` for an empty name (nothing sent); auth and transport
        errors.
"""
        ...
    def set(self, request: OAuthCredentialsRequest) -> OAuthOverride:
        """
        Sets the organisation's OAuth app for a connector, replacing the one set before.
        `PUT /oauth/credentials` → the app, without its configuration.

        # Errors
        `AirbyteError.InvalidArgument` naming `connector_type` unless exactly one of
        `connector_type` and `connector_definition_id` is set (nothing sent);
        `AirbyteError.NotFound` for an unknown connector; `AirbyteError.Validation`.
"""
        ...

class OAuthCredentials(OAuthCredentialsProtocol):
    """
    The organisation's OAuth apps (`OperatorClient.oauth_credentials()`): with one set, the
    service runs a connector's OAuth flow with the organisation's own app. Shares its
    client's `close()`: every method raises `AirbyteError.ClientClosed` once the client is
    closed.
"""
    _handle: ctypes.c_uint64
    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        ...
    def delete(self, connector_type: str) -> None:
        """
        Removes the organisation's OAuth app for the connector named `connector_type`, so the
        service uses Airbyte's again. `DELETE /oauth/credentials/connector_type/{connector_type}`
        (204). Idempotent: succeeds whether or not an app was set.

        # Errors
        `AirbyteError.InvalidArgument` for an empty name (nothing sent); auth and transport
        errors.
"""
        ...
    def set(self, request: OAuthCredentialsRequest) -> OAuthOverride:
        """
        Sets the organisation's OAuth app for a connector, replacing the one set before.
        `PUT /oauth/credentials` → the app, without its configuration.

        # Errors
        `AirbyteError.InvalidArgument` naming `connector_type` unless exactly one of
        `connector_type` and `connector_definition_id` is set (nothing sent);
        `AirbyteError.NotFound` for an unknown connector; `AirbyteError.Validation`.
"""
        ...

class SourceSearchProtocol(typing.Protocol):
    """
    Search over a source's synced records (`OperatorClient.source_search()`). Shares its
    client's `close()`: every method raises `AirbyteError.ClientClosed` once the client is
    closed.
"""
    def search(self, source_id: str, stream_name: str, request: SearchRequest) -> SearchResponse:
        """
        The records of stream `stream_name` of source `source_id` matching `request.condition`
        (JSON object text: one operator, `{"eq": {"plan": "pro"}}`, `{"and": [...]}`, ...).
        `POST /integrations/sources/{id}/search/{stream_name}`. Retried as a GET is: a search
        changes nothing.

        # Errors
        `AirbyteError.InvalidArgument` naming `source_id`, `stream_name` or `condition` (not a
        single-key object, or a known operator with an operand of the wrong shape; the detail
        says where), nothing sent; `AirbyteError.NotFound` for a source or stream that does
        not exist; `AirbyteError.Validation` for a condition the service refuses.
"""
        ...

class SourceSearch(SourceSearchProtocol):
    """
    Search over a source's synced records (`OperatorClient.source_search()`). Shares its
    client's `close()`: every method raises `AirbyteError.ClientClosed` once the client is
    closed.
"""
    _handle: ctypes.c_uint64
    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        ...
    def search(self, source_id: str, stream_name: str, request: SearchRequest) -> SearchResponse:
        """
        The records of stream `stream_name` of source `source_id` matching `request.condition`
        (JSON object text: one operator, `{"eq": {"plan": "pro"}}`, `{"and": [...]}`, ...).
        `POST /integrations/sources/{id}/search/{stream_name}`. Retried as a GET is: a search
        changes nothing.

        # Errors
        `AirbyteError.InvalidArgument` naming `source_id`, `stream_name` or `condition` (not a
        single-key object, or a known operator with an operand of the wrong shape; the detail
        says where), nothing sent; `AirbyteError.NotFound` for a source or stream that does
        not exist; `AirbyteError.Validation` for a condition the service refuses.
"""
        ...

class SourceTemplatesProtocol(typing.Protocol):
    """
    Source-template operations for the operator (`OperatorClient.source_templates()`).
    Shares its client's `close()`: every method raises `AirbyteError.ClientClosed` once the
    client is closed.
"""
    def add_tag(self, id: str, tag: str) -> SourceTemplate:
        """
        Adds an existing tag to a template. `POST /integrations/templates/sources/{id}/tags`.

        # Errors
        `AirbyteError.NotFound` when the template or tag does not exist.
"""
        ...
    def clone_template(self, original_id: str, name: typing.Optional[str] = None) -> SourceTemplate:
        """
        Creates a copy of an existing template, optionally renamed.
        `POST /integrations/templates/sources` with `{original_source_template_id, name?}`.

        # Errors
        `AirbyteError.NotFound` when the original does not exist.
"""
        ...
    def create(self, template: SourceTemplateCreate) -> SourceTemplate:
        """
        Creates a source template. `POST /integrations/templates/sources`.

        # Errors
        `AirbyteError.InvalidArgument` for an empty definition id, defaults that are not a
        JSON object, or a whitelist without streams (nothing sent);
        `AirbyteError.Validation`; `AirbyteError.NotFound` for an unknown definition.
"""
        ...
    def delete(self, id: str) -> Deleted:
        """
        Deletes a template. `DELETE /integrations/templates/sources/{id}` → `{id, deleted_at}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    def get(self, id: str) -> SourceTemplate:
        """
        Reads one source template. `GET /integrations/templates/sources/{id}`.

        # Errors
        `AirbyteError.NotFound`; `AirbyteError.InvalidArgument` for an empty id.
"""
        ...
    def list(self, filter: typing.Optional[TagFilter] = None) -> typing.List[SourceTemplateSummary]:
        """
        Lists the organisation's source templates, narrowed by `filter` (default: all).
        `GET /integrations/templates/sources?tags=…&tags_mode=…`.

        # Errors
        `AirbyteError.Unauthorized`, `AirbyteError.Forbidden`, transport errors.
"""
        ...
    def list_global(self) -> typing.List[SourceTemplateSummary]:
        """
        Lists the Airbyte-maintained (global) source templates, the same for every
        organisation: the ones to clone (`clone_template`) to offer a connector with Airbyte's
        defaults. `GET /integrations/templates/sources/global`.

        # Errors
        `AirbyteError.Unauthorized`, `AirbyteError.Forbidden`, transport errors.
"""
        ...
    def list_with(self, use_global: bool, filter: typing.Optional[TagFilter] = None) -> typing.List[SourceTemplateSummary]:
        """
        Lists source templates with the 2026 `use_global` flag: `true` lists the global
        templates instead of the organisation's (older service versions ignore it: use
        `list_global` there). `GET /integrations/templates/sources?…&use_global=…`.

        # Errors
        As `list`.
"""
        ...
    def remove_tag(self, id: str, tag: str) -> Deleted:
        """
        Removes a tag from a template.
        `DELETE /integrations/templates/sources/{id}/tags/{tag_name}` → `{deleted_at}`.

        # Errors
        `AirbyteError.NotFound` when the template or tag does not exist.
"""
        ...
    def update(self, id: str, update: SourceTemplateUpdate) -> SourceTemplate:
        """
        Updates a template. `PATCH /integrations/templates/sources/{id}`.

        # Errors
        As `create`, plus `AirbyteError.NotFound`.
"""
        ...

class SourceTemplates(SourceTemplatesProtocol):
    """
    Source-template operations for the operator (`OperatorClient.source_templates()`).
    Shares its client's `close()`: every method raises `AirbyteError.ClientClosed` once the
    client is closed.
"""
    _handle: ctypes.c_uint64
    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        ...
    def add_tag(self, id: str, tag: str) -> SourceTemplate:
        """
        Adds an existing tag to a template. `POST /integrations/templates/sources/{id}/tags`.

        # Errors
        `AirbyteError.NotFound` when the template or tag does not exist.
"""
        ...
    def clone_template(self, original_id: str, name: typing.Optional[str] = None) -> SourceTemplate:
        """
        Creates a copy of an existing template, optionally renamed.
        `POST /integrations/templates/sources` with `{original_source_template_id, name?}`.

        # Errors
        `AirbyteError.NotFound` when the original does not exist.
"""
        ...
    def create(self, template: SourceTemplateCreate) -> SourceTemplate:
        """
        Creates a source template. `POST /integrations/templates/sources`.

        # Errors
        `AirbyteError.InvalidArgument` for an empty definition id, defaults that are not a
        JSON object, or a whitelist without streams (nothing sent);
        `AirbyteError.Validation`; `AirbyteError.NotFound` for an unknown definition.
"""
        ...
    def delete(self, id: str) -> Deleted:
        """
        Deletes a template. `DELETE /integrations/templates/sources/{id}` → `{id, deleted_at}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    def get(self, id: str) -> SourceTemplate:
        """
        Reads one source template. `GET /integrations/templates/sources/{id}`.

        # Errors
        `AirbyteError.NotFound`; `AirbyteError.InvalidArgument` for an empty id.
"""
        ...
    def list(self, filter: typing.Optional[TagFilter] = None) -> typing.List[SourceTemplateSummary]:
        """
        Lists the organisation's source templates, narrowed by `filter` (default: all).
        `GET /integrations/templates/sources?tags=…&tags_mode=…`.

        # Errors
        `AirbyteError.Unauthorized`, `AirbyteError.Forbidden`, transport errors.
"""
        ...
    def list_global(self) -> typing.List[SourceTemplateSummary]:
        """
        Lists the Airbyte-maintained (global) source templates, the same for every
        organisation: the ones to clone (`clone_template`) to offer a connector with Airbyte's
        defaults. `GET /integrations/templates/sources/global`.

        # Errors
        `AirbyteError.Unauthorized`, `AirbyteError.Forbidden`, transport errors.
"""
        ...
    def list_with(self, use_global: bool, filter: typing.Optional[TagFilter] = None) -> typing.List[SourceTemplateSummary]:
        """
        Lists source templates with the 2026 `use_global` flag: `true` lists the global
        templates instead of the organisation's (older service versions ignore it: use
        `list_global` there). `GET /integrations/templates/sources?…&use_global=…`.

        # Errors
        As `list`.
"""
        ...
    def remove_tag(self, id: str, tag: str) -> Deleted:
        """
        Removes a tag from a template.
        `DELETE /integrations/templates/sources/{id}/tags/{tag_name}` → `{deleted_at}`.

        # Errors
        `AirbyteError.NotFound` when the template or tag does not exist.
"""
        ...
    def update(self, id: str, update: SourceTemplateUpdate) -> SourceTemplate:
        """
        Updates a template. `PATCH /integrations/templates/sources/{id}`.

        # Errors
        As `create`, plus `AirbyteError.NotFound`.
"""
        ...

class TagsProtocol(typing.Protocol):
    """
    Tag operations for the operator (`OperatorClient.tags()`).
    Shares its client's `close()`: every method raises `AirbyteError.ClientClosed` once the
    client is closed.
"""
    def create(self, name: str) -> Tag:
        """
        Creates a tag (1 to 255 characters). `POST /integrations/templates/tags`.

        # Errors
        `AirbyteError.InvalidArgument` naming `name` (nothing sent);
        `AirbyteError.Validation` when the name is taken.
"""
        ...
    def delete(self, name: str) -> Deleted:
        """
        Deletes a tag and removes it from every template.
        `DELETE /integrations/templates/tags/{name}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    def list(self) -> typing.List[Tag]:
        """
        Lists the organisation's tags. `GET /integrations/templates/tags`.

        # Errors
        Auth and transport errors.
"""
        ...
    def rename(self, name: str, new_name: str) -> Tag:
        """
        Renames a tag; every template carrying it follows.
        `PUT /integrations/templates/tags/{name}`.

        # Errors
        `AirbyteError.InvalidArgument` naming `name` or `new_name`; `AirbyteError.NotFound`.
"""
        ...

class Tags(TagsProtocol):
    """
    Tag operations for the operator (`OperatorClient.tags()`).
    Shares its client's `close()`: every method raises `AirbyteError.ClientClosed` once the
    client is closed.
"""
    _handle: ctypes.c_uint64
    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        ...
    def create(self, name: str) -> Tag:
        """
        Creates a tag (1 to 255 characters). `POST /integrations/templates/tags`.

        # Errors
        `AirbyteError.InvalidArgument` naming `name` (nothing sent);
        `AirbyteError.Validation` when the name is taken.
"""
        ...
    def delete(self, name: str) -> Deleted:
        """
        Deletes a tag and removes it from every template.
        `DELETE /integrations/templates/tags/{name}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    def list(self) -> typing.List[Tag]:
        """
        Lists the organisation's tags. `GET /integrations/templates/tags`.

        # Errors
        Auth and transport errors.
"""
        ...
    def rename(self, name: str, new_name: str) -> Tag:
        """
        Renames a tag; every template carrying it follows.
        `PUT /integrations/templates/tags/{name}`.

        # Errors
        `AirbyteError.InvalidArgument` naming `name` or `new_name`; `AirbyteError.NotFound`.
"""
        ...

class TemplateCatalogsProtocol(typing.Protocol):
    """
    Source templates' stream catalogs (`OperatorClient.template_catalogs()`); every call names
    the template. Shares its client's `close()`.
"""
    def add_stream(self, template_id: str, stream: SonarStream) -> SonarStream:
        """
        Adds a stream. `POST /integrations/templates/sources/{id}/streams`.

        # Errors
        `AirbyteError.InvalidArgument` for a stream without a name (nothing sent);
        `AirbyteError.Validation` when one of that name exists.
"""
        ...
    def delete(self, template_id: str) -> Deleted:
        """
        Deletes the catalog. `DELETE /integrations/templates/sources/{id}/catalog`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    def delete_stream(self, template_id: str, stream_name: str) -> StreamDeleted:
        """
        Removes a stream. `DELETE /integrations/templates/sources/{id}/streams/{stream_name}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    def get(self, template_id: str, selected_only: bool = ...) -> TemplateCatalog:
        """
        Reads the template's catalog; `selected_only` keeps only the streams named in
        `selected_streams`. `GET /integrations/templates/sources/{id}/catalog?selected=…`.

        # Errors
        `AirbyteError.NotFound` for an unknown template or a deleted catalog.
"""
        ...
    def patch(self, template_id: str, ops: typing.List[PatchOp]) -> SonarCatalog:
        """
        Applies RFC 6902 operations to the catalog, all or none.
        `PATCH /integrations/templates/sources/{id}/catalog`.

        # Errors
        `AirbyteError.Validation` for an operation that does not apply (nothing changed).
"""
        ...
    def patch_stream(self, template_id: str, stream_name: str, ops: typing.List[PatchOp]) -> SonarStream:
        """
        Applies RFC 6902 operations to one stream (paths relative to the stream).
        `PATCH /integrations/templates/sources/{id}/streams/{stream_name}`.

        # Errors
        `AirbyteError.NotFound` for an unknown stream; `AirbyteError.Validation`.
"""
        ...
    def query(self, template_id: str, query: str) -> JsonValue:
        """
        Runs a JMESPath query over the catalog; the result is a JSON value.
        `POST /integrations/templates/sources/{id}/catalog/query`.

        # Errors
        `AirbyteError.InvalidArgument` for an empty query (nothing sent);
        `AirbyteError.Validation` for one the service cannot parse.
"""
        ...
    def replace(self, template_id: str, catalog: typing.Optional[SonarCatalog] = None) -> str:
        """
        Replaces the catalog (`None`: the connector's discovered one again); returns its id.
        `POST /integrations/templates/sources/{id}/catalog`.

        # Errors
        `AirbyteError.NotFound`; `AirbyteError.Validation` for a catalog the service refuses.
"""
        ...

class TemplateCatalogs(TemplateCatalogsProtocol):
    """
    Source templates' stream catalogs (`OperatorClient.template_catalogs()`); every call names
    the template. Shares its client's `close()`.
"""
    _handle: ctypes.c_uint64
    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        ...
    def add_stream(self, template_id: str, stream: SonarStream) -> SonarStream:
        """
        Adds a stream. `POST /integrations/templates/sources/{id}/streams`.

        # Errors
        `AirbyteError.InvalidArgument` for a stream without a name (nothing sent);
        `AirbyteError.Validation` when one of that name exists.
"""
        ...
    def delete(self, template_id: str) -> Deleted:
        """
        Deletes the catalog. `DELETE /integrations/templates/sources/{id}/catalog`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    def delete_stream(self, template_id: str, stream_name: str) -> StreamDeleted:
        """
        Removes a stream. `DELETE /integrations/templates/sources/{id}/streams/{stream_name}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    def get(self, template_id: str, selected_only: bool = ...) -> TemplateCatalog:
        """
        Reads the template's catalog; `selected_only` keeps only the streams named in
        `selected_streams`. `GET /integrations/templates/sources/{id}/catalog?selected=…`.

        # Errors
        `AirbyteError.NotFound` for an unknown template or a deleted catalog.
"""
        ...
    def patch(self, template_id: str, ops: typing.List[PatchOp]) -> SonarCatalog:
        """
        Applies RFC 6902 operations to the catalog, all or none.
        `PATCH /integrations/templates/sources/{id}/catalog`.

        # Errors
        `AirbyteError.Validation` for an operation that does not apply (nothing changed).
"""
        ...
    def patch_stream(self, template_id: str, stream_name: str, ops: typing.List[PatchOp]) -> SonarStream:
        """
        Applies RFC 6902 operations to one stream (paths relative to the stream).
        `PATCH /integrations/templates/sources/{id}/streams/{stream_name}`.

        # Errors
        `AirbyteError.NotFound` for an unknown stream; `AirbyteError.Validation`.
"""
        ...
    def query(self, template_id: str, query: str) -> JsonValue:
        """
        Runs a JMESPath query over the catalog; the result is a JSON value.
        `POST /integrations/templates/sources/{id}/catalog/query`.

        # Errors
        `AirbyteError.InvalidArgument` for an empty query (nothing sent);
        `AirbyteError.Validation` for one the service cannot parse.
"""
        ...
    def replace(self, template_id: str, catalog: typing.Optional[SonarCatalog] = None) -> str:
        """
        Replaces the catalog (`None`: the connector's discovered one again); returns its id.
        `POST /integrations/templates/sources/{id}/catalog`.

        # Errors
        `AirbyteError.NotFound`; `AirbyteError.Validation` for a catalog the service refuses.
"""
        ...

class WorkspacePagesProtocol(typing.Protocol):
    """
    A walk over every page of `GET /workspaces` (from `Workspaces.pages()`). Thread-safe;
    one page per `next_page()` call.

    A page's `next` link is followed only on the configured scheme, host and port, with the
    walk's own filters and page size; the walk stops on a `null` `next`. A link elsewhere, a
    link without a cursor, or a repeated cursor ends the walk with `AirbyteError.Pagination`
    (raised by the call after the page that carried the link, so no workspace is lost).

    The walk shares its client's `close()`: once the client is closed, `next_page()` raises
    `AirbyteError.ClientClosed` (and the walk lets go of the client).
"""
    def next_page(self) -> typing.Optional[typing.List[Workspace]]:
        """
        The next page's workspaces, or `None` once the last page has been read (and after an
        error other than `ClientClosed`).

        # Errors
        `AirbyteError.Pagination` (see the type's docs); the request's own errors;
        `AirbyteError.ClientClosed` once the client is closed (every later call too).
"""
        ...
    def __iter__(self) -> typing.Iterator[Workspace]: ...

class WorkspacePages(WorkspacePagesProtocol):
    """
    A walk over every page of `GET /workspaces` (from `Workspaces.pages()`). Thread-safe;
    one page per `next_page()` call.

    A page's `next` link is followed only on the configured scheme, host and port, with the
    walk's own filters and page size; the walk stops on a `null` `next`. A link elsewhere, a
    link without a cursor, or a repeated cursor ends the walk with `AirbyteError.Pagination`
    (raised by the call after the page that carried the link, so no workspace is lost).

    The walk shares its client's `close()`: once the client is closed, `next_page()` raises
    `AirbyteError.ClientClosed` (and the walk lets go of the client).
"""
    _handle: ctypes.c_uint64
    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        ...
    def next_page(self) -> typing.Optional[typing.List[Workspace]]:
        """
        The next page's workspaces, or `None` once the last page has been read (and after an
        error other than `ClientClosed`).

        # Errors
        `AirbyteError.Pagination` (see the type's docs); the request's own errors;
        `AirbyteError.ClientClosed` once the client is closed (every later call too).
"""
        ...
    def __iter__(self) -> typing.Iterator[Workspace]: ...

class WorkspacesProtocol(typing.Protocol):
    """
    Workspace operations for the operator (`OperatorClient.workspaces()`).
    Shares its client's `close()`: every method raises `AirbyteError.ClientClosed` once the
    client is closed.
"""
    def deactivate(self, id: str) -> Workspace:
        """
        Sets a workspace `inactive`, which disables its connections. `PUT /workspaces/{id}`.

        # Errors
        As `update`.
"""
        ...
    def delete(self, id: str) -> Deleted:
        """
        Deletes a workspace. `DELETE /workspaces/{id}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    def get(self, id: str) -> Workspace:
        """
        Reads one workspace. `GET /workspaces/{id}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    def list_page(self, filter: typing.Optional[WorkspaceFilter] = None, cursor: typing.Optional[str] = None) -> WorkspacePage:
        """
        Reads one page. `GET /workspaces?name_contains=…&status=…&limit=…&cursor=…`.
        `cursor` is the opaque cursor of the previous page's `next` link (`None`: the first
        page); `pages()` follows the links for you.

        # Errors
        `AirbyteError.InvalidArgument` for a `limit` outside 1..=100 (nothing sent); auth and
        transport errors.
"""
        ...
    def pages(self, filter: typing.Optional[WorkspaceFilter] = None) -> WorkspacePages:
        """
        A walk over every page of workspaces matching `filter` (default: all), fetched one
        page per `WorkspacePages.next_page()` call. Each package wraps it in its language's
        iteration idiom (a Python iterator, a Kotlin `Sequence`, a Swift `Sequence`). Nothing
        is sent here: like every other error of the walk, `AirbyteError.ClientClosed` (the
        client closed before or during the walk) comes from `next_page()`.
"""
        ...
    def stats(self) -> WorkspaceStats:
        """
        Workspace counts. `GET /workspaces/stats`.

        # Errors
        Auth and transport errors.
"""
        ...
    def update(self, id: str, update: WorkspaceUpdate) -> Workspace:
        """
        Renames or (de)activates a workspace. `PUT /workspaces/{id}`.

        # Errors
        `AirbyteError.NotFound`; `AirbyteError.Validation`.
"""
        ...

class Workspaces(WorkspacesProtocol):
    """
    Workspace operations for the operator (`OperatorClient.workspaces()`).
    Shares its client's `close()`: every method raises `AirbyteError.ClientClosed` once the
    client is closed.
"""
    _handle: ctypes.c_uint64
    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        ...
    def deactivate(self, id: str) -> Workspace:
        """
        Sets a workspace `inactive`, which disables its connections. `PUT /workspaces/{id}`.

        # Errors
        As `update`.
"""
        ...
    def delete(self, id: str) -> Deleted:
        """
        Deletes a workspace. `DELETE /workspaces/{id}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    def get(self, id: str) -> Workspace:
        """
        Reads one workspace. `GET /workspaces/{id}`.

        # Errors
        `AirbyteError.NotFound`.
"""
        ...
    def list_page(self, filter: typing.Optional[WorkspaceFilter] = None, cursor: typing.Optional[str] = None) -> WorkspacePage:
        """
        Reads one page. `GET /workspaces?name_contains=…&status=…&limit=…&cursor=…`.
        `cursor` is the opaque cursor of the previous page's `next` link (`None`: the first
        page); `pages()` follows the links for you.

        # Errors
        `AirbyteError.InvalidArgument` for a `limit` outside 1..=100 (nothing sent); auth and
        transport errors.
"""
        ...
    def pages(self, filter: typing.Optional[WorkspaceFilter] = None) -> WorkspacePages:
        """
        A walk over every page of workspaces matching `filter` (default: all), fetched one
        page per `WorkspacePages.next_page()` call. Each package wraps it in its language's
        iteration idiom (a Python iterator, a Kotlin `Sequence`, a Swift `Sequence`). Nothing
        is sent here: like every other error of the walk, `AirbyteError.ClientClosed` (the
        client closed before or during the walk) comes from `next_page()`.
"""
        ...
    def stats(self) -> WorkspaceStats:
        """
        Workspace counts. `GET /workspaces/stats`.

        # Errors
        Auth and transport errors.
"""
        ...
    def update(self, id: str, update: WorkspaceUpdate) -> Workspace:
        """
        Renames or (de)activates a workspace. `PUT /workspaces/{id}`.

        # Errors
        `AirbyteError.NotFound`; `AirbyteError.Validation`.
"""
        ...

class OperatorClientProtocol(typing.Protocol):
    """
    The operator's client: templates, tags, the connector catalogue, workspaces, every
    workspace's sources, files through a source, the API proxy, source search, and minting
    scoped and widget tokens. Thread-safe: one client serves
    many threads, sharing one connection pool and one token cache.

    The operator token is minted from the client credentials on first use
    (`POST /account/applications/token`), cached until shortly before it expires, refreshed by
    one thread while the others wait, and refreshed once more if a call gets HTTP 401.

    Lifetime: `close()` (Kotlin `shutdown()`; Python also `with OperatorClient(...) as op:`)
    ends the client; every later call on it, on the area handles made from it and on the
    end-user clients it made raises `AirbyteError.ClientClosed`. Without `close()`, the
    client lives as long as the client object or any handle made from it.
"""
    def base_url(self) -> str:
        """
        The base URL every path is joined to, without a trailing slash.

        # Errors
        `AirbyteError.ClientClosed` after `close()` (as every method below).
"""
        ...
    def bulk(self) -> Bulk:
        """
        Bulk operations over many workspaces or sources within the rate limit, and workspace
        sync. The handle shares this client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def close(self) -> None:
        """
        Ends the client (Kotlin: `shutdown()`, as `close()` there is `AutoCloseable`'s, which
        only frees the Kotlin object). Every later call on this client, on the area handles
        made from it (`sources()`, `workspaces()`, a `WorkspacePages` walk, …) and on the
        end-user clients it made raises `AirbyteError.ClientClosed`; calls already running
        finish, and the connection pool and token cache are released when the last returns.
        Closing again does nothing. Python's `with` block calls it on leaving.
"""
        ...
    def connection_templates(self) -> ConnectionTemplates:
        """
        Connection templates: `/integrations/templates/connections`. The handle shares this
        client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def connectors(self) -> Connectors:
        """
        Connectors (2026): `/integrations/connectors`, the sources under their Agent Engine
        name, with inline checks and executes. The handle shares this client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def definition_catalogs(self) -> DefinitionCatalogs:
        """
        Source definitions' stream catalogs: `/integrations/definitions/sources/{id}/catalog`.
        The handle shares this client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def definitions(self) -> Definitions:
        """
        The connector catalogue: `/integrations/definitions/sources` and
        `/integrations/definitions/destinations`. The handle shares this client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def destinations(self) -> Destinations:
        """
        The destinations the service made from connection templates:
        `/integrations/destinations`. The handle (and its page walks) share this client's
        `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def end_user_client(self, workspace_name: str) -> EndUserClient:
        """
        An end-user client for `workspace_name`, whose scoped token this operator client
        mints, caches and re-mints near expiry or after a 401. Closing this operator client
        closes it too; closing it leaves this one open.

        # Errors
        `AirbyteError.InvalidArgument` for an empty workspace name (minting happens on first
        use); `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def files(self) -> Files:
        """
        Files through an end user's source (drives, folder listings, file contents streamed):
        `/sonar/files/...`. The handle (and its walks and open files) share this client's
        `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def last_rate_limit(self) -> typing.Optional[RateLimit]:
        """
        The rate-limit headers of the most recent response that carried any (`None` before
        the first such response).

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def mint_scoped_token(self, request: ScopedTokenRequest) -> ScopedToken:
        """
        Mints a new scoped token for one end user's workspace, creating the workspace if the
        name is new; each call mints a fresh token (see `scoped_token` for a cached one).
        `POST /embedded/scoped-token` (or `/account/applications/scoped-token`).

        # Errors
        `AirbyteError.InvalidArgument` for an empty workspace name or a region that is not a
        UUID (nothing sent); `AirbyteError.Forbidden`; transport errors;
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def mint_widget_token(self, request: WidgetTokenRequest) -> WidgetToken:
        """
        Mints a widget token for one end user's workspace, bound to `allowed_origin`, and
        decodes it. `POST /embedded/widget-token` (or `/account/applications/widget-token`).

        # Errors
        `AirbyteError.InvalidArgument` naming `allowed_origin`, `workspace_name` or
        `region_id` (nothing sent); `AirbyteError.Validation`;
        `AirbyteError.InvalidWidgetToken` when the answer does not decode;
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def oauth_credentials(self) -> OAuthCredentials:
        """
        The organisation's OAuth apps for connectors (2026): `/oauth/credentials`. The handle
        shares this client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def proxy(self) -> ApiProxy:
        """
        The API proxy: requests to an end user's API with a source's stored credentials,
        `/sonar/apis/{source_id}/request`. The handle shares this client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def scoped_token(self, workspace_name: str) -> ScopedToken:
        """
        A scoped token for `workspace_name` from this client's cache, minted when missing or
        near expiry. Concurrent callers for one workspace share one mint.

        # Errors
        As `mint_scoped_token`.
"""
        ...
    def source_search(self) -> SourceSearch:
        """
        Search over a source's synced records:
        `/integrations/sources/{id}/search/{stream_name}`. The handle shares this client's
        `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def source_templates(self) -> SourceTemplates:
        """
        Source templates: `/integrations/templates/sources`. The handle shares this client's
        `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def sources(self) -> Sources:
        """
        Sources and checks of any workspace in the organisation: `/integrations/sources`. The
        handle shares this client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def tags(self) -> Tags:
        """
        Tags: `/integrations/templates/tags`. The handle shares this client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def template_catalogs(self) -> TemplateCatalogs:
        """
        Source templates' stream catalogs: `/integrations/templates/sources/{id}/catalog`. The
        handle shares this client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def workspaces(self) -> Workspaces:
        """
        Workspaces: `/workspaces`. The handle (and its page walks) share this client's
        `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...

class OperatorClient(OperatorClientProtocol):
    """
    The operator's client: templates, tags, the connector catalogue, workspaces, every
    workspace's sources, files through a source, the API proxy, source search, and minting
    scoped and widget tokens. Thread-safe: one client serves
    many threads, sharing one connection pool and one token cache.

    The operator token is minted from the client credentials on first use
    (`POST /account/applications/token`), cached until shortly before it expires, refreshed by
    one thread while the others wait, and refreshed once more if a call gets HTTP 401.

    Lifetime: `close()` (Kotlin `shutdown()`; Python also `with OperatorClient(...) as op:`)
    ends the client; every later call on it, on the area handles made from it and on the
    end-user clients it made raises `AirbyteError.ClientClosed`. Without `close()`, the
    client lives as long as the client object or any handle made from it.
"""
    _handle: ctypes.c_uint64
    @classmethod
    def from_env(cls, token_store: typing.Optional[TokenStore] = None) -> OperatorClient:
        """
        A client configured from the environment: `AIRBYTE_CLIENT_ID` and
        `AIRBYTE_CLIENT_SECRET` (both required), and `AIRBYTE_API_URL` and
        `AIRBYTE_ORGANIZATION_ID` when set.

        # Errors
        `AirbyteError.InvalidArgument` naming `AIRBYTE_CLIENT_ID` when the credentials are
        unset, or the variable holding an invalid value.

        `token_store` as for the main constructor.
"""
        ...
    def __init__(self, client_id: str, client_secret: str, config: typing.Optional[ClientConfig] = None, token_store: typing.Optional[TokenStore] = None) -> None:
        """
        A client authenticating with `client_id` and `client_secret`, configured by `config`
        (defaults when `None`; the environment is not read). Sends nothing until the first
        call.

        # Errors
        `AirbyteError.InvalidArgument` naming `client_id` or `client_secret` when either is
        empty, or the `config` setting that is invalid.

        `token_store` is where the operator token, the scoped tokens this client mints and
        (with `config.template_cache_ttl`) template lists are kept, shared with every client
        and process given the same store, base URL, organisation and credentials, one of which
        refreshes each token (`redis_token_store(...)` for a fleet, `memory_token_store()`
        within a process, or the host's own `TokenStore`). `None` (the default): a memory
        store of this client's own. A store that fails never fails a call.
"""
        ...
    def base_url(self) -> str:
        """
        The base URL every path is joined to, without a trailing slash.

        # Errors
        `AirbyteError.ClientClosed` after `close()` (as every method below).
"""
        ...
    def bulk(self) -> Bulk:
        """
        Bulk operations over many workspaces or sources within the rate limit, and workspace
        sync. The handle shares this client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def close(self) -> None:
        """
        Ends the client (Kotlin: `shutdown()`, as `close()` there is `AutoCloseable`'s, which
        only frees the Kotlin object). Every later call on this client, on the area handles
        made from it (`sources()`, `workspaces()`, a `WorkspacePages` walk, …) and on the
        end-user clients it made raises `AirbyteError.ClientClosed`; calls already running
        finish, and the connection pool and token cache are released when the last returns.
        Closing again does nothing. Python's `with` block calls it on leaving.
"""
        ...
    def connection_templates(self) -> ConnectionTemplates:
        """
        Connection templates: `/integrations/templates/connections`. The handle shares this
        client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def connectors(self) -> Connectors:
        """
        Connectors (2026): `/integrations/connectors`, the sources under their Agent Engine
        name, with inline checks and executes. The handle shares this client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def definition_catalogs(self) -> DefinitionCatalogs:
        """
        Source definitions' stream catalogs: `/integrations/definitions/sources/{id}/catalog`.
        The handle shares this client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def definitions(self) -> Definitions:
        """
        The connector catalogue: `/integrations/definitions/sources` and
        `/integrations/definitions/destinations`. The handle shares this client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def destinations(self) -> Destinations:
        """
        The destinations the service made from connection templates:
        `/integrations/destinations`. The handle (and its page walks) share this client's
        `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def end_user_client(self, workspace_name: str) -> EndUserClient:
        """
        An end-user client for `workspace_name`, whose scoped token this operator client
        mints, caches and re-mints near expiry or after a 401. Closing this operator client
        closes it too; closing it leaves this one open.

        # Errors
        `AirbyteError.InvalidArgument` for an empty workspace name (minting happens on first
        use); `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def files(self) -> Files:
        """
        Files through an end user's source (drives, folder listings, file contents streamed):
        `/sonar/files/...`. The handle (and its walks and open files) share this client's
        `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def last_rate_limit(self) -> typing.Optional[RateLimit]:
        """
        The rate-limit headers of the most recent response that carried any (`None` before
        the first such response).

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def mint_scoped_token(self, request: ScopedTokenRequest) -> ScopedToken:
        """
        Mints a new scoped token for one end user's workspace, creating the workspace if the
        name is new; each call mints a fresh token (see `scoped_token` for a cached one).
        `POST /embedded/scoped-token` (or `/account/applications/scoped-token`).

        # Errors
        `AirbyteError.InvalidArgument` for an empty workspace name or a region that is not a
        UUID (nothing sent); `AirbyteError.Forbidden`; transport errors;
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def mint_widget_token(self, request: WidgetTokenRequest) -> WidgetToken:
        """
        Mints a widget token for one end user's workspace, bound to `allowed_origin`, and
        decodes it. `POST /embedded/widget-token` (or `/account/applications/widget-token`).

        # Errors
        `AirbyteError.InvalidArgument` naming `allowed_origin`, `workspace_name` or
        `region_id` (nothing sent); `AirbyteError.Validation`;
        `AirbyteError.InvalidWidgetToken` when the answer does not decode;
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def oauth_credentials(self) -> OAuthCredentials:
        """
        The organisation's OAuth apps for connectors (2026): `/oauth/credentials`. The handle
        shares this client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def proxy(self) -> ApiProxy:
        """
        The API proxy: requests to an end user's API with a source's stored credentials,
        `/sonar/apis/{source_id}/request`. The handle shares this client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def scoped_token(self, workspace_name: str) -> ScopedToken:
        """
        A scoped token for `workspace_name` from this client's cache, minted when missing or
        near expiry. Concurrent callers for one workspace share one mint.

        # Errors
        As `mint_scoped_token`.
"""
        ...
    def source_search(self) -> SourceSearch:
        """
        Search over a source's synced records:
        `/integrations/sources/{id}/search/{stream_name}`. The handle shares this client's
        `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def source_templates(self) -> SourceTemplates:
        """
        Source templates: `/integrations/templates/sources`. The handle shares this client's
        `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def sources(self) -> Sources:
        """
        Sources and checks of any workspace in the organisation: `/integrations/sources`. The
        handle shares this client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def tags(self) -> Tags:
        """
        Tags: `/integrations/templates/tags`. The handle shares this client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def template_catalogs(self) -> TemplateCatalogs:
        """
        Source templates' stream catalogs: `/integrations/templates/sources/{id}/catalog`. The
        handle shares this client's `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def workspaces(self) -> Workspaces:
        """
        Workspaces: `/workspaces`. The handle (and its page walks) share this client's
        `close()`.

        # Errors
        `AirbyteError.ClientClosed` after `close()`.
"""
        ...
    def __enter__(self) -> "OperatorClient": ...
    def __exit__(self, *exc: object) -> None: ...

class ScopedTokenProvider:
    """
    Fetches a fresh scoped token for the signed-in end user, typically from the host's own
    backend (which holds the operator credentials and calls `mint_scoped_token`). Implemented
    by the host: a Python class with `fetch_scoped_token(self) -> str`, a Kotlin class
    implementing the interface, a Swift type conforming to the protocol.

    The client calls it on its first call, when the token is near its JWT `exp` (by the
    config's `token_refresh_margin`), and after the service refuses the token (401; 403 for a
    token held a minute or more), then sends the refused call once more. One call fetches at a
    time: others needing a token wait for that fetch. It is called from the SDK's threads and
    may block; bound its own wait (a request timeout to the backend).
"""
    def fetch_scoped_token(self) -> str:
        """
        The scoped token (the `token` of the service's `POST /embedded/scoped-token` answer).

        # Errors
        Raise `AirbyteError` (any variant: the call that needed the token fails with it) or
        any other exception (the call fails with `AirbyteError.TokenProvider` carrying its
        text). The next call asks again.
"""
        ...

class ScopedTokenProviderImpl(ScopedTokenProvider):
    """
    Fetches a fresh scoped token for the signed-in end user, typically from the host's own
    backend (which holds the operator credentials and calls `mint_scoped_token`). Implemented
    by the host: a Python class with `fetch_scoped_token(self) -> str`, a Kotlin class
    implementing the interface, a Swift type conforming to the protocol.

    The client calls it on its first call, when the token is near its JWT `exp` (by the
    config's `token_refresh_margin`), and after the service refuses the token (401; 403 for a
    token held a minute or more), then sends the refused call once more. One call fetches at a
    time: others needing a token wait for that fetch. It is called from the SDK's threads and
    may block; bound its own wait (a request timeout to the backend).
"""
    _handle: ctypes.c_uint64
    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        ...
    def fetch_scoped_token(self) -> str:
        """
        The scoped token (the `token` of the service's `POST /embedded/scoped-token` answer).

        # Errors
        Raise `AirbyteError` (any variant: the call that needed the token fails with it) or
        any other exception (the call fails with `AirbyteError.TokenProvider` carrying its
        text). The next call asks again.
"""
        ...

class SpecProtocol(typing.Protocol):
    """
    A connector spec compiled once, for validating many configs against it: no call on it
    parses, hashes or looks up the spec again. Made from the spec (a `ConnectorSpecification`,
    a manifest spec or a bare JSON Schema), as a JSON value or (`from_text`) its JSON text;
    thread-safe; keep one per source template. Every method answers as the free function of
    the same name given the same spec.
"""
    def form(self, partial_default_config: typing.Optional[JsonObject] = None) -> JsonValue:
        """
        The form model for a template with `partial_default_config` (a JSON object; defaults
        to none), as `form_model` returns it.

        # Errors
        `AirbyteError.InvalidArgument` naming `partial_default_config` for a value that is not
        a JSON object.
"""
        ...
    def is_valid(self, source_config: JsonObject) -> bool:
        """
        Whether `source_config` (a JSON object) passes, with no template defaults and the
        strict `ValidationOptions()`: exactly when `validate(source_config)` would return
        instead of raising `InvalidConfig`, without building the validated config or
        describing the problems. For a yes/no answer per keystroke or per request; `validate`
        says what is wrong.

        # Errors
        `AirbyteError.InvalidArgument` naming `source_config` for a value that is not a JSON
        object (never for a config that is merely invalid: that answers `false`).
"""
        ...
    def is_valid_text(self, source_config: str) -> bool:
        """
        `is_valid` of `source_config` given as JSON object text, read as is.

        # Errors
        As `is_valid`, for text that is not a JSON object.
"""
        ...
    def mask_secrets(self, config: JsonValue) -> JsonValue:
        """
        `config` with every value at an `airbyte_secret` path replaced by `**********` (as
        `mask_secrets`).

        # Errors
        `AirbyteError.InvalidArgument` naming `config` for a value that is not JSON.
"""
        ...
    def secret_paths(self) -> typing.List[str]:
        """
        Every `airbyte_secret` path as a JSON pointer, with `*` standing for any array index
        (as `secret_paths`).
"""
        ...
    def validate(self, source_config: JsonObject) -> ValidatedConfig:
        """
        Validates `source_config` (a JSON object) with no template defaults and the strict
        `ValidationOptions()`, as `validate_source_config(spec, {}, source_config)` does. The
        cheapest call: only the config crosses (each further argument, `None` included, is one
        more buffer to allocate). `validate_with` takes defaults and options.

        # Errors
        `AirbyteError.InvalidConfig` listing every problem (`path`, `message`, `keyword`);
        `AirbyteError.InvalidArgument` naming `source_config` for a value that is not a JSON
        object.
"""
        ...
    def validate_text(self, source_config: str) -> ValidatedConfig:
        """
        Validates `source_config` given as JSON object text, read as is (keys in their order,
        no conversion to the language's values first), as `validate` does with the object it
        spells.

        # Errors
        As `validate`; `AirbyteError.InvalidArgument` naming `source_config` for text that is
        not a JSON object.
"""
        ...
    def validate_with(self, source_config: JsonObject, partial_default_config: JsonObject, options: typing.Optional[ValidationOptions] = None) -> ValidatedConfig:
        """
        Validates `merge(partial_default_config, source_config)` (JSON objects; `options`
        defaults to the strict `ValidationOptions()`), as `validate_source_config` does with
        this spec.

        # Errors
        As `validate`.
"""
        ...

class Spec(SpecProtocol):
    """
    A connector spec compiled once, for validating many configs against it: no call on it
    parses, hashes or looks up the spec again. Made from the spec (a `ConnectorSpecification`,
    a manifest spec or a bare JSON Schema), as a JSON value or (`from_text`) its JSON text;
    thread-safe; keep one per source template. Every method answers as the free function of
    the same name given the same spec.
"""
    _handle: ctypes.c_uint64
    @classmethod
    def from_text(cls, spec: str) -> Spec:
        """
        Compiles `spec` given as JSON text, read as is (keys in their order, no conversion to
        the language's values first), as `Spec(spec)` does with the value it spells.

        # Errors
        As `Spec(spec)`; `AirbyteError.InvalidArgument` naming `spec` for text that is not
        JSON.
"""
        ...
    def __init__(self, spec: JsonValue) -> None:
        """
        Compiles `spec`, or takes the compiled form from the process-wide cache when a spec
        with the same connection schema was compiled before.

        # Errors
        `AirbyteError.InvalidSpec` when the spec does not load (not a JSON Schema, an unknown
        `$schema`, a remote `$ref`, …); `AirbyteError.InvalidArgument` naming `spec` for a
        value that is not JSON.
"""
        ...
    def form(self, partial_default_config: typing.Optional[JsonObject] = None) -> JsonValue:
        """
        The form model for a template with `partial_default_config` (a JSON object; defaults
        to none), as `form_model` returns it.

        # Errors
        `AirbyteError.InvalidArgument` naming `partial_default_config` for a value that is not
        a JSON object.
"""
        ...
    def is_valid(self, source_config: JsonObject) -> bool:
        """
        Whether `source_config` (a JSON object) passes, with no template defaults and the
        strict `ValidationOptions()`: exactly when `validate(source_config)` would return
        instead of raising `InvalidConfig`, without building the validated config or
        describing the problems. For a yes/no answer per keystroke or per request; `validate`
        says what is wrong.

        # Errors
        `AirbyteError.InvalidArgument` naming `source_config` for a value that is not a JSON
        object (never for a config that is merely invalid: that answers `false`).
"""
        ...
    def is_valid_text(self, source_config: str) -> bool:
        """
        `is_valid` of `source_config` given as JSON object text, read as is.

        # Errors
        As `is_valid`, for text that is not a JSON object.
"""
        ...
    def mask_secrets(self, config: JsonValue) -> JsonValue:
        """
        `config` with every value at an `airbyte_secret` path replaced by `**********` (as
        `mask_secrets`).

        # Errors
        `AirbyteError.InvalidArgument` naming `config` for a value that is not JSON.
"""
        ...
    def secret_paths(self) -> typing.List[str]:
        """
        Every `airbyte_secret` path as a JSON pointer, with `*` standing for any array index
        (as `secret_paths`).
"""
        ...
    def validate(self, source_config: JsonObject) -> ValidatedConfig:
        """
        Validates `source_config` (a JSON object) with no template defaults and the strict
        `ValidationOptions()`, as `validate_source_config(spec, {}, source_config)` does. The
        cheapest call: only the config crosses (each further argument, `None` included, is one
        more buffer to allocate). `validate_with` takes defaults and options.

        # Errors
        `AirbyteError.InvalidConfig` listing every problem (`path`, `message`, `keyword`);
        `AirbyteError.InvalidArgument` naming `source_config` for a value that is not a JSON
        object.
"""
        ...
    def validate_text(self, source_config: str) -> ValidatedConfig:
        """
        Validates `source_config` given as JSON object text, read as is (keys in their order,
        no conversion to the language's values first), as `validate` does with the object it
        spells.

        # Errors
        As `validate`; `AirbyteError.InvalidArgument` naming `source_config` for text that is
        not a JSON object.
"""
        ...
    def validate_with(self, source_config: JsonObject, partial_default_config: JsonObject, options: typing.Optional[ValidationOptions] = None) -> ValidatedConfig:
        """
        Validates `merge(partial_default_config, source_config)` (JSON objects; `options`
        defaults to the strict `ValidationOptions()`), as `validate_source_config` does with
        this spec.

        # Errors
        As `validate`.
"""
        ...

class TokenStore:
    """
    A key-value store with expiry and an owned lock, shared by the clients (and processes)
    that should share tokens. Keys are ASCII under 100 bytes
    (`airbyte-embedded:v1:<kind>:<64 hex digits>`, a lock is its key followed by `:lock`);
    values are ASCII text of a few KB, already sealed (ChaCha20-Poly1305) by the SDK, so the
    store never sees a token in the clear. Every method may be called from many threads at
    once and should fail fast (raise `TokenStoreError.Unavailable`, or any exception) rather
    than block: a failure makes the client mint on its own, never fails the call.
"""
    def get(self, key: str) -> typing.Optional[str]:
        """
        The value stored under `key`, or `None` when there is none or it expired.
"""
        ...
    def put(self, key: str, value: str, ttl: Duration) -> None:
        """
        Stores `value` under `key` for `ttl` (at least 1 ms), replacing any value.
"""
        ...
    def remove_if(self, key: str, value: str) -> bool:
        """
        Removes `key` if it still holds exactly `value`, atomically; returns whether it did.
"""
        ...
    def try_lock(self, key: str, owner: str, ttl: Duration) -> bool:
        """
        Takes the lock `key` for `owner` for `ttl` unless a lock there has not expired yet
        (whoever holds it); returns whether it was taken. Must be atomic across everything
        sharing the store (Redis: `SET key owner NX PX ttl`).
"""
        ...
    def unlock(self, key: str, owner: str) -> None:
        """
        Releases the lock `key` if `owner` still holds it (a lock that expired and was taken
        by another owner is left alone): `remove_if(key, owner)` in most stores.
"""
        ...

class TokenStoreImpl(TokenStore):
    """
    A key-value store with expiry and an owned lock, shared by the clients (and processes)
    that should share tokens. Keys are ASCII under 100 bytes
    (`airbyte-embedded:v1:<kind>:<64 hex digits>`, a lock is its key followed by `:lock`);
    values are ASCII text of a few KB, already sealed (ChaCha20-Poly1305) by the SDK, so the
    store never sees a token in the clear. Every method may be called from many threads at
    once and should fail fast (raise `TokenStoreError.Unavailable`, or any exception) rather
    than block: a failure makes the client mint on its own, never fails the call.
"""
    _handle: ctypes.c_uint64
    def __init__(self, *args: typing.Any, **kwargs: typing.Any) -> None:
        ...
    def get(self, key: str) -> typing.Optional[str]:
        """
        The value stored under `key`, or `None` when there is none or it expired.
"""
        ...
    def put(self, key: str, value: str, ttl: Duration) -> None:
        """
        Stores `value` under `key` for `ttl` (at least 1 ms), replacing any value.
"""
        ...
    def remove_if(self, key: str, value: str) -> bool:
        """
        Removes `key` if it still holds exactly `value`, atomically; returns whether it did.
"""
        ...
    def try_lock(self, key: str, owner: str, ttl: Duration) -> bool:
        """
        Takes the lock `key` for `owner` for `ttl` unless a lock there has not expired yet
        (whoever holds it); returns whether it was taken. Must be atomic across everything
        sharing the store (Redis: `SET key owner NX PX ttl`).
"""
        ...
    def unlock(self, key: str, owner: str) -> None:
        """
        Releases the lock `key` if `owner` still holds it (a lock that expired and was taken
        by another owner is left alone): `remove_if(key, owner)` in most stores.
"""
        ...

def clear_logger() -> None:
    """
    Stops forwarding log records (the registered logger is dropped).
"""
    ...

def client_config_from_env() -> ClientConfig:
    """
    The default configuration with `base_url` and `organization_id` read from
    `AIRBYTE_API_URL` and `AIRBYTE_ORGANIZATION_ID` where those are set and not empty (the
    Rust `ClientConfig::builder().env()`). Adjust the result and pass it to a client.

    # Errors
    `AirbyteError.InvalidArgument` when either variable holds an invalid value.
"""
    ...

def default_base_url() -> str:
    """
    The production base URL, `https://api.airbyte.ai/api/v1`.
"""
    ...

def defaults() -> Defaults:
    """
    The core's defaults (see [`Defaults`]).
"""
    ...

def error_status(error: AirbyteError) -> typing.Optional[int]:
    """
    The HTTP status of the response the error came from (`404`), or `None` when it came from
    none (a transport error, a timeout, a refused argument, an `OutcomeUnknown` after a broken
    connection): the core's `Error::status()`, whichever the kind. No network call; never
    fails.
"""
    ...

def error_text(error: AirbyteError) -> str:
    """
    The error's text as the Rust `Display` writes it: what went wrong, the HTTP status, the
    service's message with its field errors, and the rate-limit numbers
    (`rate limited (HTTP 429): Too many requests; retry after 7 s; 0 of 1000 requests left`).
    Never holds a token or an `airbyte_secret` value. Python's `str(e)` is this. No network
    call; never fails.
"""
    ...

def form_model(spec: JsonValue, partial_default_config: JsonObject) -> JsonValue:
    """
    The form model of `spec` for a template with `partial_default_config`: a JSON object
    `{title?, description?, documentation_url?, fields: [...], groups?, advanced_auth?}`
    tree whose fields carry `key`, `path` (JSON pointer), `title`, `kind` (`string`,
    `integer`, `number`, `boolean`, `object`, `array`, `choice`, `unknown`) and the
    constraints to render (empty and `false` members are left out).

    # Errors
    `AirbyteError.InvalidSpec` when the spec does not load; `AirbyteError.InvalidArgument`
    naming the argument for a value that is not JSON.
"""
    ...

def mask_secrets(spec: JsonValue, config: JsonValue) -> JsonValue:
    """
    `config` with every value at an `airbyte_secret` path of `spec` replaced by `**********`
    (as the service does in responses).

    # Errors
    `AirbyteError.InvalidArgument` naming the argument for a value that is not JSON.
"""
    ...

def masked_secret_paths(spec: JsonValue, config: JsonValue) -> typing.List[str]:
    """
    JSON pointers of every value in `config` that is exactly the mask `**********` at a secret
    path of `spec`: what a fetched config hides.

    # Errors
    `AirbyteError.InvalidArgument` naming the argument for a value that is not JSON.
"""
    ...

def memory_token_store() -> TokenStore:
    """
    A store in this process's memory: several clients given the same one share their tokens
    (a client without a store has a memory store of its own). Entries expire by their `ttl`.
"""
    ...

def merge_config(spec: JsonValue, partial_default_config: JsonObject, source_config: JsonObject) -> JsonObject:
    """
    `partial_default_config` with `source_config` merged over it, as the service merges them
    (user values win; a `oneOf` object is never a hybrid of two branches).

    # Errors
    `AirbyteError.InvalidArgument` naming the argument for a value that is not JSON.
"""
    ...

def redact_config(spec: JsonValue, config: JsonValue) -> JsonValue:
    """
    `config` redacted for logs: secrets masked, and every scalar the spec does not describe
    masked too (an allow-list).

    # Errors
    `AirbyteError.InvalidArgument` naming the argument for a value that is not JSON.
"""
    ...

def redis_token_store(redis_url: str, timeout: typing.Optional[Duration] = None, root_certificates_pem: typing.Optional[str] = None) -> TokenStore:
    """
    A store on a Redis server (6.2 or later; Valkey too), shared by every process of a fleet:
    `redis://[user:password@]host[:port][/db]`, `rediss://…` (TLS, verified against the
    bundled Mozilla roots, or only against `root_certificates_pem` when given) or
    `redis+unix:///path/to/socket[?db=N]`. Connects on first use, not here; each command has
    `timeout` (1 s when `None`) for connecting and for each read and write, and after a
    failure the store is not tried for 5 s (the clients mint on their own meanwhile).

    # Errors
    `AirbyteError.InvalidArgument` naming `redis_url` when the URL does not parse (the URL is
    not quoted: it may hold a password) or the library was built without Redis (its `redis`
    feature, on by default; mobile builds leave it out), or `root_certificates_pem` when it
    holds no certificate or is given with a URL that is not `rediss://`.
"""
    ...

def region_eu() -> str:
    """
    The EU region id.
"""
    ...

def region_us() -> str:
    """
    The US region id (the service's default region).
"""
    ...

def secret_mask() -> str:
    """
    The value the service puts in place of every `airbyte_secret` in a response:
    `**********`. Never send it back as a value.
"""
    ...

def secret_paths(spec: JsonValue) -> typing.List[str]:
    """
    Every `airbyte_secret` path of `spec` as a JSON pointer, with `*` standing for any array
    index in place of a segment (`/password`, `/credentials/client_secret`, and for the key of
    every entry of a `tunnels` array: `/tunnels/` + `*` + `/ssh_key`).

    # Errors
    `AirbyteError.InvalidSpec` when the spec does not load; `AirbyteError.InvalidArgument`
    for a value that is not JSON.
"""
    ...

def set_logger(logger: Logger, max_level: LogLevel) -> None:
    """
    Registers `logger` to receive the SDK's records up to `max_level` (replacing any logger
    registered before). The first call installs the forwarding `log` logger for the process;
    if the host process already installed another Rust logger, records go there instead.
"""
    ...

def test_only_panic(message: str) -> None:
    """
    Test hook: panics with `message` inside the library, so that each package's tests prove a
    Rust panic surfaces as an exception (Python `InternalError`, Kotlin `InternalException`,
    Swift `UniffiInternalError`) and never crashes the host. It panics only when the
    environment variable `AIRBYTE_EMBEDDED_TEST_HOOKS` is `1`; otherwise it does nothing but
    return an error, so a stray call in an application is harmless. Declared as throwing so
    that Swift can catch it.

    # Errors
    `InvalidArgument` naming `AIRBYTE_EMBEDDED_TEST_HOOKS` when the hooks are not armed.
"""
    ...

def user_config_spec(connector_spec: JsonValue, partial_default_config: JsonObject) -> JsonValue:
    """
    The spec an end user fills for a template: `connector_spec` with every field that
    `partial_default_config` supplies no longer required.

    # Errors
    `AirbyteError.InvalidArgument` naming the argument for a value that is not JSON.
"""
    ...

def validate_allowed_origin(origin: str) -> None:
    """
    Checks that `origin` is an exact origin as the widget-token endpoint expects: `http` or
    `https` + host + optional port, with no path, trailing slash, query, credentials or
    wildcard — or the literal `null`. Sends nothing.

    # Errors
    `AirbyteError.InvalidArgument` naming `allowed_origin` and what is wrong with it.
"""
    ...

def validate_source_config(spec: JsonValue, partial_default_config: JsonObject, source_config: JsonObject, options: typing.Optional[ValidationOptions] = None) -> ValidatedConfig:
    """
    Validates `merge(partial_default_config, source_config)` against a connector spec (the
    configs are JSON objects). `options` defaults to the strict `ValidationOptions()`.

    # Errors
    `AirbyteError.InvalidConfig` listing every problem, each with a JSON pointer `path`, a
    `message` and the failing `keyword` (a masked secret sent back is keyword
    `airbyte_secret`); `AirbyteError.InvalidSpec` when the spec does not load;
    `AirbyteError.InvalidArgument` naming the argument for a value that is not JSON (a Python
    `set`, a NaN; for the configs, anything but an object).
"""
    ...
__all__ = ['InternalError', 'CheckState', 'TokenRoutes', 'NonBreakingChangesPreference', 'DataHostingType', 'StreamSelectionMode', 'HashingMethod', 'StreamMapper', 'SourceConfigTemplateMode', 'TagsMode', 'ConnectorAction', 'ExecutionStatus', 'WorkspaceStatus', 'DataCategory', 'CatalogType', 'AirbyteError', 'FileEntryKind', 'LogLevel', 'OAuthScope', 'ActorType', 'ProxyMethod', 'SupportLevel', 'TokenStoreError', 'BulkOptions', 'CheckJob', 'StreamDescriptor', 'FailureReason', 'CheckStatus', 'RetryPolicy', 'Pacing', 'ClientConfig', 'Coercion', 'ConfigError', 'ConnectionTemplate', 'ConnectionTemplateCreate', 'ConnectionTemplateUpdate', 'StreamCustomization', 'HashingConfig', 'FieldRenamingConfig', 'FieldFilteringConfig', 'RowFilterCondition', 'RowFilteringConfig', 'EncryptionConfig', 'Customization', 'SourceTemplate', 'Connector', 'ConnectorCheck', 'ConnectorCreate', 'ConnectorExecute', 'ExecutionMetadata', 'ConnectorExecution', 'ConnectorFilter', 'ConnectorUpdate', 'CronDescription', 'WaitOptions', 'ValidationOptions', 'WriteOptions', 'TagFilter', 'WorkspaceFilter', 'Defaults', 'DefinitionBody', 'FieldTag', 'ForeignKey', 'SonarStream', 'SonarCatalog', 'DefinitionCatalog', 'Deleted', 'FieldError', 'RateLimit', 'DeleteOutcome', 'DeleteReport', 'Destination', 'DestinationDefinition', 'DestinationDefinitionSummary', 'DestinationFilter', 'DestinationSummary', 'DestinationPage', 'Drive', 'FileEntry', 'FilePage', 'FileSource', 'FolderQuery', 'LogRecord', 'OAuthCredentialsRequest', 'OAuthOverride', 'PatchOp', 'ProxyRequest', 'ProxyResponse', 'ScopedTokenInfo', 'ScopedTokenOutcome', 'ScopedTokenReport', 'ScopedTokenRequest', 'SearchHit', 'SearchRequest', 'SearchResponse', 'Source', 'SourceCreate', 'SourceDefinition', 'SourceDefinitionSummary', 'SourceTemplateSummary', 'SourceSummary', 'SourceTemplateCreate', 'SourceTemplateUpdate', 'SourceUpdate', 'StreamDeleted', 'Tag', 'TemplateCatalog', 'ValidatedConfig', 'WidgetTokenRequest', 'Workspace', 'WorkspaceOutcome', 'WorkspacePage', 'WorkspaceReport', 'WorkspaceStats', 'WorkspaceSyncPlan', 'WorkspaceSyncReport', 'WorkspaceSync', 'WorkspaceUpdate', 'clear_logger', 'client_config_from_env', 'default_base_url', 'defaults', 'error_status', 'error_text', 'form_model', 'mask_secrets', 'masked_secret_paths', 'memory_token_store', 'merge_config', 'redact_config', 'redis_token_store', 'region_eu', 'region_us', 'secret_mask', 'secret_paths', 'set_logger', 'test_only_panic', 'user_config_spec', 'validate_allowed_origin', 'validate_source_config', 'ScopedToken', 'ScopedTokenProtocol', 'ApiProxy', 'ApiProxyProtocol', 'AsyncApiProxy', 'AsyncApiProxyProtocol', 'AsyncBulk', 'AsyncBulkProtocol', 'AsyncConnectionTemplates', 'AsyncConnectionTemplatesProtocol', 'AsyncConnectors', 'AsyncConnectorsProtocol', 'AsyncDefinitionCatalogs', 'AsyncDefinitionCatalogsProtocol', 'AsyncDefinitions', 'AsyncDefinitionsProtocol', 'AsyncDestinationPages', 'AsyncDestinationPagesProtocol', 'AsyncDestinations', 'AsyncDestinationsProtocol', 'AsyncEmbeddedSourceTemplates', 'AsyncEmbeddedSourceTemplatesProtocol', 'AsyncSources', 'AsyncSourcesProtocol', 'AsyncEndUserClient', 'AsyncEndUserClientProtocol', 'AsyncFilePages', 'AsyncFilePagesProtocol', 'AsyncFileStream', 'AsyncFileStreamProtocol', 'AsyncFiles', 'AsyncFilesProtocol', 'AsyncOAuthCredentials', 'AsyncOAuthCredentialsProtocol', 'WidgetToken', 'WidgetTokenProtocol', 'AsyncSourceSearch', 'AsyncSourceSearchProtocol', 'AsyncSourceTemplates', 'AsyncSourceTemplatesProtocol', 'AsyncTags', 'AsyncTagsProtocol', 'AsyncTemplateCatalogs', 'AsyncTemplateCatalogsProtocol', 'AsyncWorkspacePages', 'AsyncWorkspacePagesProtocol', 'AsyncWorkspaces', 'AsyncWorkspacesProtocol', 'AsyncOperatorClient', 'AsyncOperatorClientProtocol', 'Bulk', 'BulkProtocol', 'ConnectionTemplates', 'ConnectionTemplatesProtocol', 'Connectors', 'ConnectorsProtocol', 'DefinitionCatalogs', 'DefinitionCatalogsProtocol', 'Definitions', 'DefinitionsProtocol', 'DestinationPages', 'DestinationPagesProtocol', 'Destinations', 'DestinationsProtocol', 'EmbeddedSourceTemplates', 'EmbeddedSourceTemplatesProtocol', 'Sources', 'SourcesProtocol', 'EndUserClient', 'EndUserClientProtocol', 'FilePages', 'FilePagesProtocol', 'FileStream', 'FileStreamProtocol', 'Files', 'FilesProtocol', 'LoggerImpl', 'Logger', 'OAuthCredentials', 'OAuthCredentialsProtocol', 'SourceSearch', 'SourceSearchProtocol', 'SourceTemplates', 'SourceTemplatesProtocol', 'Tags', 'TagsProtocol', 'TemplateCatalogs', 'TemplateCatalogsProtocol', 'WorkspacePages', 'WorkspacePagesProtocol', 'Workspaces', 'WorkspacesProtocol', 'OperatorClient', 'OperatorClientProtocol', 'ScopedTokenProviderImpl', 'ScopedTokenProvider', 'Spec', 'SpecProtocol', 'TokenStoreImpl', 'TokenStore']
