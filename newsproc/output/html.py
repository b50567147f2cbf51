"""An analysed article as a self-contained right-to-left HTML page, and an index page for a batch.

Pages are made from the output record alone (the JSON contract), so a record fresh from the pipeline and
one read back from a file render the same way. They need nothing from outside: the style sheet and the
few lines of script are in the page. Every piece of article text goes through `html.escape`.

In the text, statements are the outer layer, then event triggers and statement cues, then actor mentions;
spans that cross are cut into pieces that nest, so the markup is always well formed.
"""
from __future__ import annotations

from bisect import bisect_right
from html import escape

# type -> (Arabic name, label shown on each mention)
ACTOR_TYPES = {
    "person": ("شخص", "PERSON"),
    "country": ("دولة", "COUNTRY"),
    "organization": ("منظمة", "ORG"),
    "location": ("مكان", "PLACE"),
}
_BLOCK_TAGS = {"title": "h1", "heading": "h2", "paragraph": "p"}

_STYLE = """
:root { --person: #fde2b3; --country: #c9e6ff; --organization: #d7f0c8; --location: #ecdcf7;
        --ink: #1d232a; --muted: #5b6671; --line: #d9dee3; --statement: #fff6c2; --event: #b42318; }
* { box-sizing: border-box; }
body { margin: 0; background: #f6f7f9; color: var(--ink);
       font: 17px/1.9 "Noto Naskh Arabic", "Amiri", "Geeza Pro", "Segoe UI", Tahoma, "DejaVu Sans", sans-serif; }
header.page { background: #fff; border-bottom: 1px solid var(--line); padding: 18px 28px 10px; }
header.page h1 { margin: 0 0 4px; font-size: 1.5rem; line-height: 1.5; }
.brand { margin: 0; font: 700 .8rem system-ui, sans-serif; letter-spacing: .08em; color: #1f6feb; direction: ltr;
         text-align: right; }
.meta { color: var(--muted); font-size: .85rem; margin: 0; direction: ltr; text-align: right; }
.meta span + span::before { content: " · "; }
.legend { display: flex; flex-wrap: wrap; gap: 8px 18px; margin: 10px 0 0; padding: 0; list-style: none;
          font-size: .85rem; }
.legend li { display: flex; align-items: center; gap: 6px; }
main { display: grid; grid-template-columns: minmax(0, 1.7fr) minmax(360px, 1fr); gap: 22px; padding: 22px 28px; }
aside section { position: sticky; top: 12px; max-height: calc(100vh - 24px); overflow: auto; }
@media (max-width: 900px) { main { grid-template-columns: 1fr; } }
article, aside section { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 8px 26px 18px; }
article h1 { font-size: 1.35rem; line-height: 1.7; }
article h2 { font-size: 1.1rem; }
article p { margin: .7em 0; }
mark.ent { background: var(--t); color: inherit; border-radius: 4px; padding: 1px 3px;
           border-bottom: 2px var(--pattern) rgba(0, 0, 0, .45); cursor: pointer; }
mark.ent::after { content: attr(data-label); font: 600 .58rem/1 system-ui, sans-serif; letter-spacing: .03em;
                  color: #3a4148; background: rgba(255, 255, 255, .75); border-radius: 3px; padding: 1px 3px;
                  margin-inline-start: 4px; vertical-align: .25em; }
.t-person { --t: var(--person); --pattern: solid; }
.t-country { --t: var(--country); --pattern: double; }
.t-organization { --t: var(--organization); --pattern: dashed; }
.t-location { --t: var(--location); --pattern: dotted; }
mark.ent.lit { outline: 3px solid #1f6feb; outline-offset: 1px; }
.swatch { display: inline-block; width: 2.2em; height: 1.1em; border-radius: 3px; background: var(--t);
          border-bottom: 2px var(--pattern) rgba(0, 0, 0, .45); }
.stmt { background: var(--statement); border-radius: 3px; }
.stmt:focus { outline: 2px solid #9a6700; outline-offset: 2px; }
.stmt[data-tip]:hover::after, .stmt[data-tip]:focus::after {
  content: attr(data-tip); position: fixed; inset-inline-start: 16px; bottom: 16px; z-index: 5; max-width: 32em;
  background: #1d232a; color: #fff; font-size: .85rem; font-weight: 400; line-height: 1.7; padding: 8px 12px;
  border-radius: 8px; box-shadow: 0 4px 14px rgba(0, 0, 0, .25); }
.cue { font-weight: 700; text-decoration: underline 2px #9a6700; text-underline-offset: 5px; }
.event { color: var(--event); font-weight: 700; border-bottom: 2px solid var(--event); }
.event::after { content: attr(data-label); font: 600 .58rem/1 system-ui, sans-serif; color: #fff;
                background: var(--event); border-radius: 3px; padding: 1px 4px; margin-inline-start: 4px;
                vertical-align: .25em; }
aside h2, section.lists h2 { font-size: 1rem; margin: 10px 0 6px; }
table { width: 100%; border-collapse: collapse; font-size: .86rem; line-height: 1.55; }
th, td { text-align: start; padding: 5px 6px; border-bottom: 1px solid var(--line); vertical-align: top; }
th { color: var(--muted); font-weight: 600; }
tr[data-actor] { cursor: pointer; }
tr[data-actor]:hover, tr[data-actor]:focus, tr[data-actor].lit { background: #eef4ff; outline: none; }
code { font: .8rem ui-monospace, "DejaVu Sans Mono", monospace; direction: ltr; unicode-bidi: isolate; }
.count { text-align: center; }
section.lists { grid-column: 1 / -1; background: #fff; border: 1px solid var(--line); border-radius: 10px;
                padding: 8px 26px 18px; }
.warnings { background: #fff4e5; border: 1px solid #f0c36d; border-radius: 8px; padding: 6px 12px; margin: 8px 0 0; }
.none { color: var(--muted); }
"""

_SCRIPT = """
(function () {
  function light(id, on) {
    document.querySelectorAll('[data-actor="' + id + '"]').forEach(function (el) { el.classList.toggle('lit', on); });
  }
  document.querySelectorAll('tr[data-actor]').forEach(function (row) {
    var id = row.dataset.actor;
    ['mouseenter', 'focus'].forEach(function (e) { row.addEventListener(e, function () { light(id, true); }); });
    ['mouseleave', 'blur'].forEach(function (e) { row.addEventListener(e, function () { light(id, false); }); });
  });
  document.querySelectorAll('mark.ent').forEach(function (mark) {
    mark.addEventListener('click', function () {
      var row = document.querySelector('tr[data-actor="' + mark.dataset.actor + '"]');
      if (row) { row.focus(); row.scrollIntoView({block: 'nearest'}); }
    });
  });
})();
"""


class _Span:
    __slots__ = ("start", "end", "layer", "order", "tag", "attributes", "first_attributes")

    def __init__(self, start, end, layer, order, tag, attributes, first_attributes=""):
        self.start, self.end, self.layer, self.order = start, end, layer, order
        self.tag, self.attributes, self.first_attributes = tag, attributes, first_attributes


def _attribute(name: str, value) -> str:
    return f' {name}="{escape(str(value), quote=True)}"'


def _actor_line(actor: dict) -> str:
    code = actor.get("cameo") or actor.get("code")
    parts = [actor["id"], actor["name"], ACTOR_TYPES.get(actor["type"], (actor["type"],))[0]]
    return " · ".join(p for p in (*parts, code) if p)


def _who(names: dict[str, str], ids: list[str], fallback: str | None, unknown: str = "—") -> str:
    """The actors' names, or the words that stand for them when no actor does."""
    return "، ".join(names.get(i, i) for i in ids) or fallback or unknown


def _spans(record: dict) -> list[_Span]:
    names = {a["id"]: a["name"] for a in record["actors"]}
    spans = []
    for statement in record["statements"]:
        speakers = _who(names, statement["speakers"], statement.get("speaker_text"), "غير معروف")
        kind = {"direct": "قول مباشر", "indirect": "قول غير مباشر"}.get(statement["kind"], statement["kind"])
        tip = f"{statement['id']} · المتحدث: {speakers} · {statement['cue']} ({kind})"
        if statement.get("negated"):
            tip += " · منفي"
        spans.append(_Span(statement["start"], statement["end"], 0, statement["id"], "span",
                           _attribute("class", "stmt") + _attribute("data-statement", statement["id"])
                           + _attribute("data-tip", tip) + _attribute("title", tip),
                           _attribute("tabindex", 0) + _attribute("aria-label", f"قول: {tip}")))
        spans.append(_Span(statement["cue_start"], statement["cue_end"], 1, statement["id"], "span",
                           _attribute("class", "cue") + _attribute("data-statement", statement["id"])))
    for event in record["events"]:
        sources = _who(names, event["sources"], event.get("source_text"))
        targets = _who(names, event["targets"], event.get("target_text"))
        flags = "".join((" · منفي" if event.get("negated") else "", " · افتراضي" if event.get("hypothetical") else ""))
        title = f"{event['id']} · {event['type']} · CAMEO {event['cameo']} · {sources} ← {targets}{flags}"
        spans.append(_Span(event["start"], event["end"], 1, event["id"], "span",
                           _attribute("class", "event") + _attribute("data-event", event["id"])
                           + _attribute("data-label", f"{event['cameo']} {event['type']}") + _attribute("title", title)))
    for actor in record["actors"]:
        label = ACTOR_TYPES.get(actor["type"], ("", actor["type"].upper()))[1]
        attributes = (_attribute("class", f"ent t-{actor['type']}") + _attribute("data-actor", actor["id"])
                      + _attribute("data-label", label) + _attribute("title", _actor_line(actor)))
        for mention in actor["mentions"]:
            spans.append(_Span(mention["start"], mention["end"], 2, actor["id"], "mark", attributes))
    return spans


def _marked(text: str, first: int, end: int, spans: list[_Span]) -> str:
    """The text [first, end) with the spans that overlap it, cut into pieces so that tags nest. The spans
    open and close at their edges, so the work grows with the number of spans, not with its square."""
    opening: dict[int, list[_Span]] = {}
    closing: dict[int, set[int]] = {}
    for span in spans:
        left, right = max(span.start, first), min(span.end, end)
        if left < right:
            opening.setdefault(left, []).append(span)
            closing.setdefault(right, set()).add(id(span))
    cuts = sorted({first, end, *opening, *closing})
    out, stack, active, opened = [], [], [], set()
    for left, right in zip(cuts, cuts[1:]):
        ended = closing.get(left)
        if ended:
            active = [s for s in active if id(s) not in ended]
        active.extend(opening.get(left, ()))
        wanted = sorted(active, key=lambda s: (s.layer, s.start, -s.end, s.order))
        keep = 0
        while keep < len(stack) and keep < len(wanted) and stack[keep] is wanted[keep]:
            keep += 1
        for span in reversed(stack[keep:]):
            out.append(f"</{span.tag}>")
        for span in wanted[keep:]:
            extra = span.first_attributes if id(span) not in opened else ""
            opened.add(id(span))
            out.append(f"<{span.tag}{span.attributes}{extra}>")
        stack = wanted
        out.append(escape(text[left:right], quote=False))
    out.extend(f"</{span.tag}>" for span in reversed(stack))
    return "".join(out)


def _article_body(record: dict) -> str:
    text = record["text"]
    blocks = record.get("structure") or [{"type": "paragraph", "start": 0, "end": len(text)}]
    # Each span goes to the blocks it overlaps (usually one), found by bisection on the block starts.
    starts = [b["start"] for b in blocks]
    by_block: list[list[_Span]] = [[] for _ in blocks]
    for span in _spans(record):
        number = max(bisect_right(starts, span.start) - 1, 0)
        while number < len(blocks) and blocks[number]["start"] < span.end:
            by_block[number].append(span)
            number += 1
    parts = []
    if record.get("title") and not any(b["type"] == "title" for b in blocks):
        parts.append(f"<h1>{escape(record['title'], quote=False)}</h1>")  # a JSON record's title field
    for block, spans in zip(blocks, by_block):
        tag = _BLOCK_TAGS.get(block["type"], "p")
        parts.append(f"<{tag}>{_marked(text, block['start'], block['end'], spans)}</{tag}>")
    return "\n".join(parts)


def _roles(actor: dict) -> str:
    roles = [" ".join(p for p in (r.get("title"), r.get("affiliation")) if p) for r in actor.get("roles", [])]
    return escape("؛ ".join(roles), quote=False) or '<span class="none">—</span>'


def _actor_table(record: dict) -> str:
    rows = []
    for actor in record["actors"]:
        arabic, _label = ACTOR_TYPES.get(actor["type"], (actor["type"], ""))
        code = " ".join(c for c in (actor.get("code"), actor.get("cameo")) if c)
        rows.append(
            f'<tr tabindex="0"{_attribute("data-actor", actor["id"])}>'
            f'<td><span class="swatch t-{escape(actor["type"])}" aria-hidden="true"></span></td>'
            f'<td>{escape(actor["name"], quote=False)}</td><td>{escape(arabic, quote=False)}</td>'
            f'<td><code>{escape(code, quote=False)}</code></td><td>{_roles(actor)}</td>'
            f'<td class="count">{len(actor["mentions"])}</td></tr>')
    if not rows:
        return '<p class="none">لا فاعلين.</p>'
    return ('<table class="actors"><thead><tr><th></th><th>الاسم</th><th>النوع</th><th>الرمز</th><th>الصفة</th>'
            '<th>الذكر</th></tr></thead><tbody>' + "".join(rows) + "</tbody></table>")


def _lists(record: dict) -> str:
    text = record["text"]
    names = {a["id"]: a["name"] for a in record["actors"]}

    def who(ids, fallback):
        return escape(_who(names, ids, fallback), quote=False)

    statements = "".join(
        f'<tr><td><code>{escape(s["id"])}</code></td><td>{who(s["speakers"], s.get("speaker_text"))}</td>'
        f'<td>{escape(s["cue"], quote=False)}</td><td>{escape(text[s["start"]:s["end"]], quote=False)}</td></tr>'
        for s in record["statements"])
    events = "".join(
        f'<tr><td><code>{escape(e["id"])}</code></td><td><code>{escape(e["cameo"])}</code> {escape(e["type"])}</td>'
        f'<td>{escape(e["trigger"], quote=False)}</td><td>{who(e["sources"], e.get("source_text"))}</td>'
        f'<td>{who(e["targets"], e.get("target_text"))}</td><td>{escape(e.get("date") or "—")}</td></tr>'
        for e in record["events"])
    return (
        '<section class="lists"><h2>الأقوال</h2>'
        + (f'<table><thead><tr><th></th><th>المتحدث</th><th>الفعل</th><th>المضمون</th></tr></thead>'
           f'<tbody>{statements}</tbody></table>' if statements else '<p class="none">لا أقوال.</p>')
        + '<h2>الأحداث</h2>'
        + (f'<table><thead><tr><th></th><th>CAMEO</th><th>الكلمة</th><th>الفاعل</th><th>المفعول به</th><th>التاريخ</th>'
           f'</tr></thead><tbody>{events}</tbody></table>' if events else '<p class="none">لا أحداث.</p>')
        + "</section>")


def _legend() -> str:
    items = "".join(f'<li><span class="swatch t-{kind}" aria-hidden="true"></span>{arabic} <code>{label}</code></li>'
                    for kind, (arabic, label) in ACTOR_TYPES.items())
    return (f'<ul class="legend" aria-label="مفتاح الألوان">{items}'
            '<li><span class="stmt">قول</span> <span class="cue">فعل القول</span></li>'
            '<li><span class="event" data-label="CAMEO">حدث</span></li></ul>')


def _head(title: str) -> str:
    return ("<!DOCTYPE html>\n"
            '<html lang="ar" dir="rtl"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; '
            'script-src \'unsafe-inline\'">'
            f"<title>{escape(title, quote=False)}</title><style>{_STYLE}</style></head>\n<body>\n")


def _page(title: str, body: str) -> str:
    return f"{_head(title)}{body}\n<script>{_SCRIPT}</script>\n</body></html>\n"


def article_page(record: dict) -> str:
    """The page of one analysed article (an output record)."""
    title = record.get("title") or record["id"]
    source = record.get("source") or {}
    meta = [f"id {record['id']}", source.get("path"), record.get("date"),
            f"{len(record['actors'])} actors · {len(record['statements'])} statements · {len(record['events'])} events"]
    warnings = "".join(f"<li><code>{escape(w['code'])}</code> {escape(w['message'], quote=False)}</li>"
                       for w in record.get("warnings", []))
    header = (f'<header class="page"><p class="brand">newsproc</p>'
              f'<p class="meta">{"".join(f"<span>{escape(str(m), quote=False)}</span>" for m in meta if m)}</p>'
              + (f'<ul class="warnings">{warnings}</ul>' if warnings else "") + _legend() + "</header>")
    body = (f'{header}<main><article aria-label="النص">{_article_body(record)}</article>'
            f'<aside><section><h2>الفاعلون</h2>{_actor_table(record)}</section></aside>{_lists(record)}</main>')
    return _page(title, body)


def index_row(record: dict, href: str) -> str:
    """One row of the batch index: an article (link, counts by actor type) or a failed input."""
    if "error" in record:
        path = (record.get("source") or {}).get("path", "")
        return (f'<tr class="failed"><td>{escape(str(path), quote=False)}</td><td colspan="6"><code>'
                f'{escape(record["error"]["code"])}</code> {escape(record["error"]["message"], quote=False)}</td></tr>')
    counts = {kind: sum(1 for a in record["actors"] if a["type"] == kind) for kind in ACTOR_TYPES}
    title = record.get("title") or record["id"]
    cells = "".join(f'<td class="count">{counts[kind]}</td>' for kind in ACTOR_TYPES)
    return (f'<tr><td><a href="{escape(href, quote=True)}">{escape(title, quote=False)}</a><br><code>'
            f'{escape(record["id"])}</code></td>{cells}<td class="count">{len(record["statements"])}</td>'
            f'<td class="count">{len(record["events"])}</td></tr>')


def index_head(inputs: str) -> str:
    """The start of the batch index page; rows follow as articles are rendered, then `index_tail`."""
    headings = "".join(f"<th>{arabic}</th>" for arabic, _label in ACTOR_TYPES.values())
    return (f'{_head("newsproc: " + inputs)}<header class="page"><h1>المقالات المحللة</h1>'
            f'<p class="meta"><code>{escape(inputs, quote=False)}</code></p></header>'
            f'<main style="display:block"><section class="lists"><table><thead><tr><th>المقال</th>{headings}'
            f'<th>الأقوال</th><th>الأحداث</th></tr></thead><tbody>\n')


def index_tail(articles: int, failed: int) -> str:
    return (f'</tbody></table><p class="meta"><span>{articles} articles</span><span>{failed} failed</span></p>'
            "</section></main>\n</body></html>\n")
