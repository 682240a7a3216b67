"""Files through a source (a walk of folder pages, files as binary file objects, the 50 MiB
one read in chunks with the process's peak memory checked), the API proxy and source search."""

import hashlib
import io
import json
import resource
import shutil

import pytest

import airbyte_embedded as ae
from conftest import unique

SAMPLE_DATA = "dfd88b22-b603-4c3d-aad7-3701784586b1"
LARGE = "exports/large export.bin"
LARGE_LEN = 50 * 1024 * 1024
SECRET = "sk_live_py-upstream-61f0"


@pytest.fixture
def source(operator):
    template = operator.source_templates().create(
        ae.SourceTemplateCreate(actor_definition_id=SAMPLE_DATA, partial_default_config={})
    )
    workspace = operator.end_user_client(unique("py-files")).workspace_id()
    created = operator.sources().create(
        ae.SourceCreate(
            workspace_id=workspace, source_template_id=template.id, source_config='{"count": 6}'
        )
    )
    return workspace, created.id


def test_folders_walk_and_files_read_as_file_objects(operator, source):
    workspace, src = source
    files = operator.files()
    assert [(s.id, s.source_type) for s in files.sources(workspace)] == [(src, "faker")]
    assert [d.id for d in files.drives(src)] == ["main", "shared"]

    entries = list(files.pages(ae.FolderQuery(source_id=src, path="reports/2025", limit=3)))
    assert [e.relative_path for e in entries] == [f"reports/2025/q{q} summary.csv" for q in range(1, 5)]
    assert all(e.kind == ae.FileEntryKind.FILE() for e in entries)
    for bad in (0, -1):
        with pytest.raises(ae.InvalidArgument) as refused:
            files.list_page(ae.FolderQuery(source_id=src, path="/", limit=bad))
        assert refused.value.argument == "limit"
    first = files.list_page(ae.FolderQuery(source_id=src, path="/", limit=2))
    assert first.next is not None
    rest = files.list_page(ae.FolderQuery(source_id=src, path="/", limit=2), first.next)
    assert [e.relative_path for e in rest.items] == ["exports"]
    assert rest.items[0].kind == ae.FileEntryKind.FOLDER() and rest.items[0].bytes is None

    with files.open(src, entries[0].relative_path) as f:
        assert isinstance(f, io.RawIOBase) and f.readable()
        assert f.content_type == "text/csv"
        header = f.read(6)
        assert header == b"month,"
        rest_of_it = f.read()
        assert f.bytes_read == entries[0].bytes == 6 + len(rest_of_it)
        with pytest.raises(ae.InvalidArgument) as refused:
            f.stream.read(-1)
        assert refused.value.argument == "max_bytes"
        assert f.read(2**40) == b""  # asked as at most 1 MiB: no overflow of the 32-bit count
        assert f.read(10) == b""
    assert f.closed
    with pytest.raises(ValueError):
        f.read(1)
    out = io.BytesIO()
    with files.open(src, "Team Notes/meeting 03.txt", drive_id="shared") as f:
        shutil.copyfileobj(f, out)
    assert out.getvalue().startswith(b"Meeting 03")

    with pytest.raises(ae.AirbyteError.InvalidArgument) as e:
        files.open(src, "")
    assert e.value.argument == "path"
    with pytest.raises(ae.AirbyteError.NotFound):
        files.open(src, "reports")


def test_the_large_file_streams_in_chunks_with_flat_memory(operator, source):
    _, src = source
    files = operator.files()
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    digest = hashlib.sha256()
    count = 0
    with files.open(src, LARGE) as f:
        assert f.content_length == LARGE_LEN
        for chunk in f:
            assert 0 < len(chunk) <= 64 * 1024
            digest.update(chunk)
            count += len(chunk)
    rise_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    assert count == LARGE_LEN
    assert digest.hexdigest() != hashlib.sha256(b"").hexdigest()
    assert rise_kib < 20 * 1024, f"the peak resident set rose {rise_kib} KiB"


def test_a_cut_body_raises_after_the_bytes_that_arrived(operator, sandbox, source):
    _, src = source
    sandbox.fault({"kind": "reset_during_body", "after_bytes": 4096}, path_prefix="/sonar/files", method="GET")
    f = operator.files().open(src, LARGE)
    got = 0
    with pytest.raises(ae.AirbyteError.Transport):
        while True:
            chunk = f.read(1000)
            assert chunk, "the body ended without the cut"
            got += len(chunk)
    assert got == 4096
    with pytest.raises(ae.AirbyteError.Transport):
        f.read(1000)
    f.close()


def test_the_proxy_keeps_headers_private_and_search_filters(operator, sandbox, source):
    _, src = source
    request = ae.ProxyRequest(
        url="https://api.example.com/v1/invoices",
        method=ae.ProxyMethod.GET(),
        headers={"X-Api-Key": SECRET},
    )
    assert SECRET not in str(request) and SECRET not in repr(request)
    assert "X-Api-Key" in str(request)
    answer = operator.proxy().request(src, request)
    assert answer.response_status_code == 200
    assert json.loads(answer.response_body)["header_names"] == ["x-api-key"]
    upstream = operator.proxy().request(
        src, ae.ProxyRequest(url="https://api.example.com/status/418", method=ae.ProxyMethod.GET())
    )
    assert upstream.response_status_code == 418

    sandbox.respond(502, '{"message": "bad gateway"}', path_prefix=f"/sonar/apis/{src}")
    post = ae.ProxyRequest(url="https://api.example.com/v1/charges", method=ae.ProxyMethod.POST(), body="{}")
    with pytest.raises(ae.AirbyteError.OutcomeUnknown):
        operator.proxy().request(src, post)

    found = operator.source_search().search(
        src, "users", ae.SearchRequest(condition={"in": {"id": [1, 6, 7]}})
    )
    assert found.total == 2
    assert [h.data["id"] for h in found.hits] == [1, 6]
    assert "email" in str(found.hits[0]) and "@example.com" not in str(found.hits[0])
    with pytest.raises(ae.AirbyteError.InvalidArgument) as e:
        operator.source_search().search(src, "users", ae.SearchRequest(condition={}))
    assert e.value.argument == "condition"
    with pytest.raises(ae.AirbyteError.NotFound):
        operator.source_search().search(src, "nope", ae.SearchRequest(condition='{"eq": {"id": 1}}'))
