# App secrets: one Secrets Manager secret per name in var.app_secrets. There is
# deliberately no aws_secretsmanager_secret_version: the value is set out of
# band (aws secretsmanager put-secret-value, see the top README, "Adding an app
# secret"), so no secret value ever reaches the plan or the state. ECS reads
# the value when a task starts (container "secrets", valueFrom = the ARN),
# through the task execution role, which may read exactly these ARNs.

resource "aws_secretsmanager_secret" "app" {
  for_each = toset(var.app_secrets)

  name                    = "${local.name_prefix}/${each.key}"
  description             = "${each.key} of ${local.name_prefix} (value set out of band; read by ECS at task start)"
  kms_key_id              = var.app_secrets_kms_key_arn
  recovery_window_in_days = var.app_secrets_recovery_window_days
}

resource "aws_iam_role_policy" "task_execution_secrets" {
  count = length(var.app_secrets) > 0 ? 1 : 0

  name = "ecs-task-execution-app-secrets"
  role = aws_iam_role.task_execution.id

  policy = jsonencode({
    Version = "2012-10-17"
    Statement = concat(
      [
        {
          Sid      = "ReadTheAppSecrets"
          Effect   = "Allow"
          Action   = ["secretsmanager:GetSecretValue"]
          Resource = [for name in var.app_secrets : aws_secretsmanager_secret.app[name].arn]
        },
      ],
      var.app_secrets_kms_key_arn == null ? [] : [
        {
          Sid      = "DecryptTheAppSecrets"
          Effect   = "Allow"
          Action   = ["kms:Decrypt"]
          Resource = var.app_secrets_kms_key_arn
          Condition = {
            StringEquals = { "kms:ViaService" = "secretsmanager.${var.aws_region}.amazonaws.com" }
          }
        },
      ],
    )
  })
}
