"""Small reusable widgets: the Markdown editor and the parts forms share."""
