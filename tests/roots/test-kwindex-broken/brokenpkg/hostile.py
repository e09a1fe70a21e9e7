"""<script>alert("kw")</script> & {{ x }} *not emphasis* `not code`."""

VALUE = "<b>bold?</b>"
