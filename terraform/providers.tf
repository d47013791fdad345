provider "aws" {
  region = var.aws_region

  # offline_mode = true lets `terraform plan` run with fake credentials and no
  # network: the provider does not call STS, IMDS or validate the region. The
  # configuration uses no data sources, so a plan of new resources makes no
  # AWS API call at all. Leave it false for real plans/applies.
  skip_credentials_validation = var.offline_mode ? true : null
  skip_requesting_account_id  = var.offline_mode ? true : null
  skip_metadata_api_check     = var.offline_mode ? true : null
  skip_region_validation      = var.offline_mode ? true : null

  default_tags {
    tags = merge(var.tags, {
      Service     = var.service_name
      Environment = var.environment
      ManagedBy   = "terraform"
    })
  }
}
