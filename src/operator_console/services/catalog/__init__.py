"""The service catalog: Open311 import and export."""
