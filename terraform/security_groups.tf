# Rules are separate aws_vpc_security_group_*_rule resources; the groups
# themselves have no inline rules (Terraform also removes AWS's default
# allow-all egress rule from groups it creates).

###############################################################################
# ALB: HTTP (and HTTPS when a certificate is configured) from the allowed
# CIDRs; egress only to the tasks on the container port.
###############################################################################

locals {
  alb_listener_ports = local.https_enabled ? [80, 443] : [80]

  alb_ingress = {
    for pair in setproduct(local.alb_listener_ports, var.allowed_ingress_cidrs) :
    "${pair[0]}-${pair[1]}" => { port = pair[0], cidr = pair[1] }
  }
}

resource "aws_security_group" "alb" {
  name_prefix = "${local.name_prefix}-alb-"
  description = "ALB of ${local.name_prefix}: HTTP/HTTPS from allowed CIDRs"
  vpc_id      = local.vpc_id

  tags = {
    Name = "${local.name_prefix}-alb"
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "alb" {
  for_each = local.alb_ingress

  security_group_id = aws_security_group.alb.id
  description       = "Port ${each.value.port} from ${each.value.cidr}"
  ip_protocol       = "tcp"
  from_port         = each.value.port
  to_port           = each.value.port
  cidr_ipv4         = each.value.cidr
}

resource "aws_vpc_security_group_egress_rule" "alb_to_tasks" {
  security_group_id            = aws_security_group.alb.id
  description                  = "To the service tasks on the container port"
  ip_protocol                  = "tcp"
  from_port                    = var.container_port
  to_port                      = var.container_port
  referenced_security_group_id = aws_security_group.tasks.id
}

###############################################################################
# Tasks: the container port ONLY from the ALB security group. Egress is HTTPS
# only (ECR, S3 image layers, CloudWatch Logs through the NAT gateway); add
# rules here if the application needs other outbound traffic.
###############################################################################

resource "aws_security_group" "tasks" {
  name_prefix = "${local.name_prefix}-tasks-"
  description = "ECS tasks of ${local.name_prefix}: container port from the ALB only"
  vpc_id      = local.vpc_id

  tags = {
    Name = "${local.name_prefix}-tasks"
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "tasks_from_alb" {
  security_group_id            = aws_security_group.tasks.id
  description                  = "Container port from the ALB"
  ip_protocol                  = "tcp"
  from_port                    = var.container_port
  to_port                      = var.container_port
  referenced_security_group_id = aws_security_group.alb.id
}

resource "aws_vpc_security_group_egress_rule" "tasks_https" {
  security_group_id = aws_security_group.tasks.id
  description       = "HTTPS to AWS APIs (ECR, S3, CloudWatch Logs)"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = "0.0.0.0/0"
}
