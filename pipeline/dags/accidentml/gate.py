"""The quality gate: whether a challenger replaces the champion. A pure function, tested on its own."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GateParams:
    """Thresholds of the gate (DAG params of the same names)."""

    auc_tolerance: float = 0.005  # the challenger's AUC may be this much below the champion's
    logloss_tolerance: float = 0.01  # its log-loss may be this much above the champion's
    min_auc: float = 0.60  # floors for the first model, when there is no champion
    max_logloss: float = 0.70


@dataclass(frozen=True)
class Decision:
    """The gate's verdict and a one-line reason (logged and tagged on the challenger's run)."""

    promote: bool
    reason: str


def decide(challenger: dict, champion: dict | None, params: GateParams) -> Decision:
    """Compares held-out metrics ({"auc": ..., "logloss": ...}) of challenger and champion.

    With a champion: promote when AUC >= champion AUC - auc_tolerance and log-loss <=
    champion log-loss + logloss_tolerance. Without one: promote when the floors are met.
    A metric that is missing or not finite refuses the challenger.
    """
    for name in ("auc", "logloss"):
        if not _finite(challenger.get(name)):
            return Decision(False, f"challenger has no finite held-out {name}")
    auc, logloss = float(challenger["auc"]), float(challenger["logloss"])
    if champion is None:
        if auc < params.min_auc:
            return Decision(False, f"no champion; challenger AUC {auc:.4f} < floor {params.min_auc:.4f}")
        if logloss > params.max_logloss:
            return Decision(False, f"no champion; challenger log-loss {logloss:.4f} > bound {params.max_logloss:.4f}")
        return Decision(True, f"no champion; challenger AUC {auc:.4f} >= {params.min_auc:.4f}, "
                              f"log-loss {logloss:.4f} <= {params.max_logloss:.4f}")
    for name in ("auc", "logloss"):
        if not _finite(champion.get(name)):
            return Decision(False, f"champion has no finite held-out {name}; cannot compare")
    c_auc, c_logloss = float(champion["auc"]), float(champion["logloss"])
    if auc < c_auc - params.auc_tolerance:
        return Decision(False, f"challenger AUC {auc:.4f} < champion {c_auc:.4f} - {params.auc_tolerance}")
    if logloss > c_logloss + params.logloss_tolerance:
        return Decision(False, f"challenger log-loss {logloss:.4f} > champion {c_logloss:.4f} + {params.logloss_tolerance}")
    return Decision(True, f"challenger AUC {auc:.4f} vs champion {c_auc:.4f}, "
                          f"log-loss {logloss:.4f} vs {c_logloss:.4f}: within tolerance")


def _finite(value) -> bool:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return False
    return number == number and abs(number) != float("inf")
