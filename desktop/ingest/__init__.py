"""Reading articles into the store: text files, Markdown and HTML. No Qt here."""
