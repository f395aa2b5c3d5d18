"""Which remotes offer "send for review", and the address that opens a pull request."""

from __future__ import annotations

import pytest

from cse_cli.serve.gitsave import remote_of


@pytest.mark.parametrize(
    ("url", "host", "opens"),
    [
        (
            "https://github.com/council/evidence.git",
            "GitHub",
            "https://github.com/council/evidence/compare/feature%2Fa?expand=1",
        ),
        (
            "git@github.com:council/evidence.git",
            "GitHub",
            "https://github.com/council/evidence/compare/feature%2Fa?expand=1",
        ),
        (
            "https://gitlab.com/group/sub/evidence.git",
            "GitLab",
            "https://gitlab.com/group/sub/evidence/-/merge_requests/new?"
            "merge_request%5Bsource_branch%5D=feature%2Fa",
        ),
        (
            "https://council@dev.azure.com/council/CSE/_git/evidence",
            "Azure DevOps",
            "https://dev.azure.com/council/CSE/_git/evidence/pullrequestcreate?sourceRef=feature%2Fa",
        ),
        (
            "git@ssh.dev.azure.com:v3/council/CSE/evidence",
            "Azure DevOps",
            "https://dev.azure.com/council/CSE/_git/evidence/pullrequestcreate?sourceRef=feature%2Fa",
        ),
    ],
)
def test_a_known_remote_offers_its_pull_request_page(url: str, host: str, opens: str) -> None:
    remote = remote_of(url)
    assert remote is not None
    assert remote.host == host
    assert remote.pull_request("feature/a") == opens


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/council/evidence.git",
        "/srv/git/evidence.git",
        "https://github.com.evil.example/council/evidence.git",
        "https://github.com/council",
    ],
)
def test_another_remote_offers_nothing(url: str) -> None:
    assert remote_of(url) is None
