"""The Routing page: the rules, their dialog, and the "where would this go?" tester."""
