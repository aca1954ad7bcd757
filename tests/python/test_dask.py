"""redflag.dask.evaluate on a LocalCluster of two worker processes: a Dask DataFrame and a Bag give
the CLI's results, one bad case is a recorded error, and the KB is shipped in the graph once."""
import json
import subprocess
import sys

import dask
import dask.bag
import dask.dataframe
import pandas
import pytest
from distributed import Client, LocalCluster

import redflag
import redflag.dask
from conftest import BACK_PAIN, SOURCE_DIR, cli_records
from test_frame import rows, summary


@pytest.fixture(scope="module")
def client():
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with Client(cluster) as client:
        yield client
    cluster.close()


@pytest.fixture(scope="module")
def cases(tmp_path_factory):
    path = tmp_path_factory.mktemp("cases") / "cases.jsonl"
    subprocess.run([sys.executable, str(SOURCE_DIR / "tests" / "bench" / "generate.py"), "cases", "4000", str(path),
                    "0.2"], check=True)
    texts = path.read_text().splitlines()
    texts[1234] = json.dumps({"id": "bad", "age": 61, "fever": "yes"})  # one bad case in one partition
    return texts


def test_dataframe(client, back_pain, cases):
    frame = pandas.DataFrame.from_records([json.loads(text) for text in cases])
    ddf = dask.dataframe.from_pandas(frame, npartitions=8)
    result = redflag.dask.evaluate(ddf, back_pain)
    assert isinstance(result, dask.dataframe.DataFrame)
    assert list(result.columns) == list(back_pain.evaluate_frame(frame.head(0)).columns)
    table = result.compute()
    cli = cli_records(BACK_PAIN, cases)
    assert list(table["id"]) == [record["id"] for record in cli]
    assert rows(table) == [summary(record) for record in cli]
    bad = table[table["status"] == "error"]
    assert list(bad["id"]) == ["bad"] and list(bad["error_field"]) == ["fever"]
    assert len(set(client.run(lambda: __import__("os").getpid()).values())) == 2


def test_bag(client, back_pain, cases):
    bag = dask.bag.from_sequence([json.loads(text) for text in cases], npartitions=8)
    result = redflag.dask.evaluate(bag, back_pain)
    assert isinstance(result, dask.bag.Bag)
    records = result.compute()
    cli = cli_records(BACK_PAIN, cases)
    assert [record for record in records if "error" not in record] == [r for r in cli if "error" not in r]
    errors = [record for record in records if "error" in record]
    assert errors == [{"id": "bad", "index": 1234 % 500,
                       "error": {"message": '`fever` expects true or false, got "yes"', "field": "fever"}}]


def test_the_kb_is_one_key_of_the_graph(back_pain):
    frame = pandas.DataFrame({"age": [float(i) for i in range(100)]})
    result = redflag.dask.evaluate(dask.dataframe.from_pandas(frame, npartitions=10), back_pain)
    graph = dict(result.__dask_graph__())
    shipped = [key for key, value in graph.items() if isinstance(value, redflag.KnowledgeBase)]
    assert len(shipped) == 1
    pickled = sum(1 for value in graph.values() if isinstance(value, tuple) and back_pain in value)
    assert pickled == 0, "tasks refer to the KB's key, they do not carry a copy"


def test_raise_fails_the_job(client, back_pain, cases):
    bag = dask.bag.from_sequence([json.loads(text) for text in cases], npartitions=4)
    with pytest.raises(redflag.CaseError, match='^`fever` expects true or false, got "yes"$'):
        redflag.dask.evaluate(bag, back_pain, errors="raise").compute()


def test_unknown_columns_are_refused_before_computing(back_pain):
    ddf = dask.dataframe.from_pandas(pandas.DataFrame({"agee": [1.0]}), npartitions=1)
    with pytest.raises(redflag.CaseError, match=r"^unknown fact `agee`; did you mean `age`\?$"):
        redflag.dask.evaluate(ddf, back_pain)


def test_other_collections_are_refused(back_pain):
    with pytest.raises(TypeError, match="^redflag.dask.evaluate takes a dask DataFrame or Bag, got list$"):
        redflag.dask.evaluate([], back_pain)
