###############################################################################
# Progressive delivery (BLUE_GREEN, CANARY, LINEAR with ECS's own deployment
# controller, no CodeDeploy): a second target group the new revision starts
# in, a production listener rule and a test listener rule whose forward
# weights ECS moves between the two, the role ECS assumes to move them, and
# the CloudWatch alarms that fail (and roll back) a deployment.
#
# Provider 5.100 cannot set deploymentConfiguration.strategy or the load
# balancer's advancedConfiguration on aws_ecs_service: the output
# deployment_strategy carries them and the Deploy step sends them with
# UpdateService. ECS changes the rules' forward weights during a deployment,
# so terraform ignores their actions.
###############################################################################

locals {
  shifts_traffic = var.deployment_strategy != "ROLLING"

  # The listener production traffic comes through: HTTPS when HTTP only redirects.
  production_listener_arn = local.redirect_http ? aws_lb_listener.https[0].arn : aws_lb_listener.http.arn

  test_listener_cidrs = coalesce(var.test_listener_cidrs, var.allowed_ingress_cidrs)

  deployment_alarm_names = [
    aws_cloudwatch_metric_alarm.target_5xx.alarm_name,
    aws_cloudwatch_metric_alarm.unhealthy_hosts.alarm_name,
  ]
}

resource "aws_lb_target_group" "alternate" {
  count = local.shifts_traffic ? 1 : 0

  # 32 characters at most, like the first one's.
  name                 = "${substr(local.name_prefix, 0, 28)}-alt"
  target_type          = "ip"
  protocol             = "HTTP"
  port                 = var.container_port
  vpc_id               = local.vpc_id
  deregistration_delay = var.deregistration_delay

  health_check {
    enabled             = true
    protocol            = "HTTP"
    port                = "traffic-port"
    path                = var.health_check_path
    matcher             = "200"
    interval            = 15
    timeout             = 5
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }
}

resource "aws_lb_listener_rule" "production" {
  count = local.shifts_traffic ? 1 : 0

  listener_arn = local.production_listener_arn
  priority     = 1

  action {
    type = "forward"

    forward {
      target_group {
        arn    = aws_lb_target_group.app.arn
        weight = 100
      }

      target_group {
        arn    = aws_lb_target_group.alternate[0].arn
        weight = 0
      }
    }
  }

  condition {
    path_pattern {
      values = ["/*"]
    }
  }

  # ECS moves the weights during every deployment.
  lifecycle {
    ignore_changes = [action]
  }
}

resource "aws_lb_listener" "test" {
  count = local.shifts_traffic ? 1 : 0

  load_balancer_arn = aws_lb.this.arn
  port              = var.test_listener_port
  protocol          = "HTTP"

  default_action {
    type = "fixed-response"

    fixed_response {
      content_type = "text/plain"
      message_body = "No test traffic rule matched."
      status_code  = "404"
    }
  }
}

resource "aws_lb_listener_rule" "test" {
  count = local.shifts_traffic ? 1 : 0

  listener_arn = aws_lb_listener.test[0].arn
  priority     = 1

  action {
    type = "forward"

    forward {
      target_group {
        arn    = aws_lb_target_group.app.arn
        weight = 100
      }

      target_group {
        arn    = aws_lb_target_group.alternate[0].arn
        weight = 0
      }
    }
  }

  condition {
    path_pattern {
      values = ["/*"]
    }
  }

  lifecycle {
    ignore_changes = [action]
  }
}

resource "aws_vpc_security_group_ingress_rule" "alb_test_listener" {
  for_each = local.shifts_traffic ? toset(local.test_listener_cidrs) : toset([])

  security_group_id = aws_security_group.alb.id
  description       = "Test listener ${var.test_listener_port} from ${each.value}"
  ip_protocol       = "tcp"
  from_port         = var.test_listener_port
  to_port           = var.test_listener_port
  cidr_ipv4         = each.value
}

# The role ECS assumes to move listener rule weights and register targets in
# both target groups (ECS's "infrastructure role for load balancers").
resource "aws_iam_role" "ecs_load_balancers" {
  count = local.shifts_traffic ? 1 : 0

  name        = "${local.name_prefix}-ecs-lb"
  description = "Assumed by ECS to shift ${local.name_prefix}'s load balancer traffic during BLUE_GREEN, CANARY and LINEAR deployments"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "EcsAssumeRole"
        Effect    = "Allow"
        Principal = { Service = "ecs.amazonaws.com" }
        Action    = "sts:AssumeRole"
        Condition = {
          StringEquals = { "aws:SourceAccount" = local.aws_account_id }
        }
      },
    ]
  })
}

resource "aws_iam_role_policy_attachment" "ecs_load_balancers" {
  count = local.shifts_traffic ? 1 : 0

  role       = aws_iam_role.ecs_load_balancers[0].name
  policy_arn = "arn:${local.aws_partition}:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers"
}

# Deployment alarms: 5xx answers of the targets (either target group, through
# this load balancer) and unhealthy targets in either target group.
resource "aws_cloudwatch_metric_alarm" "target_5xx" {
  alarm_name          = "${local.name_prefix}-target-5xx"
  alarm_description   = "More than ${var.alarm_target_5xx_per_minute} target 5xx answers a minute, two minutes in a row: fails (and rolls back) a deployment of ${local.name_prefix}."
  namespace           = "AWS/ApplicationELB"
  metric_name         = "HTTPCode_Target_5XX_Count"
  dimensions          = { LoadBalancer = aws_lb.this.arn_suffix }
  statistic           = "Sum"
  period              = 60
  evaluation_periods  = 2
  datapoints_to_alarm = 2
  threshold           = var.alarm_target_5xx_per_minute
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"
}

resource "aws_cloudwatch_metric_alarm" "unhealthy_hosts" {
  alarm_name          = "${local.name_prefix}-unhealthy-hosts"
  alarm_description   = "An unhealthy target in a target group of ${local.name_prefix} for two minutes: fails (and rolls back) a deployment."
  evaluation_periods  = 2
  datapoints_to_alarm = 2
  threshold           = 0
  comparison_operator = "GreaterThanThreshold"
  treat_missing_data  = "notBreaching"

  metric_query {
    id          = "unhealthy"
    expression  = local.shifts_traffic ? "MAX([primary, alternate])" : "primary"
    label       = "Unhealthy targets"
    return_data = true
  }

  metric_query {
    id = "primary"

    metric {
      namespace   = "AWS/ApplicationELB"
      metric_name = "UnHealthyHostCount"
      period      = 60
      stat        = "Maximum"
      dimensions = {
        LoadBalancer = aws_lb.this.arn_suffix
        TargetGroup  = aws_lb_target_group.app.arn_suffix
      }
    }
  }

  dynamic "metric_query" {
    for_each = aws_lb_target_group.alternate

    content {
      id = "alternate"

      metric {
        namespace   = "AWS/ApplicationELB"
        metric_name = "UnHealthyHostCount"
        period      = 60
        stat        = "Maximum"
        dimensions = {
          LoadBalancer = aws_lb.this.arn_suffix
          TargetGroup  = metric_query.value.arn_suffix
        }
      }
    }
  }
}
