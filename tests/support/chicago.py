"""A Chicago-style mapping: statuses Open, Completed and Canceled, a duplicate flag, a parent."""

CHICAGO_MAPPING = """
name = "chicago"
time_zone = "America/Chicago"
date_formats = ["%m/%d/%Y %I:%M:%S %p"]

[columns]
id = ["SR_NUMBER"]
opened = ["CREATED_DATE"]
closed = ["CLOSED_DATE"]
status = ["STATUS"]
service = ["SR_TYPE"]
duplicate_flag = ["DUPLICATE"]
duplicate_of = ["PARENT_SR_NUMBER"]

[statuses]
"Open" = "in_queue"
"Completed" = "closed"
"Canceled" = "closed"

[closure.statuses]
"Canceled" = "cancelled"
"""
