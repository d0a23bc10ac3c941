"""Tables written as CSV and XLSX files."""
