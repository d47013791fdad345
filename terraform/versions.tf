terraform {
  required_version = ">= 1.11"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.100"
    }
  }

  # Partial configuration: bucket, key, region, use_lockfile and encrypt come
  # from environments/<env>.s3.tfbackend via `terraform init -backend-config=...`.
  # Offline plans replace this with a local backend through an override file
  # (see README.md).
  backend "s3" {}
}
