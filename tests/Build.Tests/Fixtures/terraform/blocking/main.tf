# Provider-free Terraform root whose plan blocks for as long as the test wants: it reads a remote state over HTTP
# from a server the test runs and answers only when told. Used to interrupt a real `terraform plan` mid-way.

terraform {
  required_version = ">= 1.11"
}

variable "state_url" {
  description = "The test server's URL; terraform reads it while planning (holding the state lock)."
  type        = string
}

# The build passes offline_mode=true with --terraform-backend local; this root has no provider to configure.
variable "offline_mode" {
  description = "Accepted for parity with terraform/; unused here."
  type        = bool
  default     = false
}

data "terraform_remote_state" "held" {
  backend = "http"
  config = {
    address = var.state_url
  }
}

resource "terraform_data" "this" {
  input = "planned"
}
