"""Pipeline stage: entity mentions from lexicon hits and patterns.

* Countries, organisations and places named by a lexicon entry (the longest entry wins where entries
  overlap; entries marked `needs_context` count only next to a word such as دولة or beside another
  country).
* A capital stands for its state unless it is where something happens (في سول، إلى موسكو، بواشنطن, or in
  apposition after عاصمة).
* State bodies: an institution head followed by a country adjective that agrees with it
  (الخارجية الأمريكية، الجيش الإسرائيلي) or by a country in the genitive (وزارة خارجية روسيا).
* Organisations the lexicons lack, by their head noun, and their later short forms: extract/organizations.py.
* People: extract/people.py.
"""
from __future__ import annotations

from ..text.normalize import keys

from ..document import Mention, MentionList
from ..text.tokenize import letter_offset, split_proclitics
from .lookup import ENTITY_KINDS
from .organizations import OrganizationRules
from .people import FACILITY_HEADS, PeopleRules

# Words after which an ambiguous country or place name is meant as one.
CONTEXT_WORDS = keys(
    "دوله", "الدوله", "جمهوريه", "الجمهوريه", "مملكه", "المملكه", "سلطنه", "السلطنه", "اماره", "بلد",
    "البلد", "دولتي", "حكومه", "مدينه", "المدينه", "منطقه", "ولايه", "محافظه", "اقليم", "عاصمه", "العاصمه",
    "قناه", "شبكه", "صحيفه", "جريده", "موقع", "وكاله", "نادي", "فريق", "حركه", "تنظيم", "جماعه", "حزب",
    "قناتي", "صحيفتي", "مجله", "اذاعه", "قناتا", "صحيفتا",
)
QUOTE_MARKS = frozenset('"«»“”')
# A byline names its outlet between dashes within its first words: «سعود الدعجاني – سبق – بيشة:», «سبق- الدمام:».
BYLINE_TOKENS = 8
DASHES = frozenset("-–—")
# Words before a place that say something happens there (the capital is a place, not the state).
LOCATIVE_WORDS = keys(
    "في", "الى", "من", "داخل", "خارج", "قرب", "بالقرب", "نحو", "عبر", "حول", "شمال", "جنوب", "شرق", "غرب",
    "وسط", "ضواحي", "مطار", "سفاره", "سفارتي", "زياره", "عاصمه", "العاصمه", "مدينه", "بين", "لدى", "الي",
    "زار", "زارت", "يزور", "تزور", "زارا", "زاروا", "غادر", "غادرت", "يغادر", "تغادر", "دخل", "دخلت",
)


def _entities(hit, kinds):
    return [entry for entry in hit.entries if entry.kind in kinds]


def _select_longest(candidates):
    """Non-overlapping candidates, preferring more tokens, then earlier start."""
    chosen = []
    taken = set()
    for item in sorted(candidates, key=lambda c: (-(c[0].end_token - c[0].first_token), c[0].first_token)):
        hit = item[0]
        span = range(hit.first_token, hit.end_token)
        if any(i in taken for i in span):
            continue
        taken.update(span)
        chosen.append(item)
    chosen.sort(key=lambda c: c[0].first_token)
    return chosen


def _by_edges(chosen) -> dict[tuple[str, int], list]:
    """The chosen hits by their first token and by their end token, to find neighbours without a scan."""
    edges: dict[tuple[str, int], list] = {}
    for item in chosen:
        edges.setdefault(("first", item[0].first_token), []).append(item)
        edges.setdefault(("end", item[0].end_token), []).append(item)
    return edges


class MentionFinder(PeopleRules, OrganizationRules):
    def __init__(self, doc, index):
        self.doc = doc
        self.index = index
        self.tokens = doc.tokens
        self.mentions = MentionList()

    # --- helpers ------------------------------------------------------------------------------------
    def tokens_in_entries(self, kinds: tuple[str, ...]) -> set[int]:
        """Tokens inside a lexicon hit with an entry of one of `kinds` (computed once per kinds)."""
        cache = self.__dict__.setdefault("_tokens_in_entries", {})
        if kinds not in cache:
            cache[kinds] = {i for h in self.doc.hits if any(e.kind in kinds for e in h.entries)
                            for i in range(h.first_token, h.end_token)}
        return cache[kinds]

    def _mention(self, first, end, type_, entity, form, **data) -> Mention:
        tokens = self.tokens
        start = tokens[first].start
        # A proclitic is not part of the name: وكوريا -> كوريا.
        prefix = data.get("proclitics", "")
        if prefix:
            start = letter_offset(self.doc, tokens[first], len(prefix))
        return Mention(start, tokens[end - 1].end, type_, entity, form, tokens[first].sentence, first, end, data)

    def _prev_key(self, token_index: int, sentence_first: int) -> str | None:
        return self.tokens[token_index - 1].key if token_index > sentence_first else None

    # --- stages -------------------------------------------------------------------------------------
    def run(self) -> list[Mention]:
        entity_hits = []
        for hit in self.doc.hits:
            entries = _entities(hit, ENTITY_KINDS)
            if entries:
                entity_hits.append((hit, entries))
        chosen = _select_longest(entity_hits)
        edges = _by_edges(chosen)
        chosen = [item for item in chosen if self._in_context(item, edges)]
        mentions = [self._entity_mention(hit, entries) for hit, entries in chosen]
        self.mentions = MentionList(m for m in mentions if m is not None)
        self._institutions()
        self._organization_names()
        self._people()
        self._tagged_names()
        self._known_name_pairs()
        self._delegations()
        self._known_people()
        self._appositions()
        self._bodies_of_leaders()
        self._names_of_bodies()
        self._short_forms()
        self._name_parts()
        self.mentions.sort(key=lambda m: (m.start, -m.end))
        return self.mentions

    def _in_context(self, item, edges) -> bool:
        hit, entries = item
        if not all(entry.needs_context for entry in entries):
            return True
        sentence = self.doc.sentences[self.tokens[hit.first_token].sentence]
        position = hit.first_token
        if position > sentence.first_token and self.tokens[position - 1].key in QUOTE_MARKS \
                and hit.end_token < sentence.end_token and self.tokens[hit.end_token].key in QUOTE_MARKS:
            position -= 1  # «لصحيفة "الحياة"»: the whole quoted name
        before = self._prev_key(position, sentence.first_token)
        if (before is not None and any(base in CONTEXT_WORDS for _, base in split_proclitics(before))) \
                or self._in_byline(hit, sentence):
            return True
        # Beside another, unambiguous country: «مالي والنيجر», «النيجر ومالي».
        neighbours = [*edges.get(("end", hit.first_token), ()), *edges.get(("end", hit.first_token - 1), ()),
                      *edges.get(("first", hit.end_token), ()), *edges.get(("first", hit.end_token + 1), ())]
        return entries[0].kind == "country" and any(
            other is not hit and not any(e.needs_context for e in other_entries)
            and other_entries[0].kind == "country" for other, other_entries in neighbours)

    def _in_byline(self, hit, sentence) -> bool:
        """An outlet named before a dash in the byline that opens a paragraph, ending with the place."""
        tokens = self.tokens
        if hit.first_token - sentence.first_token > BYLINE_TOKENS or hit.end_token >= sentence.end_token:
            return False
        place_end = min(hit.end_token + 5, sentence.end_token)
        ends = ":" in (t.key for t in tokens[hit.end_token + 1:place_end]) or place_end == sentence.end_token
        opens = hit.first_token == sentence.first_token or tokens[hit.first_token - 1].key in DASHES
        return opens and tokens[hit.end_token].key in DASHES and ends

    def _entity_mention(self, hit, entries) -> Mention | None:
        # One surface may name several things (الجزائر: the state and its capital); the name wins.
        entry = min(entries, key=lambda e: (e.form != "name", e.kind != "country"))
        if entry.kind == "country":
            if entry.form == "capital":
                return self._capital(hit, entry)
            return self._mention(hit.first_token, hit.end_token, "country", f"country:{entry.ident}", entry.form,
                                 proclitics=hit.proclitics, gender=entry.gender, definite=entry.definite,
                                 elided=hit.elided)
        prefix = "org" if entry.kind == "organization" else "loc"
        return self._mention(hit.first_token, hit.end_token, entry.kind, f"{prefix}:{entry.ident}", "name",
                             proclitics=hit.proclitics, elided=hit.elided)

    def _capital(self, hit, entry) -> Mention:
        sentence = self.doc.sentences[self.tokens[hit.first_token].sentence]
        window = [t.key for t in self.tokens[max(sentence.first_token, hit.first_token - 5):hit.first_token]]
        before = window[-1] if window else None
        is_place = (
            hit.proclitics.endswith("ب")
            or before in LOCATIVE_WORDS
            or (before is not None and any(base in LOCATIVE_WORDS for _, base in split_proclitics(before)[1:]))
            or (before in {",", "،"} and any(k in {"عاصمه", "العاصمه"} for k in window))
        )
        if is_place:
            return self._mention(hit.first_token, hit.end_token, "location", f"loc:capital:{entry.ident}",
                                 "capital", proclitics=hit.proclitics, country=entry.ident)
        return self._mention(hit.first_token, hit.end_token, "country", f"country:{entry.ident}", "capital",
                             proclitics=hit.proclitics)

    def _institutions(self) -> None:
        by_first = {m.first_token: m for m in self.mentions if m.type == "country"}
        states = {m.first_token: m for m in self.mentions
                  if m.entity.startswith("loc:capital:") or (m.type == "country" and m.form == "name")}
        taken = {i for m in self.mentions for i in range(m.first_token, m.end_token)}
        for hit in self.doc.hits:
            for entry in hit.entries:
                if entry.kind not in ("institution", "construct"):
                    continue
                if any(i in taken for i in range(hit.first_token, hit.end_token)):
                    continue
                if self._local_body(hit, entry):
                    taken.update(range(hit.first_token, hit.end_token))
                    break
                country = by_first.get(hit.end_token)
                located = None
                if country is None and entry.kind == "institution" and hit.end_token + 1 < len(self.tokens) \
                        and self.tokens[hit.end_token].key == "في":
                    # «المحكمة العليا في إسرائيل», «الحكومة في سيول»: the body of the state it is in
                    country = located = states.get(hit.end_token + 1)
                if country is None or country.sentence != self.tokens[hit.first_token].sentence:
                    continue
                if located is not None:
                    ok = not located.data.get("proclitics") and not self._adjective_of_previous_noun(hit)
                elif entry.kind == "institution":
                    ok = (country.form == "adjective" and country.data.get("definite")
                          and entry.gender in (country.data.get("gender"), "a")  # "a": any
                          and not self._adjective_of_previous_noun(hit))
                else:
                    ok = country.form == "name" and not country.data.get("proclitics")
                if not ok or self._team_of_a_kind(entry, country.end_token):
                    continue
                code = country.entity.rsplit(":", 1)[1]
                institution = self.index.tables["institutions"][entry.ident]
                if located is not None and (institution.get("stands_for_country") or institution.get("located") or (
                        institution["name"].startswith("وزارة") and hit.end_token - hit.first_token == 1)):
                    # «الوفد في موسكو», «السفارة في القدس»: a visitor's side, a foreign embassy; «الصحة في
                    # نيجيريا» is health, not the ministry (الصحة names it only with an adjective)
                    continue
                if institution.get("stands_for_country"):
                    # «الجانب الأمريكي» is the country; «وفد كوريا الجنوبية» keeps the name as the mention.
                    # Either way the phrase starts at the head: a person just before it heads that side.
                    if entry.kind == "institution":
                        self.mentions.remove(country)
                        self.mentions.append(self._mention(hit.first_token, country.end_token, "country",
                                                           country.entity, "name", proclitics=hit.proclitics,
                                                           side_token=hit.first_token))
                    else:
                        country.data["side_token"] = hit.first_token
                else:
                    end = country.end_token
                    if institution.get("located"):
                        end = self._host_place_end(end)
                    self.mentions.append(self._mention(hit.first_token, end, "organization",
                                                       f"org:{entry.ident}:{code}", "name",
                                                       proclitics=hit.proclitics, institution=entry.ident,
                                                       country=code))
                taken.update(range(hit.first_token, hit.end_token))
                break

    def _team_of_a_kind(self, entry, end: int) -> bool:
        """«المنتخب السعودي للشباب», «المنتخب السعودي الأولمبي»: one of a country's teams, named in full by
        the organisation rules, not the national team itself."""
        if self.index.tables["institutions"][entry.ident]["kind"] != "club" or end >= len(self.tokens):
            return False
        key = self.tokens[end].key
        return key.startswith("لل") or (key[:1] == "ل" and key[1:] in self.index.organization_purposes) \
            or key in ("الاولمبي", "الاولمبيه", "الرديف", "الاول", "الثاني")

    def _local_body(self, hit, entry) -> bool:
        """«الشرطة في ولاية كاليفورنيا», «سلطات مدينة نيويورك»: a body with local branches (`local` in
        institutions.yaml) in, or of, a province or city the lexicon places in a state is that place's body."""
        institution = self.index.tables["institutions"][entry.ident]
        if not institution.get("local"):
            return False
        tokens = self.tokens
        end = hit.end_token
        if end + 1 >= len(tokens):
            return False
        if hit.first_token > 0 and not hit.proclitics and any(
                base in FACILITY_HEADS or base in self.index.organization_heads
                or base in self.index.weak_organization_heads
                for _, base in split_proclitics(tokens[hit.first_token - 1].key)):
            return False  # «مستشفى الحرس الوطني بجدة», «مركز شرطة أبو حماد»: named after the body
        # «الشرطة في …», «الدفاع المدني بمنطقة …»; the construct form before the place: «سلطات مدينة …»
        via = ("في", "ب") if entry.kind == "institution" else ("",)
        place = self._place_after(end, via, ("location",), heads=True)
        if place is None or place.entity.startswith(("loc:name:", "loc:capital:")):
            return False
        code = self._state_of(place)
        if code is None:
            return False
        key = " ".join(t.key for t in self.tokens[hit.first_token:place.end_token])[len(hit.proclitics):]
        self.mentions.append(self._mention(hit.first_token, place.end_token, "organization", f"org:name:{key}",
                                           "name", proclitics=hit.proclitics, country=code, elided=hit.elided))
        return True

    def _host_place_end(self, end: int) -> int:
        """«سفارة فرنسا بتونس», «السفارة الأمريكية في القدس»: the end of a body's phrase, with the place
        after ب or في where it sits."""
        place = self._place_after(end, ("في", "ب"), ("country", "location"))
        return place.end_token if place is not None else end

    def _place_after(self, position: int, via: tuple[str, ...], types: tuple[str, ...], heads: bool = False):
        """The place (of `types`) just after a body's phrase that ends at `position`, in the same sentence:
        after في («الشرطة في ولاية كاليفورنيا»), with ب («بسوسة»), or bare in a construct («سلطات مدينة
        نيويورك»), as `via` allows; with `heads`, also behind a place word (بمحافظة جدة، مدينة نيويورك)."""
        tokens = self.tokens
        if position >= len(tokens) or position == 0:
            return None
        starts = set()
        if "في" in via and tokens[position].key == "في" and position + 1 < len(tokens):
            starts.add((position + 1, ""))
        starts |= {(position, p) for p in via if p in ("ب", "")}
        if heads:
            starts |= {(first + 1, "") for first, proclitic in starts if first + 1 < len(tokens)
                       and tokens[first].key.startswith(proclitic)
                       and tokens[first].key[len(proclitic):] in self.index.location_heads}
        sentence = tokens[position - 1].sentence
        return next((m for first in sorted({first for first, _ in starts}) for m in self.mentions.starting_at(first)
                     if (first, m.data.get("proclitics", "")) in starts and m.type in types
                     and m.sentence == sentence), None)

    def _state_of(self, mention) -> str | None:
        """The state of a country, place or body mention, from the mention or its lexicon entry
        (البيت الأبيض → US, كاليفورنيا → US, a capital → its state)."""
        kind, _, ident = mention.entity.partition(":")
        if kind == "country":
            return ident
        if mention.data.get("country"):
            return mention.data["country"]
        if ident.startswith("capital:"):
            return ident.split(":", 1)[1]
        table = self.index.tables["locations" if kind == "loc" else "organizations"]
        return table.get(ident, {}).get("country")

    def _adjective_of_previous_noun(self, hit) -> bool:
        """«السياسة الخارجية الأمريكية»: a one-word head after a definite noun is that noun's adjective."""
        if hit.end_token - hit.first_token > 1 or hit.first_token == 0 or hit.proclitics:
            return False
        previous = self.tokens[hit.first_token - 1]
        if previous.sentence != self.tokens[hit.first_token].sentence:
            return False
        return self._has_article(previous) and not self.doc.hits_ending_at(hit.first_token)

    def _has_article(self, token) -> bool:
        """Whether a word starts with the article ال as written (أليسون does not: its alef has a hamza)."""
        letters = [ch for ch in self.doc.text[token.start:min(token.end, token.start + 8)]
                   if ch.isalpha() and ch != "\u0640"]
        if len(letters) > 3 and letters[0] in "وف":  # والتخطيط, فالحكومة
            letters = letters[1:]
        return len(letters) > 2 and letters[0] in "اٱ" and letters[1] == "ل"

    # --- people -------------------------------------------------------------------------------------
def find_mentions(doc, index):
    """Pipeline stage: fill `doc.mentions`."""
    doc.mentions = MentionFinder(doc, index).run()
    return doc
