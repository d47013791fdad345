###############################################################################
# Test-traffic gate (BLUE_GREEN, CANARY, LINEAR): an ECS lifecycle hook for
# POST_TEST_TRAFFIC_SHIFT that holds the deployment until Deploy has run its
# smoke test through the test listener and written the verdict to SSM
# (${local.test_traffic_verdict_prefix}<service deployment id>). Pass: the
# hook succeeds and production traffic moves; fail, or no verdict within
# test_traffic_gate_max_wait_minutes: the hook fails and ECS rolls back.
#
# The function's source is lambda/test_traffic_gate.py; the build packs it
# into lambda/test_traffic_gate.zip (fixed timestamps, so plans are stable)
# when it prepares terraform's working copy. Provider 5.100 cannot set
# deploymentConfiguration.lifecycleHooks on the service: the output
# test_traffic_gate carries the function and role, and Deploy sends the hook
# with UpdateService.
###############################################################################

locals {
  test_traffic_gate_name      = "${local.name_prefix}-test-traffic-gate"
  test_traffic_verdict_prefix = "/${local.name_prefix}/test-traffic-gate/"
  test_traffic_verdict_arn    = "arn:${local.aws_partition}:ssm:${var.aws_region}:${local.aws_account_id}:parameter${local.test_traffic_verdict_prefix}*"
  test_traffic_gate_zip       = "${path.module}/lambda/test_traffic_gate.zip"
}

resource "aws_cloudwatch_log_group" "test_traffic_gate" {
  count = local.shifts_traffic ? 1 : 0

  name              = "/aws/lambda/${local.test_traffic_gate_name}"
  retention_in_days = var.log_retention_in_days
}

resource "aws_iam_role" "test_traffic_gate" {
  count = local.shifts_traffic ? 1 : 0

  name        = local.test_traffic_gate_name
  description = "Runs ${local.name_prefix}'s test-traffic gate hook: reads Deploy's verdicts, nothing else"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "LambdaAssumeRole"
        Effect    = "Allow"
        Principal = { Service = "lambda.amazonaws.com" }
        Action    = "sts:AssumeRole"
        Condition = {
          StringEquals = { "aws:SourceAccount" = local.aws_account_id }
        }
      },
    ]
  })
}

resource "aws_iam_role_policy" "test_traffic_gate" {
  count = local.shifts_traffic ? 1 : 0

  name = "read-verdicts-write-logs"
  role = aws_iam_role.test_traffic_gate[0].id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "ReadTheVerdicts"
        Effect   = "Allow"
        Action   = ["ssm:GetParameter"]
        Resource = local.test_traffic_verdict_arn
      },
      {
        Sid      = "WriteItsLogs"
        Effect   = "Allow"
        Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
        Resource = "${aws_cloudwatch_log_group.test_traffic_gate[0].arn}:*"
      },
    ]
  })
}

resource "aws_lambda_function" "test_traffic_gate" {
  count = local.shifts_traffic ? 1 : 0

  function_name    = local.test_traffic_gate_name
  description      = "ECS lifecycle hook (POST_TEST_TRAFFIC_SHIFT) of ${local.name_prefix}: holds the deployment until Deploy's smoke-test verdict"
  role             = aws_iam_role.test_traffic_gate[0].arn
  runtime          = "python3.12"
  handler          = "test_traffic_gate.handler"
  filename         = local.test_traffic_gate_zip
  source_code_hash = filebase64sha256(local.test_traffic_gate_zip)
  timeout          = 10
  memory_size      = 128

  environment {
    variables = {
      VERDICT_PREFIX         = local.test_traffic_verdict_prefix
      MAX_WAIT_SECONDS       = tostring(var.test_traffic_gate_max_wait_minutes * 60)
      CALLBACK_DELAY_SECONDS = "15"
    }
  }

  depends_on = [aws_cloudwatch_log_group.test_traffic_gate, aws_iam_role_policy.test_traffic_gate]
}

# The role ECS shifts load balancer traffic with also invokes the hook, and only this function.
resource "aws_iam_role_policy" "ecs_invokes_test_traffic_gate" {
  count = local.shifts_traffic ? 1 : 0

  name = "invoke-test-traffic-gate"
  role = aws_iam_role.ecs_load_balancers[0].id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "InvokeTheTestTrafficGate"
        Effect   = "Allow"
        Action   = ["lambda:InvokeFunction"]
        Resource = aws_lambda_function.test_traffic_gate[0].arn
      },
    ]
  })
}
