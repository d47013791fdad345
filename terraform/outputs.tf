output "cluster_name" {
  description = "ECS cluster name."
  value       = aws_ecs_cluster.this.name
}

output "cluster_arn" {
  description = "ECS cluster ARN."
  value       = aws_ecs_cluster.this.arn
}

output "service_name" {
  description = "ECS service name."
  value       = aws_ecs_service.this.name
}

output "repository_url" {
  description = "ECR repository URL (<account>.dkr.ecr.<region>.amazonaws.com/<name>)."
  value       = aws_ecr_repository.this.repository_url
}

output "repository_name" {
  description = "ECR repository name."
  value       = aws_ecr_repository.this.name
}

output "container_name" {
  description = "Name of the application container in the task definition."
  value       = var.container_name
}

output "container_port" {
  description = "Port the application container listens on."
  value       = var.container_port
}

output "task_family" {
  description = "Task definition family the deploy step registers new revisions in."
  value       = aws_ecs_task_definition.this.family
}

output "log_group_name" {
  description = "CloudWatch log group of the application container."
  value       = aws_cloudwatch_log_group.app.name
}

output "alb_dns_name" {
  description = "DNS name of the ALB."
  value       = aws_lb.this.dns_name
}

output "public_url" {
  description = "Public HTTP URL of the service (through the ALB)."
  value       = "http://${aws_lb.this.dns_name}"
}

output "task_execution_role_arn" {
  description = "ARN of the task execution role (for new task definition revisions)."
  value       = aws_iam_role.task_execution.arn
}

output "task_role_arn" {
  description = "ARN of the task role (for new task definition revisions)."
  value       = aws_iam_role.task.arn
}

output "aws_region" {
  description = "AWS region of the environment."
  value       = var.aws_region
}

output "private_subnet_ids" {
  description = "Subnets the tasks run in (e.g. for one-off run-task calls)."
  value       = local.private_subnet_ids
}

output "task_security_group_id" {
  description = "Security group of the tasks (e.g. for one-off run-task calls)."
  value       = aws_security_group.tasks.id
}

output "deploy_policy_arn" {
  description = "ARN of the IAM policy the deploying CI role needs (attach it to that role)."
  value       = aws_iam_policy.deploy.arn
}

output "deployment_strategy" {
  description = "The deployment strategy Deploy sends with UpdateService (ECS's deploymentConfiguration shape, plus the load balancer with its advancedConfiguration for BLUE_GREEN, CANARY and LINEAR): provider 5.100 cannot set these on the service."
  value = {
    strategy          = var.deployment_strategy
    bakeTimeInMinutes = local.shifts_traffic ? var.deployment_bake_time_minutes : null
    canaryConfiguration = var.deployment_strategy == "CANARY" ? {
      canaryPercent           = var.canary_percent
      canaryBakeTimeInMinutes = var.canary_bake_time_minutes
    } : null
    linearConfiguration = var.deployment_strategy == "LINEAR" ? {
      stepPercent           = var.linear_step_percent
      stepBakeTimeInMinutes = var.linear_step_bake_time_minutes
    } : null
    alarms = {
      alarmNames = local.deployment_alarm_names
      enable     = true
      rollback   = var.deployment_alarm_rollback
    }
    loadBalancer = local.shifts_traffic ? {
      targetGroupArn = aws_lb_target_group.app.arn
      containerName  = var.container_name
      containerPort  = var.container_port
      advancedConfiguration = {
        alternateTargetGroupArn = aws_lb_target_group.alternate[0].arn
        productionListenerRule  = aws_lb_listener_rule.production[0].arn
        testListenerRule        = aws_lb_listener_rule.test[0].arn
        roleArn                 = aws_iam_role.ecs_load_balancers[0].arn
      }
    } : null
  }
}

output "test_url" {
  description = "URL of the test listener, where Deploy smoke-tests the new revision before production traffic moves (empty for ROLLING)."
  value       = local.shifts_traffic ? "http://${aws_lb.this.dns_name}:${var.test_listener_port}" : ""
}

output "pre_deploy_tasks" {
  description = "The one-off tasks Deploy runs from the new revision before UpdateService, in order (the backup, then the migration), with the service's subnets and security group they run in and how long each may take."
  value = {
    tasks = concat(
      length(var.pre_deploy_backup_command) > 0 ? [{ name = "backup", command = var.pre_deploy_backup_command }] : [],
      length(var.pre_deploy_command) > 0 ? [{ name = "migration", command = var.pre_deploy_command }] : [],
    )
    subnets        = local.private_subnet_ids
    securityGroups = [aws_security_group.tasks.id]
    timeoutSeconds = var.pre_deploy_timeout_seconds
  }
}

output "app_secrets" {
  description = "The app secrets: each secret's ARN by the environment variable name the container gets it as (set its value with aws secretsmanager put-secret-value --secret-id <arn>), and the prefix every app secret ARN of this environment starts with. Deploy gives the new revision's container exactly these."
  value = {
    arnPrefix = "arn:${local.aws_partition}:secretsmanager:${var.aws_region}:${local.aws_account_id}:secret:${local.name_prefix}/"
    arns      = { for name, secret in aws_secretsmanager_secret.app : name => secret.arn }
  }
}

output "test_traffic_gate" {
  description = "The test-traffic gate's lifecycle hook Deploy sends with UpdateService (POST_TEST_TRAFFIC_SHIFT) and where it writes its verdicts: the Lambda function, the role ECS invokes it with, the SSM parameter prefix (null for ROLLING)."
  value = local.shifts_traffic ? {
    functionArn            = aws_lambda_function.test_traffic_gate[0].arn
    roleArn                = aws_iam_role.ecs_load_balancers[0].arn
    verdictParameterPrefix = local.test_traffic_verdict_prefix
  } : null
}
