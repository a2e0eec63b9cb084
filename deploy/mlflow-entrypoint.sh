#!/bin/sh
# The `mlflow-server` container: create the artifact bucket in the S3 store when missing (MinIO
# starts empty), then run the command (`mlflow server ...`).
set -e
python - <<'PY'
import os, time, boto3, botocore
s3 = boto3.client("s3", endpoint_url=os.environ["MLFLOW_S3_ENDPOINT_URL"])
bucket = os.environ.get("S3_BUCKET", "mlflow-artifacts")
for attempt in range(30):
    try:
        s3.head_bucket(Bucket=bucket)
        break
    except botocore.exceptions.ClientError:
        s3.create_bucket(Bucket=bucket)
        break
    except botocore.exceptions.EndpointConnectionError:
        time.sleep(2)
PY
exec "$@"
