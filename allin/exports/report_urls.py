"""URLs of the reports (meeting report, process dashboard), included by allin/urls.py."""

workspace_patterns = []
meeting_patterns = []
