# `terraform test` with a mocked AWS provider (no AWS call, no credentials):
# the app secrets' ARNs are known here, unlike in an offline plan, so this
# proves what the task definition and the task execution role get. Run it
# with an environment's settings, e.g.
#   terraform test -var-file=environments/dev.tfvars
# (tests/Build.Tests' AwsModulePlanTests runs it for every environment).

mock_provider "aws" {
  mock_resource "aws_ecs_cluster" {
    defaults = { arn = "arn:aws:ecs:eu-west-1:123456789012:cluster/mock" }
  }
  mock_resource "aws_lb" {
    defaults = { arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/mock/0123456789abcdef", dns_name = "mock-123.eu-west-1.elb.amazonaws.com" }
  }
  mock_resource "aws_lb_target_group" {
    defaults = { arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/mock/0123456789abcdef" }
  }
  mock_resource "aws_lb_listener" {
    defaults = { arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener/app/mock/0123456789abcdef/0123456789abcdef" }
  }
  mock_resource "aws_lb_listener_rule" {
    defaults = { arn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:listener-rule/app/mock/0123456789abcdef/0123456789abcdef/0123456789abcdef" }
  }
  mock_resource "aws_iam_role" {
    defaults = { arn = "arn:aws:iam::123456789012:role/mock" }
  }
  mock_resource "aws_cloudwatch_log_group" {
    defaults = { arn = "arn:aws:logs:eu-west-1:123456789012:log-group:/ecs/mock" }
  }
  mock_resource "aws_ecr_repository" {
    defaults = { arn = "arn:aws:ecr:eu-west-1:123456789012:repository/mock", repository_url = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/mock" }
  }
  mock_resource "aws_ecs_task_definition" {
    defaults = { arn = "arn:aws:ecs:eu-west-1:123456789012:task-definition/mock:1" }
  }
  mock_resource "aws_ecs_service" {
    defaults = { id = "arn:aws:ecs:eu-west-1:123456789012:service/mock/mock" }
  }
}

override_resource {
  target = aws_secretsmanager_secret.app["ConnectionStrings__Default"]
  values = { arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:app/ConnectionStrings__Default-AbCdEf" }
}

override_resource {
  target = aws_secretsmanager_secret.app["Payments__ApiKey"]
  values = { arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:app/Payments__ApiKey-GhIjKl" }
}

variables {
  app_secrets = ["ConnectionStrings__Default", "Payments__ApiKey"]
}

run "the_execution_role_reads_exactly_the_app_secrets" {
  command = apply

  assert {
    condition = jsondecode(aws_iam_role_policy.task_execution_secrets[0].policy).Statement == [
      {
        Sid      = "ReadTheAppSecrets"
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue"]
        Resource = ["arn:aws:secretsmanager:eu-west-1:123456789012:secret:app/ConnectionStrings__Default-AbCdEf", "arn:aws:secretsmanager:eu-west-1:123456789012:secret:app/Payments__ApiKey-GhIjKl"]
      },
    ]
    error_message = "The execution role's secrets policy is not GetSecretValue on exactly the app secrets (and no kms:Decrypt without a CMK): ${aws_iam_role_policy.task_execution_secrets[0].policy}"
  }

  assert {
    condition     = aws_iam_role_policy.task_execution_secrets[0].role == aws_iam_role.task_execution.id
    error_message = "The secrets policy is not on the task execution role."
  }

  assert {
    condition = jsondecode(aws_ecs_task_definition.this.container_definitions)[0].secrets == [
      { name = "ConnectionStrings__Default", valueFrom = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:app/ConnectionStrings__Default-AbCdEf" },
      { name = "Payments__ApiKey", valueFrom = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:app/Payments__ApiKey-GhIjKl" },
    ]
    error_message = "The container's secrets do not reference the app secrets by ARN: ${aws_ecs_task_definition.this.container_definitions}"
  }

  assert {
    condition     = alltrue([for variable in jsondecode(aws_ecs_task_definition.this.container_definitions)[0].environment : !contains(var.app_secrets, variable.name)])
    error_message = "An app secret is also a plain environment variable."
  }

  assert {
    condition     = output.app_secrets.arns == { ConnectionStrings__Default = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:app/ConnectionStrings__Default-AbCdEf", Payments__ApiKey = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:app/Payments__ApiKey-GhIjKl" }
    error_message = "app_secrets.arns does not name each secret's ARN."
  }

  assert {
    condition     = output.app_secrets.arnPrefix == "arn:aws:secretsmanager:${var.aws_region}:123456789012:secret:app-${var.environment}/"
    error_message = "app_secrets.arnPrefix is not the prefix of this environment's secrets: ${output.app_secrets.arnPrefix}"
  }
}

run "the_deploy_policy_may_run_and_stop_pre_deploy_tasks" {
  command = apply

  assert {
    condition = contains(jsondecode(aws_iam_policy.deploy.policy).Statement, {
      Sid       = "RunPreDeployTasks"
      Effect    = "Allow"
      Action    = ["ecs:RunTask"]
      Resource  = "arn:aws:ecs:${var.aws_region}:123456789012:task-definition/${aws_ecs_task_definition.this.family}:*"
      Condition = { ArnEquals = { "ecs:cluster" = aws_ecs_cluster.this.arn } }
    })
    error_message = "The deploy policy does not allow RunTask of this family in this cluster: ${aws_iam_policy.deploy.policy}"
  }

  assert {
    condition     = length([for statement in jsondecode(aws_iam_policy.deploy.policy).Statement : statement if statement.Action == ["ecs:StopTask"]]) == 1
    error_message = "The deploy policy does not allow StopTask (a timed-out or interrupted pre-deploy task is stopped)."
  }
}

run "a_customer_managed_key_adds_kms_decrypt_on_that_key_only" {
  command = apply

  variables {
    app_secrets_kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"
  }

  assert {
    condition = jsondecode(aws_iam_role_policy.task_execution_secrets[0].policy).Statement[1] == {
      Sid       = "DecryptTheAppSecrets"
      Effect    = "Allow"
      Action    = ["kms:Decrypt"]
      Resource  = "arn:aws:kms:eu-west-1:123456789012:key/0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0"
      Condition = { StringEquals = { "kms:ViaService" = "secretsmanager.${var.aws_region}.amazonaws.com" } }
    }
    error_message = "kms:Decrypt is not granted on exactly the CMK through Secrets Manager: ${aws_iam_role_policy.task_execution_secrets[0].policy}"
  }

  assert {
    condition     = alltrue([for secret in aws_secretsmanager_secret.app : secret.kms_key_id == var.app_secrets_kms_key_arn])
    error_message = "The app secrets are not encrypted with the CMK."
  }
}

run "without_app_secrets_the_execution_role_reads_none" {
  command = apply

  variables {
    app_secrets = []
  }

  assert {
    condition     = length(aws_iam_role_policy.task_execution_secrets) == 0 && length(aws_secretsmanager_secret.app) == 0
    error_message = "Without app_secrets there must be no secret and no secrets policy."
  }

  assert {
    condition     = jsondecode(aws_ecs_task_definition.this.container_definitions)[0].secrets == []
    error_message = "Without app_secrets the container must have no secrets."
  }
}
