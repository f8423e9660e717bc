"""Phase A: the social map (help organisations youth found) and the preparations of professionals."""
