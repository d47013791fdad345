"""ECS lifecycle hook for POST_TEST_TRAFFIC_SHIFT: holds a BLUE_GREEN, CANARY or LINEAR deployment until the build's
smoke test through the test listener has given its verdict.

The build (Deploy) writes the verdict as the SSM parameter VERDICT_PREFIX + <service deployment id> (the last part of
the service deployment ARN ECS invokes this hook with), a JSON object:
    {"verdict": "pass"|"fail", "serviceDeploymentArn": ..., "targetServiceRevisionArn": ..., "reason": ..., "writtenAt": ...}

Answers (ECS's hookStatus):
  - no verdict yet                       -> IN_PROGRESS, invoked again after CALLBACK_DELAY_SECONDS
  - "pass" for this deployment/revision  -> SUCCEEDED: production traffic may move
  - "fail"                               -> FAILED: ECS rolls the deployment back
  - a verdict for another deployment or
    revision, or one that cannot be read -> FAILED
  - still no verdict MAX_WAIT_SECONDS
    after the first invocation (the build
    died or lost its credentials)        -> FAILED: never succeeds by default

The first invocation's time travels in hookDetails (ECS hands back what an IN_PROGRESS answer returns there).
Only the standard library and boto3 (in the Lambda runtime) are used.
"""

import datetime
import json
import os

import boto3

STAGE = "POST_TEST_TRAFFIC_SHIFT"
WAITING_SINCE = "testTrafficGateWaitingSince"

_ssm = None


def _client():
    global _ssm
    if _ssm is None:
        _ssm = boto3.client("ssm")
    return _ssm


def _now():
    return datetime.datetime.now(datetime.timezone.utc)


def _settings():
    prefix = os.environ["VERDICT_PREFIX"]
    return (
        prefix if prefix.endswith("/") else prefix + "/",
        int(os.environ.get("MAX_WAIT_SECONDS", "1800")),
        int(os.environ.get("CALLBACK_DELAY_SECONDS", "15")),
    )


def _failed(reason):
    print(json.dumps({"hookStatus": "FAILED", "reason": reason}))
    return {"hookStatus": "FAILED"}


def _hook_details(event):
    details = event.get("hookDetails")
    if not isinstance(details, dict):
        details = (event.get("executionDetails") or {}).get("hookDetails")
    return details if isinstance(details, dict) else {}


def _read_verdict(name):
    try:
        answer = _client().get_parameter(Name=name)
    except Exception as error:  # boto3's ParameterNotFound is a dynamic class; compare by code
        code = getattr(error, "response", {}).get("Error", {}).get("Code")
        if code == "ParameterNotFound" or type(error).__name__ == "ParameterNotFound":
            return None
        raise
    return answer["Parameter"]["Value"]


def handler(event, context=None):
    prefix, max_wait, delay = _settings()
    stage = event.get("lifecycleStage")
    deployment_arn = event.get("resourceArn") or ""
    execution = event.get("executionDetails") or {}
    target_revision = execution.get("targetServiceRevisionArn")
    if stage != STAGE:
        return _failed(f"invoked for {stage}, not {STAGE}: the hook is configured for the wrong stage")
    if "/" not in deployment_arn:
        return _failed(f"resourceArn '{deployment_arn}' is not a service deployment ARN")

    deployment_id = deployment_arn.rsplit("/", 1)[1]
    name = prefix + deployment_id
    now = _now()
    details = _hook_details(event)
    try:
        since = datetime.datetime.fromisoformat(details[WAITING_SINCE])
    except (KeyError, TypeError, ValueError):
        since = now

    raw = _read_verdict(name)
    if raw is None:
        waited = (now - since).total_seconds()
        if waited >= max_wait:
            return _failed(f"no verdict at {name} after {int(waited)} s (max {max_wait} s): the build did not answer")
        print(json.dumps({"hookStatus": "IN_PROGRESS", "waitingFor": name, "waitedSeconds": int(waited)}))
        return {
            "hookStatus": "IN_PROGRESS",
            "callBackDelay": delay,
            "hookDetails": {WAITING_SINCE: since.isoformat()},
        }

    try:
        verdict = json.loads(raw)
    except ValueError:
        return _failed(f"{name} is not JSON")
    if not isinstance(verdict, dict):
        return _failed(f"{name} is not a JSON object")
    if verdict.get("serviceDeploymentArn") != deployment_arn:
        return _failed(f"{name} answers for {verdict.get('serviceDeploymentArn')}, not {deployment_arn}")
    if target_revision and verdict.get("targetServiceRevisionArn") not in (None, target_revision):
        return _failed(f"{name} answers for revision {verdict.get('targetServiceRevisionArn')}, not {target_revision}")
    if verdict.get("verdict") == "pass":
        print(json.dumps({"hookStatus": "SUCCEEDED", "verdict": name}))
        return {"hookStatus": "SUCCEEDED"}
    return _failed(f"{name}: {verdict.get('verdict')}: {verdict.get('reason')}")
