# Development: smallest size, one task, short log retention, one NAT gateway.
environment  = "dev"
service_name = "app"
aws_region   = "eu-west-1"

create_vpc         = true
vpc_cidr           = "10.10.0.0/16"
availability_zones = ["eu-west-1a", "eu-west-1b"]
nat_gateway_per_az = false

# Restrict to office/VPN ranges if the dev endpoint must not be public.
allowed_ingress_cidrs = ["0.0.0.0/0"]

cpu           = 256
memory        = 512
desired_count = 1

deployment_minimum_healthy_percent = 100
deployment_maximum_percent         = 200
health_check_grace_period_seconds  = 60

log_retention_in_days    = 7
ecr_keep_last_images     = 20
ecr_untagged_expiry_days = 1

alb_deletion_protection = false

# Deploy replaces tasks in place (see README.md, "Deployment strategies").
deployment_strategy = "ROLLING"

# Before the service is updated, Deploy runs the migration as a one-off task
# of the new revision ("/app/App migrate"); the deploy goes on only on exit 0.
pre_deploy_command = ["migrate"]

# Secrets the app reads from Secrets Manager (values set out of band before
# the first deploy: see README.md, "Adding an app secret").
app_secrets = ["ConnectionStrings__Default"]
