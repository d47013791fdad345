# Staging: production-like shape at a smaller size, one NAT gateway.
environment  = "staging"
service_name = "app"
aws_region   = "eu-west-1"

create_vpc         = true
vpc_cidr           = "10.20.0.0/16"
availability_zones = ["eu-west-1a", "eu-west-1b"]
nat_gateway_per_az = false

allowed_ingress_cidrs = ["0.0.0.0/0"]

cpu           = 512
memory        = 1024
desired_count = 2

deployment_minimum_healthy_percent = 50
deployment_maximum_percent         = 200
health_check_grace_period_seconds  = 60

log_retention_in_days    = 30
ecr_keep_last_images     = 30
ecr_untagged_expiry_days = 3

alb_deletion_protection = false

# Blue/green: the new revision starts beside the old one in the second target
# group, the smoke test runs on the test listener (port 8081), then all
# production traffic moves at once and both run for the bake time.
deployment_strategy          = "BLUE_GREEN"
deployment_bake_time_minutes = 5

# Before the service is updated, Deploy runs the migration as a one-off task
# of the new revision ("/app/App migrate"); the deploy goes on only on exit 0.
pre_deploy_command = ["migrate"]

# Secrets the app reads from Secrets Manager (values set out of band before
# the first deploy: see README.md, "Adding an app secret").
app_secrets = ["ConnectionStrings__Default"]
