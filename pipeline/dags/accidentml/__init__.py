"""Helpers of the AccidentML retraining DAG: settings, the quality gate, landing detection and CLI calls.

The work itself (reading BAAC files, training, evaluating, the registry) is done by the Swift
`train` CLI; these modules only decide what to run and what its answers mean.
"""
