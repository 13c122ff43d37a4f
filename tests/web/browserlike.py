"""Read a form off a page and say what a browser would send for it, untouched (for posting it as a teacher would)."""

from __future__ import annotations

from html.parser import HTMLParser


class _FormReader(HTMLParser):
    """Collect the successful controls of one form: its own fields and those that name it in a form attribute."""

    def __init__(self, form_id: str) -> None:
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.fields: list[list[str]] = []
        self.textarea: list[str] | None = None
        self.select: str | None = None
        self.first_option: list[str] | None = None
        self.chose = False

    def _mine(self, attrs: dict) -> bool:
        return self.inside if "form" not in attrs else attrs["form"] == self.form_id

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if tag == "form" and attrs.get("id") == self.form_id:
            self.inside = True
        elif tag == "input" and self._mine(attrs) and attrs.get("name") and "disabled" not in attrs:
            kind = attrs.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in attrs:
                return
            if kind not in ("submit", "button", "file", "image", "reset"):
                self.fields.append([attrs["name"], attrs.get("value", "on" if kind in ("checkbox", "radio") else "")])
        elif tag == "textarea" and self._mine(attrs) and attrs.get("name"):
            self.textarea = [attrs["name"], ""]
            self.fields.append(self.textarea)
        elif tag == "select" and self._mine(attrs) and attrs.get("name"):
            self.select, self.chose, self.first_option = attrs["name"], False, None
        elif tag == "option" and self.select:
            value = attrs.get("value", "")
            if self.first_option is None:
                self.first_option = [self.select, value]
            if "selected" in attrs and not self.chose:
                self.fields.append([self.select, value])
                self.chose = True

    def handle_data(self, data):
        if self.textarea is not None:
            self.textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "textarea" and self.textarea is not None:
            # A browser drops the one newline that follows <textarea>, and sends lines with CRLF.
            self.textarea[1] = self.textarea[1].removeprefix("\n").replace("\n", "\r\n")
            self.textarea = None
        elif tag == "select" and self.select:
            if not self.chose and self.first_option:
                self.fields.append(self.first_option)
            self.select = None


def form_fields(html: str, form_id: str) -> list[tuple[str, str]]:
    """Return the (name, value) pairs a browser would send for the form with this id, as the page shows it."""
    reader = _FormReader(form_id)
    reader.feed(html)
    return [(name, value) for name, value in reader.fields]
