"""The seed's accident-severity prediction API re-created with FastAPI, as the Python peer of
AccidentML's server in the HTTP benchmark.

Environment (read at import, i.e. when uvicorn loads ``fastapi_app:app``):
  MODEL_PATH  LightGBM text model (e.g. from ``gbdt_peer.py --library lightgbm --save-model``); its
              feature names (the 28 baac2021 columns) define the request fields, in model order.
  API_KEY     the value the ``X-API-Key`` header must carry on the prediction routes.

Routes:
  GET  /api/v1/test           -> {"status": "ok"}                       (no key, liveness check)
  POST /api/v1/predict        body: one accident, {"place": 10, "catu": 3, ...} with every feature
                              -> {"prediction": 0|1, "probability": p}
  POST /api/v1/predict/batch  body: a list of such accidents -> a list of such results
A missing or wrong key gives 401, a body lacking a feature or with a non-numeric value 422.
prediction = 1 (killed or hospitalised) when p >= 0.5. Handlers are ``async`` and call
``Booster.predict(..., num_threads=1)`` directly: one tree walk takes tens of microseconds, far
less than a thread-pool hop.
"""

from __future__ import annotations

import os
import secrets
from typing import Annotated, Any

import lightgbm as lgb
import numpy as np
from fastapi import Depends, FastAPI, Header, HTTPException
from pydantic import BaseModel, ConfigDict, create_model


def required_environment(name: str) -> str:
    value = os.environ.get(name, "")
    if not value:
        raise SystemExit(f"fastapi_app: set the environment variable {name} (see the module docstring)")
    return value


API_KEY = required_environment("API_KEY")
BOOSTER = lgb.Booster(model_file=required_environment("MODEL_PATH"))
FEATURES: list[str] = BOOSTER.feature_name()

FIELDS: dict[str, Any] = {name: (float, ...) for name in FEATURES}
Accident: type[BaseModel] = create_model("Accident", __config__=ConfigDict(extra="ignore"), **FIELDS)


class Prediction(BaseModel):
    """Severity prediction for one accident."""

    prediction: int
    probability: float


def check_key(x_api_key: Annotated[str | None, Header()] = None) -> None:
    """Rejects requests whose X-API-Key header is missing or wrong (constant-time comparison)."""
    if x_api_key is None or not secrets.compare_digest(x_api_key.encode(), API_KEY.encode()):
        raise HTTPException(status_code=401, detail="missing or invalid X-API-Key header")


def predict_rows(accidents: list[Any]) -> list[Prediction]:
    """Runs the model on the accidents, in the model's feature order."""
    matrix = np.array([[getattr(a, name) for name in FEATURES] for a in accidents], dtype=np.float64)
    probabilities = BOOSTER.predict(matrix, num_threads=1)
    return [Prediction(prediction=int(p >= 0.5), probability=float(p)) for p in probabilities]


app = FastAPI(title="AccidentML FastAPI peer")


@app.get("/api/v1/test")
async def test() -> dict[str, str]:
    return {"status": "ok"}


@app.post("/api/v1/predict", dependencies=[Depends(check_key)])
async def predict(accident: Accident) -> Prediction:  # type: ignore[valid-type]
    return predict_rows([accident])[0]


@app.post("/api/v1/predict/batch", dependencies=[Depends(check_key)])
async def predict_batch(accidents: list[Accident]) -> list[Prediction]:  # type: ignore[valid-type]
    return predict_rows(accidents)
