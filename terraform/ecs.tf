resource "aws_ecs_cluster" "this" {
  name = local.name_prefix

  setting {
    name  = "containerInsights"
    value = "enabled"
  }
}

# The initial revision of the task family. The deploy step registers new
# revisions (new image tags) in the same family and points the service at
# them; Terraform ignores that (see the service's ignore_changes), and
# skip_destroy keeps revisions registered if this resource is ever replaced.
resource "aws_ecs_task_definition" "this" {
  family                   = local.name_prefix
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = tostring(var.cpu)
  memory                   = tostring(var.memory)
  execution_role_arn       = aws_iam_role.task_execution.arn
  task_role_arn            = aws_iam_role.task.arn
  skip_destroy             = true

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = var.cpu_architecture
  }

  container_definitions = jsonencode([
    {
      name      = var.container_name
      image     = local.container_image
      essential = true

      portMappings = [
        {
          name          = "http"
          containerPort = var.container_port
          hostPort      = var.container_port
          protocol      = "tcp"
          appProtocol   = "http"
        },
      ]

      environment = [
        for k, v in merge(
          {
            ASPNETCORE_ENVIRONMENT = local.aspnetcore_environment
            ASPNETCORE_HTTP_PORTS  = tostring(var.container_port)
          },
          var.container_environment,
        ) : { name = k, value = v }
      ]

      # Secrets Manager values, read by ECS at task start (see secrets.tf);
      # Deploy's new revisions carry this list through unchanged.
      secrets = [
        for name in var.app_secrets : { name = name, valueFrom = aws_secretsmanager_secret.app[name].arn }
      ]

      healthCheck = {
        command     = local.container_health_check_command
        interval    = 30
        timeout     = 5
        retries     = 3
        startPeriod = 60
      }

      logConfiguration = {
        logDriver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.app.name
          awslogs-region        = var.aws_region
          awslogs-stream-prefix = "ecs"
          mode                  = "non-blocking"
          max-buffer-size       = "25m"
        }
      }
    },
  ])
}

resource "aws_ecs_service" "this" {
  name                               = local.name_prefix
  cluster                            = aws_ecs_cluster.this.arn
  task_definition                    = aws_ecs_task_definition.this.arn
  desired_count                      = var.desired_count
  launch_type                        = "FARGATE"
  platform_version                   = "LATEST"
  deployment_minimum_healthy_percent = var.deployment_minimum_healthy_percent
  deployment_maximum_percent         = var.deployment_maximum_percent
  health_check_grace_period_seconds  = var.health_check_grace_period_seconds
  enable_ecs_managed_tags            = true
  propagate_tags                     = "SERVICE"
  wait_for_steady_state              = false

  deployment_controller {
    type = "ECS"
  }

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.app.arn
    container_name   = var.container_name
    container_port   = var.container_port
  }

  network_configuration {
    subnets          = local.private_subnet_ids
    security_groups  = [aws_security_group.tasks.id]
    assign_public_ip = false
  }

  # The deploy step owns the running task definition revision and the task
  # count; Terraform must not roll them back. With BLUE_GREEN, CANARY or
  # LINEAR the deploy step also sends the load balancer with its
  # advancedConfiguration (alternate target group, listener rules, role),
  # which provider 5.100 cannot express: terraform leaves load_balancer alone
  # after creating it.
  lifecycle {
    ignore_changes = [task_definition, desired_count, load_balancer]
  }

  # The target group must be attached to the load balancer before the service
  # registers targets in it.
  depends_on = [
    aws_lb_listener.http,
    aws_lb_listener.https,
    aws_lb_listener_rule.production,
    aws_lb_listener_rule.test,
    aws_iam_role_policy.task_execution,
    aws_iam_role_policy.task_execution_secrets,
  ]
}
