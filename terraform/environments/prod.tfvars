# Production: larger tasks, three tasks, NAT gateway per AZ, long retention,
# zero-downtime deployments and ALB deletion protection.
environment  = "prod"
service_name = "app"
aws_region   = "eu-west-1"

create_vpc         = true
vpc_cidr           = "10.30.0.0/16"
availability_zones = ["eu-west-1a", "eu-west-1b"]
nat_gateway_per_az = true

allowed_ingress_cidrs = ["0.0.0.0/0"]

# Set to an ACM certificate ARN in eu-west-1 to add the HTTPS listener.
# certificate_arn        = "arn:aws:acm:eu-west-1:123456789012:certificate/..."
# redirect_http_to_https = true

cpu           = 1024
memory        = 2048
desired_count = 3

deployment_minimum_healthy_percent = 100
deployment_maximum_percent         = 200
health_check_grace_period_seconds  = 90

log_retention_in_days    = 90
ecr_keep_last_images     = 50
ecr_untagged_expiry_days = 7

alb_deletion_protection = true

# Canary: after the smoke test on the test listener, 10% of production
# traffic for 5 minutes, then all of it, then 10 minutes of bake time; the
# target 5xx and unhealthy-host alarms roll back at any point until then.
deployment_strategy          = "CANARY"
canary_percent               = 10
canary_bake_time_minutes     = 5
deployment_bake_time_minutes = 10

# Before the service is updated, Deploy runs the backup ("/app/App backup"),
# then the migration ("/app/App migrate"), each as a one-off task of the new
# revision; either failing stops the deploy before any traffic moves.
pre_deploy_backup_command  = ["backup"]
pre_deploy_command         = ["migrate"]
pre_deploy_timeout_seconds = 3600

# Secrets the app reads from Secrets Manager (values set out of band before
# the first deploy: see README.md, "Adding an app secret").
app_secrets                      = ["ConnectionStrings__Default"]
app_secrets_recovery_window_days = 30
