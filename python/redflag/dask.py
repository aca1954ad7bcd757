"""Bulk evaluation on Dask: a Dask DataFrame or Bag of cases against one KB (docs/python.md "Dask").

The KB goes into the task graph once, as one key whose value is the KB (it pickles as its
bytecode), so each worker receives and loads it once and every partition's task reads it from
there. Each partition is evaluated by KnowledgeBase.evaluate_frame (a DataFrame) or
evaluate_many (a Bag) with errors="record" by default: a case that cannot be read is a recorded
error in the result, not a failed job.
"""
from typing import Any

from . import KnowledgeBase

__all__ = ["evaluate"]


def evaluate(collection: Any, kb: KnowledgeBase, errors: str = "record") -> Any:
    """Evaluates every case of [collection], a dask.dataframe.DataFrame (one case per row, as
    evaluate_frame takes it) or a dask.bag.Bag of case dicts, against [kb]. Returns a lazy Dask
    DataFrame of evaluate_frame's columns, or a Bag of evaluate_many's records."""
    import dask
    import dask.bag
    import dask.dataframe

    shipped = dask.delayed(kb, pure=True)  # one graph key: sent to each worker once
    if isinstance(collection, dask.dataframe.DataFrame):
        meta = kb.evaluate_frame(collection._meta, errors=errors)  # also refuses unknown columns now
        return collection.map_partitions(_evaluate_partition, shipped, errors, meta=meta,
                                         align_dataframes=False)
    if isinstance(collection, dask.bag.Bag):
        return collection.map_partitions(_evaluate_cases, shipped, errors)
    raise TypeError(f"redflag.dask.evaluate takes a dask DataFrame or Bag, got {type(collection).__name__}")


def _evaluate_partition(frame, kb: KnowledgeBase, errors: str):
    return kb.evaluate_frame(frame, errors=errors)


def _evaluate_cases(cases, kb: KnowledgeBase, errors: str):
    return kb.evaluate_many(cases, errors=errors)
