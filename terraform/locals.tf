locals {
  # "<service>-<environment>", e.g. "app-prod". At most 24 + 1 + 7 = 32
  # characters, the limit for ALB and target group names.
  name_prefix = "${var.service_name}-${var.environment}"

  https_enabled = var.certificate_arn != null
  redirect_http = local.https_enabled && var.redirect_http_to_https

  # Networking, whichever way it is provided.
  vpc_id             = var.create_vpc ? aws_vpc.this[0].id : var.vpc_id
  public_subnet_ids  = var.create_vpc ? aws_subnet.public[*].id : var.public_subnet_ids
  private_subnet_ids = var.create_vpc ? aws_subnet.private[*].id : var.private_subnet_ids

  container_image = coalesce(var.container_image, "${aws_ecr_repository.this.repository_url}:${var.initial_image_tag}")

  container_health_check_command = (
    var.container_health_check_command != null
    ? var.container_health_check_command
    : ["CMD-SHELL", "curl -fsS http://localhost:${var.container_port}${var.health_check_path} || exit 1"]
  )

  aspnetcore_environment = {
    dev     = "Development"
    staging = "Staging"
    prod    = "Production"
  }[var.environment]
}
