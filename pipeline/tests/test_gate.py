"""The quality gate's decisions, as a pure function."""

import math

from accidentml.gate import Decision, GateParams, decide

P = GateParams(auc_tolerance=0.005, logloss_tolerance=0.01, min_auc=0.6, max_logloss=0.7)


def test_first_model_passes_the_floors():
    d = decide({"auc": 0.75, "logloss": 0.5}, None, P)
    assert d.promote and "no champion" in d.reason


def test_first_model_below_the_auc_floor_is_refused():
    d = decide({"auc": 0.59, "logloss": 0.5}, None, P)
    assert not d.promote and "0.5900 < floor 0.6000" in d.reason


def test_first_model_above_the_logloss_bound_is_refused():
    assert not decide({"auc": 0.8, "logloss": 0.71}, None, P).promote


def test_challenger_within_tolerance_is_promoted():
    champion = {"auc": 0.80, "logloss": 0.45}
    assert decide({"auc": 0.7951, "logloss": 0.459}, champion, P).promote
    assert decide({"auc": 0.82, "logloss": 0.40}, champion, P).promote


def test_challenger_with_worse_auc_is_refused_with_the_reason():
    d = decide({"auc": 0.7949, "logloss": 0.40}, {"auc": 0.80, "logloss": 0.45}, P)
    assert d == Decision(False, "challenger AUC 0.7949 < champion 0.8000 - 0.005")


def test_challenger_with_worse_logloss_is_refused():
    d = decide({"auc": 0.81, "logloss": 0.4601}, {"auc": 0.80, "logloss": 0.45}, P)
    assert not d.promote and "log-loss" in d.reason


def test_missing_or_nan_metrics_refuse():
    assert not decide({"auc": math.nan, "logloss": 0.4}, None, P).promote
    assert not decide({"logloss": 0.4}, None, P).promote
    assert not decide({"auc": 0.8, "logloss": 0.4}, {"auc": 0.8}, P).promote


def test_the_floors_do_not_apply_against_a_champion():
    # A weak year for everyone: the champion is below the floors too; the comparison decides.
    assert decide({"auc": 0.58, "logloss": 0.69}, {"auc": 0.579, "logloss": 0.69}, P).promote
