"""SQL adapters of the administration screens: one package per screen."""
