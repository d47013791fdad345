# Provider-free Terraform root used by Build.Tests for init/plan/apply,
# stale-plan and state-lock behaviour. It only uses the built-in
# terraform_data resource, so `terraform init` needs no provider download.

terraform {
  required_version = ">= 1.11"
}

variable "revision" {
  description = "Any string; changing it changes the planned terraform_data input."
  type        = string
}

resource "terraform_data" "this" {
  input = var.revision
}

output "revision" {
  description = "The applied revision (terraform_data output mirrors its input)."
  value       = terraform_data.this.output
}
