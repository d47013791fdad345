###############################################################################
# General
###############################################################################

variable "environment" {
  description = "Deployment environment."
  type        = string

  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "environment must be one of: dev, staging, prod."
  }
}

variable "service_name" {
  description = "Service name. Used as the prefix of every resource name (\"<service_name>-<environment>\"), so it is kept short enough for the 32-character ALB and target group name limits."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,22}[a-z0-9]$", var.service_name)) && !strcontains(var.service_name, "--")
    error_message = "service_name must be 2-24 characters of lowercase letters, digits and single hyphens, start with a letter and not end with a hyphen."
  }
}

variable "aws_region" {
  description = "AWS region to deploy into."
  type        = string

  validation {
    condition     = can(regex("^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]+$", var.aws_region))
    error_message = "aws_region must look like an AWS region name, e.g. eu-west-1."
  }
}

variable "offline_mode" {
  description = "When true the AWS provider skips credential validation, account-id lookup, the EC2 metadata API and region validation, so a plan with fake credentials makes no AWS call. Only for offline plans in the build; never apply with it."
  type        = bool
  default     = false
  nullable    = false
}

variable "tags" {
  description = "Extra tags applied to every resource through provider default_tags. Service, Environment and ManagedBy are always set and cannot be overridden."
  type        = map(string)
  default     = {}
  nullable    = false
}

###############################################################################
# Networking
###############################################################################

variable "create_vpc" {
  description = "Create a dedicated VPC (2+ public and 2+ private subnets, IGW, NAT). When false, vpc_id, public_subnet_ids and private_subnet_ids must point at an existing VPC."
  type        = bool
  default     = true
  nullable    = false
}

variable "vpc_cidr" {
  description = "CIDR block of the VPC created when create_vpc = true. Subnets are /(prefix+4) slices: public from index 0, private from index 8."
  type        = string
  default     = "10.0.0.0/16"

  validation {
    condition     = can(cidrhost(var.vpc_cidr, 0)) && can(cidrnetmask(var.vpc_cidr)) && try(tonumber(split("/", var.vpc_cidr)[1]) >= 16 && tonumber(split("/", var.vpc_cidr)[1]) <= 22, false)
    error_message = "vpc_cidr must be a valid IPv4 CIDR block with a prefix length between /16 and /22."
  }
}

variable "availability_zones" {
  description = "Availability zone names for the created VPC, one public and one private subnet per zone (a plain list so that plan makes no AWS call). Required when create_vpc = true."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition = var.create_vpc ? (
      length(var.availability_zones) >= 2 &&
      length(var.availability_zones) <= 6 &&
      length(distinct(var.availability_zones)) == length(var.availability_zones) &&
      alltrue([for az in var.availability_zones : startswith(az, var.aws_region) && can(regex("^[a-z0-9-]+[a-z]$", az))])
    ) : true
    error_message = "When create_vpc = true, availability_zones must list 2 to 6 distinct zones of aws_region (e.g. [\"eu-west-1a\", \"eu-west-1b\"])."
  }
}

variable "nat_gateway_per_az" {
  description = "Create one NAT gateway per availability zone (highly available) instead of a single shared one."
  type        = bool
  default     = false
  nullable    = false
}

variable "vpc_id" {
  description = "Existing VPC id, used when create_vpc = false."
  type        = string
  default     = null

  validation {
    condition     = var.create_vpc ? true : can(regex("^vpc-[0-9a-f]+$", var.vpc_id))
    error_message = "vpc_id must be an existing VPC id (vpc-...) when create_vpc = false."
  }
}

variable "public_subnet_ids" {
  description = "Existing public subnet ids (at least two, in different AZs) for the ALB, used when create_vpc = false."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = var.create_vpc ? true : (length(var.public_subnet_ids) >= 2 && alltrue([for s in var.public_subnet_ids : can(regex("^subnet-[0-9a-f]+$", s))]))
    error_message = "public_subnet_ids must list at least two subnet ids (subnet-...) when create_vpc = false."
  }
}

variable "private_subnet_ids" {
  description = "Existing private subnet ids (with a route to a NAT gateway or VPC endpoints) for the tasks, used when create_vpc = false."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = var.create_vpc ? true : (length(var.private_subnet_ids) >= 1 && alltrue([for s in var.private_subnet_ids : can(regex("^subnet-[0-9a-f]+$", s))]))
    error_message = "private_subnet_ids must list at least one subnet id (subnet-...) when create_vpc = false."
  }
}

variable "allowed_ingress_cidrs" {
  description = "IPv4 CIDR blocks allowed to reach the ALB on port 80 (and 443 when certificate_arn is set)."
  type        = list(string)
  default     = ["0.0.0.0/0"]
  nullable    = false

  validation {
    condition     = length(var.allowed_ingress_cidrs) > 0 && alltrue([for c in var.allowed_ingress_cidrs : can(cidrhost(c, 0)) && can(cidrnetmask(c))])
    error_message = "allowed_ingress_cidrs must be a non-empty list of valid IPv4 CIDR blocks (e.g. 203.0.113.0/24)."
  }
}

###############################################################################
# Load balancer
###############################################################################

variable "certificate_arn" {
  description = "ACM certificate ARN. When set, an HTTPS listener on 443 is created (and 443 is opened on the ALB security group)."
  type        = string
  default     = null

  validation {
    condition     = var.certificate_arn == null ? true : can(regex("^arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/.+$", var.certificate_arn))
    error_message = "certificate_arn must be an ACM certificate ARN or null."
  }
}

variable "redirect_http_to_https" {
  description = "When certificate_arn is set, make the HTTP listener redirect to HTTPS instead of forwarding."
  type        = bool
  default     = false
  nullable    = false
}

variable "ssl_policy" {
  description = "TLS policy of the HTTPS listener."
  type        = string
  default     = "ELBSecurityPolicy-TLS13-1-2-2021-06"
  nullable    = false
}

variable "alb_deletion_protection" {
  description = "Enable deletion protection on the ALB."
  type        = bool
  default     = false
  nullable    = false
}

variable "alb_idle_timeout" {
  description = "ALB idle timeout in seconds."
  type        = number
  default     = 60
  nullable    = false

  validation {
    condition     = var.alb_idle_timeout >= 1 && var.alb_idle_timeout <= 4000
    error_message = "alb_idle_timeout must be between 1 and 4000 seconds."
  }
}

variable "deregistration_delay" {
  description = "Seconds the target group waits before deregistering a draining task."
  type        = number
  default     = 30
  nullable    = false

  validation {
    condition     = var.deregistration_delay >= 0 && var.deregistration_delay <= 3600
    error_message = "deregistration_delay must be between 0 and 3600 seconds."
  }
}

variable "health_check_path" {
  description = "HTTP path used by the target group and the container health check."
  type        = string
  default     = "/health"
  nullable    = false

  validation {
    condition     = can(regex("^/[A-Za-z0-9/._~-]*$", var.health_check_path))
    error_message = "health_check_path must be an absolute URL path such as /health."
  }
}

###############################################################################
# ECR
###############################################################################

variable "ecr_keep_last_images" {
  description = "Number of most recent images kept in the ECR repository; older ones are expired."
  type        = number
  default     = 30
  nullable    = false

  validation {
    condition     = var.ecr_keep_last_images >= 1 && var.ecr_keep_last_images <= 1000 && floor(var.ecr_keep_last_images) == var.ecr_keep_last_images
    error_message = "ecr_keep_last_images must be a whole number between 1 and 1000."
  }
}

variable "ecr_untagged_expiry_days" {
  description = "Untagged images are expired this many days after push."
  type        = number
  default     = 3
  nullable    = false

  validation {
    condition     = var.ecr_untagged_expiry_days >= 1 && var.ecr_untagged_expiry_days <= 90 && floor(var.ecr_untagged_expiry_days) == var.ecr_untagged_expiry_days
    error_message = "ecr_untagged_expiry_days must be a whole number between 1 and 90."
  }
}

variable "ecr_promotion_pull_principals" {
  description = "IAM principal ARNs of the next environment's promotion role (e.g. staging's CI role on dev's repository) allowed to read this repository, so Promote can copy its images across accounts. Empty: no repository policy (same account: IAM policies suffice)."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for principal in var.ecr_promotion_pull_principals : can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:(root|role/.+|user/.+)$", principal))])
    error_message = "ecr_promotion_pull_principals must hold IAM ARNs such as arn:aws:iam::123456789012:role/ci-staging."
  }
}

###############################################################################
# ECS task and service
###############################################################################

variable "container_name" {
  description = "Name of the application container in the task definition (the deploy step refers to it)."
  type        = string
  default     = "app"
  nullable    = false

  validation {
    condition     = can(regex("^[A-Za-z0-9][A-Za-z0-9_-]{0,254}$", var.container_name))
    error_message = "container_name must be 1-255 letters, digits, hyphens or underscores."
  }
}

variable "container_port" {
  description = "Port the application listens on inside the container."
  type        = number
  default     = 8080
  nullable    = false

  validation {
    condition     = var.container_port >= 1024 && var.container_port <= 65535 && floor(var.container_port) == var.container_port
    error_message = "container_port must be a non-privileged port (1024-65535)."
  }
}

variable "container_image" {
  description = "Image of the initial task definition revision. The deploy step registers later revisions, which Terraform ignores. Null means \"<repository_url>:<initial_image_tag>\"."
  type        = string
  default     = null
}

variable "initial_image_tag" {
  description = "Tag used for the initial task definition when container_image is null."
  type        = string
  default     = "bootstrap"
  nullable    = false

  validation {
    condition     = can(regex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", var.initial_image_tag))
    error_message = "initial_image_tag must be a valid image tag."
  }
}

variable "container_health_check_command" {
  description = "Container health check command (ECS healthCheck.command). The default runs the app's own probe (/app/App healthcheck, GET /health on 127.0.0.1:8080): the image has no curl. Null means a curl-based CMD-SHELL check, for images that ship curl."
  type        = list(string)
  default     = ["CMD", "/app/App", "healthcheck"]

  validation {
    condition     = var.container_health_check_command == null ? true : (length(var.container_health_check_command) >= 2 && contains(["CMD", "CMD-SHELL"], var.container_health_check_command[0]))
    error_message = "container_health_check_command must start with \"CMD\" or \"CMD-SHELL\" followed by the command."
  }
}

variable "container_environment" {
  description = "Extra plain environment variables for the container (no secrets)."
  type        = map(string)
  default     = {}
  nullable    = false
}

variable "cpu_architecture" {
  description = "CPU architecture of the task (must match the image)."
  type        = string
  default     = "X86_64"
  nullable    = false

  validation {
    condition     = contains(["X86_64", "ARM64"], var.cpu_architecture)
    error_message = "cpu_architecture must be X86_64 or ARM64."
  }
}

variable "cpu" {
  description = "Fargate task CPU units."
  type        = number
  nullable    = false

  validation {
    condition     = contains([256, 512, 1024, 2048, 4096, 8192, 16384], var.cpu)
    error_message = "cpu must be one of the Fargate values 256, 512, 1024, 2048, 4096, 8192, 16384."
  }
}

variable "memory" {
  description = "Fargate task memory in MiB; must be a valid combination with cpu."
  type        = number
  nullable    = false

  validation {
    # https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size
    condition = (
      var.cpu == 256 ? contains([512, 1024, 2048], var.memory) :
      var.cpu == 512 ? (var.memory >= 1024 && var.memory <= 4096 && var.memory % 1024 == 0) :
      var.cpu == 1024 ? (var.memory >= 2048 && var.memory <= 8192 && var.memory % 1024 == 0) :
      var.cpu == 2048 ? (var.memory >= 4096 && var.memory <= 16384 && var.memory % 1024 == 0) :
      var.cpu == 4096 ? (var.memory >= 8192 && var.memory <= 30720 && var.memory % 1024 == 0) :
      var.cpu == 8192 ? (var.memory >= 16384 && var.memory <= 61440 && var.memory % 4096 == 0) :
      var.cpu == 16384 ? (var.memory >= 32768 && var.memory <= 122880 && var.memory % 8192 == 0) :
      false
    )
    error_message = "memory is not a valid Fargate combination for the chosen cpu (e.g. 256 -> 512/1024/2048; 512 -> 1024-4096; 1024 -> 2048-8192; 2048 -> 4096-16384, steps of 1024)."
  }
}

variable "desired_count" {
  description = "Initial number of tasks. Ignored after creation (the deploy step / autoscaling own it)."
  type        = number
  default     = 1
  nullable    = false

  validation {
    condition     = var.desired_count >= 0 && var.desired_count <= 100 && floor(var.desired_count) == var.desired_count
    error_message = "desired_count must be a whole number between 0 and 100."
  }
}

variable "deployment_minimum_healthy_percent" {
  description = "Lower limit (percent of desired_count) of running healthy tasks during a deployment."
  type        = number
  default     = 100
  nullable    = false

  validation {
    condition     = var.deployment_minimum_healthy_percent >= 0 && var.deployment_minimum_healthy_percent <= 100 && floor(var.deployment_minimum_healthy_percent) == var.deployment_minimum_healthy_percent
    error_message = "deployment_minimum_healthy_percent must be a whole number between 0 and 100."
  }
}

variable "deployment_maximum_percent" {
  description = "Upper limit (percent of desired_count) of running tasks during a deployment."
  type        = number
  default     = 200
  nullable    = false

  validation {
    condition     = var.deployment_maximum_percent >= 100 && var.deployment_maximum_percent <= 200 && floor(var.deployment_maximum_percent) == var.deployment_maximum_percent && var.deployment_maximum_percent > var.deployment_minimum_healthy_percent
    error_message = "deployment_maximum_percent must be a whole number between 100 and 200 and greater than deployment_minimum_healthy_percent."
  }
}

variable "health_check_grace_period_seconds" {
  description = "Seconds the ECS scheduler ignores failing load balancer health checks after a task starts."
  type        = number
  default     = 60
  nullable    = false

  validation {
    condition     = var.health_check_grace_period_seconds >= 0 && var.health_check_grace_period_seconds <= 7200
    error_message = "health_check_grace_period_seconds must be between 0 and 7200."
  }
}

###############################################################################
# Logs
###############################################################################

variable "log_retention_in_days" {
  description = "CloudWatch Logs retention of the service log group."
  type        = number
  nullable    = false

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_in_days)
    error_message = "log_retention_in_days must be one of the CloudWatch Logs values: 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653."
  }
}

###############################################################################
# Deployment strategy (progressive delivery). Provider 5.100 cannot express
# ECS's deploymentConfiguration.strategy, its bake times or the load
# balancer's advancedConfiguration: these variables only reach the service
# through the output deployment_strategy, which the build's Deploy step sends
# with UpdateService (see README.md, "Deployment strategies").
###############################################################################

variable "deployment_strategy" {
  description = "How Deploy rolls out a new revision: ROLLING (tasks replaced in place), BLUE_GREEN (all traffic moves at once after the test listener check), CANARY (canary_percent first, then the rest) or LINEAR (steps of linear_step_percent)."
  type        = string
  default     = "ROLLING"
  nullable    = false

  validation {
    condition     = contains(["ROLLING", "BLUE_GREEN", "CANARY", "LINEAR"], var.deployment_strategy)
    error_message = "deployment_strategy must be ROLLING, BLUE_GREEN, CANARY or LINEAR."
  }
}

variable "deployment_bake_time_minutes" {
  description = "Minutes both revisions keep running after all production traffic moved (BLUE_GREEN, CANARY, LINEAR), so an alarm can still roll back at once."
  type        = number
  default     = 10
  nullable    = false

  validation {
    condition     = var.deployment_bake_time_minutes >= 0 && var.deployment_bake_time_minutes <= 1440 && floor(var.deployment_bake_time_minutes) == var.deployment_bake_time_minutes
    error_message = "deployment_bake_time_minutes must be a whole number between 0 and 1440."
  }
}

variable "canary_percent" {
  description = "CANARY: share of production traffic (percent) the new revision gets first."
  type        = number
  default     = 10
  nullable    = false

  validation {
    condition     = var.canary_percent > 0 && var.canary_percent < 100
    error_message = "canary_percent must be above 0 and below 100."
  }
}

variable "canary_bake_time_minutes" {
  description = "CANARY: minutes the canary share is held before the rest of the traffic moves."
  type        = number
  default     = 5
  nullable    = false

  validation {
    condition     = var.canary_bake_time_minutes >= 0 && var.canary_bake_time_minutes <= 1440 && floor(var.canary_bake_time_minutes) == var.canary_bake_time_minutes
    error_message = "canary_bake_time_minutes must be a whole number between 0 and 1440."
  }
}

variable "linear_step_percent" {
  description = "LINEAR: share of production traffic (percent) each step moves."
  type        = number
  default     = 20
  nullable    = false

  validation {
    condition     = var.linear_step_percent >= 3 && var.linear_step_percent <= 100
    error_message = "linear_step_percent must be between 3 and 100."
  }
}

variable "linear_step_bake_time_minutes" {
  description = "LINEAR: minutes each step is held before the next one."
  type        = number
  default     = 2
  nullable    = false

  validation {
    condition     = var.linear_step_bake_time_minutes >= 0 && var.linear_step_bake_time_minutes <= 1440 && floor(var.linear_step_bake_time_minutes) == var.linear_step_bake_time_minutes
    error_message = "linear_step_bake_time_minutes must be a whole number between 0 and 1440."
  }
}

variable "deployment_alarm_rollback" {
  description = "Whether ECS rolls a deployment back when one of the deployment alarms (target 5xx, unhealthy hosts) goes into ALARM; Deploy fails either way."
  type        = bool
  default     = true
  nullable    = false
}

variable "test_listener_port" {
  description = "Port of the ALB's test listener, where the new revision answers before production traffic moves (BLUE_GREEN, CANARY, LINEAR): Deploy's smoke test runs there."
  type        = number
  default     = 8081
  nullable    = false

  validation {
    condition     = var.test_listener_port >= 1 && var.test_listener_port <= 65535 && !contains([80, 443], var.test_listener_port)
    error_message = "test_listener_port must be a port number other than 80 and 443."
  }
}

variable "test_listener_cidrs" {
  description = "IPv4 CIDR blocks allowed to reach the test listener (where the deploying CI runner's smoke test comes from); null: allowed_ingress_cidrs."
  type        = list(string)
  default     = null

  validation {
    condition     = var.test_listener_cidrs == null || alltrue([for c in coalesce(var.test_listener_cidrs, []) : can(cidrhost(c, 0)) && can(cidrnetmask(c))])
    error_message = "test_listener_cidrs must be a list of valid IPv4 CIDR blocks."
  }
}

variable "alarm_target_5xx_per_minute" {
  description = "Deployment alarm: 5xx answers of the service's targets per minute (two minutes in a row) that count as ALARM."
  type        = number
  default     = 5
  nullable    = false

  validation {
    condition     = var.alarm_target_5xx_per_minute >= 1
    error_message = "alarm_target_5xx_per_minute must be at least 1."
  }
}

variable "test_traffic_gate_max_wait_minutes" {
  description = "How long the test-traffic gate's lifecycle hook holds a BLUE_GREEN, CANARY or LINEAR deployment in POST_TEST_TRAFFIC_SHIFT waiting for Deploy's verdict; with none by then (the build died) the hook fails and ECS rolls back. Longer than Deploy's own wait for the test stage."
  type        = number
  default     = 30
  nullable    = false

  validation {
    condition     = var.test_traffic_gate_max_wait_minutes >= 5 && var.test_traffic_gate_max_wait_minutes <= 1440
    error_message = "test_traffic_gate_max_wait_minutes must be between 5 and 1440."
  }
}

###############################################################################
# Pre-deploy one-off tasks (migrations, backup): run by Deploy from the new
# task definition revision, before the service is updated
###############################################################################

variable "pre_deploy_command" {
  description = "Command Deploy runs as a one-off Fargate task of the new revision (in the service's subnets and security group) before UpdateService, e.g. the database migration; the deploy goes on only when it exits 0. It replaces the container's CMD, the image's ENTRYPOINT stays: [\"migrate\"] runs \"/app/App migrate\" in the sample image. Empty: none."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for word in var.pre_deploy_command : length(trimspace(word)) > 0])
    error_message = "pre_deploy_command must not contain empty words (an empty list means no pre-deploy command)."
  }
}

variable "pre_deploy_backup_command" {
  description = "Command Deploy runs the same way BEFORE pre_deploy_command (e.g. a database snapshot before prod's migration); it must exit 0 for the migration and the deploy to go on. Empty: none."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for word in var.pre_deploy_backup_command : length(trimspace(word)) > 0])
    error_message = "pre_deploy_backup_command must not contain empty words (an empty list means no backup)."
  }
}

variable "pre_deploy_timeout_seconds" {
  description = "How long each pre-deploy task may take, from RunTask to STOPPED; past it, Deploy stops the task and fails before UpdateService."
  type        = number
  default     = 1800
  nullable    = false

  validation {
    condition     = var.pre_deploy_timeout_seconds >= 60 && var.pre_deploy_timeout_seconds <= 14400 && floor(var.pre_deploy_timeout_seconds) == var.pre_deploy_timeout_seconds
    error_message = "pre_deploy_timeout_seconds must be a whole number between 60 and 14400."
  }
}

###############################################################################
# App secrets (Secrets Manager): the secrets exist in terraform, their values
# are set out of band (aws secretsmanager put-secret-value), never in state
###############################################################################

variable "app_secrets" {
  description = "Names of the environment variables the app reads from Secrets Manager (e.g. \"ConnectionStrings__Default\"). Each becomes a secret \"<service>-<env>/<name>\" with no value in terraform, a container secrets entry (valueFrom = its ARN) and GetSecretValue for the task execution role on exactly that ARN."
  type        = list(string)
  default     = []
  nullable    = false

  validation {
    condition     = alltrue([for name in var.app_secrets : can(regex("^[A-Za-z_][A-Za-z0-9_]{0,254}$", name))]) && length(distinct(var.app_secrets)) == length(var.app_secrets)
    error_message = "app_secrets must be distinct environment variable names (letters, digits, underscores; not starting with a digit), e.g. ConnectionStrings__Default."
  }
}

variable "app_secrets_kms_key_arn" {
  description = "ARN of a customer managed KMS key that encrypts the app secrets; the task execution role then gets kms:Decrypt on it (through Secrets Manager only). Null: the AWS managed key aws/secretsmanager, no KMS permission needed."
  type        = string
  default     = null

  validation {
    condition     = var.app_secrets_kms_key_arn == null ? true : can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/.+$", var.app_secrets_kms_key_arn))
    error_message = "app_secrets_kms_key_arn must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>) or null."
  }
}

variable "app_secrets_recovery_window_days" {
  description = "Days a deleted app secret can still be restored (0 deletes at once; 7-30 otherwise)."
  type        = number
  default     = 7
  nullable    = false

  validation {
    condition     = var.app_secrets_recovery_window_days == 0 || (var.app_secrets_recovery_window_days >= 7 && var.app_secrets_recovery_window_days <= 30)
    error_message = "app_secrets_recovery_window_days must be 0 or between 7 and 30."
  }
}
