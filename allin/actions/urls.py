"""URLs of the actions app, included by allin/urls.py at three places: under a workspace (/w/<workspace>/...),
under a meeting (/w/<workspace>/bijeenkomsten/<pk>/...) and public (links with a token, phones)."""

workspace_patterns = []
meeting_patterns = []
public_patterns = []
