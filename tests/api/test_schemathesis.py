"""The HTTP API against its own OpenAPI document, with generated requests (schemathesis).

Every operation gets a bounded number of generated requests, valid and invalid, sent to the real server
with a token of the right kind; each response must be documented (status, content type, headers, body
schema) and none may be a server error. Schema-violating requests must be refused: the server declares
its query parameters in the document and refuses others.

Not checked: that every schema-valid request is accepted (schemathesis' ``positive_data_acceptance``).
Two rules cannot be written as JSON Schema and are stated in the document's descriptions instead: a
cursor must be one the server issued, and a statistics window must be positive and at most 400 days.

``CHATLOG_SCHEMATHESIS_EXAMPLES`` raises the number of examples (and makes them random) for a deeper run.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import positive_data_acceptance

from chat.api.openapi import DOCUMENT
from tests.servers import Running, make_settings, run_in_thread

EXAMPLES = int(os.environ.get("CHATLOG_SCHEMATHESIS_EXAMPLES", "25"))
schema = schemathesis.openapi.from_dict(DOCUMENT)


@pytest.fixture(scope="module")
def api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Running]:
    with run_in_thread(make_settings(Path(tmp_path_factory.mktemp("schemathesis")) / "var")) as running:
        yield running


def _token_for(api: Running, path: str) -> str:
    if path.startswith("/api/archive"):
        return api.customer_token("cust-schemathesis")
    if path.startswith("/api/stats"):
        return api.staff_token("analyst-schemathesis", "analyst")
    return api.staff_token("compliance-schemathesis", "compliance")


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize="CHATLOG_SCHEMATHESIS_EXAMPLES" not in os.environ,
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_answers_as_documented(case: schemathesis.Case[Any], api: Running) -> None:
    headers = {"Authorization": f"Bearer {_token_for(api, case.operation.path)}"}
    case.call_and_validate(base_url=api.base, headers=headers, excluded_checks=[positive_data_acceptance])
