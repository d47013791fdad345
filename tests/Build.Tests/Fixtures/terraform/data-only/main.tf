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

# The build passes offline_mode=true with --terraform-backend local; this root has no provider to configure.
variable "offline_mode" {
  description = "Accepted for parity with terraform/; unused here."
  type        = bool
  default     = false
}

# Holds the state lock while it sleeps, so tests can see another process waiting on the lock.
variable "hold_seconds" {
  description = "How long applying this root keeps the state locked."
  type        = number
  default     = 0
}

resource "terraform_data" "hold" {
  triggers_replace = [var.revision]

  provisioner "local-exec" {
    command = "sleep ${var.hold_seconds}"
  }
}
