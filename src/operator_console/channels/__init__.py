"""Network adapters that deliver resident messages: e-mail over SMTP, SMS over a provider's API."""
