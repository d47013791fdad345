# IAM policies are written with jsonencode (no aws_iam_policy_document data
# source) so that an offline plan makes no AWS call.

###############################################################################
# Task execution role: used by the ECS agent to pull the image and ship logs.
# The permissions of the managed AmazonECSTaskExecutionRolePolicy, scoped to
# this service's repository and log group (ecr:GetAuthorizationToken does not
# support resource-level permissions).
###############################################################################

resource "aws_iam_role" "task_execution" {
  name        = "${local.name_prefix}-task-execution"
  description = "ECS task execution role of ${local.name_prefix} (image pull, logs)"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "EcsTasksAssumeRole"
        Effect    = "Allow"
        Principal = { Service = "ecs-tasks.amazonaws.com" }
        Action    = "sts:AssumeRole"
      },
    ]
  })
}

resource "aws_iam_role_policy" "task_execution" {
  name = "ecs-task-execution"
  role = aws_iam_role.task_execution.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "EcrAuthToken"
        Effect   = "Allow"
        Action   = ["ecr:GetAuthorizationToken"]
        Resource = "*"
      },
      {
        Sid    = "EcrPullServiceRepository"
        Effect = "Allow"
        Action = [
          "ecr:BatchCheckLayerAvailability",
          "ecr:BatchGetImage",
          "ecr:GetDownloadUrlForLayer",
        ]
        Resource = aws_ecr_repository.this.arn
      },
      {
        Sid    = "WriteServiceLogs"
        Effect = "Allow"
        Action = [
          "logs:CreateLogStream",
          "logs:PutLogEvents",
        ]
        Resource = [
          aws_cloudwatch_log_group.app.arn,
          "${aws_cloudwatch_log_group.app.arn}:log-stream:*",
        ]
      },
    ]
  })
}

###############################################################################
# Task role: assumed by the application itself. It needs no AWS permissions,
# so it has no policies at all. The trust policy only lets ECS tasks of this
# account and region assume it (confused-deputy protection).
###############################################################################

locals {
  # Account id and partition taken from the cluster ARN (no data source).
  cluster_arn_parts = split(":", aws_ecs_cluster.this.arn)
  aws_partition     = local.cluster_arn_parts[1]
  aws_account_id    = local.cluster_arn_parts[4]
}

resource "aws_iam_role" "task" {
  name        = "${local.name_prefix}-task"
  description = "ECS task role of ${local.name_prefix} (application; no permissions)"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "EcsTasksAssumeRole"
        Effect    = "Allow"
        Principal = { Service = "ecs-tasks.amazonaws.com" }
        Action    = "sts:AssumeRole"
        Condition = {
          StringEquals = {
            "aws:SourceAccount" = local.aws_account_id
          }
          ArnLike = {
            "aws:SourceArn" = "arn:${local.aws_partition}:ecs:${var.aws_region}:${local.aws_account_id}:*"
          }
        }
      },
    ]
  })
}

###############################################################################
# Deploy policy: what the build's Deploy step needs, and nothing more, for the
# CI role (or person) that deploys this service (including the pre-deploy
# one-off tasks: RunTask of this family in this cluster, StopTask, and
# iam:PassRole of the task roles, which RunTask needs too). Attach it to that role; the
# role itself lives with the CI's OIDC set-up, outside this module.
# RegisterTaskDefinition, DescribeTaskDefinition and ListTasks support no
# resource-level permissions; ListTasks is limited to this cluster instead.
###############################################################################

resource "aws_iam_policy" "deploy" {
  name        = "${local.name_prefix}-deploy"
  description = "Deploys ${local.name_prefix}: new task definition revisions, service updates, reading the rollout"

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = concat(
      [
        {
          Sid      = "RegisterRevisions"
          Effect   = "Allow"
          Action   = ["ecs:RegisterTaskDefinition", "ecs:DescribeTaskDefinition"]
          Resource = "*"
        },
        {
          Sid      = "TagNewRevisions"
          Effect   = "Allow"
          Action   = ["ecs:TagResource"]
          Resource = "arn:${local.aws_partition}:ecs:${var.aws_region}:${local.aws_account_id}:task-definition/${aws_ecs_task_definition.this.family}:*"
          Condition = {
            StringEquals = { "ecs:CreateAction" = "RegisterTaskDefinition" }
          }
        },
        {
          Sid      = "UpdateAndWatchTheService"
          Effect   = "Allow"
          Action   = ["ecs:UpdateService", "ecs:DescribeServices"]
          Resource = aws_ecs_service.this.id
        },
        {
          Sid      = "FollowAndStopServiceDeployments"
          Effect   = "Allow"
          Action   = ["ecs:ListServiceDeployments", "ecs:DescribeServiceDeployments", "ecs:StopServiceDeployment"]
          Resource = ["*"]
        },
        {
          Sid      = "ListStoppedTasks"
          Effect   = "Allow"
          Action   = ["ecs:ListTasks"]
          Resource = "*"
          Condition = {
            ArnEquals = { "ecs:cluster" = aws_ecs_cluster.this.arn }
          }
        },
        {
          Sid      = "DescribeTheServiceTasks"
          Effect   = "Allow"
          Action   = ["ecs:DescribeTasks"]
          Resource = "arn:${local.aws_partition}:ecs:${var.aws_region}:${local.aws_account_id}:task/${aws_ecs_cluster.this.name}/*"
        },
        {
          Sid      = "RunPreDeployTasks"
          Effect   = "Allow"
          Action   = ["ecs:RunTask"]
          Resource = "arn:${local.aws_partition}:ecs:${var.aws_region}:${local.aws_account_id}:task-definition/${aws_ecs_task_definition.this.family}:*"
          Condition = {
            ArnEquals = { "ecs:cluster" = aws_ecs_cluster.this.arn }
          }
        },
        {
          Sid      = "StopPreDeployTasks"
          Effect   = "Allow"
          Action   = ["ecs:StopTask"]
          Resource = "arn:${local.aws_partition}:ecs:${var.aws_region}:${local.aws_account_id}:task/${aws_ecs_cluster.this.name}/*"
        },
        {
          Sid      = "PassTheTaskRoles"
          Effect   = "Allow"
          Action   = ["iam:PassRole"]
          Resource = [aws_iam_role.task_execution.arn, aws_iam_role.task.arn]
          Condition = {
            StringEquals = { "iam:PassedToService" = "ecs-tasks.amazonaws.com" }
          }
        },
      ],
      # BLUE_GREEN, CANARY, LINEAR: UpdateService names the role ECS shifts traffic with.
      [
        for role in aws_iam_role.ecs_load_balancers : {
          Sid       = "PassTheLoadBalancerRole"
          Effect    = "Allow"
          Action    = ["iam:PassRole"]
          Resource  = role.arn
          Condition = { StringEquals = { "iam:PassedToService" = "ecs.amazonaws.com" } }
        }
      ],
      # The test-traffic gate: Deploy writes its smoke-test verdict for the hook to read.
      [
        for function in aws_lambda_function.test_traffic_gate : {
          Sid      = "WriteTestTrafficVerdicts"
          Effect   = "Allow"
          Action   = ["ssm:PutParameter"]
          Resource = local.test_traffic_verdict_arn
        }
      ],
    )
  })
}
