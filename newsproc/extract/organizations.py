"""Organisations the lexicons do not list, from their head noun, and their later short forms.
A mixin of MentionFinder (extract/mentions.py), which owns the shared state.

* A head noun (حزب، حركة، منظمة، مجلس، وكالة، شركة، جامعة، بنك، وزارة، لجنة … — `organization_heads` in
  heads.yaml) opens a name: the words after it that are definite (حزب العمال، وزارة الشؤون البلدية والقروية،
  اللجنة العامة للانتخابات البلدية), genitives inside that chain (مجموعة دول الساحل الخمس), or a rare word
  or name (شبكة حقاني، شركة أكمي). An indefinite head needs such a name; a definite head (اللجنة، المجلس)
  needs at least one specific word after it (not الجديدة، الحالي …).
* A later bare head (النيابة after النيابة الفيدرالية البلجيكية, الوزارة after وزارة الدفاع الأمريكية,
  الجيش after الجيش الإسرائيلي) is the same organisation when the article has exactly one that it can be.
"""
from __future__ import annotations

from ..text.normalize import keys, matching_key
from ..text.tokenize import split_proclitics
from .lookup import ENTITY_KINDS

MAX_ORGANIZATION_TOKENS = 7
MAX_QUOTED_WORDS = 4
QUOTES = frozenset('"«»“”')
PRONOUN_ENDINGS = ("ها", "هم", "هما", "ته")
DEFINITE_FUNCTION_WORDS = keys("التي", "الذي", "الذين", "اللذان", "اللتان", "اللذين", "اللتين", "اللواتي",
                                     "اللاتي", "اللاءي", "الان", "الا")
# Adjectives that describe a body without naming it: «الحكومة الجديدة» is not a name.
GENERIC_ADJECTIVES = keys(
    "الجديد", "الجديده", "الحالي", "الحاليه", "السابق", "السابقه", "الماضي", "الماضيه", "المقبل", "المقبله",
    "الاخير", "الاخيره", "الاول", "الاولى", "الثاني", "الثانيه", "نفسه", "نفسها", "ذاته", "ذاتها", "المذكور",
    "المذكوره", "المعنيه", "المعني", "المختصه", "المختص", "المسءوله", "المسءول", "الكبير", "الكبيره",
    "المشترك", "المشتركه", "المحليه", "المحلي", "الحكوميه", "الحكومي", "الرسميه", "الرسمي", "العامه", "العام",
    "الاخرين", "الاخرى", "الاخر", "الضيف", "المضيف", "الزاءر", "الانباء", "الكثيفه", "الكبرى", "الصغيره",
    "الفني", "الفنيه", "الاداري", "والاداري", "الاداريه", "والاداريه", "الطبي", "الطبيه", "التقني", "التقنيه",
    "المواليه", "الموالي", "المدعومه", "المدعوم", "التابعه", "التابع", "المسلحه", "المسلح", "القاءمه", "القاءم",
    "كبرى", "كبيره", "كبير", "جديده", "جديد", "عملاقه", "العملاقه", "الشهيره", "الشهير",
)


def _generic(key: str) -> bool:
    """A describing adjective, also after و (الشبكة القائمة والجديدة)."""
    return key in GENERIC_ADJECTIVES or (key[:1] == "و" and key[1:] in GENERIC_ADJECTIVES)


TIME_WORDS = keys("الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "اليوم", "أمس",
                  "غدا", "الماضي", "الماضية", "المقبل", "المقبلة", "الحالي", "الجاري")
OBJECT_PREPOSITIONS = keys("عن", "على", "من")
ALLEGIANCE = keys("المواليه", "الموالي", "المدعومه", "المدعوم", "التابعه", "التابع", "المقربه", "المقرب",
                  "الموالين", "المواليين")


class OrganizationRules:
    def _head_of(self, key: str) -> tuple[str, bool] | None:
        """(head, definite) when the word is an organisation head, behind any proclitics (بوزارة)."""
        cache = self.__dict__.setdefault("_heads_cache", {})
        if key not in cache:
            cache[key] = self._find_head(key)
        return cache[key]

    def _find_head(self, key: str) -> tuple[str, bool] | None:
        heads = self.index.organization_heads
        for _prefix, base in split_proclitics(key):
            if base in heads:
                return base, False
            if base.startswith("ال") and base[2:] in heads:
                return base[2:], True
        return None

    def _organization_names(self) -> None:
        tokens = self.tokens
        covered = {i for m in self.mentions for i in range(m.first_token, m.end_token)}
        countries = {m.first_token: m for m in self.mentions if m.type == "country"}
        # Names found in this loop lie before the position it has reached, so the places after it are
        # those known before the loop.
        places = {i for m in self.mentions if m.type in ("country", "location", "organization")
                  for i in range(m.first_token, m.end_token)}
        after_preposition = {m.first_token: m for m in self.mentions if m.type in ("country", "location")
                             and set(m.data.get("proclitics", "")) & set("بل")}
        position = 0
        while position < len(tokens):
            head = self._head_of(tokens[position].key) if tokens[position].kind == "word" else None
            latin_end = self._latin_name(position, covered) if head is None and position not in covered else None
            if latin_end is not None:
                position = latin_end
                continue
            if head is None or position in covered:
                position += 1
                continue
            sentence = self.doc.sentences[tokens[position].sentence]
            weak = head[0] in self.index.weak_organization_heads
            end = None if head[1] else self._quoted_name_end(position, sentence.end_token)
            if end is None:
                end = self._organization_end(position, head[1], weak, sentence.end_token, covered, places,
                                             after_preposition)
            if end is None:
                position += 1
                continue
            end = self._local_branch_end(end, sentence.end_token, covered)
            country = next((countries[i].entity.split(":", 1)[1] for i in range(position, end) if i in countries),
                           None)
            prefix, base = next((p, b) for p, b in split_proclitics(tokens[position].key)
                                if b in (head[0], "ال" + head[0]))
            elided = head[1] and not tokens[position].key[len(prefix):].startswith("ال")  # للحزب
            key = " ".join([base, *(t.key for t in tokens[position + 1:end] if t.key not in QUOTES)])
            known = self.index.organization_without_spaces(key)  # «صحيفة "الشرق الأوسط"» is in the lexicon
            self.mentions.append(self._mention(position, end, "organization",
                                               f"org:{known}" if known else f"org:name:{key}", "name",
                                               proclitics=prefix, country=country, headed=head[0],
                                               elided=elided))
            covered.update(range(position, end))
            position = end

    def _local_branch_end(self, end: int, limit: int, covered) -> int:
        """«المحكمة الابتدائية بسوسة», «الدفاع المدني بمنطقة مكة المكرمة»: a place after ب belongs to the
        name of a local body (a city or region: after a country, ب is more often a verb's object)."""
        tokens = self.tokens
        if end >= limit or end in covered or tokens[end].kind != "word":
            return end
        place = self._place_after(end, ("ب",), ("location",), heads=True)  # «بسوسة», «بمحافظة جدة»
        return place.end_token if place is not None else end

    def _latin_name(self, first: int, covered) -> int | None:
        """«موقع boredpanda»: a noun of `latin_name_heads` and a name in Latin letters make an organisation;
        adds the mention and returns where it ends."""
        tokens = self.tokens
        if tokens[first].kind != "word" or first + 1 >= len(tokens) or tokens[first + 1].kind != "latin" \
                or first + 1 in covered or tokens[first + 1].sentence != tokens[first].sentence:
            return None
        prefix = next((p for p, base in split_proclitics(tokens[first].key)
                       if base in self.index.latin_name_heads), None)
        if prefix is None:
            return None
        end = first + 1
        while end < len(tokens) and tokens[end].kind == "latin" and end not in covered \
                and tokens[end].sentence == tokens[first].sentence and end - first <= 3:
            end += 1
        key = " ".join(t.key for t in tokens[first + 1:end]).lower()
        self.mentions.append(self._mention(first, end, "organization", f"org:name:{key}", "name",
                                           proclitics=prefix, country=None))
        covered.update(range(first, end))
        return end

    def _quoted_name_end(self, first: int, limit: int) -> int | None:
        """«حزب "كلنا"», «حركة "أمل"»: an indefinite head noun and a name in quotes, whatever the words in
        them (after a definite head, «الحزب "…"» is more often the body speaking)."""
        tokens = self.tokens
        if first + 2 >= limit or tokens[first + 1].key not in QUOTES:
            return None
        for end in range(first + 2, min(limit, first + 2 + MAX_QUOTED_WORDS + 1)):
            if tokens[end].key in QUOTES:
                inner = [m for m in self.mentions.starting_at(first + 2) if m.end_token == end]
                opening = tokens[first + 2].key
                if end == first + 2 or any(m.type == "organization" for m in inner) or (
                        opening in self.index.stopwords and self.index.word_rank.get(opening, 10**9) <= 200):
                    return None  # «وكالة "سانا"»: the lexicon's body already; «جيش "من الأقوى عالميا"»
                for mention in inner:  # «صحيفة "الشرق الأوسط"» names the paper, not the region
                    self.mentions.remove(mention)
                return end + 1
            if tokens[end].kind not in ("word", "latin", "number"):
                return None
        return None

    def _organization_end(self, first: int, definite_head: bool, weak_head: bool, limit: int,
                           covered, places, after_preposition) -> int | None:
        """Where the name opened by the head at `first` ends, or None when no name follows. `places`: the
        tokens inside countries, places and bodies; `after_preposition`: places behind ب or ل, by token."""
        tokens = self.tokens
        end = first + 1
        specific = 0        # specific words in the name
        anchored = False    # a place, country or known body inside it
        prepositions = 0
        while end < min(limit, first + MAX_ORGANIZATION_TOKENS):
            token = tokens[end]
            if token.kind not in ("word", "latin") or (end in covered and end not in places):
                break
            key = token.key
            if any(any(e.kind in ("cue", "trigger", "title") for e in h.entries) for h in self.doc.hits_at(end)):
                break
            definite = self._has_article(token) or key.startswith(("وال", "لل", "ولل"))
            if not definite and self._verb(key):
                break  # «لواء ستنفذ العملية»: a verb after the head
            if key in ALLEGIANCE or "ال" + key in ALLEGIANCE:
                break  # «ميليشيات الحوثي الموالية لإيران», «قوات موالية للنظام»: a description, not the name
            if key.startswith("وال") and end > first + 1 and (
                    self._head_of(key[1:]) is not None or any(
                        any(e.kind == "institution" for e in h.entries) for h in self.doc.hits_at(end))):
                break  # «قوات الجيش الوطني والميليشيات»: and another body
            if key in OBJECT_PREPOSITIONS and end + 1 < limit and self._has_article(tokens[end + 1]) \
                    and tokens[end - 1].key.startswith(("لل", "ولل")) \
                    and tokens[end - 1].key.split("لل", 1)[1] in self.index.organization_purposes:
                end += 1  # «المنظمة الإيطالية للدفاع عن الحريات»: the object of the body's purpose
                continue
            if key in DEFINITE_FUNCTION_WORDS or key in TIME_WORDS:
                break  # التي، الذي، الآن: function words that look definite; «مجلس الوزراء الجمعة»
            if len(key) >= 5 and key.endswith(PRONOUN_ENDINGS):
                break  # «شبكة رحلاتها»: a word with an attached pronoun
            if not definite and key.startswith(("و", "ف")) and (specific or anchored or (
                    self.index.word_rank.get(key, 10**9) > 10000
                    and (key[1:] in self.index.word_rank or self._known_name(key[1:], False)))):
                break  # «الحركة وسراج الدين», «اتحاد زيمبابوي ومنتخبه»: a conjunction starts another phrase
            if end in places and end - 1 == first + 1 and tokens[end - 1].key in self.index.family_names \
                    and self._country_adjective(end):
                break  # «ميليشيات الحوثي الإيرانية»: the adjective describes the group named after a family
            if end in after_preposition:
                place = after_preposition[end]
                if place.type == "location" and place.data.get("proclitics") == "ب" and end > first + 1:
                    anchored, end = True, place.end_token  # «المحكمة الابتدائية بسوسة»: a local body
                break  # «رحبت وزارة الخارجية بفرنسا»: a country after ب or ل is not in the name
            if end in places:
                anchored = True  # «جامعة القاهرة», «أمانة منطقة مكة المكرمة»
            elif definite:
                if key.startswith(("لل", "ولل", "وال")) and end == first + 1:
                    break  # «دار للراهبات»: a name does not start with a preposition or a conjunction
                if key.startswith(("لل", "ولل")):
                    prepositions += 1
                    if prepositions > 1:
                        break  # «الاتحاد التونسي للروغبي للتصرف»: one prepositional phrase at most
                if key in ALLEGIANCE:
                    break  # «ميليشيات الحوثي الموالية لإيران»: a description, not the name
                if not _generic(key):
                    specific += 1
            elif key[:1] in ("ل", "ب") and not self._has_article(token):
                if key[:1] == "ل" and key[1:] in self.index.organization_purposes and (specific or anchored) \
                        and not prepositions and end + 1 < limit and self._has_article(tokens[end + 1]):
                    prepositions += 1  # «الهيئة الوطنية لمكافحة الفساد»: the body's purpose
                    end += 1
                    continue
                break  # «الاتحاد لإقناع الوفد»: a preposition on an indefinite word starts another phrase
            elif self._is_stopword(key):
                break
            elif not definite_head and self._proper_word(key) and (
                    end == first + 1 or not (self._has_article(tokens[end - 1]) or end - 1 in places)):
                # شبكة حقاني، شركة أكمي، مستشفى فرحات حشاد، وكالة أنباء انترفاكس: unknown words or names;
                # not after a place, which ends the name («أمانة مكة تستعد», «منتخب زيمبابوي نائمين»),
                # nor a verb («لواء ستنفذ»)
                anchored = True
                end += 1
                while end < limit and end < first + MAX_ORGANIZATION_TOKENS and tokens[end].kind in ("word", "latin") \
                        and self._proper_word(tokens[end].key) and not self._verb(tokens[end].key) \
                        and not self._conjoined_word(tokens[end].key) \
                        and not (len(tokens[end].key) >= 5 and tokens[end].key.endswith(PRONOUN_ENDINGS)):
                    end += 1
                if end < limit and tokens[end].kind == "number" and tokens[end - 1].kind == "latin":
                    end += 1  # «قناة FOX 40»
                # «رابطة ميلي الإسلامية», «شركة أرامكو السعودية»: the name's own adjectives follow it
                while end < limit and end < first + MAX_ORGANIZATION_TOKENS and tokens[end].kind == "word" \
                        and self._has_article(tokens[end]) and tokens[end].key.endswith(("ي", "يه")) \
                        and (end not in covered or end in places) and tokens[end].key not in ALLEGIANCE \
                        and tokens[end].key not in DEFINITE_FUNCTION_WORDS:
                    end += 1
                break
            elif specific or anchored or definite_head or not (
                    end + 1 < limit and (self._has_article(tokens[end + 1]) or end + 1 in places
                                         or self._proper_word(tokens[end + 1].key))):
                # An indefinite word continues a name only at its start, before a genitive (دول الساحل،
                # منطقة مكة); after a specific word or a place it starts another phrase (… والقروية نتائج
                # الانتخابات، أمانة جدة تستعد).
                break
            end += 1
        while end > first + 1 and _generic(tokens[end - 1].key):
            end -= 1
        if end <= first + 1:
            return None
        if not definite_head and not self._has_article(tokens[first + 1]) \
                and self._indefinite_adjective(tokens[first + 1].key):
            return None  # «حزب كردستاني», «منظمة شبابية»: a Kurdish party, a youth group — not a name
        if self._described_only(first, end):
            return None  # «مجموعة كاملة», «جهاز ذكي»: a whole set, a smart device
        if self._only_a_known_body(first + 1, end):
            return None  # «شبكة CNN»: the lexicon's body already
        # A strong indefinite head needs one specific word (وزارة الداخلية); a weak or a definite head,
        # which may just be «the committee» of the story, needs two or an anchor (اللجنة العامة للانتخابات،
        # الاتحاد التونسي، مركز الملك فيصل).
        needed = 2 if definite_head or weak_head else 1
        if definite_head and end == first + 2 and self._country_adjective(first + 1):
            return None  # «الصحيفة البريطانية»: the British paper of the story, not a name
        return end if anchored or specific >= needed else None

    def _verb(self, key: str) -> bool:
        """ستنفذ، يواجه: a future or imperfect verb the word lists know (يونيليفر is unknown: a name)."""
        return self._future_verb(key) or (key[:1] == "ي" and key in self.index.word_rank
                                          and not self._known_name(key, False))

    def _indefinite_adjective(self, key: str) -> bool:
        """كردستاني، شبابية، روسية: a relative adjective of a frequent word (but سوني is a name)."""
        if key in self.index.given_names:  # family names are often such adjectives (المصري)
            return False
        for suffix in ("يه", "ي"):
            if key.endswith(suffix) and len(key) - len(suffix) >= 4:  # not ولاية
                return self.index.word_rank.get(key[:-len(suffix)], 10**9) <= 10000
        return False

    def _conjoined_word(self, key: str) -> bool:
        """«فندق موفنبيك وغادر»: و or ف on a frequent word begins another clause."""
        index = self.index
        return key[:1] in "وف" and len(key) > 3 and index.word_rank.get(key[1:], 10**9) <= 10000 \
            and key not in index.family_names and key not in index.given_names

    def _proper_word(self, key: str) -> bool:
        """A word that is likely part of a proper name: rare (beyond the 10,000 most frequent) or a name."""
        index = self.index
        if key[:1] in "وف" and len(key) > 3 and key not in index.word_rank and key[1:] in index.word_rank:
            return False  # «شركة استراتيجي واعتمدت»: و on a known word begins another clause
        return index.word_rank.get(key, 10**9) > 10000 or key in index.family_names or key in index.given_names

    def generic_phrase(self, first: int, end: int) -> bool:
        """«اللجنة الجديدة», «مجموعة كاملة», «جهاز ذكي»: a head noun and words that only describe it — generic
        words, or, after a head without the article, frequent words without it that are no names (a name
        after such a head is a rare word, «شركة هانوا», or a definite genitive, «مجموعة العشرين»)."""
        head = self._head_of(self.tokens[first].key)
        if head is None:
            return False
        return all(_generic(t.key) for t in self.tokens[first + 1:end]) or self._described_only(first, end)

    def _described_only(self, first: int, end: int) -> bool:
        """An indefinite head followed only by frequent indefinite words that are no names and name nothing
        the lexicons know (not «جامعة كاليفورنيا», «محكمة مصرية»)."""
        tokens, index = self.tokens, self.index
        head = self._head_of(tokens[first].key)
        return head is not None and not head[1] and not self._has_article(tokens[first]) and end > first + 1 \
            and all(tokens[i].kind == "word" and not self._has_article(tokens[i])
                    and index.word_rank.get(tokens[i].key, 10**9) <= 5000
                    and tokens[i].key not in index.given_names and tokens[i].key not in index.family_names
                    and i not in self.tokens_in_entries(ENTITY_KINDS)
                    for i in range(first + 1, end))

    def _only_a_known_body(self, first: int, end: int) -> bool:
        return any(m.type == "organization" and m.end_token == end for m in self.mentions.starting_at(first))

    def _country_adjective(self, position: int) -> bool:
        return any(m.type == "country" and m.form == "adjective" for m in self.mentions.starting_at(position))

    def _bodies_of_leaders(self) -> None:
        """«إدارة ترامب», «نظام الرئيس بشار الأسد», «قوات حفتر»: a body named by its leader (`of_leader` in
        institutions.yaml) is an organisation of the leader's country; the leader stays a person."""
        people = {}
        for mention in self.mentions:
            if mention.type == "person" and not mention.data.get("proclitics"):
                people[mention.data.get("title_token", mention.first_token)] = mention
        for hit in self.doc.hits:
            entry = next((e for e in hit.entries if e.kind == "leader_body"), None)
            if entry is None:
                continue
            leader = people.get(hit.end_token) or self._known_leader(hit.end_token)
            if leader is None or (leader.data.get("title_proclitics")) \
                    or self.tokens[leader.first_token].sentence != self.tokens[hit.first_token].sentence:
                continue
            span = range(hit.first_token, leader.end_token)
            inside = [m for position in span for m in self.mentions.starting_at(position)
                      if m is not leader and m.type != "country"]
            if any(m.type != "organization" or not m.data.get("headed") or m.end_token > leader.end_token
                   for m in inside):
                continue  # «قوات الجيش الليبي …»: another body is named there
            for mention in inside:
                self.mentions.remove(mention)
            if leader not in self.mentions.starting_at(leader.first_token):
                self.mentions.append(leader)
            known = leader.data.get("known")
            country = (self.index.tables["people"][known].get("country") if known else None) \
                or leader.data.get("affiliation")
            self.mentions.append(self._mention(hit.first_token, leader.end_token, "organization",
                                               f"org:name:{entry.ident} {leader.entity}", "name",
                                               proclitics=hit.proclitics, country=country, elided=hit.elided))

    def _known_leader(self, first: int):
        """«حكومة نتنياهو» read as one head-noun name: the known person in it, as a person mention."""
        for hit in self.doc.hits_at(first):
            person = next((e for e in hit.entries if e.kind == "person" and not e.needs_context), None)
            if person is not None and not hit.proclitics:
                return self._mention(first, hit.end_token, "person", self._known_entity(person.ident), "name",
                                     known=person.ident)
        return None

    def _names_of_bodies(self) -> None:
        """«طبيبة بفرحات حشاد» after «مستشفى فرحات حشاد»: a tagged name that completes an organisation's
        head noun is that organisation, not a person."""
        bodies = {}
        for mention in self.mentions:
            if mention.type == "organization" and mention.data.get("headed"):
                words = mention.entity.split(":", 2)[-1].split(" ")
                bodies.setdefault(" ".join(words[1:]), mention.entity)
        for mention in self.mentions:
            if mention.type == "person" and mention.data.get("tagged"):
                owner = bodies.get(mention.entity.split(":", 1)[1])
                if owner:
                    mention.type, mention.entity, mention.form = "organization", owner, "short"

    def _shortened_names(self) -> None:
        """«حزب "الحياة الحرة"» beside «حزب "الحياة الحرة الكردستاني"»: a head-noun name whose words begin
        exactly one longer such name of the article is that body."""
        names = {m.entity: m.entity.split(":", 2)[-1].split(" ") for m in self.mentions
                 if m.type == "organization" and m.data.get("headed")}
        for mention in self.mentions:
            words = names.get(mention.entity)
            if words is None or len(words) < 3:
                continue
            longer = [e for e, other in names.items() if len(other) > len(words) and other[:len(words)] == words]
            if len(longer) == 1:
                mention.entity, mention.form = longer[0], "short"

    def _short_forms(self) -> None:
        """A later bare definite head joins the one organisation of the article it can name."""
        self._shortened_names()
        tokens = self.tokens
        covered = {i for m in self.mentions for i in range(m.first_token, m.end_token)}
        by_head: dict[str, set] = {}
        first_seen: dict[str, int] = {}
        for mention in self.mentions:
            if mention.type != "organization":
                continue
            head = self._head_of(tokens[mention.first_token].key)
            if head is None and mention.data.get("institution"):
                institution = self.index.tables["institutions"][mention.data["institution"]]
                head = self._head_of(matching_key(institution["name"].split()[0]))
            if head is not None:
                by_head.setdefault(head[0], set()).add(mention.entity)
                first_seen[mention.entity] = min(first_seen.get(mention.entity, 10**9), mention.first_token)
        for position, token in enumerate(tokens):
            if position in covered or token.kind != "word":
                continue
            head = self._head_of(token.key)
            if head is None or not head[1]:
                continue
            owners = {e for e in by_head.get(head[0], ()) if first_seen[e] < position}
            if len(owners) != 1:
                continue
            following = tokens[position + 1] if position + 1 < len(tokens) else None
            if following is not None and following.kind == "word" and self._has_article(following):
                continue  # «الوزارة الجديدة …» might be another body; only a bare head joins
            prefix = next((p for p, base in split_proclitics(token.key) if base == "ال" + head[0]), "")
            self.mentions.append(self._mention(position, position + 1, "organization", owners.pop(), "short",
                                               proclitics=prefix))
