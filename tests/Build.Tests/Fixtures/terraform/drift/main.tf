# A root with one real AWS resource for the Drift tests: a CloudWatch log group, refreshed from the fake CloudWatch
# Logs endpoint the tests start (AWS_ENDPOINT_URL). The provider never asks STS or IMDS.

terraform {
  required_version = ">= 1.11"
  required_providers {
    aws = {
      source = "hashicorp/aws"
    }
  }
}

variable "environment" {
  type = string
}

variable "service_name" {
  type = string
}

variable "aws_region" {
  type = string
}

variable "log_retention_in_days" {
  type = number
}

provider "aws" {
  region                      = var.aws_region
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
}

resource "aws_cloudwatch_log_group" "app" {
  name              = "/ecs/${var.service_name}-${var.environment}"
  retention_in_days = var.log_retention_in_days
}
