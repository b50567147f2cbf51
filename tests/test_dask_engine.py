"""The Dask engine: the same bytes as the local engine, on a local cluster and on an existing scheduler."""
import pytest

from test_cli import ARTICLE, SAMPLES, newsproc

distributed = pytest.importorskip("distributed")

SENTENCES = [
    "وقال وزير الخارجية الروسي سيرغي لافروف إن المفاوضات ستستأنف قريبا.",
    "وأدان الاتحاد الأوروبي الهجوم على القافلة في شمال سوريا.",
    "واعتقلت الشرطة ثلاثة أشخاص في العاصمة.",
]


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    root = tmp_path_factory.mktemp("articles")
    for number in range(40):  # enough chunks for several workers and several rounds in flight
        lines = [ARTICLE.strip(), SENTENCES[number % 3], SENTENCES[(number + 1) % 3]]
        (root / f"a{number:02d}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00binary")
    (root / "seed.txt").write_bytes((SAMPLES / "000_efdb9537e2f129eb.txt").read_bytes())
    return root


def test_a_local_dask_cluster_gives_the_bytes_of_the_local_engine(folder):
    local = newsproc("analyze", folder, "--workers", "1")
    dask = newsproc("analyze", folder, "--engine", "dask", "--workers", "2")
    assert dask[0] == local[0] == 1  # the binary file is an error record
    assert dask[1] == local[1] and dask[1].count("\n") == 42
    assert "Traceback" not in dask[2]


def test_an_existing_scheduler_runs_the_same_analysis(folder):
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        dask = newsproc("analyze", folder, "--engine", "dask", "--scheduler", cluster.scheduler_address)
    assert dask[1] == newsproc("analyze", folder)[1]


def test_output_files_are_written_the_same_way(folder, tmp_path):
    newsproc("analyze", folder, "-o", tmp_path / "local")
    newsproc("analyze", folder, "-o", tmp_path / "dask", "--engine", "dask", "--workers", "1")
    local = sorted(p.relative_to(tmp_path / "local") for p in (tmp_path / "local").rglob("*.json"))
    dask = sorted(p.relative_to(tmp_path / "dask") for p in (tmp_path / "dask").rglob("*.json"))
    assert local == dask and len(local) == 41
    assert all((tmp_path / "local" / p).read_bytes() == (tmp_path / "dask" / p).read_bytes() for p in local)


def test_a_scheduler_out_of_reach_is_a_usage_error_without_traceback(folder):
    status, out, err = newsproc("analyze", folder, "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9")
    assert status == 2 and out == ""
    assert "cannot reach the Dask scheduler" in err and "Traceback" not in err


def test_a_scheduler_needs_the_dask_engine(folder):
    status, _, err = newsproc("analyze", folder, "--scheduler", "tcp://127.0.0.1:9")
    assert status == 2 and "--engine dask" in err
